"""The retention dashboard's figures for a scope (the teams a user reaches, or one of them) and a period.

Counts are aggregated in the database (filtered Counts, one GROUP BY per breakdown); month-end
headcounts come from hires and exits counted per calendar month and summed up to each month end, so
the query count does not grow with the period or the number of agents. Survival needs each agent's
tenure: it is fetched once as plain columns and handed to workforce.analysis.

Definitions (the page says them in words):
- employed on a day d: hire_date <= d and (no exit_date or exit_date > d);
- voluntary attrition rate: voluntary exits in the period ÷ the average of the month-end headcounts
  in the period × 365 ÷ the days in the period (workforce.analysis.rates);
- early attrition within N days: among the period's hires whose first N days had passed by its last
  day, the share who left (any exit type) on or before hire date + N days;
- survival: every agent hired on or before the period's last day; tenure runs to the exit, or is
  censored at the last day (still employed, or the exit lies after it); a voluntary exit is the
  event, an involuntary exit censors the agent at its date.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.models import Candidate, FitLabel
from profiles.models import RoleProfile, ServiceType
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.persons import person_name
from servicefit.core.policies import RETENTION_READ
from servicefit.core.teams import team_ids_with_descendants
from workforce.analysis import rates, survival
from workforce.models import Agent, CompetencyLevel, CompetencySnapshot, ExitType
from workforce.models.retention import (
    CURRENCY_BY_COUNTRY,
    DEFAULT_REPLACEMENT_COST,
    OTHER_CURRENCY,
)
from workforce.pulse_selectors import enps_trend
from workforce.risk_selectors import risk_on_notice_count, risk_rows, risk_scores

VOLUNTARY = ExitType.VOLUNTARY.value
EARLY_WINDOWS = (90, 180)
AT_RISK_POINTS = (0, 90, 180, 365, 730, 1095, 1460, 1825, 2555, 3650)
# Below these a group's survival or hazard ratio says nothing a reader should act on.
MIN_GROUP_AGENTS = 30
MIN_GROUP_EXITS = 10
AT_RISK_LIST_LENGTH = 10
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
# Segment curves on the page are drawn on a weekly grid (the API's curve keeps every step).
CHART_STEP_DAYS = 7

BREAKDOWNS = {
    "team": gettext_lazy("Team"),
    "manager": gettext_lazy("Manager"),
    "role_profile": gettext_lazy("Role profile"),
    "cohort": gettext_lazy("Hire cohort (year)"),
    "source": gettext_lazy("Source"),
    "service_type": gettext_lazy("Hired service type"),
}
SEGMENTS = {
    "team": gettext_lazy("Team"),
    "role_profile": gettext_lazy("Role profile"),
    "cohort": gettext_lazy("Hire cohort (year)"),
    "source": gettext_lazy("Source"),
    "service_type": gettext_lazy("Hired service type"),
    "fit_band": gettext_lazy("Fit band at hiring"),
}
# The database column (or annotation) behind each breakdown or segment.
_COLUMNS = {
    "team": "team_id",
    "manager": "manager_id",
    "role_profile": "role_profile_id",
    "cohort": "cohort",
    "source": "source",
    "service_type": "hiring_dominant_type",
    "fit_band": "hiring_fit_label",
}


@dataclass(frozen=True)
class RetentionScope:
    team: Team | None  # the team chosen, or None for every team the user reaches
    team_ids: frozenset[int] | None  # None: every team
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def default_period(today: date | None = None, *, years: int = 1) -> tuple[date, date]:
    """The last `years` years up to and including today, starting no earlier than EARLIEST (the first
    day the dashboard takes), so a period ending in 1900 is still one the dashboard shows."""
    today = today or timezone.localdate()
    if today.year - years < EARLIEST.year:
        return min(EARLIEST, today), today
    try:
        back = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        back = today.replace(year=today.year - years, day=28)
    return max(back + timedelta(days=1), EARLIEST), today


def retention_scope(*, user, team_id: int | None = None, start: date | None = None, end: date | None = None):
    """Check the filters and narrow them to what the user may see."""
    # The dates given are checked before a default is derived from them (a year before 0001-01-01 is no date).
    for name, value in (("from", start), ("to", end)):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise ApplicationError(
                _("Choose a date between %(earliest)s and %(latest)s.") % {"earliest": EARLIEST, "latest": LATEST},
                extra={"fields": {name: ["out_of_range"]}},
            )
    default_start, default_end = default_period()
    end = end or default_end
    start = start or (default_period(end)[0] if end != default_end else default_start)
    if start > end:
        raise ApplicationError(
            _("The period must start on or before its last day."), extra={"fields": {"from": ["after_to"]}}
        )
    allowed = RETENTION_READ.team_ids(user)
    if team_id is None:
        return RetentionScope(team=None, team_ids=allowed, start=start, end=end)
    team = Team.objects.filter(pk=team_id).first()
    if team is None or not RETENTION_READ.allows_team(user, team.id):
        raise ApplicationError(
            _("You cannot see that team's figures. Choose one of your teams."),
            extra={"fields": {"team": ["forbidden"]}},
        )
    return RetentionScope(team=team, team_ids=team_ids_with_descendants([team.id]), start=start, end=end)


def _agents(scope: RetentionScope) -> QuerySet[Agent]:
    agents = Agent.objects.order_by().filter(hire_date__lte=scope.end)
    if scope.team_ids is not None:
        agents = agents.filter(team_id__in=scope.team_ids)
    return agents


# Counts per group ---------------------------------------------------------------------------------


def _count_filters(scope: RetentionScope) -> dict:
    start, end = scope.start, scope.end
    exited = Q(exit_date__gte=start, exit_date__lte=end)
    filters = {
        "headcount": Q(Q(exit_date__isnull=True) | Q(exit_date__gt=end)),
        "hires": Q(hire_date__gte=start),
        "exits": exited,
        "voluntary": exited & Q(exit_type=VOLUNTARY),
        "involuntary": exited & ~Q(exit_type=VOLUNTARY),
    }
    for window in EARLY_WINDOWS:
        eligible = Q(hire_date__gte=start, hire_date__lte=end - timedelta(days=window))
        filters[f"early_{window}_eligible"] = eligible
        # Leavers first: SQLite then does the date arithmetic (a Python function there) for them only.
        filters[f"early_{window}_exits"] = (
            Q(exit_date__isnull=False) & eligible & Q(exit_date__lte=F("hire_date") + timedelta(days=window))
        )
    return {name: Count("id", filter=condition) for name, condition in filters.items()}


def _cohort(end: date, earliest: date | None) -> Case:
    """The hire year as a CASE over year boundaries (newest first): plain comparisons that SQLite runs
    natively, where ExtractYear calls a Python function per row."""
    years = range(end.year, (earliest or end).year - 1, -1)
    whens = [When(hire_date__gte=date(year, 1, 1), then=Value(year)) for year in years]
    return Case(*whens, default=Value(None), output_field=IntegerField())


def _grouped(agents: QuerySet[Agent], dimension: str | None, scope: RetentionScope) -> QuerySet:
    if dimension == "cohort":
        agents = agents.annotate(cohort=_cohort(scope.end, _earliest_hire(scope)))
    return agents.values(_COLUMNS[dimension]) if dimension else agents


def _earliest_hire(scope: RetentionScope) -> date | None:
    return _agents(scope).aggregate(first=Min("hire_date"))["first"]


def _month_counts(agents: QuerySet[Agent], dimension: str | None, field: str, month_ends: list[date], scope) -> dict:
    """{group: {i: count}} of hires (or exits) dated on or before month end i and after month end i − 1
    (bucket 0 holds everything up to the first month end). A searched CASE of date comparisons, newest
    bucket last, so most rows stop at the first WHEN and no per-row function runs."""
    bucket = Case(
        *[When(**{f"{field}__lte": day}, then=Value(i)) for i, day in enumerate(month_ends)],
        default=Value(None),
        output_field=IntegerField(),
    )
    agents = agents.filter(**{f"{field}__lte": month_ends[-1]})
    columns = [_COLUMNS[dimension]] if dimension else []
    rows = _grouped(agents, dimension, scope).annotate(bucket=bucket).values(*columns, "bucket")
    counts = defaultdict(dict)
    for row in rows.annotate(n=Count("id")).order_by():
        counts[row[_COLUMNS[dimension]] if dimension else None][row["bucket"]] = row["n"]
    return counts


def _month_end_headcounts(hires: dict, exits: dict, months: int) -> list[int]:
    """Employed on a month end = hired on or before it − left on or before it (an exit dated the month
    end itself is already gone that day)."""
    headcounts, employed = [], 0
    for i in range(months):
        employed += hires.get(i, 0) - exits.get(i, 0)
        headcounts.append(employed)
    return headcounts


def _figures(scope: RetentionScope, dimension: str | None) -> dict:
    """{group: figures} for one breakdown (None: the whole scope, under the key None)."""
    agents = _agents(scope)
    counts = _count_filters(scope)
    if dimension:
        rows = {row[_COLUMNS[dimension]]: row for row in _grouped(agents, dimension, scope).annotate(**counts)}
    else:
        rows = {None: agents.aggregate(**counts)}
    month_ends = rates.month_ends(scope.start, scope.end)
    hires = exits = {}
    if month_ends:
        hires = _month_counts(agents, dimension, "hire_date", month_ends, scope)
        exits = _month_counts(agents.filter(exit_date__isnull=False), dimension, "exit_date", month_ends, scope)
    figures = {}
    for key, row in rows.items():
        headcounts = _month_end_headcounts(hires.get(key, {}), exits.get(key, {}), len(month_ends))
        figures[key] = _with_rates(row, headcounts, scope.days)
    return figures


def _with_rates(row: dict, month_end_headcounts: list[int], days: int) -> dict:
    figures = {
        "headcount": row["headcount"],
        "hires": row["hires"],
        "exits": row["exits"],
        "voluntary_exits": row["voluntary"],
        "involuntary_exits": row["involuntary"],
        "average_month_end_headcount": (
            sum(month_end_headcounts) / len(month_end_headcounts) if month_end_headcounts else None
        ),
        "voluntary_attrition_rate": rates.voluntary_attrition_rate(row["voluntary"], month_end_headcounts, days),
    }
    for window in EARLY_WINDOWS:
        eligible, exits = row[f"early_{window}_eligible"], row[f"early_{window}_exits"]
        figures[f"early_attrition_{window}d"] = exits / eligible if eligible else None
        figures[f"early_{window}_eligible"] = eligible
        figures[f"early_{window}_exits"] = exits
    return figures


def retention_overview(*, scope: RetentionScope) -> dict:
    """The headline figures of the scope, with the month-end headcounts behind the rate."""
    figures = _figures(scope, None)[None]
    return {**figures, "period_start": scope.start, "period_end": scope.end, "days": scope.days}


def _labels(dimension: str, keys) -> dict:
    keys = [k for k in keys if k not in (None, "")]
    if dimension == "team":
        return dict(Team.objects.filter(pk__in=keys).values_list("id", "name"))
    if dimension == "manager":
        users = get_user_model().objects.filter(pk__in=keys)
        return {u.pk: person_name(u) for u in users}
    if dimension == "role_profile":
        return {p.pk: p.name_in() for p in RoleProfile.objects.filter(pk__in=keys)}
    if dimension == "service_type":
        return {k: ServiceType.Code(k).label for k in keys if k in ServiceType.Code.values}
    if dimension == "fit_band":
        return {k: FitLabel(k).label for k in keys if k in FitLabel.values}
    if dimension == "source":
        # ServiceFit hires carry the application's source code; an HRIS import may bring its own words.
        return {k: Candidate.Source(k).label if k in Candidate.Source.values else str(k) for k in keys}
    return {k: str(k) for k in keys}


def _missing_label(dimension: str) -> str:
    return {
        "manager": _("No manager"),
        "role_profile": _("No role profile"),
        "source": _("Source not recorded"),
        "service_type": _("Not hired through ServiceFit"),
        "fit_band": _("No fit at hiring"),
    }.get(dimension, _("Unknown"))


def retention_breakdowns(*, scope: RetentionScope) -> list[dict]:
    """[{"key", "label", "rows": [{"group", "label", **figures}]}] for each breakdown, largest groups first."""
    breakdowns = []
    for dimension, title in BREAKDOWNS.items():
        figures = _figures(scope, dimension)
        labels = _labels(dimension, figures)
        rows = [
            {"group": key, "label": labels.get(key) or _missing_label(dimension), **values}
            for key, values in figures.items()
        ]
        rows.sort(key=lambda r: (-r["headcount"], -r["hires"], str(r["label"])))
        breakdowns.append({"key": dimension, "label": str(title), "rows": rows})
    return breakdowns


# Survival -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tenures:
    days: np.ndarray
    events: np.ndarray  # 1: left voluntarily by the period's end
    through: np.ndarray  # hired through ServiceFit
    groups: dict[str, np.ndarray]

    def subset(self, mask: np.ndarray) -> "Tenures":
        groups = {key: values[mask] for key, values in self.groups.items()}
        return Tenures(self.days[mask], self.events[mask], self.through[mask], groups)


def _rows(queryset: QuerySet, *fields: str) -> list[tuple]:
    """The columns as the database driver returns them, without Django's per-value converters."""
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_text(values) -> np.ndarray:
    column = np.asarray(values, dtype=object)
    return np.where(np.equal(column, None), "", column).astype(str)


