"""The Staffing page's CSV downloads: the plan by month, and the required FTE by day per channel.
Figures are plain numbers (a spreadsheet sums them); dates ISO, so every locale reads them."""

from staffing.plan_selectors import StaffingPlan, class_starts
from workforce.models import Channel

PARTS = ("months", "weeks", "days", "classes")


def channel_label(code: str) -> str:
    return str(Channel(code).label)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _months(plan: StaffingPlan) -> tuple[list[str], list[dict]]:
    channels = plan.inputs.channels
    columns = [
        "month",
        "required_fte",
        *[f"required_fte_{channel}" for channel in channels],
        "available_fte_without_hiring",
        "gap_without_hiring",
        "service_level_without_hiring",
        "hires_starting",
        "available_fte_with_plan",
        "gap_with_plan",
        "exits_expected",
    ]
    rows = [
        {
            "month": row.month.strftime("%Y-%m"),
            "required_fte": _round(row.required_fte),
            **{f"required_fte_{c}": _round(row.required_by_channel.get(c)) for c in channels},
            "available_fte_without_hiring": _round(row.available_without_hiring),
            "gap_without_hiring": _round(row.gap_without_hiring),
            "service_level_without_hiring": _round(row.service_level_without_hiring, 4),
            "hires_starting": row.hires_starting,
            "available_fte_with_plan": _round(row.available_with_plan),
            "gap_with_plan": _round(row.gap_with_plan),
            "exits_expected": _round(row.exits_expected),
        }
        for row in plan.months
    ]
    return columns, rows


def _days(plan: StaffingPlan) -> tuple[list[str], list[dict]]:
    channels = plan.inputs.channels
    columns = ["date", *[f"required_fte_{channel}" for channel in channels], "required_fte"]
    rows = []
    for i, day in enumerate(plan.days):
        values = {f"required_fte_{c}": round(plan.daily_fte[c][i], 2) for c in channels}
        rows.append({"date": day.isoformat(), **values, "required_fte": round(sum(values.values()), 2)})
    return columns, rows


def _weeks(plan: StaffingPlan) -> tuple[list[str], list[dict]]:
    """A week from its Monday (the first one from the plan's first day), its FTE over the days it has."""
    channels = plan.inputs.channels
    columns = ["week_start", *[f"required_fte_{channel}" for channel in channels], "required_fte"]
    rows = []
    for i, start in enumerate(plan.weeks):
        values = {f"required_fte_{c}": round(plan.weekly_fte[c][i], 2) for c in channels}
        rows.append({"week_start": start.isoformat(), **values, "required_fte": round(sum(values.values()), 2)})
    return columns, rows


def _classes(plan: StaffingPlan) -> tuple[list[str], list[dict]]:
    columns = ["class_start", "hires", "open_requisition_by", "productive_from", "for_month", "for_month_last", "late"]
    rows = [
        {
            "class_start": c["start"].isoformat(),
            "hires": c["hires"],
            "open_requisition_by": c["open_requisition_by"].isoformat(),
            "productive_from": c["productive_month"].strftime("%Y-%m"),
            "for_month": c["first_month"].strftime("%Y-%m"),
            "for_month_last": c["last_month"].strftime("%Y-%m"),
            "late": "yes" if c["late"] else "no",
        }
        for c in class_starts(plan.classes)
    ]
    return columns, rows


def rows(part: str, plan: StaffingPlan) -> tuple[list[str], list[dict]]:
    return {"months": _months, "weeks": _weeks, "days": _days, "classes": _classes}[part](plan)
