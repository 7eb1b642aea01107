"""The talent pool: candidates kept for future roles, only with their consent and only while it lasts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hiring.models.pipeline import Candidate
from servicefit.core.models import TimeStampedModel


class TalentPoolEntry(TimeStampedModel):
    """A candidate's consent to be kept for future roles. Without a renewal by `consent_expires_at`
    the candidate is erased (unless an application still keeps them)."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="talent_pool_entry", verbose_name=_("candidate")
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_text_version = models.CharField(_("consent text version"), max_length=20)
    consent_expires_at = models.DateTimeField(_("consent expires at"))
    renewal_requested_at = models.DateTimeField(_("renewal requested at"), null=True, blank=True)
    renewed_at = models.DateTimeField(_("renewed at"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    # The renewal link is this id signed with the server's secret (hiring/talent_pool.py): never stored whole.
    public_id = models.CharField(max_length=32, unique=True, editable=False)

    class Meta:
        ordering = ["consent_expires_at", "id"]
        indexes = [models.Index(fields=["consent_expires_at"], name="talent_pool_expiry")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_expires_at__gt=models.F("consent_given_at")),
                name="talent_pool_consent_expires_after_given",
            ),
            models.CheckConstraint(
                condition=~models.Q(consent_text_version=""), name="talent_pool_consent_has_text_version"
            ),
        ]
        verbose_name = _("talent-pool entry")
        verbose_name_plural = _("talent-pool entries")

    def __str__(self):
        return f"talent pool: {self.candidate_id}"
