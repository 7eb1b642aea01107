"""Reads for assessments: the attempt as a candidate sees it, results with norms, statistics."""

from math import erf, sqrt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from assessments import psychometrics
from assessments.models import (
    Answer,
    Assessment,
    Attempt,
    AttemptResult,
    Invitation,
    Item,
    NormTable,
    Option,
    PsychometricReport,
    Section,
    translated,
)
from assessments.services import GRACE_SECONDS, section_deadline
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
    if status:
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
    sections = {s.id: s for s in assessment.sections.all()}
    items = {i.id: i for i in Item.objects.filter(section__assessment=assessment)}
    options = {o.id: o for o in Option.objects.filter(item__section__assessment=assessment)}
    answers = dict(Answer.objects.filter(attempt=attempt).values_list("item_id", "value")) if attempt else {}
    now = timezone.now()
    order = attempt.layout if attempt else _natural_layout(assessment)
    result_sections = []
    for section_id in order["sections"]:
        section = sections[section_id]
        deadline = section_deadline(attempt, section) if attempt else None
        result_sections.append(
            {
                "id": section.id,
                "key": section.key,
                "title": translated(section.title, language),
                "instructions": translated(section.instructions, language) if section.instructions else "",
                "time_limit_seconds": section.time_limit_seconds,
                "deadline": deadline.isoformat() if deadline else None,
                "closed": bool(deadline and now > deadline),
                "items": [
                    _item_view(items[item_id], order["options"].get(str(item_id), []), options, answers, language)
                    for item_id in order["items"][str(section_id)]
                ],
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
        "grace_seconds": GRACE_SECONDS,
        "expires_at": invitation.expires_at.isoformat(),
        "sections": result_sections,
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


def attempt_result(*, attempt: Attempt) -> dict:
    """Scores with percentiles and stens against the norm: an imported norm table where there is
    one, otherwise every submitted attempt of the same assessment."""
    result: AttemptResult = attempt.result
    assessment = attempt.invitation.assessment
    norms = {n.scale: n for n in NormTable.objects.filter(assessment=assessment)}
    group = list(
        AttemptResult.objects.filter(
            attempt__invitation__assessment=assessment, attempt__submitted_at__isnull=False
        ).values_list("type_scores", "competency_scores")
    )
    percentiles, stens = {}, {}
    for scale, value in {**result.type_scores, **result.competency_scores}.items():
        if scale in norms:
            norm = norms[scale]
            percentiles[scale] = round(100 * _normal_cdf(value, norm.mean, norm.sd), 1)
            stens[scale] = psychometrics.sten(value, norm.mean, norm.sd)
            continue
        values = [scores.get(scale) for pair in group for scores in pair if scale in scores]
        if len(values) >= MIN_NORM_GROUP:
            percentiles[scale] = round(psychometrics.percentile_rank(value, values), 1)
            mean = sum(values) / len(values)
            sd = (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5
            stens[scale] = psychometrics.sten(value, mean, sd)
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
        "norm_group_size": len(group),
        "consistency": result.consistency,
        "text_analysis": result.text_analysis,
    }


def _normal_cdf(value: float, mean: float, sd: float) -> float:
    return 0.5 * (1 + erf((value - mean) / (sd * sqrt(2))))


def psychometric_report_latest(*, assessment: Assessment) -> PsychometricReport | None:
    return PsychometricReport.objects.filter(assessment=assessment).order_by("-computed_at").first()
