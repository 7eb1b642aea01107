from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from assessments import kinds
from servicefit.core.choices import Language
from servicefit.core.models import Team, TimeStampedModel


def translated(texts: dict, language: str | None = None) -> str:
    """The text in `language` (default: the active one), falling back to English."""
    wanted = (language or get_language() or "en").split("-")[0]
    return texts.get(wanted) or texts.get("en") or next(iter(texts.values()), "")


class Assessment(TimeStampedModel):
    """A battery of sections and items that candidates take from an invitation link."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.JSONField(_("title"), help_text=_('Per language: {"en": "...", "da": "...", ...}'))
    intro = models.JSONField(_("introduction"), default=dict, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return self.slug

    def title_in(self, language: str | None = None) -> str:
        return translated(self.title, language)


class Section(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="sections", verbose_name=_("assessment")
    )
    key = models.SlugField(_("key"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.JSONField(_("title"))
    instructions = models.JSONField(_("instructions"), default=dict, blank=True)
    time_limit_seconds = models.PositiveIntegerField(_("time limit (seconds)"), null=True, blank=True)

    class Meta:
        ordering = ["assessment", "order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "key"], name="uniq_section_key"),
            models.UniqueConstraint(fields=["assessment", "order"], name="uniq_section_order"),
        ]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return f"{self.assessment.slug}/{self.key}"


class Item(models.Model):
    class Kind(models.TextChoices):
        LIKERT = kinds.LIKERT, _("Likert (1–5)")
        FORCED_CHOICE = kinds.FORCED_CHOICE, _("Forced choice")
        SJT = kinds.SJT, _("Situational judgement")
        MCQ = kinds.MCQ, _("Multiple choice (one correct)")
        TEXT = kinds.TEXT, _("Written answer")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(_("key"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    stem = models.JSONField(_("question"))
    # A service-type code for inventory items, a competency code for skill items.
    scale = models.CharField(_("scale"), max_length=40, blank=True)
    reverse = models.BooleanField(_("reverse-keyed"), default=False)
    required = models.BooleanField(_("required"), default=True)
    rubric = models.JSONField(_("reviewer rubric"), default=dict, blank=True)

    class Meta:
        ordering = ["section", "order"]
        constraints = [
            models.UniqueConstraint(fields=["section", "key"], name="uniq_item_key"),
            models.CheckConstraint(
                condition=~models.Q(reverse=True) | models.Q(kind=kinds.LIKERT), name="only_likert_reversed"
            ),
        ]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return self.key


class Option(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="options")
    key = models.CharField(_("key"), max_length=8)
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.JSONField(_("text"))
    service_type = models.CharField(_("service type (forced choice)"), max_length=32, blank=True)
    correct = models.BooleanField(_("correct (multiple choice)"), default=False)
    scores = models.JSONField(_("competency points (situations)"), default=dict, blank=True)

    class Meta:
        ordering = ["item", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "key"], name="uniq_option_key")]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return f"{self.item.key}:{self.key}"


class Invitation(TimeStampedModel):
    """A personal link to take an assessment once.

    The link's token is `<public_id>.<signature>`: the signature is an HMAC of the public id under
    the server's secret, so the token is never stored, cannot be guessed, and the same link can be
    re-sent in a reminder. Revoking, expiry and submission are checked on every use.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Not started")
        STARTED = "started", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        REVOKED = "revoked", _("Revoked")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("assessment")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    public_id = models.CharField(max_length=32, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("team"))

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "expires_at"])]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.name} ({self.assessment.slug})"


class Attempt(TimeStampedModel):
    """One candidate's run through an assessment, with its own item and option order."""

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="attempt")
    started_at = models.DateTimeField(_("started at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    # {"sections": [section ids in order], "items": {section id: [item ids]}, "options": {item id: [option ids]}}
    layout = models.JSONField(_("order shown"))
    # {section id: ISO time the section was opened}; deadlines are computed from these.
    section_started = models.JSONField(_("section start times"), default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")

    def __str__(self):
        return f"attempt {self.pk}"


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(_("value"))
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "item"], name="uniq_answer_per_item")]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.attempt_id}/{self.item_id}"


