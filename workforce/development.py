"""Writing an agent's development: competency snapshots, re-assessments, plans and goals, training,
coaching and career moves.

Every service validates before it writes and writes in one transaction. Which agent a user may
change is checked by the callers (views and API) with DEVELOPMENT_WRITE and the agent's team; a
career move to another team is checked here too, since the user must also reach the team the agent
goes to.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments import services as assessment_services
from assessments.models import Assessment, Attempt
from profiles.models import Competency, RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.policies import DEVELOPMENT_WRITE
from workforce.analysis.development import level_from_score
from workforce.models import (
    Agent,
    AgentAssessment,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    EmploymentStatus,
    GoalStatus,
    MoveKind,
    PlanGoal,
    SnapshotSource,
    Training,
)

UNCHANGED = object()


def _invalid(message: str, fields: dict[str, list[str]]) -> ApplicationError:
    return ApplicationError(message, extra={"fields": fields})


def _validated(instance, message: str, *, errors: dict | None = None, exclude=()) -> None:
    errors = {key: list(value) for key, value in (errors or {}).items()}
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=False)
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if errors:
        raise _invalid(message, errors)


def _day_errors(agent: Agent, day: date | None, field: str, *, before_hire: bool = False) -> dict:
    """A development record's date: not in the future, and (unless `before_hire`) not before the hire."""
    if day is None:
        return {}
    if day > timezone.localdate():
        return {field: [_("The date cannot be in the future.")]}
    if not before_hire and day < agent.hire_date:
        return {field: [_("The date cannot be before the agent's hire date.")]}
    return {}


def _competencies(codes) -> dict[str, Competency]:
    return {c.code: c for c in Competency.objects.filter(code__in=list(codes))}


# Competency snapshots -----------------------------------------------------------------------------


def snapshot_record(
    *,
    agent: Agent,
    levels: Mapping[str, float | int | Decimal],
    source: str = SnapshotSource.MANAGER_RATING,
    taken_on: date | None = None,
    user=None,
    agent_assessment: AgentAssessment | None = None,
) -> CompetencySnapshot:
    """A snapshot of `levels` (competency code → level 1–5). A manager rates on the whole anchors;
    a re-assessment or an import may give fractions."""
    taken_on = taken_on or timezone.localdate()
    message = _("The competency rating is not valid.")
    errors = _day_errors(agent, taken_on, "taken_on")
    if source not in SnapshotSource.values:
        errors["source"] = [_("Choose one of: %(values)s.") % {"values": ", ".join(SnapshotSource.values)}]
    known = _competencies(levels)
    if not levels:
        errors["levels"] = [_("Rate at least one competency.")]
    problems = []
    for code, level in levels.items():
        if code not in known:
            problems.append(_("There is no competency “%(code)s”.") % {"code": str(code)[:60]})
        elif not isinstance(level, int | float | Decimal) or isinstance(level, bool) or not 1 <= level <= 5:
            problems.append(_("%(code)s: give a level from 1 to 5.") % {"code": code})
        elif source == SnapshotSource.MANAGER_RATING and level != int(level):
            problems.append(_("%(code)s: a rating is one of the anchors, a whole level from 1 to 5.") % {"code": code})
    if problems:
        errors["levels"] = problems
    if errors:
        raise _invalid(message, errors)
    with transaction.atomic():
        snapshot = CompetencySnapshot.objects.create(
            agent=agent, taken_on=taken_on, source=source, rated_by=user, agent_assessment=agent_assessment
        )
        _levels_write(snapshot, known, levels)
    return snapshot


def _levels_write(snapshot: CompetencySnapshot, known: dict[str, Competency], levels: Mapping) -> None:
    CompetencyLevel.objects.bulk_create(
        CompetencyLevel(snapshot=snapshot, competency=known[code], level=Decimal(str(round(float(level), 2))))
        for code, level in levels.items()
    )


# Re-assessment ------------------------------------------------------------------------------------


def agent_language(agent: Agent) -> str:
    """The language of an agent's invitations: the one they were assessed in at hiring, else the
    language the user works in."""
    if agent.candidate_id and agent.candidate.language in LANGUAGE_CODES:
        return agent.candidate.language
    current = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return current if current in LANGUAGE_CODES else DEFAULT_LANGUAGE