def _tenures(scope: RetentionScope, *, dimensions=()) -> Tenures:
    """Every agent hired by the period's end: tenure in days (to the exit, or censored at the end),
    whether it ended in a voluntary exit, and the group keys asked for (as text, "" when missing)."""
    columns = [_COLUMNS[d] for d in dimensions if d != "cohort"]
    extra = ["hire_id", "hiring_fit", *columns] if dimensions else []
    # As text: SQLite's driver would otherwise parse every date into a Python object, one at a time.
    agents = _agents(scope).annotate(hired_on=Cast("hire_date", CharField()), left_on=Cast("exit_date", CharField()))
    rows = _rows(agents, "hired_on", "left_on", "exit_type", *extra)
    width = 3 + len(extra)
    values = list(zip(*rows, strict=True)) if rows else [()] * width
    hired = np.asarray(values[0], dtype="datetime64[D]")
    left = np.asarray(values[1], dtype="datetime64[D]")
    end = np.datetime64(scope.end, "D")
    gone = ~np.isnat(left) & (left <= end)
    stop = np.where(gone, left, end)
    events = (gone & (np.asarray(values[2], dtype=object) == VOLUNTARY)).astype(int)
    through = np.zeros(len(rows), dtype=bool)
    groups = {}
    if dimensions:
        through = ~np.equal(np.asarray(values[3], dtype=object), None) | ~np.equal(
            np.asarray(values[4], dtype=object), None
        )
        position = 5
        for dimension in dimensions:
            if dimension == "cohort":
                groups[dimension] = (hired.astype("datetime64[Y]").astype(np.int64) + 1970).astype(str)
            else:
                groups[dimension] = _as_text(values[position])
                position += 1
    days = (stop - hired).astype(np.int64).astype(float)
    return Tenures(days=days, events=events, through=through, groups=groups)


