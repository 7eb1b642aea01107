from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from servicefit.core.choices import Country


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AppendOnlyQuerySet(models.QuerySet):
    """Audit rows are written once. Database triggers refuse UPDATE and DELETE as well; this makes
    the ORM fail early with a plain message instead of a database error."""

    def update(self, **kwargs):
        raise PermissionDenied("The personal-data access log cannot be changed.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionDenied("The personal-data access log cannot be changed.")

    def delete(self):
        raise PermissionDenied("The personal-data access log cannot be deleted.")


class AccessLog(models.Model):
    """Who looked at, exported or erased people's data, and when: ids and a category, never a name
    or an e-mail address, so the log itself holds no personal data of the people it is about."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        EXPORT = "export", _("exported")
        ERASE = "erase", _("erased")

    # No constraint and DO_NOTHING: deleting a user keeps the id of who did what (SET_NULL would
    # rewrite history, and the triggers refuse that update anyway). None means the system itself
    # (the retention purge).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("user"),
    )
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    category = models.CharField(_("category"), max_length=40)
    target_type = models.CharField(_("record type"), max_length=60)
    target_id = models.CharField(_("record id"), max_length=40)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name = _("personal-data access")
        verbose_name_plural = _("personal-data access log")

    def __str__(self):
        # The admin's title for the entry: the record's kind in words, not its model label.
        try:
            kind = capfirst(apps.get_model(self.target_type)._meta.verbose_name)
        except (LookupError, ValueError):
            kind = self.target_type
        return f"{kind} {self.target_id}: {self.get_action_display()}"

    def save(self, *args, **kwargs):
        # Not business logic: the guard that makes the log append-only in Python as well.
        if not self._state.adding:
            raise PermissionDenied("The personal-data access log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The personal-data access log cannot be deleted.")


class Team(models.Model):
    """A group of people whose records (job ads, candidates, later agents) belong together.

    A team may sit under a parent team; whoever may see a team's records sees its sub-teams' too.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent team")
    )
    # Whose rules apply to the team's applicants' data; blank: SERVICEFIT_RETENTION_COUNTRY.
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    # Months applicants' data is kept after a requisition closes; blank: the country's preset.
    retention_months = models.PositiveSmallIntegerField(
        _("retention (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the country's preset."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="team_not_own_parent"),
            models.CheckConstraint(
                condition=models.Q(retention_months__isnull=True) | models.Q(retention_months__gte=1),
                name="team_retention_at_least_a_month",
            ),
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships", verbose_name=_("user")
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        ordering = ["team", "user"]
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="uniq_team_membership")]
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")

    def __str__(self):
        return f"{self.user} in {self.team}"


class ApiToken(models.Model):
    """An API token. Only a hash of the key is stored; the key is shown once, when it is issued.

    `auth_hash` is the user's session auth hash when the token was issued (an HMAC of the password
    hash, as Django's sessions keep): a password change makes it stale, and the token stops working.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    auth_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d}"


# The employer's and sender's names go into the From header of e-mails, where a line break would
# start a header of its own.
SINGLE_LINE = RegexValidator(r"[\r\n\x00]", inverse_match=True, message=_("Write it on one line."))


class EmployerProfile(TimeStampedModel):
    """The employer candidates meet: its name and logo on their pages and e-mails, the sender of
    those e-mails, and whether they get a short feedback report. One row per installation (id 1);
    written only through `servicefit.core.employer.employer_profile_update`."""

    class LogoType(models.TextChoices):
        PNG = "image/png", "PNG"
        JPEG = "image/jpeg", "JPEG"
        SVG = "image/svg+xml", "SVG"

    name = models.CharField(_("employer name"), max_length=120, blank=True, validators=[SINGLE_LINE])
    # Small (servicefit.core.logo.MAX_BYTES) and read only by the logo view, so kept in the database:
    # backed up with everything else, no media folder to configure.
    logo = models.BinaryField(_("logo"), null=True, blank=True, editable=False)
    logo_type = models.CharField(_("logo type"), max_length=20, choices=LogoType.choices, blank=True)
    # A hash of the logo, in its address: a new logo gets a new address, so browsers may cache one for good.
    logo_version = models.CharField(max_length=16, blank=True, editable=False)
    sender_name = models.CharField(
        _("sender name"),
        max_length=120,
        blank=True,
        validators=[SINGLE_LINE],
        help_text=_("Shown as the sender of candidate e-mails; leave empty to use the employer name."),
    )
    sender_email = models.EmailField(
        _("sender address"),
        blank=True,
        help_text=_("The From address of candidate e-mails. Your mail server must be allowed to send as it."),
    )
    candidate_feedback = models.BooleanField(
        _("feedback report for candidates"),
        default=False,
        help_text=_("After submitting, candidates see a short description of their own service style."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="employer_profile_single_row"),
            models.CheckConstraint(
                condition=(models.Q(logo__isnull=True) & models.Q(logo_type="") & models.Q(logo_version=""))
                | (models.Q(logo__isnull=False) & ~models.Q(logo_type="") & ~models.Q(logo_version="")),
                name="employer_profile_logo_complete",
            ),
        ]
        verbose_name = _("employer profile")
        verbose_name_plural = _("employer profile")

    def __str__(self):
        return self.name or str(_("employer profile"))
