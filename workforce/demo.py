"""The demo contact centre for `seed_demo`: workforce.demo_population's synthetic agents written in
bulk, plus the hiring demo's real hires as agents (the closing-the-loop section then has real records).

Teams: the demo's Copenhagen and Oslo and a Stockholm team (country SE, under the same centre). The
demo `manager` user (Maja, who leads the whole centre) is the line manager of Copenhagen's agents;
Oslo and Stockholm get a team lead each (manager users that cannot log in). Safe to run again: the
population is written once (recognised by its e-mail domain), hires already linked are skipped.
"""

from datetime import datetime, time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from hiring.models import Hire
from profiles.models import Competency, RoleProfile
from servicefit.core.management.commands.seed_demo import demo_teams_ensure
from servicefit.core.models import Team
from servicefit.core.roles import Role
from servicefit.core.teams import team_membership_set
from workforce.attrition_models import attrition_model_active
from workforce.demo_population import TEXTS, ManagerSpec, Population, RoleSpec, TeamSpec, population
from workforce.models import (
    Agent,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    ModelKind,
    PlanGoal,
    PulseInvitation,
    PulseResponse,
    PulseSurvey,
    SnapshotSource,
    SurveyStatus,
    Training,
    TrainingKind,
)
from workforce.risk import risk_train_and_score

DEMO_SEED = 2026
# 480 periods from a launch class one year before a three-year window: about 320 agents work in the
# window, about 130 at a time; ServiceFit has been used for two years (enough hires for the fit bands).
DEMO_AGENTS = 480
DEMO_YEARS = 3
DEMO_HISTORY_YEARS = 1
DEMO_SERVICEFIT_MONTHS = 24
DEMO_EMAIL_DOMAIN = "@agents.servicefit.example"
STOCKHOLM = "Stockholm"
SITE_COUNTRIES = {"Copenhagen": "DK", "Oslo": "NO", STOCKHOLM: "SE"}
# (username, first name, e-mail, site, coaching culture): the share of their agents who are coached often.
TEAM_LEADS = [
    ("lead-oslo", "Ingrid", "ingrid@demo.servicefit.local", "Oslo", 0.35),
    ("lead-stockholm", "Johan", "johan@demo.servicefit.local", STOCKHOLM, 0.5),
]
MANAGER_CULTURE = 0.65  # the demo manager in Copenhagen coaches more than the Oslo lead
SPECIALIST_ROLES = ("advisor-controller-led", "technical-support-specialist")


def demo_sites_ensure() -> dict[str, Team]:
    """The demo's sites, with a Stockholm team beside Copenhagen and Oslo."""
    teams = demo_teams_ensure()
    centre = next(team for team in teams.values() if team.parent_id is None)
    stockholm, _created = Team.objects.get_or_create(name=STOCKHOLM, defaults={"parent": centre, "country": "SE"})
    return {name: teams[name] for name in SITE_COUNTRIES if name in teams} | {STOCKHOLM: stockholm}


def demo_team_leads_ensure(sites: dict[str, Team]) -> dict:
    """Manager users for the sites other than Copenhagen, without a usable password (no login, and no
    slow password hashing in seed_demo)."""
    manager_group = Group.objects.get_or_create(name=Role.MANAGER)[0]
    leads = {}
    for username, first_name, email, site, _culture in TEAM_LEADS:
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.email, user.first_name, user.is_active, user.is_staff = email, first_name, True, False
        user.set_unusable_password()
        user.save()
        user.groups.set([manager_group])
        team_membership_set(user=user, teams=[sites[site]])
        leads[username] = user
    return leads


def demo_role_specs() -> list[RoleSpec]:
    profiles = RoleProfile.objects.filter(is_template=True).prefetch_related("competencies__competency")
    specs = [
        RoleSpec(
            profile.slug,
            {row.competency.code: row.target_level for row in profile.competencies.all()},
            specialist=profile.slug in SPECIALIST_ROLES,
        )
        for profile in profiles
        if profile.competencies.all()
    ]
    # The generalist first: new hires start there.
    return sorted(specs, key=lambda spec: (spec.specialist, spec.slug))


