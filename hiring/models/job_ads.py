"""Job ads, their revisions and bulk analyses: the studio's records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from profiles.models import RoleProfile
from profiles.refusals import Refusal
from servicefit.core.choices import Language
from servicefit.core.jobs import Job
from servicefit.core.models import Team, TimeStampedModel


class JobAd(TimeStampedModel):
    """A job ad being written in the studio. Its text lives in its revisions."""

    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, blank=True, help_text=_("Empty: detect it.")
    )
    role_profile = models.ForeignKey(
        RoleProfile,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="job_ads",
        verbose_name=_("role profile"),
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="job_ads")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="job_ads", verbose_name=_("team"))

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("job ad")
        verbose_name_plural = _("job ads")

    def __str__(self):
        return self.title


class JobAdRevision(models.Model):
    """One saved version of an ad's text with the analysis it had when saved."""

    job_ad = models.ForeignKey(JobAd, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("text"))
    analysis = models.JSONField(_("analysis"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    lexicon_version = models.CharField(_("lexicon version"), max_length=20)
    model_version = models.CharField(_("classifier version"), max_length=20, blank=True)
    # None when the ad had too little about the person and the job for a verdict ("insufficient").
    controller_index = models.FloatField(_("controller index"), null=True, blank=True)
    alignment_score = models.FloatField(_("alignment"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The suggestion this revision applied, kept as data so each reader sees it in their own language.
    applied_suggestion = models.JSONField(_("applied suggestion"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["job_ad", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["job_ad", "number"], name="uniq_job_ad_revision_number"),
            models.CheckConstraint(
                condition=models.Q(controller_index__isnull=True)
                | models.Q(controller_index__gte=-100, controller_index__lte=100),
                name="controller_index_range",
            ),
        ]
        verbose_name = _("job ad revision")
        verbose_name_plural = _("job ad revisions")

    def __str__(self):
        return f"{self.job_ad} r{self.number}"


class BulkAnalysis(TimeStampedModel, Job):
    """Many ads analysed by a Celery task, with progress the page can poll."""

    # Empty when none was given: each reader sees "Bulk analysis" in their own language (the selectors' `title`).
    name = models.CharField(_("name"), max_length=200, blank=True)
    role_profile = models.ForeignKey(
        RoleProfile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("role profile")
    )
    total = models.PositiveIntegerField(_("ads"))
    processed = models.PositiveIntegerField(_("analysed"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="bulk_analyses", verbose_name=_("team"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bulk analysis")
        verbose_name_plural = _("bulk analyses")

    def __str__(self):
        return self.name or f"#{self.pk}"

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 100


class BulkAnalysisItem(models.Model):
    bulk_analysis = models.ForeignKey(BulkAnalysis, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=255)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    # Why the ad was not analysed, kept as data so each reader reads it in their own language.
    error_code = models.CharField(_("error code"), max_length=32, choices=Refusal.choices, blank=True)
    error_params = models.JSONField(_("error details"), default=dict, blank=True)
    # Runs from before error codes kept the message itself, in the language of the worker that ran them.
    error = models.CharField(_("error message (older runs)"), max_length=500, blank=True)

    class Meta:
        ordering = ["bulk_analysis", "position"]
        constraints = [
            models.UniqueConstraint(fields=["bulk_analysis", "position"], name="uniq_bulk_item_position"),
        ]
        verbose_name = _("bulk analysis item")
        verbose_name_plural = _("bulk analysis items")

    def __str__(self):
        return self.name


# Requisitions, candidates and the pipeline ------------------------------------------------------