class ReviewerScore(TimeStampedModel):
    """A reviewer's rubric scores for a written answer: 0–3 per criterion, or null for a criterion
    not scored yet. The answer counts towards its competency only once every criterion has a score
    (`reviewed_at` is set then); a written answer without this row has not been reviewed at all."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="review")
    scores = models.JSONField(_("criterion scores"), help_text=_("Per criterion: 0–3, or null when not scored yet."))
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("fully reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reviewer score")
        verbose_name_plural = _("reviewer scores")

    def __str__(self):
        return f"review of {self.answer_id}"


class AttemptResult(models.Model):
    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="result")
    type_scores = models.JSONField(_("service-type scores"))
    top_type = models.CharField(_("top type"), max_length=32)
    competency_scores = models.JSONField(_("competency scores"))
    text_analysis = models.JSONField(_("written answers, analysed"), default=dict, blank=True)
    consistency = models.JSONField(_("forced-choice consistency"), default=dict, blank=True)
    # Written answers still waiting for a complete review, and the competencies whose scores will
    # change when they are reviewed: those scores are provisional and stay out of the norm group.
    written_not_reviewed = models.PositiveSmallIntegerField(_("written answers not reviewed"), default=0)
    provisional_scales = models.JSONField(_("provisional competencies"), default=list, blank=True)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("attempt result")
        verbose_name_plural = _("attempt results")

    def __str__(self):
        return f"result of {self.attempt_id}"


class NormTable(TimeStampedModel):
    """An imported norm for one scale; without one, completed attempts are the norm group."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="norms", verbose_name=_("assessment")
    )
    scale = models.CharField(_("scale"), max_length=40)
    mean = models.FloatField(_("mean"))
    sd = models.FloatField(_("standard deviation"))
    # A standard deviation needs at least two people.
    n = models.PositiveIntegerField(_("norm group size"), validators=[MinValueValidator(2)])
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "scale"], name="uniq_norm_scale"),
            models.CheckConstraint(
                condition=models.Q(sd__gt=0),
                name="norm_sd_positive",
                violation_error_message=_("The standard deviation must be greater than 0."),
            ),
        ]
        verbose_name = _("norm")
        verbose_name_plural = _("norms")

    def __str__(self):
        return f"{self.assessment.slug}/{self.scale}"


class NormStatistic(models.Model):
    """The completed attempts of an assessment as a norm group for one scale, kept current when an
    attempt is submitted or re-scored, so a result never reads the whole group. An imported
    NormTable for the same scale wins over it."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="norm_statistics", verbose_name=_("assessment")
    )
    scale = models.CharField(_("scale"), max_length=40)
    n = models.PositiveIntegerField(_("norm group size"), default=0)
    mean = models.FloatField(_("mean"), null=True, blank=True)
    sd = models.FloatField(_("standard deviation"), null=True, blank=True)
    # {score: number of attempts with it}: exact percentile ranks without the individual results.
    histogram = models.JSONField(_("score counts"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "scale"], name="uniq_norm_statistic_scale")]
        verbose_name = _("norm statistic")
        verbose_name_plural = _("norm statistics")

    def __str__(self):
        return f"{self.assessment_id}/{self.scale} (n={self.n})"


class PsychometricReport(models.Model):
    """Item and scale statistics of an assessment, recomputed by a Celery task."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("assessment")
    )
    data = models.JSONField(_("statistics"))
    n_attempts = models.PositiveIntegerField(_("attempts"))
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)

    class Meta:
        ordering = ["-computed_at"]
        get_latest_by = "computed_at"
        verbose_name = _("psychometric report")
        verbose_name_plural = _("psychometric reports")

    def __str__(self):
        return f"{self.assessment.slug} {self.computed_at:%Y-%m-%d %H:%M}"
