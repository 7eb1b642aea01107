"""Monthly hiring plan: required FTE against the FTE we will have, and the classes that close the gap.

No traffic maths here: the caller gives the gross FTE required per month (after shrinkage) and the
FTE that today's agents will still provide each month (after their expected exits). A new hire is
one FTE when fully productive.

The arithmetic, per class of H hires starting in month s (k = months since s; k = 0 is month s):
- Classes start on the first day of a month; a pipeline hire starting on another day counts from
  the month its start date falls in.
- Training lasts `training_months`, 0 % productive. During training a share `early_loss` of the
  class leaves, spread evenly over the training months (with no training, in the start month).
- After training the H x (1 - early_loss) who stayed leave at `monthly_attrition` a month: at month
  k >= training_months, H x (1 - early_loss) x (1 - attrition)^(k - training_months) are here, and the
  share `attrition` of them leaves during month k.
- Productivity follows the curve in the months after training (default 50 %, 75 %, 100 %) and is
  100 % after it. FTE in month k = the people here x productivity(k).
  10 hires starting in January, one month's training, 20 % early loss, 3 % attrition:
  Jan 0, Feb 8 x 0.5 = 4.0, Mar 8 x 0.97 x 0.75 = 5.82, Apr 8 x 0.97^2 = 7.527, May 8 x 0.97^3 = 7.301.
- Holding a headcount N therefore takes N x attrition / (1 - early_loss) hires a month
  (100 agents, 3 %, 20 % early loss: 3.75).

The plan, greedy month by month: when a month's required FTE is above what is available (today's
agents, the pipeline and the classes planned so far), a class is planned to be fully productive in
that month, starting as late as possible: `months_to_full` months before it. It is sized to close
the gap in that month after its early loss and attrition (rounded up to whole people). Its
requisition must be open `hire_lead_days` before the class starts ("open requisition by"). When
that date has passed (before `today`), the class is late: it starts at the earliest possible class
start (the first 1st of a month at least `hire_lead_days` after today), still sized to close the
month's gap once productive; until then the gap stays open. While they ramp up, late classes count
as fully productive when the plan sizes the next late months' classes, so that one gap is not hired
for twice.

Exits in a month are FTE for today's agents (the drop to the next month's value; in the last month
the same rate as the month before) plus people for new hires.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

ROUNDING = 1e-9  # a gap of 3.0000000001 FTE is a gap of 3


@dataclass(frozen=True)
class Ramp:
    training_months: int = 1  # 0 % productive
    curve: tuple[float, ...] = (0.5, 0.75, 1.0)  # productivity in the months after training; 1.0 after the curve
    early_loss: float = 0.2  # share of a class that leaves before being productive (during training)

    def __post_init__(self):
        if self.training_months < 0:
            raise ValueError(f"training cannot last {self.training_months} months")
        if any(not 0 <= step <= 1 for step in self.curve):
            raise ValueError("productivity in the ramp-up must be between 0 and 1 (0.5 = 50 %)")
        if not 0 <= self.early_loss < 1:
            raise ValueError(
                f"early loss must be at least 0 and below 1 (0.2 = 20 % of a class), not {self.early_loss}"
            )

    def productivity(self, months_since_start: int) -> float:
        """0 before the start and in training, then the curve, then 1.0."""
        after_training = months_since_start - self.training_months
        if months_since_start < 0 or after_training < 0:
            return 0.0
        return self.curve[after_training] if after_training < len(self.curve) else 1.0

    @property
    def months_to_full(self) -> int:
        """Months from a class's start to its first fully productive month."""
        full = [i for i, step in enumerate(self.curve) if step >= 1.0]
        return self.training_months + (full[0] if full else len(self.curve))


@dataclass(frozen=True)
class PlanInput:
    months: list[date]  # first day of each planned month, consecutive
    required_fte: list[float]  # gross FTE needed per month (after shrinkage)
    current_fte_by_month: list[float]  # expected FTE of today's agents still here at each month (after their exits)
    monthly_attrition: float  # monthly exit probability of new hires once productive
    ramp: Ramp
    hire_lead_days: int  # days from opening a requisition to the class start
    today: date
    pipeline_hires: Sequence[tuple[date, int]] = ()  # (start date, people) already hired


@dataclass(frozen=True)
class Class:
    start: date  # first day of the class (a 1st of a month)
    hires: int
    open_requisition_by: date  # start - hire_lead_days
    productive_month: date  # the first month at full productivity
    for_month: date  # the month whose gap it closes
    late: bool = False  # cannot be productive by for_month: starts at the earliest possible date


@dataclass(frozen=True)
class MonthRow:
    month: date
    required_fte: float
    available_fte_without_hiring: float  # today's agents + pipeline hires
    available_fte_with_plan: float  # ... + the planned classes
    gap_without_hiring: float  # required - available; negative = surplus
    gap_with_plan: float
    hires_starting: int  # pipeline and planned hires starting this month
    exits_expected: float


@dataclass(frozen=True)
class Plan:
    months: list[MonthRow]
    classes: list[Class]


def steady_state_hires(*, headcount: float, monthly_attrition: float, early_loss: float) -> float:
    """Hires a month that hold `headcount`: each month's leavers, grossed up for the early loss."""
    if headcount < 0:
        raise ValueError("headcount cannot be negative")
    _check_rate("monthly attrition", monthly_attrition, "0.03 = 3 % a month")
    _check_rate("early loss", early_loss, "0.2 = 20 % of a class")
    return headcount * monthly_attrition / (1 - early_loss)


