from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from profiles.analysis.lexicon import PARTS_OF_SPEECH
from profiles.service_types import NEUTRAL, SENTENCE_LABELS, SERVICE_TYPE_LABELS, SERVICE_TYPES
from servicefit.core.choices import Language
from servicefit.core.jobs import Job
from servicefit.core.models import TimeStampedModel


class TranslatedMixin:
    """Picks the translation for the active language, falling back to English."""

    def translation(self, language: str | None = None):
        wanted = (language or get_language() or "en").split("-")[0]
        by_language = {t.language: t for t in self.translations.all()}
        return by_language.get(wanted) or by_language.get(Language.EN) or next(iter(by_language.values()), None)


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ServiceType(TranslatedMixin, TimeStampedModel):
    """One of the seven service personality types of the CEB/HBR study of frontline reps."""

    Code = models.TextChoices("Code", [(code.upper(), (code, SERVICE_TYPE_LABELS[code])) for code in SERVICE_TYPES])

    code = models.CharField(_("code"), max_length=32, choices=Code.choices, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("service type")
        verbose_name_plural = _("service types")

    def __str__(self):
        return self.get_code_display()


class ServiceTypeTranslation(models.Model):
    service_type = models.ForeignKey(ServiceType, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    name = models.CharField(_("name"), max_length=80)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    strengths = models.TextField(_("strengths"), help_text=_("One per line."))
    risks = models.TextField(_("risks"), help_text=_("One per line."))
    behavioural_markers = models.TextField(_("behavioural markers"), help_text=_("One per line."))

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["service_type", "language"], name="uniq_service_type_language"),
        ]
        verbose_name = _("service type translation")
        verbose_name_plural = _("service type translations")

    def __str__(self):
        return f"{self.name} ({self.language})"

    @property
    def strength_list(self) -> list[str]:
        return lines(self.strengths)

    @property
    def risk_list(self) -> list[str]:
        return lines(self.risks)

    @property
    def behavioural_marker_list(self) -> list[str]:
        return lines(self.behavioural_markers)


class LexiconVersion(TimeStampedModel):
    """An immutable-once-superseded set of language markers.

    An analysis records the version it used, so a score can always be explained later. Changes
    are made in the newest version; older versions are read-only history.
    """

    number = models.PositiveIntegerField(_("number"), unique=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = _("lexicon version")
        verbose_name_plural = _("lexicon versions")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return f"v{self.number}"


class PartOfSpeech(models.TextChoices):
    ADJECTIVE = "adj", _("adjective")
    NOUN = "noun", _("noun")
    VERB = "verb", _("verb")
    PHRASE = "phrase", _("phrase")


class LanguageMarker(models.Model):
    """A phrase that signals a service type in a job ad or a free-text answer."""

    lexicon_version = models.ForeignKey(LexiconVersion, on_delete=models.CASCADE, related_name="markers")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    service_type = models.ForeignKey(ServiceType, on_delete=models.PROTECT, related_name="markers")
    phrase = models.CharField(_("phrase"), max_length=120)
    weight = models.FloatField(_("weight"), default=1.0, validators=[MinValueValidator(0.1), MaxValueValidator(5.0)])
    # [{"type": "controller", "text": "...", "pos": "adj"|"clause"}]: rewrites towards another type,
    # in the same language; a word-level one has the marker's part of speech.
    suggestions = models.JSONField(_("rewrite suggestions"), default=list, blank=True)
    pos = models.CharField(_("part of speech"), max_length=8, blank=True, default="", choices=PartOfSpeech.choices)

    class Meta:
        ordering = ["language", "service_type__order", "phrase"]
        constraints = [
            models.UniqueConstraint(
                "lexicon_version", "language", Lower("phrase"), name="uniq_marker_phrase_per_version"
            ),
            models.CheckConstraint(condition=models.Q(weight__gte=0.1, weight__lte=5.0), name="marker_weight_range"),
        ]
        verbose_name = _("language marker")
        verbose_name_plural = _("language markers")

    def __str__(self):
        return f"{self.phrase} [{self.language}]"


class Competency(TranslatedMixin, TimeStampedModel):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.code


class CompetencyTranslation(models.Model):
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"))
    level_1 = models.TextField(_("level 1 anchor"))
    level_2 = models.TextField(_("level 2 anchor"))
    level_3 = models.TextField(_("level 3 anchor"))
    level_4 = models.TextField(_("level 4 anchor"))
    level_5 = models.TextField(_("level 5 anchor"))

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "language"], name="uniq_competency_language"),
        ]
        verbose_name = _("competency translation")
        verbose_name_plural = _("competency translations")

    def __str__(self):
        return f"{self.name} ({self.language})"

    @property
    def anchors(self) -> dict[int, str]:
        return {level: getattr(self, f"level_{level}") for level in range(1, 6)}


