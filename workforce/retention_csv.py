"""The retention dashboard's figures as CSV, one download per chart (`?part=`)."""

from workforce import retention_selectors as selectors

FIGURES = [
    "headcount",
    "hires",
    "exits",
    "voluntary_exits",
    "involuntary_exits",
    "average_month_end_headcount",
    "voluntary_attrition_rate",
    "early_90_eligible",
    "early_90_exits",
    "early_attrition_90d",
    "early_180_eligible",
    "early_180_exits",
    "early_attrition_180d",
]
CURVE = ["days", "survival", "lower", "upper", "at_risk"]
CSV_PARTS = ("summary", "survival", "breakdown", "segments", "fitband", "enps", "cost")


def _summary(scope, user):
    overview = selectors.retention_overview(scope=scope)
    curve = selectors.retention_survival(scope=scope)
    row = {**overview, "median_tenure_days": curve["median_tenure_days"] if curve else None}
    return ["period_start", "period_end", "days", *FIGURES, "median_tenure_days"], [row]


def _survival(scope, user):
    curve = selectors.retention_survival(scope=scope)
    return CURVE, curve["survival"] if curve else []


def _breakdown(scope, user):
    rows = [
        {"breakdown": b["key"], "group": row["group"], "label": row["label"], **row}
        for b in selectors.retention_breakdowns(scope=scope)
        for row in b["rows"]
    ]
    return ["breakdown", "group", "label", *FIGURES], rows


def _curves(segments, extra=()):
    for segment in segments:
        for group in segment["groups"]:
            for point in group["survival"]:
                yield {
                    "segment": segment["key"],
                    "group": group["group"],
                    "label": group["label"],
                    "n": group["n"],
                    "events": group["events"],
                    "median_tenure_days": group["median_tenure_days"],
                    "logrank_p_value": segment["p_value"],
                    **{name: value(segment, group) for name, value in extra},
                    **point,
                }


def _segments(scope, user):
    columns = ["segment", "group", "label", "n", "events", "median_tenure_days", "logrank_p_value", *CURVE]
    return columns, list(_curves(selectors.retention_segments(scope=scope)))


def _hazard(segment, group, field):
    for row in segment["hazard_ratios"]["rows"]:
        if row["group"] == group["group"]:
            return row[field]
    return None


def _fitband(scope, user):
    dimensions = selectors.retention_fit_loop(scope=scope)["dimensions"]
    extra = [
        ("hazard_ratio", lambda s, g: _hazard(s, g, "hazard_ratio")),
        ("hazard_ratio_lower", lambda s, g: _hazard(s, g, "lower")),
        ("hazard_ratio_upper", lambda s, g: _hazard(s, g, "upper")),
        ("reference_group", lambda s, g: s["hazard_ratios"]["reference"]),
        ("too_small", lambda s, g: g["small"]),
        ("mean_competency_level", lambda s, g: (g["performance"] or {}).get("mean_level")),
    ]
    columns = [
        "segment",
        "group",
        "label",
        "n",
        "events",
        "median_tenure_days",
        "logrank_p_value",
        *(name for name, _ in extra),
        *CURVE,
    ]
    return columns, list(_curves(dimensions, extra))


def _enps(scope, user):
    return ["survey", "title", "closes_on", "n", "enps", "suppressed"], selectors.retention_enps_trend(
        scope=scope, user=user
    )


def _cost(scope, user):
    by_team = {row["group"]: row for row in selectors.retention_breakdowns(scope=scope)[0]["rows"]}
    cost = selectors.retention_cost(by_team=by_team)
    rows = [{**row, "label": by_team[row["team"]]["label"]} for row in cost["teams"]]
    return ["team", "label", "exits", "replacement_cost", "currency", "cost", "custom"], rows


_PARTS = {
    "summary": _summary,
    "survival": _survival,
    "breakdown": _breakdown,
    "segments": _segments,
    "fitband": _fitband,
    "enps": _enps,
    "cost": _cost,
}


def csv_rows(part: str, *, scope, user) -> tuple[list[str], list[dict]]:
    return _PARTS[part](scope, user)
