"""The assessments' part of the home page: invitations waiting for the candidate, those about to
expire, and candidates whose written answers wait for a reviewer, counted in one query."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.queues import Queue, queue_condition
from assessments.selectors import invitations_reachable
from servicefit.core.policies import CANDIDATE_RESULTS_READ, CANDIDATE_WRITE
from servicefit.core.registry import FirstStep, WorkItem


def invitation_queue_counts(*, user) -> dict[str, int]:
    """How many of the invitations the user reaches are in each queue: one query."""
    now = timezone.now()
    counts = {queue: Count("id", filter=queue_condition(queue, now=now)) for queue in Queue.values}
    return invitations_reachable(user=user).aggregate(**counts)


def _list_url(queue: str) -> str:
    return f"{reverse('assessments:index')}?{urlencode({'status': queue})}"


def home_items(user) -> list[WorkItem]:
    if not CANDIDATE_RESULTS_READ.allows(user):
        return []
    counts = invitation_queue_counts(user=user)
    waiting, expiring = counts[Queue.WAITING], counts[Queue.EXPIRING]
    items = [
        WorkItem(
            label=ngettext("invitation waiting for the candidate", "invitations waiting for the candidate", waiting),
            count=waiting,
            url=_list_url(Queue.WAITING),
        ),
        WorkItem(
            label=ngettext("invitation expires within two days", "invitations expire within two days", expiring),
            count=expiring,
            url=_list_url(Queue.EXPIRING),
            urgent=True,
        ),
    ]
    if CANDIDATE_WRITE.allows(user):
        to_review = counts[Queue.TO_REVIEW]
        items.append(
            WorkItem(
                label=ngettext(
                    "candidate with written answers to review",
                    "candidates with written answers to review",
                    to_review,
                ),
                count=to_review,
                url=_list_url(Queue.TO_REVIEW),
            )
        )
    return items


def home_first_steps(user) -> list[FirstStep]:
    if not CANDIDATE_WRITE.allows(user):
        return []
    return [
        FirstStep(label=_("Invite a candidate to the assessment"), url=f"{reverse('assessments:index')}#invite-heading")
    ]