class RoleProfile(TimeStampedModel):
    """A role's ideal mix of service types (weights summing to 1) and its required competencies."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    # {"da": {"name": "...", "description": "..."}, ...}: the shipped profiles in each UI language.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    is_template = models.BooleanField(
        _("template"), default=False, help_text=_("Shipped with ServiceFit as a starting point.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("role profile")
        verbose_name_plural = _("role profiles")

    def __str__(self):
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        return self._translated("name", language) or self.name

    def description_in(self, language: str | None = None) -> str:
        return self._translated("description", language) or self.description

    def _translated(self, field: str, language: str | None) -> str:
        wanted = (language or get_language() or "en").split("-")[0]
        return (self.translations or {}).get(wanted, {}).get(field, "")


class RoleProfileTypeWeight(models.Model):
    role_profile = models.ForeignKey(RoleProfile, on_delete=models.CASCADE, related_name="type_weights")
    service_type = models.ForeignKey(ServiceType, on_delete=models.PROTECT, related_name="+")
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=3)

    class Meta:
        ordering = ["service_type__order"]
        constraints = [
            models.UniqueConstraint(fields=["role_profile", "service_type"], name="uniq_role_profile_type"),
            models.CheckConstraint(condition=models.Q(weight__gte=0, weight__lte=1), name="type_weight_0_1"),
        ]
        verbose_name = _("service-type weight")
        verbose_name_plural = _("service-type weights")

    def __str__(self):
        return f"{self.service_type.code}: {self.weight}"


class RoleProfileCompetency(models.Model):
    role_profile = models.ForeignKey(RoleProfile, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    target_level = models.PositiveSmallIntegerField(
        _("target level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["competency__order"]
        constraints = [
            models.UniqueConstraint(fields=["role_profile", "competency"], name="uniq_role_profile_competency"),
            models.CheckConstraint(
                condition=models.Q(target_level__gte=1, target_level__lte=5), name="target_level_1_5"
            ),
        ]
        verbose_name = _("required competency")
        verbose_name_plural = _("required competencies")

    def __str__(self):
        return f"{self.competency.code}: {self.target_level}"


class LexiconUpload(TimeStampedModel, Job):
    """A lexicon file handed in through the web; a Celery task validates and imports it."""

    class Format(models.TextChoices):
        JSON = "json", "JSON"
        YAML = "yaml", "YAML"

    filename = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    content = models.TextField(_("content"))
    # The rows a refused file got wrong, so they can be fixed in one pass (`error` says it was refused).
    errors = models.JSONField(_("errors"), default=list, blank=True)
    lexicon_version = models.ForeignKey(
        LexiconVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lexicon upload")
        verbose_name_plural = _("lexicon uploads")

    def __str__(self):
        return self.filename

    @property
    def can_retry(self) -> bool:
        # A refused file fails the same way again; it has to be fixed and uploaded anew.
        return super().can_retry and not self.errors


class ClassifierModel(TimeStampedModel):
    """One trained version of the sentence classifier, stored as compressed JSON (never a pickle)."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    blob = models.BinaryField(_("model"))
    sentences = models.PositiveIntegerField(_("training sentences"))
    corrections = models.PositiveIntegerField(_("recruiter corrections used"), default=0)
    macro_f1 = models.JSONField(_("cross-validated macro-F1 per language"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        get_latest_by = "version"
        verbose_name = _("classifier version")
        verbose_name_plural = _("classifier versions")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return f"m{self.version}"


class SentenceLabel(TimeStampedModel):
    """A recruiter's correction: which service type (or none) a sentence really signals."""

    Label = models.TextChoices(
        "Label",
        [
            (code.upper(), (code, SERVICE_TYPE_LABELS[code] if code != NEUTRAL else _("No type (neutral)")))
            for code in SENTENCE_LABELS
        ],
    )

    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    text = models.CharField(_("sentence"), max_length=1000)
    label = models.CharField(_("label"), max_length=16, choices=Label.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used_in = models.ForeignKey(
        ClassifierModel, null=True, blank=True, on_delete=models.SET_NULL, related_name="labels"
    )

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            # The latest correction of a sentence wins; the same sentence is never two rows.
            models.UniqueConstraint(fields=["language", "text"], name="uniq_sentence_label"),
        ]
        verbose_name = _("sentence label")
        verbose_name_plural = _("sentence labels")

    def __str__(self):
        return f"{self.text[:60]} → {self.label}"


assert tuple(PartOfSpeech.values) == PARTS_OF_SPEECH, "PartOfSpeech must list the lexicon's parts of speech"