def _curve(days: np.ndarray, events: np.ndarray, *, step: int | None = None) -> dict:
    fitted = survival.kaplan_meier(days, events)
    if step:
        grid = np.arange(0, int(days.max()) + step, step)
        index = np.searchsorted(fitted.times, grid, side="right") - 1
        at_risk = days.size - np.searchsorted(np.sort(days), grid, side="left")
        rows = [
            {
                "days": int(t),
                "survival": float(fitted.survival[i]),
                "lower": float(fitted.lower[i]),
                "upper": float(fitted.upper[i]),
                "at_risk": int(n),
            }
            for t, i, n in zip(grid, index, at_risk, strict=True)
        ]
    else:
        rows = fitted.rows()
    median = fitted.median()
    points = [p for p in AT_RISK_POINTS if p <= days.max()] or [0]
    return {
        "n": int(days.size),
        "events": int(events.sum()),
        "median_tenure_days": None if median is None else int(median),
        "survival": rows,
        "at_risk_table": [
            {**row, "survival": float(fitted.survival_at(row["days"])), **_band_at(fitted, row["days"])}
            for row in fitted.at_risk_table(points)
        ],
    }


def _band_at(fitted, t) -> dict:
    index = int(np.searchsorted(fitted.times, t, side="right")) - 1
    return {"lower": float(fitted.lower[index]), "upper": float(fitted.upper[index])}


