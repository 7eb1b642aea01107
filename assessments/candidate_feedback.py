"""The short feedback report a candidate may see after submitting, when the employer has switched it
on (servicefit.core.employer): the service styles their own answers describe best, in plain words
from the framework (profiles: each type's name, summary and strengths in the candidate's language).

Only the strongest styles, and only what they do well: the report describes how the candidate sees
themselves, it is not the employer's judgement, and it shows no score, rank or norm.
"""

from assessments.models import Attempt, AttemptResult
from profiles.selectors import service_type_list
from profiles.service_types import SERVICE_TYPES

SHOWN_TYPES = 2
SHOWN_STRENGTHS = 3


def strongest_types(type_scores: dict[str, float], count: int = SHOWN_TYPES) -> list[str]:
    """The `count` types with the highest scores; a tie goes to the type listed first in SERVICE_TYPES,
    so the same answers always give the same report."""
    ranked = sorted(type_scores, key=lambda code: (-type_scores[code], SERVICE_TYPES.index(code)))
    return ranked[:count]


def candidate_feedback(*, attempt: Attempt, language: str) -> list[dict] | None:
    """[{"name", "summary", "strengths"}] for the candidate's strongest styles; None without a result."""
    result = AttemptResult.objects.filter(attempt=attempt).values_list("type_scores", flat=True).first()
    if not result:
        return None
    codes = strongest_types(result)
    types = {service_type.code: service_type for service_type in service_type_list().filter(code__in=codes)}
    report = []
    for code in codes:
        words = types[code].translation(language) if code in types else None
        if words is None:
            continue
        report.append(
            {"name": words.name, "summary": words.summary, "strengths": words.strength_list[:SHOWN_STRENGTHS]}
        )
    return report or None
