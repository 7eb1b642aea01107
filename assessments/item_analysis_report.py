"""The stored item analysis as a person without psychometric training reads it: per scale, its
reliability in words, each item's own text beside its figures, a chart of the item-rest
correlations, and what to do about each flagged item."""

from django.utils.translation import gettext as _

from assessments import kinds, psychometrics
from assessments.models import Item, PsychometricReport, translated
from profiles import selectors as profile_selectors

CHART_LABEL_CHARACTERS = 60
# An item-rest correlation this far below 0 goes against the scale; one nearer 0 merely fails to
# follow it, which a reader should not be told is "opposite".
AGAINST_THE_SCALE = -0.10


def row_group(row: dict) -> str:
    """The scale an item row was analysed in; reports stored before the situations and
    multiple-choice items had scales of their own carry no "group"."""
    return row.get("group") or (row["scale"] if row["kind"] == kinds.LIKERT else row["kind"])


def item_analysis_view(*, report: PsychometricReport) -> dict:
    data = report.data
    stems = {item.id: translated(item.stem) for item in Item.objects.filter(id__in=[r["id"] for r in data["items"]])}
    types = {t.code: t.translation() for t in profile_selectors.service_type_list()}
    group_names = {
        kinds.SJT: (
            _("Situations at work"),
            _(
                "Short work situations in which the candidate chooses what they would do; each option earns points "
                "for the competencies it shows. A situation calls on several competencies at once, so alpha is "
                "usually lower here than for a single scale: use the flags to find situations whose points look wrong."
            ),
        ),
        kinds.MCQ: (
            _("Questions with one correct answer"),
            _("Questions with one right answer, such as applying a policy to a customer's case."),
        ),
    }
    rows_by_group: dict[str, list[dict]] = {}
    for row in data["items"]:
        rows_by_group.setdefault(row_group(row), []).append(row)
    groups = []
    for key in [*data["scales"], *(g for g in rows_by_group if g not in data["scales"])]:
        summary = data["scales"].get(key, {})
        if key in types:
            name = types[key].name if types[key] else key
            description = types[key].summary if types[key] else ""
            kind = kinds.LIKERT
        else:
            name, description = group_names.get(key, (key, ""))
            kind = key
        items = [_item(number, row, stems, summary) for number, row in enumerate(rows_by_group.get(key, []), start=1)]
        n_complete = summary.get("n_complete")
        alpha = summary.get("alpha")
        groups.append(
            {
                "key": key,
                "kind": kind,
                "name": name,
                "description": description,
                "summary": summary,
                "band": psychometrics.reliability_band(alpha),
                "few": n_complete is not None and n_complete < psychometrics.MIN_TRUSTED_ATTEMPTS,
                "items": items,
                "flagged": [item for item in items if item["flags"]],
                "chart": {
                    "labels": [str(item["number"]) for item in items],
                    "texts": [_shortened(item["text"]) for item in items],
                    "values": [item["item_rest"] for item in items],
                    "flagged": [bool(item["flags"]) for item in items],
                    "threshold": psychometrics.MIN_ITEM_REST,
                },
                "chart_id": f"item-rest-{key}",
                "has_chart": any(item["item_rest"] is not None for item in items),
            }
        )
    n = report.n_attempts
    return {
        "groups": groups,
        "n_attempts": n,
        "few": n < psychometrics.MIN_TRUSTED_ATTEMPTS,
        "margin": psychometrics.correlation_margin(n) if n >= 4 else None,
        "min_trusted": psychometrics.MIN_TRUSTED_ATTEMPTS,
        "min_item_rest": psychometrics.MIN_ITEM_REST,
        "negative": [group for group in groups if group["band"] == "negative"],
        "n_flagged": sum(len(group["flagged"]) for group in groups),
    }


def _item(number: int, row: dict, stems: dict, summary: dict) -> dict:
    alpha, without = summary.get("alpha"), row.get("alpha_if_deleted")
    return {
        "number": number,
        "id": row["id"],
        "kind": row["kind"],
        "text": stems.get(row["id"], ""),
        "reverse": row.get("reverse", False),
        "n": row.get("n"),
        "difficulty": row.get("difficulty"),
        "item_rest": row.get("item_total_r"),
        "alpha_if_deleted": without,
        "alpha_gain": round(without - alpha, 3) if without is not None and alpha is not None else None,
        "flags": row.get("flags", []),
        "unjudged": _unjudged(row),
        "negative_item_rest": row.get("item_total_r") is not None and row["item_total_r"] <= AGAINST_THE_SCALE,
    }


def _unjudged(row: dict) -> str:
    """Why an unflagged item has no item-rest correlation, so it is not called problem-free: everyone
    answered it alike (no variance to correlate), or too few answered. "" when it was judged."""
    if row.get("flags") or row.get("item_total_r") is not None:
        return ""
    return "alike" if row.get("n") and row.get("difficulty") in (0.0, 1.0) else "few"


def _shortened(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= CHART_LABEL_CHARACTERS else flat[: CHART_LABEL_CHARACTERS - 1].rstrip() + "…"