def retention_survival(*, scope: RetentionScope, tenures: Tenures | None = None) -> dict | None:
    """The scope's Kaplan–Meier curve with every step; None when nobody was hired by the period's end."""
    tenures = tenures or _tenures(scope)
    if not tenures.days.size:
        return None
    return _curve(tenures.days, tenures.events)


def _p_value_words(p_value: float | None) -> str:
    if p_value is None:
        return _("No test: it needs at least two groups and one voluntary exit.")
    if p_value < 0.05:
        return _("The groups' retention differs by more than chance would explain (p = %(p).3f).") % {"p": p_value}
    return _("The difference could be chance (p = %(p).3f).") % {"p": p_value}


def _segment_curves(tenures: Tenures, dimension: str, labels: dict) -> dict:
    keys = tenures.groups[dimension]
    curves = []
    for key in sorted(set(keys.tolist())):
        members = keys == key
        curve = _curve(tenures.days[members], tenures.events[members], step=CHART_STEP_DAYS)
        original = int(key) if dimension in ("team", "role_profile", "cohort") and key else key
        curves.append(
            {
                "group": key,
                "label": labels.get(original) or _missing_label(dimension),
                "small": curve["n"] < MIN_GROUP_AGENTS or curve["events"] < MIN_GROUP_EXITS,
                **curve,
            }
        )
    p_value = statistic = None
    if len(curves) >= 2 and tenures.events.any():
        test = survival.logrank_test(tenures.days, tenures.events, keys.astype(str))
        p_value, statistic = test.p_value, test.statistic
    return {
        "key": dimension,
        "label": str(SEGMENTS.get(dimension, dimension)),
        "groups": sorted(curves, key=lambda c: -c["n"]),
        "logrank_statistic": statistic,
        "p_value": p_value,
        "p_value_words": _p_value_words(p_value),
    }


