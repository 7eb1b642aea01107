"""Attrition models and the agents' current risk.

Models are stored as data (coefficients, encodings, metrics as JSON), never as pickles; a model names
the schema (feature names and kinds) it was trained on, and scoring refuses another schema.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workforce.models.agents import Agent


class ModelKind(models.TextChoices):
    # The product's own data: a discrete-time hazard model on person-months, voluntary exit within a horizon.
    HAZARD = "hazard", _("Voluntary exit within the horizon (our agents)")
    # Any HR table (train_attrition): a snapshot classifier of one target column.
    SNAPSHOT = "snapshot", _("Snapshot classifier (imported HR table)")


class AttritionModel(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=ModelKind.choices)
    version = models.PositiveIntegerField(_("version"))
    trained_at = models.DateTimeField(_("trained at"), default=timezone.now)
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("trained by"),
    )
    # Where the data came from (a file name and target column, or "agents").
    source = models.CharField(_("source"), max_length=300, blank=True)
    n_rows = models.PositiveIntegerField(_("rows"))
    positives = models.PositiveIntegerField(_("positives"))
    horizon_months = models.PositiveSmallIntegerField(_("horizon (months)"), null=True, blank=True)
    # [{"name", "kind", ...}]: what the model expects, in order.
    schema = models.JSONField(_("schema"))
    schema_hash = models.CharField(_("schema hash"), max_length=64)
    parameters = models.JSONField(_("parameters"))
    # auc_cv, auc_cv_std, concordance, calibration, seconds ...
    metrics = models.JSONField(_("metrics"), default=dict)
    is_active = models.BooleanField(_("in use"), default=False)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="uniq_attrition_model_version"),
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(is_active=True), name="one_active_attrition_model_per_kind"
            ),
        ]
        verbose_name = _("attrition model")
        verbose_name_plural = _("attrition models")

    def __str__(self):
        return f"{self.kind} v{self.version}"


class RiskScore(models.Model):
    """An agent's latest risk of leaving voluntarily within the model's horizon (nightly scoring
    replaces it)."""

    agent = models.OneToOneField(Agent, on_delete=models.CASCADE, related_name="risk", verbose_name=_("agent"))
    model = models.ForeignKey(AttritionModel, on_delete=models.CASCADE, related_name="scores", verbose_name=_("model"))
    scored_at = models.DateTimeField(_("scored at"), default=timezone.now)
    probability = models.FloatField(_("probability"))
    # [{"feature", "value", "contribution"}], largest first; words and actions are made when shown.
    drivers = models.JSONField(_("drivers"), default=list)

    class Meta:
        ordering = ["-probability", "agent"]
        indexes = [models.Index(fields=["-probability"], name="risk_probability")]
        verbose_name = _("risk score")
        verbose_name_plural = _("risk scores")

    def __str__(self):
        return f"{self.agent_id}: {self.probability:.2f}"
