"""E-mails to candidates: a team's own wording per kind and language, and a record of what was sent."""

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.models.pipeline import Application
from servicefit.core.choices import Language
from servicefit.core.models import Team, TimeStampedModel


class EmailKind(models.TextChoices):
    INVITATION = "invitation", _("invitation to the assessment")
    REJECTION = "rejection", _("rejection")
    INTERVIEW = "interview", _("invitation to an interview")
    REMINDER = "reminder", _("reminder of the assessment")


# The placeholders a template may use; {assessment_link} only where there is a link to send.
PLACEHOLDERS = frozenset({"candidate_name", "job_title", "team_name", "interview_when", "interview_place"})
# The interview's time and place exist only in an interview invitation (elsewhere they would come out empty).
_NO_INTERVIEW = PLACEHOLDERS - {"interview_when", "interview_place"}
KIND_PLACEHOLDERS = {
    EmailKind.INVITATION: _NO_INTERVIEW | {"assessment_link"},
    EmailKind.REJECTION: _NO_INTERVIEW,
    EmailKind.INTERVIEW: PLACEHOLDERS,
    EmailKind.REMINDER: _NO_INTERVIEW | {"assessment_link"},
}
REQUIRED_PLACEHOLDERS = {EmailKind.INVITATION: {"assessment_link"}, EmailKind.REMINDER: {"assessment_link"}}


def placeholders_in(text: str) -> set[str]:
    """The {names} a template text uses; a malformed brace raises ValueError."""
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def placeholders_decorated(text: str) -> bool:
    """Whether a placeholder carries a format spec or conversion ({candidate_name:d}, {job_title!r}):
    sending would fail on it (or, with a huge width, build a string of gigabytes)."""
    fields = string.Formatter().parse(text)
    return any(name is not None and (spec or conversion) for _literal, name, spec, conversion in fields)


def _braced(names) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


def placeholders_in_safe(text: str) -> set[str]:
    try:
        return placeholders_in(text)
    except ValueError:
        return set()


class CandidateEmailTemplate(TimeStampedModel):
    """A team's own subject and body for one kind of e-mail in one language, instead of the built-in text."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="candidate_email_templates", verbose_name=_("team")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EmailKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))

    class Meta:
        ordering = ["team", "kind", "language"]
        constraints = [
            models.UniqueConstraint(fields=["team", "kind", "language"], name="uniq_candidate_email_template"),
        ]
        verbose_name = _("candidate e-mail template")
        verbose_name_plural = _("candidate e-mail templates")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self):
        allowed = KIND_PLACEHOLDERS.get(self.kind, PLACEHOLDERS)
        errors = {}
        for field in ("subject", "body"):
            try:
                used = placeholders_in(getattr(self, field) or "")
            except ValueError:
                errors[field] = _("A brace is not closed; write placeholders as {candidate_name}.")
                continue
            unknown = sorted(used - allowed)
            if placeholders_decorated(getattr(self, field) or ""):
                errors[field] = _("Write placeholders as the name alone in braces, e.g. {candidate_name}.")
            elif unknown:
                errors[field] = _("Unknown placeholders: %(names)s. Use: %(allowed)s.") % {
                    "names": _braced(unknown),
                    "allowed": _braced(allowed),
                }
        missing = REQUIRED_PLACEHOLDERS.get(self.kind, set()) - placeholders_in_safe(self.body or "")
        if missing and "body" not in errors:
            errors["body"] = _("The body must contain %(names)s.") % {"names": _braced(missing)}
        if errors:
            raise ValidationError(errors)


class CandidateEmail(models.Model):
    """That an e-mail of a kind went to an application's candidate: no copy of the text is kept."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="emails", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EmailKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    # Empty until the task has handed the e-mail to the mail server.
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["application", "-created_at", "id"]
        verbose_name = _("candidate e-mail")
        verbose_name_plural = _("candidate e-mails")

    def __str__(self):
        return f"{self.kind} → {self.application_id}"