def _aware(day, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def demo_population_write(*, pop: Population, sites: dict[str, Team], users: dict) -> int:
    """Write every record of `pop` in bulk; returns the number of agents."""
    profiles = {p.slug: p for p in RoleProfile.objects.filter(slug__in={a.role_profile for a in pop.agents})}
    competencies = dict(Competency.objects.values_list("code", "id"))
    agents = Agent.objects.bulk_create(
        [
            Agent(
                employee_number=a.employee_number,
                name=a.name,
                email=a.email,
                team=sites[a.team],
                manager=users.get(a.manager),
                role_profile=profiles.get(a.role_profile),
                channels=a.channels,
                hire_date=a.hire_date,
                employment_status=a.employment_status,
                exit_date=a.exit_date,
                exit_type=a.exit_type,
                exit_reason=a.exit_reason,
                source=a.source,
                hiring_profile=a.hiring_profile,
                hiring_fit=a.hiring_fit,
                hiring_fit_label=a.hiring_fit_label,
                hiring_dominant_type=a.hiring_dominant_type,
            )
            for a in pop.agents
        ],
        batch_size=1000,
    )
    ids = [agent.id for agent in agents]
    CoachingSession.objects.bulk_create(
        [
            CoachingSession(
                agent_id=ids[c.agent], held_on=c.held_on, coach=users.get(c.coach), topic=c.topic, notes=c.notes
            )
            for c in pop.coaching
        ],
        batch_size=2000,
    )
    Training.objects.bulk_create(
        [
            Training(
                agent_id=ids[t.agent],
                kind=t.kind,
                title=t.title,
                provider=t.provider,
                competency_id=competencies.get(t.competency),
                completed_on=t.completed_on,
                expires_on=t.expires_on,
            )
            for t in pop.trainings
        ],
        batch_size=2000,
    )
    plans = DevelopmentPlan.objects.bulk_create(
        [
            DevelopmentPlan(
                agent_id=ids[p.agent],
                title=p.title,
                starts_on=p.starts_on,
                status=p.status,
                created_by=users.get(p.created_by),
            )
            for p in pop.plans
        ],
        batch_size=1000,
    )
    PlanGoal.objects.bulk_create(
        [
            PlanGoal(
                plan_id=plan.id,
                competency_id=competencies.get(g.competency),
                description=g.description,
                target_level=g.target_level,
                due_on=g.due_on,
                status=g.status,
                completed_on=g.completed_on,
            )
            for plan, p in zip(plans, pop.plans, strict=True)
            for g in p.goals
        ],
        batch_size=2000,
    )
    snapshots = CompetencySnapshot.objects.bulk_create(
        [
            CompetencySnapshot(
                agent_id=ids[s.agent],
                taken_on=s.taken_on,
                source=SnapshotSource.MANAGER_RATING,
                rated_by=users.get(s.rated_by),
            )
            for s in pop.snapshots
        ],
        batch_size=1000,
    )
    CompetencyLevel.objects.bulk_create(
        [
            CompetencyLevel(snapshot_id=snapshot.id, competency_id=competencies[code], level=level)
            for snapshot, s in zip(snapshots, pop.snapshots, strict=True)
            for code, level in s.levels.items()
            if code in competencies
        ],
        batch_size=5000,
    )
    CareerMove.objects.bulk_create(
        [
            CareerMove(
                agent_id=ids[m.agent],
                moved_on=m.moved_on,
                kind=m.kind,
                title=m.title,
                from_team=sites[m.from_team],
                to_team=sites[m.to_team],
                from_role_profile=profiles.get(m.from_role_profile),
                to_role_profile=profiles.get(m.to_role_profile),
            )
            for m in pop.moves
        ],
        batch_size=1000,
    )
    surveys = PulseSurvey.objects.bulk_create(
        [
            PulseSurvey(
                team=None,
                title=s.title,
                opens_on=s.opens_on,
                closes_on=s.closes_on,
                status=SurveyStatus.CLOSED if s.closes_on < pop.today else SurveyStatus.OPEN,
                created_by=users.get("hr"),
            )
            for s in pop.surveys
        ]
    )
    survey_ids = {s.key: survey.id for s, survey in zip(pop.surveys, surveys, strict=True)}
    opens = {s.key: s.opens_on for s in pop.surveys}
    answered = {(r.agent, r.survey): r.answered_on for r in pop.pulse}
    PulseInvitation.objects.bulk_create(
        [
            PulseInvitation(
                survey_id=survey_ids[key],
                agent_id=ids[a],
                sent_at=_aware(opens[key], 8),
                answered_at=_aware(answered[(a, key)], 12) if (a, key) in answered else None,
            )
            for a, key in pop.invited
        ],
        batch_size=2000,
    )
    PulseResponse.objects.bulk_create(
        [
            PulseResponse(
                survey_id=survey_ids[r.survey],
                agent_id=ids[r.agent],
                team=sites[r.team],
                answered_on=r.answered_on,
                recommend=r.recommend,
                workload=r.workload,
                growth=r.growth,
                manager_support=r.manager_support,
            )
            for r in pop.pulse
        ],
        batch_size=2000,
    )
    return len(agents)


def demo_hires_link(*, managers_by_team: dict[int, object]) -> int:
    """The hiring demo's hires become agents (employee number SF-<hire id> until HR sets the real one,
    as the hire hand-off does); hires that already have an agent are skipped."""
    made = []
    hires = Hire.objects.filter(cancelled_at__isnull=True, agent__isnull=True, candidate__isnull=False)
    for hire in hires.select_related("candidate"):
        type_scores = (hire.assessment_profile or {}).get("type_scores") or {}
        made.append(
            Agent(
                employee_number=f"SF-{hire.id}",
                name=hire.candidate.name,
                email=hire.candidate.email,
                team_id=hire.team_id,
                manager=managers_by_team.get(hire.team_id),
                role_profile_id=hire.role_profile_id,
                channels=["phone", "email"],
                hire_date=hire.hired_on,
                source=hire.candidate.source,
                candidate_id=hire.candidate_id,
                application_id=hire.application_id,
                hire=hire,
                hiring_profile=hire.assessment_profile or {},
                hiring_fit=hire.fit,
                hiring_fit_label=hire.fit_label,
                hiring_dominant_type=max(type_scores, key=type_scores.get) if type_scores else "",
            )
        )
    agents = Agent.objects.bulk_create(made)
    team_names = dict(Team.objects.filter(id__in={a.team_id for a in agents}).values_list("id", "name"))
    texts = {team_id: TEXTS[SITE_COUNTRIES.get(name, "EN")] for team_id, name in team_names.items()}
    Training.objects.bulk_create(
        [
            Training(
                agent_id=agent.id,
                kind=TrainingKind.ON_THE_JOB,
                title=texts[agent.team_id]["onboarding"],
                provider=texts[agent.team_id]["internal"],
                completed_on=agent.hire_date,
            )
            for agent in agents
        ]
    )
    return len(agents)


def demo_load(*, users: dict) -> str:
    """The seed_demo entry point (registered in WorkforceConfig.ready after the hiring pipeline's)."""
    with transaction.atomic():
        sites = demo_sites_ensure()
        leads = demo_team_leads_ensure(sites)
        people = {**users, **leads}
        managers_by_team = {sites["Copenhagen"].id: users.get("manager")} if "Copenhagen" in sites else {}
        managers_by_team |= {sites[site].id: leads[username] for username, _f, _e, site, _c in TEAM_LEADS}
        made = 0
        if not Agent.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN).exists():
            managers = [ManagerSpec("manager", "Copenhagen", MANAGER_CULTURE)] + [
                ManagerSpec(username, site, culture) for username, _f, _e, site, culture in TEAM_LEADS
            ]
            pop = population(
                n_agents=DEMO_AGENTS,
                years=DEMO_YEARS,
                teams=[TeamSpec(name, country) for name, country in SITE_COUNTRIES.items() if name in sites],
                managers=managers,
                role_profiles=demo_role_specs(),
                today=timezone.localdate(),
                seed=DEMO_SEED,
                history_years=DEMO_HISTORY_YEARS,
                servicefit_months=DEMO_SERVICEFIT_MONTHS,
            )
            made = demo_population_write(pop=pop, sites=sites, users=people)
        linked = demo_hires_link(managers_by_team=managers_by_team)
    line = f"demo agents created: {made}, from demo hires: {linked}"
    if made and attrition_model_active(kind=ModelKind.HAZARD) is None:
        # The at-risk list and the agent pages show risk from the first visit, as after a night's scoring.
        result = risk_train_and_score()
        line += f"; risk model v{result['model']} trained, {result['scored']} agents scored"
    return line
