"""Reading an agent's development: the records, and the figures the agent page shows.

Reads of development records are written to the access log with the agent as the target (one row
per agent shown, whatever the number of records).
"""

from dataclasses import asdict
from datetime import date, timedelta

from django.db.models import Max, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from profiles.models import Competency, RoleProfileCompetency
from servicefit.core.models import AccessLog
from servicefit.core.policies import AGENT_READ, Policy
from servicefit.core.services import access_log
from workforce.analysis import development as maths
from workforce.models import (
    Agent,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    GoalStatus,
    PlanGoal,
    PlanStatus,
    Training,
)

# A certificate that runs out within this many days is marked as expiring.
EXPIRY_WARNING_DAYS = 60


def development_agent_get(*, user, agent_id: int, policy: Policy = AGENT_READ) -> Agent:
    """The agent, if the user reaches their team under `policy`; 404 otherwise."""
    agents = policy.scope(Agent.objects.select_related("team", "role_profile", "candidate"), user)
    return get_object_or_404(agents, id=agent_id)


def plan_get(*, user, plan_id: int, policy: Policy) -> DevelopmentPlan:
    plans = policy.scope(DevelopmentPlan.objects.select_related("agent__team"), user, field="agent__team")
    return get_object_or_404(plans, id=plan_id)


def goal_get(*, user, goal_id: int, policy: Policy) -> PlanGoal:
    goals = policy.scope(PlanGoal.objects.select_related("plan__agent__team"), user, field="plan__agent__team")
    return get_object_or_404(goals, id=goal_id)


def development_shown(*, user, agent: Agent) -> None:
    access_log(user=user, action=AccessLog.Action.VIEW, target=agent)


# Lists (the API pages them) -----------------------------------------------------------------------


def snapshot_list(*, agent: Agent) -> QuerySet[CompetencySnapshot]:
    levels = CompetencyLevel.objects.select_related("competency").order_by("competency__order", "competency__code")
    return (
        agent.competency_snapshots.select_related("rated_by")
        .prefetch_related(Prefetch("levels", queryset=levels))
        .order_by("-taken_on", "-id")
    )


def plan_list(*, agent: Agent) -> QuerySet[DevelopmentPlan]:
    goals = PlanGoal.objects.select_related("competency").prefetch_related("competency__translations")
    goals = goals.order_by("due_on", "id")
    return agent.development_plans.prefetch_related(Prefetch("goals", queryset=goals)).order_by("-starts_on", "-id")


def training_list(*, agent: Agent) -> QuerySet[Training]:
    return agent.trainings.select_related("competency").order_by("-completed_on", "-id")


def coaching_list(*, agent: Agent) -> QuerySet[CoachingSession]:
    return agent.coaching_sessions.select_related("coach").order_by("-held_on", "-id")


def move_list(*, agent: Agent) -> QuerySet[CareerMove]:
    return agent.career_moves.select_related("from_team", "to_team", "from_role_profile", "to_role_profile").order_by(
        "-moved_on", "-id"
    )


# The agent page's development panel ---------------------------------------------------------------


def agent_snapshots(*, agent: Agent) -> list[maths.Snapshot]:
    rows = CompetencyLevel.objects.filter(snapshot__agent=agent).values_list(
        "snapshot_id", "snapshot__taken_on", "competency__code", "level"
    )
    by_snapshot: dict[int, tuple[date, dict]] = {}
    for snapshot_id, taken_on, code, level in rows:
        by_snapshot.setdefault(snapshot_id, (taken_on, {}))[1][code] = float(level)
    return [maths.Snapshot(taken_on, levels) for taken_on, levels in by_snapshot.values()]


def role_targets(*, agent: Agent) -> dict[str, int]:
    """Competency code → target level of the agent's role profile, in the competencies' order."""
    if agent.role_profile_id is None:
        return {}
    rows = RoleProfileCompetency.objects.filter(role_profile_id=agent.role_profile_id).order_by(
        "competency__order", "competency__code"
    )
    return dict(rows.values_list("competency__code", "target_level"))