def retention_segments(*, scope: RetentionScope, tenures: Tenures | None = None) -> list[dict]:
    """Kaplan–Meier by team, role profile, hire cohort, source, service type and fit band, with a
    log-rank test between each dimension's groups."""
    dimensions = tuple(SEGMENTS)
    tenures = tenures or _tenures(scope, dimensions=dimensions)
    if not tenures.days.size:
        return []
    segments = []
    for dimension in dimensions:
        keys = set(tenures.groups[dimension].tolist())
        typed = [int(k) for k in keys if k] if dimension in ("team", "role_profile", "cohort") else keys
        segments.append(_segment_curves(tenures, dimension, _labels(dimension, typed)))
    return segments


# Closing the loop -----------------------------------------------------------------------------------

HIRED_THROUGH_SERVICEFIT = Q(hire__isnull=False) | Q(hiring_fit__isnull=False)


def _hazard_ratios(tenures: Tenures, dimension: str, labels: dict) -> dict:
    keys = tenures.groups[dimension]
    present = sorted(set(keys.tolist()))
    sizes = {k: int((keys == k).sum()) for k in present}
    reference = max(present, key=lambda k: (sizes[k], k)) if present else None
    result = {"reference": reference, "reference_label": labels.get(reference) or "", "rows": [], "warning": ""}
    if len(present) < 2 or not tenures.events.any():
        result["warning"] = _("Too few groups or no voluntary exits yet: no hazard ratio can be estimated.")
        return result
    fitted, rows = survival.group_hazard_ratios(tenures.days, tenures.events, keys.astype(str), reference)
    for row in rows:
        row["label"] = labels.get(row["group"]) or _missing_label(dimension)
        row["small"] = row["n"] < MIN_GROUP_AGENTS or row["events"] < MIN_GROUP_EXITS
    result["rows"] = rows
    if fitted.separated or not fitted.converged:
        result["warning"] = _(
            "A group has (almost) no voluntary exits, so its hazard ratio runs off to zero or infinity: "
            "read the ratios as unknown."
        )
    elif any(r["small"] for r in rows):
        result["warning"] = _(
            "Some groups have fewer than %(agents)d agents or %(exits)d voluntary exits: "
            "too few to say anything about them."
        ) % {"agents": MIN_GROUP_AGENTS, "exits": MIN_GROUP_EXITS}
    return result


