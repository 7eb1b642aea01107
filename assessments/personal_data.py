"""Candidates' personal data in assessments: what the personal-data layer finds, exports and erases.

Erasure keeps what aggregates need: a submitted attempt stays as an anonymous placeholder (no name,
e-mail, link, written answer, text analysis or review) with its closed answers and
scores, so item statistics and norms stay as they were. Anything never submitted goes entirely.
"""

import secrets
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import Answer, Attempt, AttemptResult, Invitation, Item, ReviewerScore
from servicefit.core.personal_data import PersonalDataHandler, Subject
from servicefit.core.services import personal_data_records_erase, personal_data_records_export

CATEGORY = "candidate"
ERASED_NAME = "—"  # shown where the name was; an e-mail address of "" marks an erased invitation


def candidate_find(subject: Subject) -> list[Invitation]:
    condition = Q(pk__in=[])
    if subject.email:
        condition |= Q(email__iexact=subject.email)
    return list(Invitation.objects.filter(condition).exclude(email="").select_related("assessment").order_by("id"))


def candidate_export(invitations: Sequence[Invitation]) -> dict:
    ids = [invitation.id for invitation in invitations]
    attempts = {a.invitation_id: a for a in Attempt.objects.filter(invitation_id__in=ids)}
    results = {r.attempt_id: r for r in AttemptResult.objects.filter(attempt__invitation_id__in=ids)}
    answers: dict[int, list] = {}
    rows = (
        Answer.objects.filter(attempt__invitation_id__in=ids)
        .select_related("item", "review")
        .order_by("attempt_id", "item__key")
    )
    for answer in rows:
        review = getattr(answer, "review", None)
        answers.setdefault(answer.attempt_id, []).append(
            {
                "item": answer.item.key,
                "kind": answer.item.kind,
                "value": answer.value,
                "saved_at": answer.saved_at.isoformat(),
                "review": _review_data(review) if review else None,
            }
        )
    return {"invitations": [_invitation_data(i, attempts.get(i.id), answers, results) for i in invitations]}


def _review_data(review: ReviewerScore) -> dict:
    # A criterion not scored yet is null, never 0; `reviewed_at` is set once every criterion is scored.
    return {
        "scores": review.scores,
        "reviewed_at": review.reviewed_at.isoformat() if review.reviewed_at else None,
        "saved_at": review.updated_at.isoformat(),
    }


def _invitation_data(invitation: Invitation, attempt: Attempt | None, answers: dict, results: dict) -> dict:
    data = {
        "id": invitation.id,
        "name": invitation.name,
        "email": invitation.email,
        "language": invitation.language,
        "assessment": invitation.assessment.slug,
        "status": invitation.status,
        "invited_at": invitation.created_at.isoformat(),
        "expires_at": invitation.expires_at.isoformat(),
        "sent_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
        "reminded_at": invitation.reminded_at.isoformat() if invitation.reminded_at else None,
        "started_at": None,
        "submitted_at": None,
        "consent_at": None,
        "answers": [],
        "result": None,
    }
    if attempt is not None:
        data["started_at"] = attempt.started_at.isoformat()
        data["submitted_at"] = attempt.submitted_at.isoformat() if attempt.submitted_at else None
        data["consent_at"] = attempt.consent_at.isoformat()
        data["answers"] = answers.get(attempt.id, [])
        result = results.get(attempt.id)
        if result is not None:
            data["result"] = {
                "type_scores": result.type_scores,
                "top_type": result.top_type,
                "competency_scores": result.competency_scores,
                "text_analysis": result.text_analysis,
                "consistency": result.consistency,
                "written_not_reviewed": result.written_not_reviewed,
                "provisional_scales": result.provisional_scales,
            }
    return data


def candidate_erase(invitations: Sequence[Invitation], user) -> None:
    ids = [invitation.id for invitation in invitations]
    submitted = list(
        Invitation.objects.filter(id__in=ids, attempt__submitted_at__isnull=False).values_list("id", flat=True)
    )
    Invitation.objects.filter(id__in=ids).exclude(id__in=submitted).delete()
    # Written answers go (their reviews with them); closed answers stay for the item statistics.
    Answer.objects.filter(attempt__invitation_id__in=submitted, item__kind=Item.Kind.TEXT).delete()
    AttemptResult.objects.filter(attempt__invitation_id__in=submitted).update(text_analysis={})
    now = timezone.now()
    for invitation_id in submitted:
        # A new public id: the old link no longer leads anywhere, and nobody knows the new one.
        Invitation.objects.filter(id=invitation_id).update(
            name=ERASED_NAME, email="", public_id=secrets.token_urlsafe(18), updated_at=now
        )


def candidate_related(invitations: Sequence[Invitation]) -> list[tuple[type, object]]:
    """Every row an erasure touches, for scrubbing the admin history."""
    ids = [invitation.id for invitation in invitations]
    rows = [(Invitation, pk) for pk in ids]
    for model, path in (
        (Attempt, "invitation_id__in"),
        (Answer, "attempt__invitation_id__in"),
        (AttemptResult, "attempt__invitation_id__in"),
        (ReviewerScore, "answer__attempt__invitation_id__in"),
    ):
        rows += [(model, pk) for pk in model.objects.filter(**{path: ids}).values_list("pk", flat=True)]
    return rows


HANDLER = PersonalDataHandler(
    category=CATEGORY,
    models=(Invitation, Attempt, Answer, AttemptResult, ReviewerScore),
    find=candidate_find,
    export=candidate_export,
    erase=candidate_erase,
    related=candidate_related,
    label=_("Assessment invitations and answers"),
    kept=_(
        "A submitted assessment stays as an anonymous record of its closed answers and scores, so item "
        "statistics and norms do not change; the name, e-mail address, link and written answers go."
    ),
)


# What assessments.services' invitation_export / invitation_erase / candidate_data_purge delegate to.


def invitation_export(*, invitation: Invitation, user=None) -> dict:
    """Everything held about the person behind one invitation (logged as an export)."""
    document = personal_data_records_export(records={CATEGORY: [invitation]}, user=user)
    return document["data"][CATEGORY]["invitations"][0]


def invitation_erase(*, invitation: Invitation, user=None) -> None:
    personal_data_records_erase(category=CATEGORY, records=[invitation], user=user)


def candidate_data_purge(*, now=None) -> int:
    """Erase candidates' data older than CANDIDATE_RETENTION_DAYS through the same path as an
    erasure on request: finished attempts by their submission date, unfinished ones by their link's
    expiry. Returns how many invitations were erased."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CANDIDATE_RETENTION_DAYS)
    stale = list(
        Invitation.objects.exclude(email="").filter(
            Q(status=Invitation.Status.SUBMITTED, attempt__submitted_at__lt=cutoff)
            | (~Q(status=Invitation.Status.SUBMITTED) & Q(expires_at__lt=cutoff))
        )
    )
    personal_data_records_erase(category=CATEGORY, records=stale, user=None)
    return len(stale)
