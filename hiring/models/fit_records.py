"""Fit stored per application: the versioned settings a role profile is scored with, each
application's latest result, and the decisions people made against the ranking."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.models.pipeline import Application, Stage
from profiles.models import RoleProfile


class FitLabel(models.TextChoices):
    STRONG = "strong", _("strong")
    GOOD = "good", _("good")
    PARTIAL = "partial", _("partial")
    POOR = "poor", _("poor")


class FitStatus(models.TextChoices):
    SCORED = "scored", _("scored")
    STALE = "stale", _("stale")
    NOT_SCORABLE = "not_scorable", _("not yet scorable")


# What a version of fit settings sets (the rest of a FitSetting says whose and which version it is).
FIT_SETTING_VALUES = (
    "service_types_weight",
    "competencies_weight",
    "cover_letter_weight",
    "strong_from",
    "good_from",
    "partial_from",
    "hurdles",
    "stale_after_days",
)


class FitSetting(models.Model):
    """One version of a role profile's fit weights, label bands, hurdles and stale period. Never
    edited: a change is the next version, so a stored ranking can say what it was scored with."""

    role_profile = models.ForeignKey(
        RoleProfile, on_delete=models.CASCADE, related_name="fit_settings", verbose_name=_("role profile")
    )
    number = models.PositiveIntegerField(_("version"))
    service_types_weight = models.FloatField(_("service-type weight"))
    competencies_weight = models.FloatField(_("competency weight"))
    cover_letter_weight = models.FloatField(_("cover letter weight"))
    strong_from = models.FloatField(_("strong from"))
    good_from = models.FloatField(_("good from"))
    partial_from = models.FloatField(_("partial from"))
    # {competency code: minimum level 1–5}; a hurdle not met caps the label at "partial".
    hurdles = models.JSONField(_("hurdles"), default=dict, blank=True)
    stale_after_days = models.PositiveIntegerField(_("stale after (days)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["role_profile", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["role_profile", "number"], name="uniq_fit_setting_version"),
            models.CheckConstraint(
                condition=models.Q(service_types_weight__gte=0, competencies_weight__gte=0, cover_letter_weight__gte=0),
                name="fit_setting_weights_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(strong_from__gt=models.F("good_from"), good_from__gt=models.F("partial_from")),
                name="fit_setting_bands_ordered",
            ),
        ]
        verbose_name = _("fit setting")
        verbose_name_plural = _("fit settings")

    def __str__(self):
        return self.version

    @property
    def version(self) -> str:
        return fit_version(self.role_profile.slug, self.number)


def fit_version(role_slug: str, number: int) -> str:
    return f"{role_slug}-v{number}"


class FitRecord(models.Model):
    """An application's latest fit, computed by hiring/fit_records.py. Whether a scored result has
    gone stale is decided when it is read (`stale_on`), not when it was stored."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="fit_record", verbose_name=_("application")
    )
    role_profile = models.ForeignKey(RoleProfile, on_delete=models.CASCADE, related_name="+")
    # Null: the role profile's defaults (fit_version says "fit-v1").
    fit_setting = models.ForeignKey(
        FitSetting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("fit setting"),
    )
    fit_version = models.CharField(_("fit version"), max_length=100)
    status = models.CharField(_("status"), max_length=12, choices=FitStatus.choices)
    fit = models.FloatField(_("fit"), null=True, blank=True)
    label = models.CharField(_("label"), max_length=10, choices=FitLabel.choices, blank=True)
    # The ranking's order in the database: 0 for the best label up, NOT_SCORABLE_RANK for no result.
    label_rank = models.PositiveSmallIntegerField()
    result = models.JSONField(_("result"))  # hiring.fit.FitResult.to_dict()
    invitation = models.ForeignKey(
        "assessments.Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempt = models.ForeignKey(
        "assessments.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    # The first day the result counts as stale.
    stale_on = models.DateField(_("stale from"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    NOT_SCORABLE_RANK = 99

    class Meta:
        ordering = ["label_rank", "-fit", "application_id"]
        indexes = [models.Index(fields=["label_rank", "fit"], name="fit_record_rank")]
        verbose_name = _("fit result")
        verbose_name_plural = _("fit results")

    def __str__(self):
        return f"{self.application_id}: {self.fit_version}"


class RankingDecision(models.Model):
    """A person's decision made against the ranking, with what the ranking showed at that moment."""

    class Decision(models.TextChoices):
        ADVANCE = "advance", _("advance")
        REJECT = "reject", _("reject")
        HIRE = "hire", _("hire")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="ranking_decisions", verbose_name=_("application")
    )
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices)
    reason = models.CharField(_("reason"), max_length=300)
    from_stage = models.CharField(_("from"), max_length=10, choices=Stage.choices)
    to_stage = models.CharField(_("to"), max_length=10, choices=Stage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=12, choices=FitStatus.choices)
    fit = models.FloatField(_("fit"), null=True, blank=True)
    label = models.CharField(_("label"), max_length=10, choices=FitLabel.choices, blank=True)
    position = models.PositiveIntegerField(_("position"), null=True, blank=True)
    fit_version = models.CharField(_("fit version"), max_length=100)

    class Meta:
        ordering = ["application", "-at", "-id"]
        constraints = [models.CheckConstraint(condition=~models.Q(reason=""), name="ranking_decision_has_reason")]
        verbose_name = _("ranking decision")
        verbose_name_plural = _("ranking decisions")

    def __str__(self):
        return f"{self.application_id}: {self.decision}"
