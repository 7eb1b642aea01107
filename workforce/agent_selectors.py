"""Reads of agents for the People pages and the API: the list with its filters, one agent, and a
team lead's view of their team, aggregated in the database (a fixed number of queries however many
agents). Whoever shows agents writes them to the access log with `agents_shown`."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, DateField, F, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hiring.models import Candidate
from servicefit.core.models import AccessLog, Team
from servicefit.core.policies import AGENT_READ, Policy
from servicefit.core.services import access_log_many
from workforce.agents import REHIRE_SOURCE
from workforce.models import (
    Agent,
    Channel,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    GoalStatus,
    PlanGoal,
    PlanStatus,
    Training,
)
from workforce.risk_bands import risk_band

FILTERS = ("q", "team", "status", "manager", "role_profile", "hired_from", "hired_to")
CHANNEL_LABELS = dict(Channel.choices)
# Greatest() is NULL in SQLite when any argument is; every date is coalesced to this and read back as None.
NO_DATE = date(1, 1, 1)


def agent_list(*, user, filters: dict | None = None, policy: Policy = AGENT_READ) -> QuerySet[Agent]:
    """The agents the user reaches, narrowed by `filters` (keys of FILTERS; team, manager and
    role_profile as objects or ids; hired_from/hired_to as dates, inclusive)."""
    filters = filters or {}
    agents = policy.scope(Agent.objects.all(), user).select_related("team", "manager", "role_profile", "risk")
    if q := " ".join(str(filters.get("q") or "").split()):
        agents = agents.filter(Q(name__icontains=q) | Q(employee_number__icontains=q))
    for key in ("team", "manager", "role_profile"):
        if filters.get(key):
            agents = agents.filter(**{key: filters[key]})
    if filters.get("status"):
        agents = agents.filter(employment_status=filters["status"])
    if filters.get("hired_from"):
        agents = agents.filter(hire_date__gte=filters["hired_from"])
    if filters.get("hired_to"):
        agents = agents.filter(hire_date__lte=filters["hired_to"])
    return agents.order_by("name", "id")


def agent_get(*, user, agent_id: int, policy: Policy = AGENT_READ) -> Agent:
    """One agent the user reaches; 404 for another team's agent, as for one that does not exist."""
    agent = (
        policy.scope(Agent.objects.all(), user)
        .select_related("team", "manager", "role_profile", "risk", "hire__requisition")
        .filter(id=agent_id)
        .first()
    )
    if agent is None:
        raise Http404
    return agent


def agent_periods(*, agent: Agent, user, policy: Policy = AGENT_READ) -> QuerySet[Agent]:
    """The person's other employment periods the user may see (same employee number)."""
    return (
        policy.scope(Agent.objects.filter(employee_number=agent.employee_number), user)
        .exclude(id=agent.id)
        .order_by("-hire_date")
    )


def agents_shown(*, user, agents, action: str = AccessLog.Action.VIEW) -> list[Agent]:
    shown = list(agents)
    access_log_many(user=user, action=action, targets=shown)
    return shown


@dataclass(frozen=True)
class Tenure:
    days: int
    months: int

    @property
    def words(self) -> str:
        years, months = divmod(self.months, 12)
        if years and months:
            return _("%(years)s and %(months)s") % {
                "years": ngettext("%(count)d year", "%(count)d years", years) % {"count": years},
                "months": ngettext("%(count)d month", "%(count)d months", months) % {"count": months},
            }
        if years:
            return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
        if months:
            return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
        return ngettext("%(count)d day", "%(count)d days", self.days) % {"count": self.days}


def tenure(agent: Agent, *, today: date | None = None) -> Tenure:
    """Time employed in this period: up to the exit date, or today (0 before the start)."""
    today = today or timezone.localdate()
    end = min(agent.exit_date, today) if agent.exit_date else today
    if end <= agent.hire_date:
        return Tenure(days=0, months=0)
    months = (end.year - agent.hire_date.year) * 12 + end.month - agent.hire_date.month
    if end.day < agent.hire_date.day:
        months -= 1
    return Tenure(days=(end - agent.hire_date).days, months=max(months, 0))


def source_label(source: str) -> str:
    """The source in words: ServiceFit's own codes (a candidate's source, a rehire) translated, an
    HRIS's value as it came."""
    labels = dict(Candidate.Source.choices) | {REHIRE_SOURCE: _("rehire")}
    return str(labels.get(source, source))