def agent_reassess(
    *, agent: Agent, assessment: Assessment, user, language: str | None = None, send: bool = True
) -> AgentAssessment:
    """An assessment invitation for the agent's e-mail, in the agent's team, joined to the agent; the
    scored attempt becomes a competency snapshot (`attempt_scored_received`).

    The invitation is made without the user: assessments checks that its creator may invite
    candidates (recruiters), and a team lead re-assessing their own agent is not a recruiter.
    """
    errors = {}
    if not agent.email:
        errors["email"] = [_("The agent has no e-mail address to send the assessment to.")]
    if agent.employment_status == EmploymentStatus.EXITED:
        errors["agent"] = [_("The agent has left.")]
    if errors:
        raise _invalid(_("The re-assessment cannot be sent."), errors)
    with transaction.atomic():
        invitation = assessment_services.invitation_create(
            assessment=assessment,
            email=agent.email,
            name=agent.name,
            language=language or agent_language(agent),
            user=None,
            team=agent.team,
            send=send,
        )
        invitation.created_by = user if user is not None and user.is_authenticated else None
        invitation.save(update_fields=["created_by"])
        return AgentAssessment.objects.create(agent=agent, invitation=invitation, requested_by=invitation.created_by)


def snapshot_from_assessment(*, agent_assessment: AgentAssessment) -> CompetencySnapshot | None:
    """The re-assessment's competency scores (0–100) as a snapshot on the anchors
    (analysis.development.level_from_score). A later re-score (a reviewed written answer) replaces
    the levels of the same snapshot. None while the attempt has no scored competency."""
    attempt = (
        Attempt.objects.filter(invitation_id=agent_assessment.invitation_id, submitted_at__isnull=False)
        .select_related("result")
        .first()
    )
    result = getattr(attempt, "result", None) if attempt is not None else None
    if result is None:
        return None
    known = _competencies(result.competency_scores)
    levels = {code: level_from_score(score) for code, score in result.competency_scores.items() if code in known}
    if not levels:
        return None
    with transaction.atomic():
        snapshot = (
            CompetencySnapshot.objects.select_for_update().filter(agent_assessment=agent_assessment).first()
        ) or CompetencySnapshot(
            agent_id=agent_assessment.agent_id,
            agent_assessment=agent_assessment,
            source=SnapshotSource.ASSESSMENT,
            rated_by=None,
        )
        snapshot.taken_on = timezone.localdate(attempt.submitted_at)
        snapshot.save()
        snapshot.levels.all().delete()
        _levels_write(snapshot, known, levels)
    return snapshot


def attempt_scored_received(sender, *, attempt_id: int, invitation_id: int, **kwargs) -> None:
    """assessments.signals.attempt_scored (sent after the scoring committed): a re-assessment's
    snapshot. A small write, done at once rather than queued."""
    link = AgentAssessment.objects.filter(invitation_id=invitation_id).first()
    if link is not None:
        snapshot_from_assessment(agent_assessment=link)


# Plans and goals ----------------------------------------------------------------------------------


def _goal_built(plan: DevelopmentPlan, data: Mapping) -> PlanGoal:
    goal = PlanGoal(
        plan=plan,
        competency=data.get("competency"),
        description=(data.get("description") or "").strip(),
        target_level=data.get("target_level"),
        due_on=data.get("due_on"),
        status=data.get("status") or GoalStatus.OPEN,
    )
    _completion_follow(goal, data.get("completed_on"))
    return goal


def _completion_follow(goal: PlanGoal, completed_on: date | None) -> None:
    """An achieved goal has the day it was achieved (today unless given); any other status has none."""
    if goal.status == GoalStatus.ACHIEVED:
        goal.completed_on = completed_on or goal.completed_on or timezone.localdate()
    else:
        goal.completed_on = None


def _goal_validated(goal: PlanGoal, agent: Agent) -> None:
    errors = _day_errors(agent, goal.completed_on, "completed_on")
    _validated(goal, _("The goal is not valid."), errors=errors, exclude=["plan"])


def plan_create(
    *, agent: Agent, title: str, user, starts_on: date | None = None, goals: list[Mapping] = ()
) -> DevelopmentPlan:
    """A plan with its goals (dicts of competency, description, target_level, due_on, status)."""
    plan = DevelopmentPlan(agent=agent, title=(title or "").strip(), starts_on=starts_on or timezone.localdate())
    plan.created_by = user if user is not None and user.is_authenticated else None
    _validated(plan, _("The development plan is not valid."), exclude=["agent", "created_by"])
    built = [_goal_built(plan, data) for data in goals]
    for index, goal in enumerate(built):
        try:
            _goal_validated(goal, agent)
        except ApplicationError as exc:
            fields = {f"goals[{index}].{key}": value for key, value in exc.extra["fields"].items()}
            raise _invalid(exc.message, fields) from None
    with transaction.atomic():
        plan.save()
        for goal in built:
            goal.plan = plan
        PlanGoal.objects.bulk_create(built)
    return plan


