"""Possible duplicate candidates, and the decisions people take on them: link, dismiss or merge.

Nothing is merged by itself: a flag waits for a person, and a merge leaves an audit row that names
records by id only, since the merged-away record is erased.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.models.pipeline import Candidate
from servicefit.core.models import TimeStampedModel


class DuplicateReason(models.TextChoices):
    EMAIL = "email", _("same e-mail address")
    PHONE = "phone", _("same phone number")
    NAME = "name", _("very similar name")


class DuplicateFlag(TimeStampedModel):
    """`candidate` was created or imported while `other` already existed and looked like the same person."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        LINKED = "linked", _("linked: the same person")
        DISMISSED = "dismissed", _("dismissed: different people")

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="duplicate_flags", verbose_name=_("candidate")
    )
    other = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="duplicate_flags_as_other", verbose_name=_("other candidate")
    )
    reasons = models.JSONField(_("reasons"), default=list)  # DuplicateReason values
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "other"], name="uniq_duplicate_flag_pair"),
            models.CheckConstraint(condition=~models.Q(candidate=models.F("other")), name="duplicate_flag_two_people"),
        ]
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")

    def __str__(self):
        return f"{self.candidate_id} ~ {self.other_id}"

    def reason_labels(self) -> list[str]:
        return [DuplicateReason(reason).label for reason in self.reasons if reason in DuplicateReason.values]


class CandidateMergeAudit(models.Model):
    """A merge decided by a person. Ids only: the merged-away record, and the flag with it, are erased."""

    survivor = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="merge_audits", verbose_name=_("surviving candidate")
    )
    merged_away_id = models.PositiveIntegerField(_("merged-away candidate id"))
    flag_id = models.PositiveIntegerField(_("flag id"), null=True, blank=True)
    # Field names whose value was taken from the merged-away record (never the values).
    fields_taken = models.JSONField(_("fields taken from the merged record"), default=list)
    applications_moved = models.JSONField(_("applications moved"), default=list)  # application ids
    # Both applied to the same requisition: [{"requisition", "kept", "dropped", "dropped_stage"}].
    applications_dropped = models.JSONField(_("applications dropped"), default=list)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("candidate merge")
        verbose_name_plural = _("candidate merges")

    def __str__(self):
        return f"{self.merged_away_id} → {self.survivor_id}"