def leaving_on(agent: Agent, *, today: date | None = None) -> date | None:
    """The last day of an agent working their notice (an exit date still ahead), else None."""
    today = today or timezone.localdate()
    return agent.exit_date if agent.exit_date is not None and agent.exit_date > today else None


def agents_described(agents, *, today: date | None = None) -> list[Agent]:
    """Each agent with `tenure`, `leaving_on` (`leaving_on()`) and `risk_band` (None without a score) set
    for showing."""
    agents = list(agents)
    for agent in agents:
        agent.tenure = tenure(agent, today=today)
        agent.leaving_on = leaving_on(agent, today=today)
        agent.source_label = source_label(agent.source)
        agent.channel_labels = [CHANNEL_LABELS.get(channel, channel) for channel in agent.channels]
        score = _risk_of(agent)
        agent.risk_probability = score.probability if score else None
        agent.risk_percent = round(score.probability * 100) if score else None
        agent.risk_band = risk_band(score.probability) if score else None
        # An agent on notice is a known exit, not a risk: no probability, as their page says.
        agent.risk_data = (
            {"probability": score.probability, "band": agent.risk_band, "scored_at": score.scored_at}
            if score and not agent.leaving_on
            else None
        )
    return agents


def _risk_of(agent: Agent):
    try:
        return agent.risk
    except Agent.risk.RelatedObjectDoesNotExist:
        return None


def _latest(queryset, field: str):
    return Subquery(queryset.order_by().values("agent").annotate(latest=Max(field)).values("latest")[:1])


def _count(queryset):
    return Coalesce(
        Subquery(queryset.order_by().values("plan__agent").annotate(n=Count("id")).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def team_overview(*, user, team: Team | int | None = None, policy: Policy = AGENT_READ) -> list[Agent]:
    """The team's current agents (not yet left) with, per agent: `tenure`, `last_activity` (the
    latest coaching, training, plan-goal change or competency snapshot), `goals_achieved` /
    `goals_total` on active plans, `competency_mean` of the latest snapshot, and risk. One query."""
    agents = policy.scope(Agent.objects.all(), user).exclude(employment_status="exited")
    if team is not None:
        agents = agents.filter(team=team)
    agent = OuterRef("pk")
    goal_changed = (
        PlanGoal.objects.filter(plan__agent=agent)
        .order_by()
        .values("plan__agent")
        .annotate(latest=Max(TruncDate("updated_at")))
        .values("latest")[:1]
    )
    active_goals = PlanGoal.objects.filter(plan__agent=agent, plan__status=PlanStatus.ACTIVE).exclude(
        status=GoalStatus.DROPPED
    )
    latest_snapshot = CompetencySnapshot.objects.filter(agent=agent).order_by("-taken_on", "-id").values("id")[:1]
    snapshot_mean = (
        CompetencyLevel.objects.filter(snapshot_id=OuterRef("latest_snapshot"))
        .order_by()
        .values("snapshot_id")
        .annotate(mean=Avg("level"))
        .values("mean")[:1]
    )
    dates = [
        _latest(CoachingSession.objects.filter(agent=agent), "held_on"),
        _latest(Training.objects.filter(agent=agent), "completed_on"),
        Subquery(goal_changed, output_field=DateField()),
        _latest(CompetencySnapshot.objects.filter(agent=agent), "taken_on"),
    ]
    agents = (
        agents.select_related("team", "manager", "role_profile", "risk")
        .annotate(
            latest_activity=Greatest(*(Coalesce(d, Value(NO_DATE), output_field=DateField()) for d in dates)),
            goals_total=_count(active_goals),
            goals_achieved=_count(active_goals.filter(status=GoalStatus.ACHIEVED)),
            latest_snapshot=Subquery(latest_snapshot),
        )
        .annotate(competency_mean=Subquery(snapshot_mean))
        .order_by(F("team__name"), "name", "id")
    )
    rows = agents_described(agents)
    for row in rows:
        latest = row.latest_activity
        if isinstance(latest, str):  # SQLite hands back Greatest() of dates as text
            latest = date.fromisoformat(latest[:10])
        row.last_activity = None if latest == NO_DATE else latest
        row.days_since_activity = (timezone.localdate() - row.last_activity).days if row.last_activity else None
        row.competency_mean = float(row.competency_mean) if row.competency_mean is not None else None
    return rows
