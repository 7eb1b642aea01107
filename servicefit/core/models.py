from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    """Who looked at, exported or erased whose personal data, and when."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        EXPORT = "export", _("exported")
        ERASE = "erase", _("erased")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    target_type = models.CharField(_("record type"), max_length=60)
    target_id = models.CharField(_("record id"), max_length=40)
    target_label = models.CharField(_("record"), max_length=200, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name = _("personal-data access")
        verbose_name_plural = _("personal-data access log")

    def __str__(self):
        return f"{self.user} {self.action} {self.target_type} {self.target_id}"


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
