"""The result of one attempt as a person without psychometric training reads it: each scale with
its one-sentence description from the framework, the strongest type named, competency scores
against the role's targets (when hiring knows the role), and which scores wait for a review."""

from assessments import role_targets, selectors
from assessments.models import Attempt, Invitation
from profiles import selectors as profile_selectors

# Where a competency score stands against the role's target level (its 0–100 band).
BELOW, WITHIN, ABOVE = "below", "within", "above"


def target_status(score: float, band: tuple[float, float]) -> str:
    low, high = band
    if score < low:
        return BELOW
    return WITHIN if score <= high else ABOVE


def result_report(*, invitation: Invitation, attempt: Attempt) -> dict:
    result = selectors.attempt_result(attempt=attempt)
    types = {t.code: t.translation() for t in profile_selectors.service_type_list()}
    type_rows = sorted(
        (
            {
                "code": code,
                "name": types[code].name if types.get(code) else code,
                "summary": types[code].summary if types.get(code) else "",
                "score": score,
                "percentile": result["percentiles"].get(code),
                "sten": result["stens"].get(code),
            }
            for code, score in result["type_scores"].items()
        ),
        key=lambda row: (-row["score"], row["code"]),
    )
    # Every type sharing the highest score is the strongest: naming one of a tie would mislead.
    for row in type_rows:
        row["top"] = row["score"] == type_rows[0]["score"]
    targets = role_targets.role_targets_for(invitation)
    return {
        **result,
        "type_rows": type_rows,
        "top": [row for row in type_rows if row["top"]],
        "chart": {
            "labels": [row["name"] for row in _in_framework_order(type_rows, types)],
            # 1–5 → 0–1 for the radar
            "values": [(row["score"] - 1) / 4 for row in _in_framework_order(type_rows, types)],
        },
        "competency_rows": _competency_rows(result, targets),
        "role": targets,
    }


def _in_framework_order(rows: list[dict], types: dict) -> list[dict]:
    order = list(types)
    return sorted(rows, key=lambda row: order.index(row["code"]) if row["code"] in order else len(order))


def _competency_rows(result: dict, targets: role_targets.RoleTargets | None) -> list[dict]:
    """Every competency the result scores, waits to score (written answers not reviewed) or the
    role asks for, in the framework's order."""
    scores = result["competency_scores"]
    provisional = set(result["provisional_scales"])
    wanted = targets.targets if targets else {}
    rows = []
    for competency in profile_selectors.competency_list():
        code = competency.code
        if code not in scores and code not in provisional and code not in wanted:
            continue
        translation = competency.translation()
        score = scores.get(code)
        row = {
            "code": code,
            "name": translation.name if translation else code,
            "description": translation.description if translation else "",
            "score": score,
            "percentile": result["percentiles"].get(code),
            "sten": result["stens"].get(code),
            "provisional": code in provisional,
            "target": None,
        }
        if code in wanted:
            level, band = wanted[code]
            row["target"] = {
                "level": level,
                "low": band[0],
                "high": band[1],
                "width": band[1] - band[0],
                "status": target_status(score, band) if score is not None else None,
                "short_by": round(band[0] - score, 1) if score is not None and score < band[0] else None,
            }
        rows.append(row)
    return rows
