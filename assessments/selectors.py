"""Reads for assessments: the attempt as a candidate sees it, results with norms, statistics."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import kinds, norms, psychometrics, timing
from assessments.models import (
    Answer,
    Assessment,
    Attempt,
    AttemptResult,
    Invitation,
    Item,
    NormStatistic,
    NormTable,
    Option,
    PsychometricReport,
    Section,
    translated,
)
from assessments.queues import Queue, queue_condition
from profiles.refusals import refusal_message
from servicefit.core.models import AccessLog
from servicefit.core.policies import CANDIDATE_RESULTS_READ, Policy
from servicefit.core.services import access_log_many

MIN_NORM_GROUP = 2


def assessment_list() -> QuerySet[Assessment]:
    return Assessment.objects.annotate(
        n_items=Count("sections__items", distinct=True),
        n_submitted=Count("invitations", filter=Q(invitations__status=Invitation.Status.SUBMITTED), distinct=True),
    )


def assessment_detail(*, slug: str) -> Assessment:
    options = Option.objects.order_by("order")
    items = Item.objects.order_by("order").prefetch_related(Prefetch("options", queryset=options))
    sections = Section.objects.order_by("order").prefetch_related(Prefetch("items", queryset=items))
    return Assessment.objects.prefetch_related(Prefetch("sections", queryset=sections)).get(slug=slug)


# Invitations, and with them attempts, answers and results, belong to a team. Every staff read takes
# the user and the policy it reads under; another team's record is as absent as a missing one.


def invitations_reachable(*, user, policy: Policy = CANDIDATE_RESULTS_READ) -> QuerySet[Invitation]:
    return policy.scope(Invitation.objects.select_related("assessment", "created_by", "team"), user)


def invitation_get(*, user, invitation_id: int, policy: Policy = CANDIDATE_RESULTS_READ) -> Invitation:
    """The invitation, if the user reaches its team under `policy`; otherwise 404."""
    return get_object_or_404(invitations_reachable(user=user, policy=policy), id=invitation_id)


def attempt_get(*, user, attempt_id: int, policy: Policy = CANDIDATE_RESULTS_READ) -> Attempt:
    attempts = Attempt.objects.select_related("invitation__assessment", "invitation__team", "result")
    return get_object_or_404(policy.scope(attempts, user, field="invitation__team"), id=attempt_id)


def answer_get(*, user, answer_id: int, policy: Policy = CANDIDATE_RESULTS_READ) -> Answer:
    answers = Answer.objects.select_related("item", "attempt__invitation")
    return get_object_or_404(policy.scope(answers, user, field="attempt__invitation__team"), id=answer_id)


def invitation_list(*, user, assessment: str = "", status: str = "", q: str = "") -> QuerySet[Invitation]:
    invitations = invitations_reachable(user=user).select_related("attempt__result")
    if assessment:
        invitations = invitations.filter(assessment__slug=assessment)
    if status in Queue.values:
        invitations = invitations.filter(queue_condition(status, now=timezone.now()))
    elif status:
        invitations = invitations.filter(status=status)
    if q:
        invitations = invitations.filter(Q(name__icontains=q) | Q(email__icontains=q))
    return invitations


def invitations_shown(*, user, invitations) -> list[Invitation]:
    """The page of invitations a list or search shows, written to the access log: one row per
    person shown, so "who has seen this candidate?" is answered by ids, lists included."""
    shown = list(invitations)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=shown)
    return shown


def attempt_view(*, invitation: Invitation, language: str | None = None) -> dict:
    """The attempt as its candidate sees it: sections and items in their shuffled order, texts in
    the candidate's language, saved answers, and each timed section's deadline from the server."""
    attempt = Attempt.objects.filter(invitation=invitation).first()
    language = language or invitation.language
    assessment = invitation.assessment
    now = timezone.now()
    if attempt is not None and attempt.submitted_at and now >= attempt.submitted_at + _answers_visible():
        return _thank_you_view(invitation, attempt, language, now)
    sections = {s.id: s for s in assessment.sections.all()}
    items = {i.id: i for i in Item.objects.filter(section__assessment=assessment)}
    options = {o.id: o for o in Option.objects.filter(item__section__assessment=assessment)}
    answers = dict(Answer.objects.filter(attempt=attempt).values_list("item_id", "value")) if attempt else {}
    order = attempt.layout if attempt else _natural_layout(assessment)
    result_sections = []
    for section_id in order["sections"]:
        section = sections[section_id]
        deadline = timing.section_deadline(attempt, section) if attempt else None
        item_ids = order["items"][str(section_id)]
        # A timed part's questions are served only once the candidate opens it (and its clock starts).
        opened = not section.time_limit_seconds or bool(
            attempt and timing.section_opened(attempt.section_started, section)
        )
        result_sections.append(
            {
                "id": section.id,
                "key": section.key,
                "title": translated(section.title, language),
                "instructions": translated(section.instructions, language) if section.instructions else "",
                "time_limit_seconds": section.time_limit_seconds,
                "deadline": deadline.isoformat() if deadline else None,
                "closed": bool(deadline and now > deadline),
                "opened": opened,
                "item_count": len(item_ids),
                "open_count": sum(1 for i in item_ids if items[i].required and answers.get(i) is None),
                "items": [
                    _item_view(items[item_id], order["options"].get(str(item_id), []), options, answers, language)
                    for item_id in item_ids
                ]
                if opened
                else [],
            }
        )
    return {
        "assessment": assessment.slug,
        "title": assessment.title_in(language),
        "intro": translated(assessment.intro, language) if assessment.intro else "",
        "language": language,
        "status": invitation.status,
        "started": attempt is not None,
        "submitted": bool(attempt and attempt.submitted_at),
        "server_time": now.isoformat(),
        "grace_seconds": timing.GRACE_SECONDS,
        "expires_at": invitation.expires_at.isoformat(),
        "sections": result_sections,
    }


def _answers_visible() -> timedelta:
    return timedelta(minutes=settings.TAKE_ANSWERS_VISIBLE_MINUTES)


def _thank_you_view(invitation: Invitation, attempt: Attempt, language: str, now) -> dict:
    """Some time after submission the link shows only a thank-you: whoever opens it later (a
    shared computer, a forwarded e-mail) sees no question and no answer."""
    return {
        "assessment": invitation.assessment.slug,
        "title": invitation.assessment.title_in(language),
        "intro": "",
        "language": language,
        "status": invitation.status,
        "started": True,
        "submitted": True,
        "submitted_at": attempt.submitted_at.isoformat(),
        "message": _("Your answers have been submitted. The recruiter will contact you about the next step."),
        "server_time": now.isoformat(),
        "sections": [],
    }


def _natural_layout(assessment: Assessment) -> dict:
    layout = {"sections": [], "items": {}, "options": {}}
    for section in assessment.sections.order_by("order").prefetch_related("items__options"):
        layout["sections"].append(section.id)
        layout["items"][str(section.id)] = [item.id for item in section.items.order_by("order")]
        for item in section.items.all():
            layout["options"][str(item.id)] = [o.id for o in item.options.order_by("order")]
    return layout


def _item_view(item: Item, option_ids: list[int], options: dict, answers: dict, language: str) -> dict:
    return {
        "id": item.id,
        "kind": item.kind,
        "stem": translated(item.stem, language),
        "required": item.required,
        "options": [{"id": oid, "text": translated(options[oid].text, language)} for oid in option_ids],
        "answer": answers.get(item.id),
    }


def assessment_norms(*, assessment_id: int) -> tuple[dict[str, norms.ScaleNorm], int]:
    """Each scale's norm and the size of the completed-attempt group, in two queries whatever the
    number of attempts: imported norm tables win; otherwise the precomputed group statistics."""
    imported = {
        n.scale: norms.ScaleNorm(mean=n.mean, sd=n.sd) for n in NormTable.objects.filter(assessment_id=assessment_id)
    }
    group = list(NormStatistic.objects.filter(assessment_id=assessment_id))
    result = {
        s.scale: norms.ScaleNorm(mean=s.mean, sd=s.sd, histogram=s.histogram) for s in group if s.n >= MIN_NORM_GROUP
    }
    return {**result, **imported}, max((s.n for s in group), default=0)


def attempt_result(*, attempt: Attempt) -> dict:
    """Scores with percentiles and stens against the norm: an imported norm table where there is
    one, otherwise the submitted attempts of the same assessment."""
    result: AttemptResult = attempt.result
    assessment = attempt.invitation.assessment
    scale_norms, group_size = assessment_norms(assessment_id=assessment.id)
    percentiles, stens = {}, {}
    for scale, value in {**result.type_scores, **result.competency_scores}.items():
        if scale in scale_norms:
            norm = scale_norms[scale]
            percentiles[scale] = round(norm.percentile(value), 1)
            stens[scale] = psychometrics.sten(value, norm.mean, norm.sd)
    return {
        "attempt": attempt.id,
        "candidate": attempt.invitation.name,
        "assessment": assessment.slug,
        "submitted_at": attempt.submitted_at,
        "type_scores": result.type_scores,
        "top_type": result.top_type or None,
        "competency_scores": result.competency_scores,
        "percentiles": percentiles,
        "stens": stens,
        "norm_group_size": group_size,
        "consistency": result.consistency,
        "text_analysis": {item: _text_analysis_read(entry) for item, entry in result.text_analysis.items()},
        "written_not_reviewed": result.written_not_reviewed,
        "provisional_scales": result.provisional_scales,
    }


def written_answers_for_review(*, attempt: Attempt, language: str | None = None) -> list[dict]:
    """The attempt's written answers with their rubric, each criterion's score (None: not scored
    yet) and whether the review is complete, in the order the assessment lists them."""
    answers = (
        Answer.objects.filter(attempt=attempt, item__kind=kinds.TEXT)
        .select_related("item", "review__reviewer")
        .order_by("item__section__order", "item__order")
    )
    analysed = attempt.result.text_analysis if hasattr(attempt, "result") else {}
    rows = []
    for answer in answers:
        review = getattr(answer, "review", None)
        stored = review.scores if review else {}
        rubric = translated(answer.item.rubric, language) if answer.item.rubric else []
        criteria = [(index, text, stored.get(str(index))) for index, text in enumerate(rubric)]
        rows.append(
            {
                "answer": answer,
                "stem": translated(answer.item.stem, language),
                "criteria": criteria,
                "scored": sum(score is not None for _index, _text, score in criteria),
                "reviewed": bool(review and review.reviewed_at),
                "review": review,
                "analysis": _text_analysis_read(analysed.get(str(answer.item_id))),
            }
        )
    return rows


def written_answers_awaiting_review(*, user, policy: Policy = CANDIDATE_RESULTS_READ) -> QuerySet[Answer]:
    """Submitted written answers with a rubric that no reviewer has fully scored yet, in the teams
    `user` reaches: what a "to review" count or list reads."""
    answers = Answer.objects.filter(
        item__kind=kinds.TEXT, attempt__submitted_at__isnull=False, item__rubric__has_key="en"
    ).filter(Q(review__isnull=True) | Q(review__reviewed_at__isnull=True))
    return policy.scope(answers, user, field="attempt__invitation__team").select_related("item", "attempt__invitation")


def psychometric_report_latest(*, assessment: Assessment) -> PsychometricReport | None:
    return PsychometricReport.objects.filter(assessment=assessment).order_by("-computed_at").first()


def attempts_not_in_report(*, report: PsychometricReport) -> int:
    """Attempts submitted since the report was computed (nothing recomputes it on its own)."""
    submitted = Attempt.objects.filter(invitation__assessment_id=report.assessment_id, submitted_at__isnull=False)
    return max(0, submitted.count() - report.n_attempts)


def _text_analysis_read(entry: dict | None) -> dict | None:
    """A written answer's analysis; one the analysis refused says why in the reader's language (older
    results kept the message itself, in English)."""
    if not entry or "error_code" not in entry:
        return entry
    return {
        "error_code": entry["error_code"],
        "error": refusal_message(entry["error_code"], entry.get("error_params") or {}),
    }
