"""Item analysis: item and scale statistics over every submitted attempt of an assessment."""

from assessments import kinds, psychometrics, scoring
from assessments.models import Answer, Assessment, Attempt, Item, PsychometricReport
from profiles.service_types import SERVICE_TYPES


def psychometrics_compute(*, assessment_id: int) -> PsychometricReport:
    """Item and scale statistics over every submitted attempt, as one stored report."""
    assessment = Assessment.objects.get(id=assessment_id)
    attempts = list(
        Attempt.objects.filter(invitation__assessment=assessment, submitted_at__isnull=False).values_list(
            "id", flat=True
        )
    )
    answers: dict[tuple[int, int], object] = {
        (attempt_id, item_id): value
        for attempt_id, item_id, value in Answer.objects.filter(attempt_id__in=attempts).values_list(
            "attempt_id", "item_id", "value"
        )
    }
    items = list(Item.objects.filter(section__assessment=assessment).prefetch_related("options"))
    scales, item_rows = {}, []
    for scale in SERVICE_TYPES:
        scale_items = [i for i in items if i.kind == kinds.LIKERT and i.scale == scale]
        if not scale_items:
            continue
        matrix = [[_keyed(answers.get((attempt_id, item.id)), item) for item in scale_items] for attempt_id in attempts]
        stats = psychometrics.scale_statistics(matrix, min_score=1, max_score=5) if attempts else None
        scales[scale] = _scale_summary(stats, len(scale_items), len(attempts))
        for index, item in enumerate(scale_items):
            item_rows.append(_item_summary(item, stats, index))
    for item in items:
        if item.kind == kinds.MCQ:
            correct = {o.id for o in item.options.all() if o.correct}
            values = [answers.get((a, item.id)) for a in attempts]
            given = [1.0 if v in correct else 0.0 for v in values if v is not None]
            item_rows.append(
                {
                    "id": item.id,
                    "key": item.key,
                    "scale": item.scale,
                    "kind": item.kind,
                    "n": len(given),
                    "difficulty": round(sum(given) / len(given), 3) if given else None,
                    "item_total_r": None,
                    "alpha_if_deleted": None,
                    "flags": [],
                }
            )
    report = PsychometricReport.objects.create(
        assessment=assessment, n_attempts=len(attempts), data={"scales": scales, "items": item_rows}
    )
    return report


def _keyed(value, item: Item) -> float:
    if value is None:
        return float("nan")
    return float(scoring.reverse_key(value, 1, 5)) if item.reverse else float(value)


def _finite(value):
    return None if value is None or value != value else round(float(value), 3)  # NaN → None


def _scale_summary(stats, n_items: int, n_attempts: int) -> dict:
    if stats is None:
        return {"alpha": None, "omega": None, "sem": None, "n_items": n_items, "n_attempts": n_attempts}
    return {
        "alpha": _finite(stats.alpha),
        "omega": _finite(stats.omega),
        "sem": _finite(stats.sem),
        "mean": _finite(stats.mean),
        "sd": _finite(stats.sd),
        "n_items": n_items,
        "n_attempts": n_attempts,
        "n_complete": stats.n_respondents,
    }


def _item_summary(item: Item, stats, index: int) -> dict:
    def at(values):
        return _finite(values[index]) if stats is not None else None

    return {
        "id": item.id,
        "key": item.key,
        "scale": item.scale,
        "kind": item.kind,
        "reverse": item.reverse,
        "difficulty": at(stats.difficulty) if stats else None,
        "item_total_r": at(stats.item_rest) if stats else None,
        "alpha_if_deleted": at(stats.alpha_if_deleted) if stats else None,
        "flags": list(stats.flags[index]) if stats else [],
    }
