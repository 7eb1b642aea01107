"""Voluntary self-identification: attributes a customer chooses to collect (none by default), and
the answers candidates gave. Used only in aggregate, for the adverse-impact monitor."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.models.pipeline import Candidate
from servicefit.core.models import Team, TimeStampedModel

# Always a valid answer, whatever the question's options: nobody has to say.
PREFER_NOT_TO_SAY = "prefer_not_to_say"


class SelfIdQuestion(TimeStampedModel):
    """One attribute a team asks candidates about, in the customer's own words, with its options."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="self_id_questions", verbose_name=_("team"))
    key = models.SlugField(_("key"), max_length=40, help_text=_("A short code for imports and the API, e.g. age_band."))
    label = models.CharField(_("question"), max_length=200)
    # The customer's option texts, in the order they are asked; an answer stores one of them.
    options = models.JSONField(
        _("options"), default=list, help_text=_('A list of texts, e.g. ["under 30", "30 or over"].')
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["team", "key"]
        constraints = [models.UniqueConstraint(fields=["team", "key"], name="uniq_self_id_question_team_key")]
        verbose_name = _("self-identification question")
        verbose_name_plural = _("self-identification questions")

    def __str__(self):
        return self.label

    def clean(self):
        # The admin edits questions; a bad options list would make every answer to it unrecordable.
        options = self.options
        if (
            not isinstance(options, list)
            or len(options) < 2
            or not all(isinstance(o, str) and o.strip() and len(o) <= 100 for o in options)
        ):
            raise ValidationError({"options": _("Give at least two options, each a text of up to 100 characters.")})
        if len({o.strip().casefold() for o in options}) != len(options):
            raise ValidationError({"options": _("Each option must be different.")})
        if PREFER_NOT_TO_SAY in options:
            raise ValidationError({"options": _("“Prefer not to say” is always offered; leave it out of the options.")})
        self.options = [o.strip() for o in options]


class SelfIdAnswer(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="self_id_answers", verbose_name=_("candidate")
    )
    question = models.ForeignKey(
        SelfIdQuestion, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    option = models.CharField(_("answer"), max_length=100)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["candidate", "question", "id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "question"], name="uniq_self_id_answer_candidate_question")
        ]
        verbose_name = _("self-identification answer")
        verbose_name_plural = _("self-identification answers")

    def __str__(self):
        return f"{self.candidate_id} · {self.question_id}"
