"""Hiring's part of the home page: job ads below their role profile's target, and open
requisitions nobody has applied to yet."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hiring.board_selectors import requisition_rows
from hiring.models import Requisition
from hiring.selectors import job_ad_ids_below_target
from servicefit.core.policies import CANDIDATE_WRITE, JOB_AD_READ, JOB_AD_WRITE
from servicefit.core.registry import FirstStep, WorkItem

# The list filters the counts below link to (hiring.forms.JobAdFilterForm, board_forms.RequisitionFilterForm).
BELOW_TARGET_QUERY = {"below_target": "on"}
WITHOUT_CANDIDATES_QUERY = {"status": Requisition.Status.OPEN, "without_candidates": "on"}


def home_items(user) -> list[WorkItem]:
    items = []
    # Work for those who can act on it: rewriting an ad, finding candidates.
    if JOB_AD_WRITE.allows(user):
        below = len(job_ad_ids_below_target(user=user))
        items.append(
            WorkItem(
                label=ngettext(
                    "job ad below its role profile's target", "job ads below their role profile's target", below
                ),
                count=below,
                url=f"{reverse('hiring:index')}?{urlencode(BELOW_TARGET_QUERY)}",
            )
        )
    if CANDIDATE_WRITE.allows(user):
        empty = requisition_rows(user=user, status=Requisition.Status.OPEN, without_candidates=True).count()
        items.append(
            WorkItem(
                label=ngettext("open requisition without candidates", "open requisitions without candidates", empty),
                count=empty,
                url=f"{reverse('hiring:requisitions')}?{urlencode(WITHOUT_CANDIDATES_QUERY)}",
            )
        )
    return items


def home_first_steps(user) -> list[FirstStep]:
    if JOB_AD_WRITE.allows(user):
        return [
            FirstStep(
                label=_("Write a job ad and see which service types its language attracts"),
                url=reverse("hiring:job-ad-new"),
            ),
            FirstStep(label=_("Open a requisition for a role"), url=reverse("hiring:requisition-new")),
        ]
    if JOB_AD_READ.allows(user):
        return [FirstStep(label=_("Follow your team's requisitions"), url=reverse("hiring:requisitions"))]
    return []
