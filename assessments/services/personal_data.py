"""Personal data of candidates: export, erasure and the retention purge.

Moved here unchanged from services.py; assessments/personal_data.py is replacing them.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assessments.models import Attempt, AttemptResult, Invitation
from servicefit.core.services import access_log, access_log_forget


def invitation_export(*, invitation: Invitation, user=None) -> dict:
    """Everything ServiceFit holds about the person behind an invitation (a data-subject request)."""
    access_log(user=user, action="export", target=invitation)
    attempt = Attempt.objects.filter(invitation=invitation).first()
    data = {
        "name": invitation.name,
        "email": invitation.email,
        "language": invitation.language,
        "assessment": invitation.assessment.slug,
        "status": invitation.status,
        "invited_at": invitation.created_at.isoformat(),
        "expires_at": invitation.expires_at.isoformat(),
        "answers": [],
        "result": None,
    }
    if attempt is not None:
        data["started_at"] = attempt.started_at.isoformat()
        data["submitted_at"] = attempt.submitted_at.isoformat() if attempt.submitted_at else None
        data["answers"] = [
            {"item": key, "value": value, "saved_at": saved.isoformat()}
            for key, value, saved in attempt.answers.order_by("item__key").values_list("item__key", "value", "saved_at")
        ]
        result = AttemptResult.objects.filter(attempt=attempt).first()
        if result is not None:
            data["result"] = {
                "type_scores": result.type_scores,
                "top_type": result.top_type,
                "competency_scores": result.competency_scores,
            }
    return data


def invitation_erase(*, invitation: Invitation, user=None) -> None:
    """Delete the person's invitation, attempt, answers and result; the access log keeps that it happened."""
    with transaction.atomic():
        access_log(user=user, action="erase", target=invitation)
        access_log_forget(model=Invitation, ids=[invitation.id])
        invitation.delete()


def candidate_data_purge(*, now=None) -> int:
    """Delete candidates' data older than CANDIDATE_RETENTION_DAYS: finished attempts by their
    submission date, unfinished ones by their link's expiry. Returns how many invitations went."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CANDIDATE_RETENTION_DAYS)
    stale = Invitation.objects.filter(
        Q(status=Invitation.Status.SUBMITTED, attempt__submitted_at__lt=cutoff)
        | (~Q(status=Invitation.Status.SUBMITTED) & Q(expires_at__lt=cutoff))
    )
    with transaction.atomic():
        ids = list(stale.values_list("id", flat=True))
        access_log_forget(model=Invitation, ids=ids)
        Invitation.objects.filter(id__in=ids).delete()
    return len(ids)