def _performance(scope: RetentionScope, column: str) -> dict:
    """{group: {"agents", "mean_level"}}: the mean level in each agent's latest competency snapshot."""
    agents = _agents(scope).filter(HIRED_THROUGH_SERVICEFIT)
    latest = CompetencySnapshot.objects.filter(agent=OuterRef("pk"), taken_on__lte=scope.end).order_by(
        "-taken_on", "-id"
    )
    snapshot_ids = agents.annotate(latest=Subquery(latest.values("id")[:1])).filter(latest__isnull=False)
    rows = (
        CompetencyLevel.objects.filter(snapshot_id__in=snapshot_ids.values("latest"))
        .values(group=F(f"snapshot__agent__{column}"))
        .annotate(agents=Count("snapshot__agent", distinct=True), mean_level=Avg("level"))
        .order_by()
    )
    return {r["group"] or "": {"agents": r["agents"], "mean_level": float(r["mean_level"])} for r in rows}


def retention_fit_loop(*, scope: RetentionScope, tenures: Tenures | None = None) -> dict:
    """For agents hired through ServiceFit: survival, hazard ratios and performance by hiring-time fit
    band and by dominant service type."""
    tenures = tenures or _tenures(scope, dimensions=("fit_band", "service_type"))
    tenures = tenures.subset(tenures.through)
    if not tenures.days.size:
        return {"n": 0, "dimensions": []}
    dimensions = []
    for dimension in ("fit_band", "service_type"):
        labels = _labels(dimension, set(tenures.groups[dimension].tolist()))
        segment = _segment_curves(tenures, dimension, labels)
        performance = _performance(scope, _COLUMNS[dimension])
        for group in segment["groups"]:
            group["performance"] = performance.get(group["group"])
        dimensions.append({**segment, "hazard_ratios": _hazard_ratios(tenures, dimension, labels)})
    return {"n": int(tenures.days.size), "events": int(tenures.events.sum()), "dimensions": dimensions}


# eNPS, at-risk list, cost ----------------------------------------------------------------------------


def retention_enps_trend(*, scope: RetentionScope, user) -> list[dict]:
    """eNPS of each survey closed in the period (workforce.pulse_selectors.enps_trend: closed surveys
    only, no figures for fewer than five answers)."""
    trend = enps_trend(user, team=scope.team, since=scope.start)
    return [
        {
            "survey": row["survey_id"],
            "title": row["survey"],
            "closes_on": row["closes_on"],
            "suppressed": row["enps"] is None,
            "n": None if row["enps"] is None else row["respondents"],
            "enps": row["enps"],
        }
        for row in trend
        if row["closes_on"] <= scope.end
    ]


