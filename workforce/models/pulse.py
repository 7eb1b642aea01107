"""Pulse surveys: eNPS and a few items, answered from a personal link.

Answers are confidential, not anonymous: they are stored per agent because the risk model reads each
agent's pulse trend. Anyone reading results sees groups of at least five respondents only.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicefit.core.models import Team, TimeStampedModel
from workforce.models.agents import Agent


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class PulseSurvey(TimeStampedModel):
    # None: every team.
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="pulse_surveys", verbose_name=_("team")
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(_("status"), max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("pulse survey")
        verbose_name_plural = _("pulse surveys")

    def __str__(self):
        return self.title


class PulseInvitation(TimeStampedModel):
    """One agent's personal link to one survey. The link's token is `<public_id>.<signature>` (as the
    assessment invitations'), so it is never stored."""

    survey = models.ForeignKey(
        PulseSurvey, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("survey")
    )
    agent = models.ForeignKey(
        Agent, on_delete=models.CASCADE, related_name="pulse_invitations", verbose_name=_("agent")
    )
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["survey", "id"]
        constraints = [models.UniqueConstraint(fields=["survey", "agent"], name="uniq_pulse_invitation")]
        verbose_name = _("pulse invitation")
        verbose_name_plural = _("pulse invitations")

    def __str__(self):
        return f"{self.survey_id} · {self.agent_id}"


def _scale(low: int, high: int):
    return [MinValueValidator(low), MaxValueValidator(high)]


class PulseResponse(models.Model):
    survey = models.ForeignKey(
        PulseSurvey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="pulse_responses", verbose_name=_("agent"))
    # The agent's team when they answered: results are grouped by it.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team"))
    answered_on = models.DateField(_("answered on"))
    # "How likely is it that you would recommend us as a place to work?" 0–10.
    recommend = models.PositiveSmallIntegerField(_("would recommend (0–10)"), validators=_scale(0, 10))
    # Agreement 1–5 with: my workload is manageable / I am growing here / my manager supports me.
    workload = models.PositiveSmallIntegerField(_("workload is manageable (1–5)"), validators=_scale(1, 5))
    growth = models.PositiveSmallIntegerField(_("growing here (1–5)"), validators=_scale(1, 5))
    manager_support = models.PositiveSmallIntegerField(_("manager support (1–5)"), validators=_scale(1, 5))

    class Meta:
        ordering = ["survey", "id"]
        indexes = [
            models.Index(fields=["team", "answered_on"], name="pulse_team_date"),
            models.Index(fields=["agent", "answered_on"], name="pulse_agent_date"),
        ]
        constraints = [models.UniqueConstraint(fields=["survey", "agent"], name="uniq_pulse_response")]
        verbose_name = _("pulse response")
        verbose_name_plural = _("pulse responses")

    def __str__(self):
        return f"{self.survey_id} · {self.agent_id}"
