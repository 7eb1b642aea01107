"""Scoring a submitted attempt and re-scoring it after a reviewer scores its written answers."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import kinds, norms, scoring
from assessments.models import Answer, Assessment, Attempt, AttemptResult, Item, Option, ReviewerScore
from assessments.services.norms import norm_statistics_replace
from assessments.signals import attempt_scored
from profiles.refusals import TextRefused
from profiles.service_types import SERVICE_TYPES
from profiles.services import text_analyze
from servicefit.core.exceptions import ApplicationError


def item_keys(assessment: Assessment) -> list[scoring.ItemKey]:
    # Plain rows, not model instances: this runs on every submit and every item analysis.
    options: dict[int, dict] = {}
    for option_id, item_id, service_type, correct, scores in Option.objects.filter(
        item__section__assessment=assessment
    ).values_list("id", "item_id", "service_type", "correct", "scores"):
        options.setdefault(item_id, {})[option_id] = (service_type, correct, scores)
    items = Item.objects.filter(section__assessment=assessment).values_list("id", "kind", "scale", "reverse", "rubric")
    return [
        scoring.ItemKey(
            id=item_id,
            kind=kind,
            scale=scale,
            reverse=reverse,
            criteria=rubric_size(rubric),
            options=options.get(item_id, {}),
        )
        for item_id, kind, scale, reverse, rubric in items
    ]


def rubric_size(rubric: dict) -> int:
    """The rubric's criteria are the English list; the other languages translate the same ones."""
    return len((rubric or {}).get("en", []))


def review_scores(scores: dict) -> list[int | None]:
    """A stored review's scores in criterion order, None for a criterion not scored yet."""
    return [scores[key] for key in sorted(scores, key=int)]


def attempt_score(*, attempt: Attempt) -> AttemptResult:
    """(Re)compute an attempt's result; written answers are also run through the text analysis.
    The assessment's norm statistics follow in the same transaction: the old scores out, the new in."""
    assessment = attempt.invitation.assessment
    answers = {a.item_id: a.value for a in attempt.answers.all()}
    reviews = {
        item_id: review_scores(scores)
        for item_id, scores in ReviewerScore.objects.filter(answer__attempt=attempt).values_list(
            "answer__item_id", "scores"
        )
    }
    result = scoring.score(item_keys(assessment), answers, list(SERVICE_TYPES), reviews)
    text_items = Item.objects.filter(section__assessment=assessment, kind=kinds.TEXT)
    analysed = {}
    for item in text_items:
        text = answers.get(item.id)
        if not text:
            continue
        try:
            data = text_analyze(text=text, language=attempt.invitation.language).to_dict()
        except TextRefused as exc:  # kept as a code, put into words in each reader's language (selectors)
            analysed[str(item.id)] = {"error_code": str(exc.refusal), "error_params": exc.params}
            continue
        analysed[str(item.id)] = {
            key: data[key] for key in ("scores", "controller_index", "readability", "word_count", "language")
        }
    with transaction.atomic():
        previous = (
            AttemptResult.objects.filter(attempt=attempt)
            .values_list("type_scores", "competency_scores", "provisional_scales")
            .first()
        )
        stored, _created = AttemptResult.objects.update_or_create(
            attempt=attempt,
            defaults={
                "type_scores": result.type_scores,
                "top_type": result.top_type or "",
                "competency_scores": result.competency_scores,
                "text_analysis": analysed,
                "consistency": {
                    "forced_choice_counts": result.forced_choice_counts,
                    "spearman": result.consistency,
                    "consistent": result.consistent,
                },
                "written_not_reviewed": result.not_reviewed,
                "provisional_scales": result.provisional,
            },
        )
        if attempt.submitted_at:
            attempt_id, invitation_id = attempt.id, attempt.invitation_id
            transaction.on_commit(
                lambda: attempt_scored.send(sender=Attempt, attempt_id=attempt_id, invitation_id=invitation_id)
            )
            norm_statistics_replace(
                assessment_id=assessment.id,
                old=norms.group_scores(*previous) if previous else {},
                new=norms.group_scores(stored.type_scores, stored.competency_scores, stored.provisional_scales),
            )
    return stored


def review_save(*, answer: Answer, scores: dict[str, int | None], reviewer) -> ReviewerScore | None:
    """Store a reviewer's rubric scores: 0–3 per criterion, None for one not scored yet. The answer
    counts once every criterion has a score; with none scored it is back to "not reviewed"."""
    if not answer.attempt.submitted_at:
        raise ApplicationError(_("Written answers can be reviewed once the candidate has submitted."), status=409)
    criteria = answer.item.rubric.get("en", [])
    if not criteria:
        raise ApplicationError(_("This answer has no rubric to score."))
    expected = {str(i) for i in range(len(criteria))}
    if set(scores) != expected or any(
        v is not None and (isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= scoring.RUBRIC_MAX)
        for v in scores.values()
    ):
        raise ApplicationError(
            _("Score each criterion from 0 to 3, or leave it as not reviewed."), extra={"criteria": criteria}
        )
    complete = scoring.review_complete(len(criteria), review_scores(scores))
    with transaction.atomic():
        if all(v is None for v in scores.values()):
            ReviewerScore.objects.filter(answer=answer).delete()
            review = None
        else:
            review, _created = ReviewerScore.objects.update_or_create(
                answer=answer,
                defaults={"scores": scores, "reviewer": reviewer, "reviewed_at": timezone.now() if complete else None},
            )
        attempt_score(attempt=answer.attempt)
    return review