def retention_at_risk(*, scope: RetentionScope, user, limit: int = AT_RISK_LIST_LENGTH) -> list[dict]:
    """The agents of the scope still employed today with the highest risk score, with the model's main
    drivers in words; a view of each agent goes to the access log."""
    # The at-risk list's own selector: the same agents, in the same order.
    scores = risk_scores(user=user, team_id=scope.team.id if scope.team else None)
    rows = risk_rows(user=user, scores=scores[:limit])
    return [
        {
            "agent": row.agent.id,
            "name": row.agent.name,
            "team": row.agent.team.name,
            "probability": row.probability,
            "band": row.band,
            "scored_at": row.scored_at,
            "drivers": [{"text": d["text"], "action": d["action"]} for d in row.drivers[:3]],
        }
        for row in rows
    ]


def team_currency(team: Team) -> str:
    country = team.country or settings.SERVICEFIT_RETENTION_COUNTRY
    return CURRENCY_BY_COUNTRY.get(country, OTHER_CURRENCY)


def team_replacement_costs(team_ids) -> dict[int, tuple[Decimal, str, bool]]:
    """{team id: (replacement cost, currency, set by HR)}."""
    teams = Team.objects.filter(pk__in=team_ids).select_related("retention_settings")
    costs = {}
    for team in teams:
        currency = team_currency(team)
        setting = getattr(team, "retention_settings", None)
        if setting is not None:
            costs[team.id] = (setting.replacement_cost, currency, True)
        else:
            costs[team.id] = (DEFAULT_REPLACEMENT_COST[currency], currency, False)
    return costs


def retention_cost(*, by_team: dict) -> dict:
    """Voluntary exits × each team's replacement cost, totalled per currency. `by_team` is the team
    breakdown's figures ({team id: figures})."""
    costs = team_replacement_costs(by_team)
    teams, totals = [], defaultdict(Decimal)
    for team_id, figures in by_team.items():
        cost, currency, custom = costs[team_id]
        amount = rates.attrition_cost(figures["voluntary_exits"], cost)
        totals[currency] += amount
        teams.append(
            {"team": team_id, "exits": figures["voluntary_exits"], "replacement_cost": cost, "currency": currency}
            | {"cost": amount, "custom": custom}
        )
    return {"teams": teams, "totals": [{"currency": c, "cost": v} for c, v in sorted(totals.items())]}


def retention_dashboard(*, scope: RetentionScope, user) -> dict:
    """Everything the dashboard page shows, from one set of queries."""
    overview = retention_overview(scope=scope)
    tenures = _tenures(scope, dimensions=tuple(SEGMENTS))
    curve = retention_survival(scope=scope, tenures=tenures)
    if curve is None:
        return {"overview": overview, "survival": None, "empty": True}
    breakdowns = retention_breakdowns(scope=scope)
    by_team = {row["group"]: row for row in breakdowns[0]["rows"]}
    cost = retention_cost(by_team=by_team)
    team_names = {row["group"]: row["label"] for row in breakdowns[0]["rows"]}
    for row in cost["teams"]:
        row["label"] = team_names[row["team"]]
    return {
        "overview": overview,
        "survival": curve,
        "empty": False,
        "breakdowns": breakdowns,
        "segments": retention_segments(scope=scope, tenures=tenures),
        "fit_loop": retention_fit_loop(scope=scope, tenures=tenures),
        "enps": retention_enps_trend(scope=scope, user=user),
        "at_risk": retention_at_risk(scope=scope, user=user),
        "at_risk_on_notice": risk_on_notice_count(user=user, team_id=scope.team.id if scope.team else None),
        "cost": cost,
    }
