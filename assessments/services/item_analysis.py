"""Item analysis: item and scale statistics over every submitted attempt of an assessment.

Three kinds of scale are analysed the same classical way (alpha, omega, SEM, item-rest r, alpha if
deleted): each service type's Likert items; the situational-judgement items together, each scored
as the share of the best option's points the chosen option earns (0–1); and the multiple-choice
items together, scored 1 if correct (alpha is then KR-20). Forced-choice blocks are ipsative and
written answers are reviewed by people, so neither has item statistics.
"""

from assessments import kinds, psychometrics, scoring
from assessments.models import Answer, Assessment, Attempt, Item, PsychometricReport
from profiles.service_types import SERVICE_TYPES

SJT_GROUP, MCQ_GROUP = kinds.SJT, kinds.MCQ


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
    groups = [
        (scale, [i for i in items if i.kind == kinds.LIKERT and i.scale == scale], _likert_score, 1.0, 5.0)
        for scale in SERVICE_TYPES
    ]
    groups.append((SJT_GROUP, [i for i in items if i.kind == kinds.SJT], _sjt_score, 0.0, 1.0))
    groups.append((MCQ_GROUP, [i for i in items if i.kind == kinds.MCQ], _mcq_score, 0.0, 1.0))
    scales, item_rows = {}, []
    for group, group_items, item_score, low, high in groups:
        if not group_items:
            continue
        matrix = [
            [item_score(answers.get((attempt_id, item.id)), item) for item in group_items] for attempt_id in attempts
        ]
        stats = psychometrics.scale_statistics(matrix, min_score=low, max_score=high) if attempts else None
        scales[group] = _scale_summary(stats, len(group_items), len(attempts))
        for index, item in enumerate(group_items):
            answered = sum((attempt_id, item.id) in answers for attempt_id in attempts)
            item_rows.append(_item_summary(item, group, stats, index, answered))
    return PsychometricReport.objects.create(
        assessment=assessment, n_attempts=len(attempts), data={"scales": scales, "items": item_rows}
    )


def _likert_score(value, item: Item) -> float:
    if value is None:
        return float("nan")
    return float(scoring.reverse_key(value, 1, 5)) if item.reverse else float(value)


def _sjt_score(value, item: Item) -> float:
    """The share of the best option's points (summed over the competencies it scores) the chosen
    option earns: 1 for the best response, 0 for one worth nothing."""
    totals = {option.id: sum(option.scores.values()) for option in item.options.all()}
    best = max(totals.values(), default=0)
    if value is None or value not in totals or best <= 0:
        return float("nan")
    return totals[value] / best


def _mcq_score(value, item: Item) -> float:
    if value is None:
        return float("nan")
    return 1.0 if any(option.id == value and option.correct for option in item.options.all()) else 0.0


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


def _item_summary(item: Item, group: str, stats, index: int, answered: int) -> dict:
    def at(values):
        return _finite(values[index]) if stats is not None else None

    return {
        "id": item.id,
        "key": item.key,
        "scale": item.scale,
        "group": group,
        "kind": item.kind,
        "reverse": item.reverse,
        "n": answered,
        "difficulty": at(stats.difficulty) if stats else None,
        "item_total_r": at(stats.item_rest) if stats else None,
        "alpha_if_deleted": at(stats.alpha_if_deleted) if stats else None,
        "flags": list(stats.flags[index]) if stats else [],
    }