def project(plan_input: PlanInput, classes: list[Class]) -> list[MonthRow]:
    """Required against available FTE per month, without hiring and with `classes`."""
    _check(plan_input)
    ramp, attrition = plan_input.ramp, plan_input.monthly_attrition
    pipeline = [(_month_number(start), people) for start, people in plan_input.pipeline_hires]
    planned = [(_month_number(c.start), c.hires) for c in classes]
    rows = []
    for i, month in enumerate(plan_input.months):
        n = _month_number(month)
        without = plan_input.current_fte_by_month[i] + sum(_fte(ramp, attrition, h, n - s) for s, h in pipeline)
        with_plan = without + sum(_fte(ramp, attrition, h, n - s) for s, h in planned)
        required = plan_input.required_fte[i]
        rows.append(
            MonthRow(
                month=month,
                required_fte=required,
                available_fte_without_hiring=without,
                available_fte_with_plan=with_plan,
                gap_without_hiring=required - without,
                gap_with_plan=required - with_plan,
                hires_starting=sum(h for s, h in pipeline + planned if s == n),
                exits_expected=_current_exits(plan_input.current_fte_by_month, i)
                + sum(_exits(ramp, attrition, h, n - s) for s, h in pipeline + planned),
            )
        )
    return rows


def hiring_plan(plan_input: PlanInput) -> Plan:
    """The classes to start, month by month, as late as possible (see the module docstring)."""
    _check(plan_input)
    ramp, attrition = plan_input.ramp, plan_input.monthly_attrition
    earliest = _month_number(plan_input.today + timedelta(days=plan_input.hire_lead_days) - timedelta(days=1)) + 1
    per_hire = (1 - ramp.early_loss) * (1 - attrition) ** (ramp.months_to_full - ramp.training_months)
    classes: list[Class] = []
    for i, month in enumerate(plan_input.months):
        n = _month_number(month)
        available = project(plan_input, classes)[i].available_fte_with_plan
        # Late classes still ramping up count as productive, so the next late month is not hired for twice.
        available += sum(
            c.hires * per_hire - _fte(ramp, attrition, c.hires, n - _month_number(c.start))
            for c in classes
            if c.late and n < _month_number(c.productive_month)
        )
        gap = plan_input.required_fte[i] - available
        if gap <= ROUNDING:
            continue
        start = n - ramp.months_to_full
        late = _month_start(start) - timedelta(days=plan_input.hire_lead_days) < plan_input.today
        if late:
            start = earliest
        classes.append(
            Class(
                start=_month_start(start),
                hires=math.ceil(gap / per_hire - ROUNDING),
                open_requisition_by=_month_start(start) - timedelta(days=plan_input.hire_lead_days),
                productive_month=_month_start(start + ramp.months_to_full),
                for_month=month,
                late=late,
            )
        )
    return Plan(months=project(plan_input, classes), classes=classes)


def _fte(ramp: Ramp, attrition: float, hires: float, k: int) -> float:
    if k < ramp.training_months:
        return 0.0
    return hires * (1 - ramp.early_loss) * (1 - attrition) ** (k - ramp.training_months) * ramp.productivity(k)


def _exits(ramp: Ramp, attrition: float, hires: float, k: int) -> float:
    if k < 0:
        return 0.0
    if k < ramp.training_months:
        return hires * ramp.early_loss / ramp.training_months
    stayed = hires * (1 - ramp.early_loss) * (1 - attrition) ** (k - ramp.training_months)
    early = hires * ramp.early_loss if ramp.training_months == 0 and k == 0 else 0.0
    return early + stayed * attrition


def _current_exits(current: list[float], i: int) -> float:
    if i + 1 < len(current):
        return max(0.0, current[i] - current[i + 1])
    if i == 0 or current[i - 1] <= 0:
        return 0.0
    return max(0.0, current[i] * (1 - current[i] / current[i - 1]))


def _month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(number: int) -> date:
    return date(number // 12, number % 12 + 1, 1)


def _check_rate(name: str, value: float, example: str) -> None:
    if not 0 <= value < 1:
        raise ValueError(f"{name} must be at least 0 and below 1 ({example}), not {value}")


def _check(plan_input: PlanInput) -> None:
    months = plan_input.months
    if not months:
        raise ValueError("the plan needs at least one month")
    for month in months:
        if month.day != 1:
            raise ValueError(f"plan months are given by their first day, not {month}")
    for before, after in zip(months, months[1:], strict=False):
        if _month_number(after) != _month_number(before) + 1:
            raise ValueError(f"plan months must be consecutive: {after} follows {before}")
    for name in ("required_fte", "current_fte_by_month"):
        values = getattr(plan_input, name)
        if len(values) != len(months):
            raise ValueError(f"{name} has {len(values)} values for {len(months)} months")
        if any(not (math.isfinite(v) and v >= 0) for v in values):
            raise ValueError(f"{name} must be zero or more in every month")
    _check_rate("monthly attrition", plan_input.monthly_attrition, "0.03 = 3 % a month")
    if plan_input.hire_lead_days < 0:
        raise ValueError("the time to hire cannot be negative")
    if any(people < 0 for _, people in plan_input.pipeline_hires):
        raise ValueError("a pipeline class cannot have a negative number of people")