def plan_update(*, plan: DevelopmentPlan, title=UNCHANGED, starts_on=UNCHANGED, status=UNCHANGED) -> DevelopmentPlan:
    changes = {"title": title, "starts_on": starts_on, "status": status}
    for field, value in changes.items():
        if value is not UNCHANGED:
            setattr(plan, field, value.strip() if isinstance(value, str) and field == "title" else value)
    _validated(plan, _("The development plan is not valid."), exclude=["agent", "created_by"])
    plan.save()
    return plan


def goal_add(*, plan: DevelopmentPlan, **data) -> PlanGoal:
    goal = _goal_built(plan, data)
    _goal_validated(goal, plan.agent)
    goal.save()
    return goal


GOAL_FIELDS = ("competency", "description", "target_level", "due_on", "status", "completed_on")


def goal_update(*, goal: PlanGoal, **changes) -> PlanGoal:
    """Change any of GOAL_FIELDS. Setting the status to achieved sets completed_on (today unless given);
    any other status clears it."""
    unknown = set(changes) - set(GOAL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown goal fields: {sorted(unknown)}")
    with transaction.atomic():
        goal = PlanGoal.objects.select_for_update().select_related("plan__agent").get(pk=goal.pk)
        for field, value in changes.items():
            if field != "completed_on":
                setattr(goal, field, value.strip() if field == "description" and isinstance(value, str) else value)
        _completion_follow(goal, changes.get("completed_on"))
        _goal_validated(goal, goal.plan.agent)
        goal.save()
    return goal


# Training, coaching, career moves -----------------------------------------------------------------


def training_add(
    *,
    agent: Agent,
    kind: str,
    title: str,
    completed_on: date,
    provider: str = "",
    competency: Competency | None = None,
    expires_on: date | None = None,
) -> Training:
    training = Training(
        agent=agent,
        kind=kind,
        title=(title or "").strip(),
        provider=(provider or "").strip(),
        competency=competency,
        completed_on=completed_on,
        expires_on=expires_on,
    )
    errors = _day_errors(agent, completed_on, "completed_on", before_hire=True)
    if expires_on is not None and completed_on is not None and expires_on < completed_on:
        errors["expires_on"] = [_("A certificate cannot expire before it was obtained.")]
    _validated(training, _("The training is not valid."), errors=errors, exclude=["agent"])
    training.save()
    return training


def coaching_add(*, agent: Agent, held_on: date, topic: str, user, notes: str = "", coach=UNCHANGED) -> CoachingSession:
    """A coaching session; the coach is the user unless another one is named (None: not recorded)."""
    if coach is UNCHANGED:
        coach = user if user is not None and user.is_authenticated else None
    session = CoachingSession(agent=agent, held_on=held_on, topic=topic, notes=(notes or "").strip(), coach=coach)
    errors = _day_errors(agent, held_on, "held_on")
    _validated(session, _("The coaching session is not valid."), errors=errors, exclude=["agent", "coach"])
    session.save()
    return session


def career_move_record(
    *,
    agent: Agent,
    kind: str,
    moved_on: date,
    user,
    title: str = "",
    to_team: Team | None = None,
    to_role_profile: RoleProfile | None = None,
) -> CareerMove:
    """A career move. A move to another team or role profile (required for an internal move, possible
    for a promotion or a specialist track) changes the agent's team and role profile in the same
    transaction; the user must be able to follow agents of the team the agent moves to."""
    with transaction.atomic():
        agent = Agent.objects.select_for_update().get(pk=agent.pk)
        to_team = to_team if to_team is not None and to_team.id != agent.team_id else None
        if to_role_profile is not None and to_role_profile.id == agent.role_profile_id:
            to_role_profile = None
        move = CareerMove(
            agent=agent,
            kind=kind,
            moved_on=moved_on,
            title=(title or "").strip(),
            from_team=agent.team if to_team else None,
            to_team=to_team,
            from_role_profile=agent.role_profile if to_role_profile else None,
            to_role_profile=to_role_profile,
        )
        errors = _day_errors(agent, moved_on, "moved_on")
        if agent.employment_status == EmploymentStatus.EXITED:
            errors["agent"] = [_("The agent has left.")]
        if kind == MoveKind.INTERNAL and to_team is None and to_role_profile is None:
            errors["to_team"] = [_("An internal move goes to another team or role profile.")]
        if to_team is not None and user is not None and not DEVELOPMENT_WRITE.allows_team(user, to_team.id):
            errors["to_team"] = [_("You cannot move agents to that team.")]
        _validated(move, _("The career move is not valid."), errors=errors, exclude=["agent"])
        move.save()
        changed = []
        if to_team is not None:
            agent.team = to_team
            changed.append("team")
        if to_role_profile is not None:
            agent.role_profile = to_role_profile
            changed.append("role_profile")
        if changed:
            agent.save(update_fields=[*changed, "updated_at"])
    return move
