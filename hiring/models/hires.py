"""Hires: the record a move to `hired` leaves, with the assessment profile and fit at that moment.

Workforce (a later app) turns hires into employee records through hiring.hire_selectors and
hiring.events; hiring never imports it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.models.pipeline import Application, Candidate, Requisition
from profiles.models import RoleProfile
from servicefit.core.models import Team


class Hire(models.Model):
    """Kept when the hire is taken back (cancelled, with when and who), so a reader can see it was
    withdrawn. Erasing the applicant anonymises it (hiring/pipeline_personal_data.py)."""

    # Null once the applicant is erased: the hire stays as an anonymous filled opening.
    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hires",
        verbose_name=_("application"),
    )
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="hires", verbose_name=_("candidate")
    )
    requisition = models.ForeignKey(
        Requisition, on_delete=models.PROTECT, related_name="hires", verbose_name=_("requisition")
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="hires", verbose_name=_("team"))
    role_profile = models.ForeignKey(
        RoleProfile, on_delete=models.PROTECT, related_name="hires", verbose_name=_("role profile")
    )
    hired_on = models.DateField(_("hired on"))
    # The latest submitted assessment at the time: {"assessment", "submitted_on", "type_scores",
    # "type_percentiles", "competency_scores"}; empty when the candidate had none.
    assessment_profile = models.JSONField(_("assessment profile"), default=dict, blank=True)
    fit_status = models.CharField(_("fit status"), max_length=20, blank=True)
    fit = models.FloatField(_("fit"), null=True, blank=True)
    fit_label = models.CharField(_("fit label"), max_length=40, blank=True)
    fit_version = models.CharField(_("fit version"), max_length=40, blank=True)
    # hiring.fit's FitResult.to_dict(): components, hurdles, strengths, gaps, missing data.
    fit_explanation = models.JSONField(_("fit explanation"), default=dict, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        ordering = ["-hired_on", "-id"]
        indexes = [models.Index(fields=["team", "hired_on"], name="hire_team_hired_on")]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(cancelled_at__isnull=True, application__isnull=False),
                name="uniq_hire_active_per_application",
            ),
        ]
        verbose_name = _("hire")
        verbose_name_plural = _("hires")

    def __str__(self):
        return f"{self.requisition_id} · {self.hired_on}"
