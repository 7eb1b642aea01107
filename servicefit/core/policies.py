"""Who may do what, and on which teams' records: every access rule of ServiceFit, by name.

A policy names the roles that may use it and, for records that belong to a team, how far each
role reaches: "own teams" (the user's teams and the teams below them) or "all teams". A user with
several roles gets the widest reach among them. Pages declare a policy with
`servicefit.core.decorators.policy_required`, the API with `servicefit.core.permissions.policy_permission`,
and selectors narrow querysets with `Policy.scope`, so the rule is written once and read everywhere.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.roles import ALL_ROLES, Role, user_roles
from servicefit.core.teams import team_default, user_direct_team_ids, user_team_ids


@dataclass(frozen=True)
class Policy:
    name: str
    own_teams: frozenset[str] = field(default_factory=frozenset)
    all_teams: frozenset[str] = field(default_factory=frozenset)
    # False: the policy guards shared data (the framework, the lexicon) that no team owns.
    team_data: bool = True

    def __post_init__(self):
        unknown = (self.own_teams | self.all_teams) - ALL_ROLES
        if unknown:
            raise ValueError(f"Unknown roles in policy {self.name}: {sorted(unknown)}")

    @property
    def roles(self) -> frozenset[str]:
        return self.own_teams | self.all_teams

    def allows(self, user) -> bool:
        return bool(user_roles(user) & self.roles)

    def reaches_all_teams(self, user) -> bool:
        return bool(user_roles(user) & self.all_teams) or (not self.team_data and self.allows(user))

    def team_ids(self, user) -> frozenset[int] | None:
        """The teams whose records the user reaches; None means every team."""
        if not self.allows(user):
            return frozenset()
        if self.reaches_all_teams(user):
            return None
        return user_team_ids(user)

    def allows_team(self, user, team_id: int | None) -> bool:
        team_ids = self.team_ids(user)
        return self.allows(user) and (team_ids is None or team_id in team_ids)

    def scope(self, queryset: QuerySet, user, *, field: str = "team") -> QuerySet:
        """`queryset` narrowed to the records of the teams the user reaches (none without the role)."""
        team_ids = self.team_ids(user)
        if team_ids is None:
            return queryset
        return queryset.filter(**{f"{field}__in": team_ids})


def _roles(*roles: str) -> frozenset[str]:
    return frozenset(roles)


RECRUITER, HR, MANAGER, ADMIN = Role.RECRUITER, Role.HR, Role.MANAGER, Role.ADMIN

# Shared data: everyone with a role reads the framework; no team owns it.
FRAMEWORK_READ = Policy("framework_read", all_teams=ALL_ROLES, team_data=False)
FRAMEWORK_EDIT = Policy("framework_edit", all_teams=_roles(RECRUITER, HR, ADMIN), team_data=False)
LEXICON_UPLOAD = Policy("lexicon_upload", all_teams=_roles(ADMIN), team_data=False)
CLASSIFIER_RETRAIN = Policy("classifier_retrain", all_teams=_roles(HR, ADMIN), team_data=False)
# Recruiters' sentence corrections train the shared classifier.
SENTENCE_LABEL_WRITE = Policy("sentence_label_write", all_teams=_roles(RECRUITER, HR, ADMIN), team_data=False)
ASSESSMENT_READ = Policy("assessment_read", all_teams=_roles(RECRUITER, HR, ADMIN), team_data=False)
# Item statistics pool every team's attempts; they show no person.
ITEM_ANALYSIS_RUN = Policy("item_analysis_run", all_teams=_roles(HR, ADMIN), team_data=False)

# A team's records: recruiters and managers stay in their own teams, HR and admins see all.
JOB_AD_READ = Policy("job_ad_read", own_teams=_roles(RECRUITER, MANAGER), all_teams=_roles(HR, ADMIN))
JOB_AD_WRITE = Policy("job_ad_write", own_teams=_roles(RECRUITER), all_teams=_roles(HR, ADMIN))
CANDIDATE_RESULTS_READ = Policy("candidate_results_read", own_teams=_roles(RECRUITER), all_teams=_roles(HR, ADMIN))
CANDIDATE_WRITE = Policy("candidate_write", own_teams=_roles(RECRUITER), all_teams=_roles(HR, ADMIN))
# A requisition's pipeline board: who is in which stage, by name. A hiring manager follows their own
# team's requisitions (no scores, no contact details); recruiters, HR and admins as for candidates.
PIPELINE_READ = Policy("pipeline_read", own_teams=_roles(RECRUITER, MANAGER), all_teams=_roles(HR, ADMIN))
# The fit ranking advises the recruiter and the hiring manager (MANAGER) of the requisition's team.
RANKING_READ = Policy("ranking_read", own_teams=_roles(RECRUITER, MANAGER), all_teams=_roles(HR, ADMIN))
# Deciding against the ranking moves the application: CANDIDATE_WRITE's roles, and a manager for the
# requisitions they are the hiring manager of (hiring/decisions.py checks that part per requisition).
RANKING_DECIDE = Policy("ranking_decide", own_teams=_roles(RECRUITER, MANAGER), all_teams=_roles(HR, ADMIN))
# Aggregates only (no person is shown), yet about applicants: recruiters of the team and HR; a hiring
# manager sees their own candidates, not how the team's selection falls across groups.
ADVERSE_IMPACT_READ = Policy("adverse_impact_read", own_teams=_roles(RECRUITER), all_teams=_roles(HR, ADMIN))
PERSONAL_DATA_EXPORT = Policy("personal_data_export", all_teams=_roles(HR, ADMIN))
PERSONAL_DATA_ERASE = Policy("personal_data_erase", all_teams=_roles(HR, ADMIN))
# Employees (workforce): a team lead (MANAGER) follows their own team's agents, HR and admins all.
# Recruiters see no employee data (least privilege).
AGENT_READ = Policy("agent_read", own_teams=_roles(MANAGER), all_teams=_roles(HR, ADMIN))
# Employee master data (create, import, exit): HR's records.
AGENT_WRITE = Policy("agent_write", all_teams=_roles(HR, ADMIN))
# Development records (ratings, plans, coaching, training, moves): the team lead and HR.
DEVELOPMENT_WRITE = Policy("development_write", own_teams=_roles(MANAGER), all_teams=_roles(HR, ADMIN))
# The retention dashboard and the at-risk list: the team lead for their team, HR for all.
RETENTION_READ = Policy("retention_read", own_teams=_roles(MANAGER), all_teams=_roles(HR, ADMIN))
# Pulse surveys: HR creates and sends them; results are read under RETENTION_READ (groups of 5+).
PULSE_MANAGE = Policy("pulse_manage", all_teams=_roles(HR, ADMIN))
# Training and activating attrition models: shared, no team owns a model.
ATTRITION_MODEL_MANAGE = Policy("attrition_model_manage", all_teams=_roles(HR, ADMIN), team_data=False)
# The staffing plan: centre-wide traffic and head counts, no person in it. Team leads read it, HR and
# admins also import traffic and change the planning assumptions.
STAFFING_READ = Policy("staffing_read", all_teams=_roles(HR, MANAGER, ADMIN), team_data=False)
STAFFING_WRITE = Policy("staffing_write", all_teams=_roles(HR, ADMIN), team_data=False)
# What candidates see of the employer (name, logo, e-mail sender, feedback report): one profile, no team's.
EMPLOYER_PROFILE_EDIT = Policy("employer_profile_edit", all_teams=_roles(HR, ADMIN), team_data=False)

POLICIES = {
    p.name: p
    for p in (
        FRAMEWORK_READ,
        FRAMEWORK_EDIT,
        LEXICON_UPLOAD,
        CLASSIFIER_RETRAIN,
        SENTENCE_LABEL_WRITE,
        ASSESSMENT_READ,
        ITEM_ANALYSIS_RUN,
        JOB_AD_READ,
        JOB_AD_WRITE,
        CANDIDATE_RESULTS_READ,
        CANDIDATE_WRITE,
        PIPELINE_READ,
        RANKING_READ,
        RANKING_DECIDE,
        ADVERSE_IMPACT_READ,
        PERSONAL_DATA_EXPORT,
        PERSONAL_DATA_ERASE,
        AGENT_READ,
        AGENT_WRITE,
        DEVELOPMENT_WRITE,
        RETENTION_READ,
        PULSE_MANAGE,
        ATTRITION_MODEL_MANAGE,
        STAFFING_READ,
        STAFFING_WRITE,
        EMPLOYER_PROFILE_EDIT,
    )
}


def team_choices(*, policy: Policy, user) -> QuerySet[Team]:
    """The teams a user may put a new record of this policy in."""
    return policy.scope(Team.objects.all(), user, field="id").order_by("name")


def team_for_new_record(*, policy: Policy, user, team: Team | None = None) -> Team:
    """The team a new record goes to: the one chosen, else the user's only team.

    Without a user (a command, a task) the record goes to the default team.
    """
    if user is None:
        return team or team_default()
    if team is not None:
        if not policy.allows_team(user, team.id):
            raise ApplicationError(_("You cannot add records to that team."), extra={"fields": {"team": ["forbidden"]}})
        return team
    direct = sorted(user_direct_team_ids(user))
    if len(direct) == 1 and policy.allows_team(user, direct[0]):
        return Team.objects.get(id=direct[0])
    if len(direct) > 1:
        raise ApplicationError(
            _("You belong to several teams: choose the team this is for."), extra={"fields": {"team": ["required"]}}
        )
    if policy.reaches_all_teams(user):
        return team_default()
    raise ApplicationError(
        _("You belong to no team yet; ask an administrator to add you to one."), extra={"fields": {"team": ["none"]}}
    )