def competency_names(codes) -> dict[str, str]:
    competencies = Competency.objects.filter(code__in=list(codes)).prefetch_related("translations")
    names = {}
    for competency in competencies:
        translation = competency.translation()
        names[competency.code] = translation.name if translation else competency.code
    return names


def last_development_activity(*, agent: Agent) -> date | None:
    """The latest day of a snapshot, coaching session, training, career move or achieved goal."""
    dates = [
        agent.competency_snapshots.aggregate(d=Max("taken_on"))["d"],
        agent.coaching_sessions.aggregate(d=Max("held_on"))["d"],
        agent.trainings.aggregate(d=Max("completed_on"))["d"],
        agent.career_moves.aggregate(d=Max("moved_on"))["d"],
        PlanGoal.objects.filter(plan__agent=agent).aggregate(d=Max("completed_on"))["d"],
    ]
    return maths.last_activity(dates)


def agent_development(*, agent: Agent, user, today: date | None = None, log: bool = True) -> dict:
    """Everything the development panel shows, with the figures computed; written to the access log."""
    today = today or timezone.localdate()
    snapshots = agent_snapshots(agent=agent)
    current = maths.current_levels(snapshots)
    targets = role_targets(agent=agent)
    gaps = maths.role_gaps(current, targets)
    extra = [code for code in current if code not in targets]
    names = competency_names([*targets, *extra])
    order = [*targets, *sorted(extra, key=lambda code: names.get(code, code))]
    growth = maths.competency_growth(snapshots)
    series = maths.growth_series(snapshots)

    plans = list(plan_list(agent=agent))
    for plan in plans:
        plan.goal_rows = list(plan.goals.all())
        plan.progress = maths.plan_progress(((g.status, g.due_on) for g in plan.goal_rows), today)
        for goal in plan.goal_rows:
            goal.overdue = goal.status not in (GoalStatus.ACHIEVED, GoalStatus.DROPPED) and bool(
                goal.due_on and goal.due_on < today
            )
    active_goals = [(g.status, g.due_on) for p in plans if p.status != PlanStatus.CANCELLED for g in p.goal_rows]
    trainings = list(training_list(agent=agent))
    soon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    for training in trainings:
        training.expired = training.expires_on is not None and training.expires_on < today
        training.expiring = training.expires_on is not None and today <= training.expires_on <= soon
    last_activity = last_development_activity(agent=agent)
    if log:
        development_shown(user=user, agent=agent)
    gap_by_code = {gap.competency: gap for gap in gaps}
    levels_rows = [
        {
            "competency": code,
            "name": names.get(code, code),
            "current": current.get(code),
            "target": targets.get(code),
            "gap": gap_by_code[code].gap if code in gap_by_code else None,
            "met": gap_by_code[code].met if code in gap_by_code else None,
        }
        for code in order
    ]
    return {
        "agent": agent,
        "today": today,
        "levels": levels_rows,
        "radar": {
            "labels": [row["name"] for row in levels_rows],
            "values": [row["current"] for row in levels_rows],
            "target": [row["target"] for row in levels_rows],
        },
        "growth": growth,
        "growth_rows": [
            {**asdict(row), "name": names.get(row.competency, row.competency)} for row in growth.competencies
        ],
        "series": {
            "dates": [row["date"].isoformat() for row in series],
            "mean": [round(row["mean"], 2) if row["mean"] is not None else None for row in series],
            "competencies": [
                {"name": names.get(code, code), "values": [row["levels"].get(code) for row in series]} for code in order
            ],
        },
        "series_rows": series,
        "series_table": [
            {"date": row["date"], "mean": row["mean"], "values": [row["levels"].get(code) for code in order]}
            for row in series
        ],
        "radar_id": f"development-radar-{agent.id}",
        "growth_id": f"development-growth-{agent.id}",
        "goal_statuses": GoalStatus.choices,
        "order": order,
        "names": names,
        "plans": plans,
        "progress": maths.plan_progress(active_goals, today),
        "coaching": list(coaching_list(agent=agent)),
        "trainings": trainings,
        "moves": list(move_list(agent=agent)),
        "last_activity": last_activity,
        "days_since_activity": (today - last_activity).days if last_activity else None,
    }
