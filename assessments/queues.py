"""Invitations that wait for someone: the candidate (sent, not finished), or a reviewer (written
answers nobody has scored yet). The invitation list filters by them and the home page counts them,
with the same conditions, so a count on the home page is exactly the rows its link shows."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from assessments import kinds
from assessments.models import Answer, Invitation

# The window in which an unfinished invitation gets its reminder (services.invitation_reminders_due).
EXPIRING_WITHIN = timedelta(days=2)


class Queue(models.TextChoices):
    WAITING = "waiting", _("Waiting for the candidate")
    EXPIRING = "expiring", _("Expiring within two days")
    TO_REVIEW = "to_review", _("Written answers to review")


def _waiting(now: datetime) -> Q:
    """Sent, not yet submitted, not withdrawn, and the link still works."""
    return Q(
        status__in=[Invitation.Status.PENDING, Invitation.Status.STARTED],
        sent_at__isnull=False,
        expires_at__gt=now,
    )


def queue_condition(queue: str, *, now: datetime) -> Q:
    """The condition on Invitation rows of one queue."""
    if queue == Queue.WAITING:
        return _waiting(now)
    if queue == Queue.EXPIRING:
        return _waiting(now) & Q(expires_at__lte=now + EXPIRING_WITHIN)
    if queue == Queue.TO_REVIEW:
        unreviewed = Answer.objects.filter(
            attempt__invitation=OuterRef("pk"), item__kind=kinds.TEXT, review__isnull=True
        )
        return Q(status=Invitation.Status.SUBMITTED) & Q(Exists(unreviewed))
    raise ValueError(f"Unknown invitation queue: {queue!r}")
