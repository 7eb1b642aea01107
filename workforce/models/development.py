"""Agents' development: competency snapshots, plans with goals, training, coaching and career moves.

The seeds' answer to churn is development (upskilling, specialist tracks, just-in-time coaching); the
risk model reads these records (time since the last development activity, plan progress, growth).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from profiles.models import Competency, RoleProfile
from servicefit.core.models import Team, TimeStampedModel
from workforce.models.agents import Agent


class SnapshotSource(models.TextChoices):
    ASSESSMENT = "assessment", _("Re-assessment")
    MANAGER_RATING = "manager_rating", _("Manager rating")
    IMPORT = "import", _("Imported")


class CompetencySnapshot(TimeStampedModel):
    """An agent's competency levels on one day, on the competency anchors (1–5)."""

    agent = models.ForeignKey(
        Agent, on_delete=models.CASCADE, related_name="competency_snapshots", verbose_name=_("agent")
    )
    taken_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=20, choices=SnapshotSource.choices)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("rated by"),
    )
    # For a re-assessment: the assessment link it came from.
    agent_assessment = models.ForeignKey(
        "workforce.AgentAssessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="snapshots",
        verbose_name=_("re-assessment"),
    )

    class Meta:
        ordering = ["agent", "taken_on", "id"]
        indexes = [models.Index(fields=["agent", "taken_on"], name="snapshot_agent_date")]
        verbose_name = _("competency snapshot")
        verbose_name_plural = _("competency snapshots")

    def __str__(self):
        return f"{self.agent_id} · {self.taken_on}"


class CompetencyLevel(models.Model):
    snapshot = models.ForeignKey(
        CompetencySnapshot, on_delete=models.CASCADE, related_name="levels", verbose_name=_("snapshot")
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    # Re-assessments give fractions (a mean of items); ratings are whole anchors.
    level = models.DecimalField(
        _("level"),
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    class Meta:
        ordering = ["snapshot", "competency__order"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "competency"], name="uniq_snapshot_competency")]
        verbose_name = _("competency level")
        verbose_name_plural = _("competency levels")

    def __str__(self):
        return f"{self.competency_id}: {self.level}"


class AgentAssessment(TimeStampedModel):
    """Joins an agent to an assessment invitation sent to them for re-assessment; when its attempt is
    scored, a competency snapshot is taken from it."""

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("agent"))
    invitation = models.OneToOneField(
        "assessments.Invitation",
        on_delete=models.CASCADE,
        related_name="agent_assessment",
        verbose_name=_("invitation"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("re-assessment")
        verbose_name_plural = _("re-assessments")

    def __str__(self):
        return f"{self.agent_id} · {self.invitation_id}"


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class DevelopmentPlan(TimeStampedModel):
    agent = models.ForeignKey(
        Agent, on_delete=models.CASCADE, related_name="development_plans", verbose_name=_("agent")
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    status = models.CharField(_("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["agent", "-starts_on", "-id"]
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")

    def __str__(self):
        return self.title


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class PlanGoal(TimeStampedModel):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan"))
    competency = models.ForeignKey(
        Competency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competency"),
    )
    description = models.CharField(_("description"), max_length=300)
    target_level = models.PositiveSmallIntegerField(
        _("target level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "due_on", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.description


class TrainingKind(models.TextChoices):
    COURSE = "course", _("Course")
    CERTIFICATION = "certification", _("Certification")
    ON_THE_JOB = "on_the_job", _("On-the-job training")


class Training(TimeStampedModel):
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="trainings", verbose_name=_("agent"))
    kind = models.CharField(_("kind"), max_length=16, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    competency = models.ForeignKey(
        Competency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competency"),
    )
    completed_on = models.DateField(_("completed on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        ordering = ["agent", "-completed_on", "-id"]
        indexes = [models.Index(fields=["agent", "completed_on"], name="training_agent_date")]
        verbose_name = _("training")
        verbose_name_plural = _("training")

    def __str__(self):
        return self.title


class CoachingTopic(models.TextChoices):
    CALL_HANDLING = "call_handling", _("Call handling")
    PRODUCT = "product", _("Product knowledge")
    SYSTEMS = "systems", _("Systems and tools")
    DIFFICULT_CUSTOMERS = "difficult_customers", _("Difficult customers")
    SALES = "sales", _("Sales")
    WELLBEING = "wellbeing", _("Wellbeing and workload")
    CAREER = "career", _("Career and development")
    OTHER = "other", _("Other")


class CoachingSession(TimeStampedModel):
    agent = models.ForeignKey(
        Agent, on_delete=models.CASCADE, related_name="coaching_sessions", verbose_name=_("agent")
    )
    held_on = models.DateField(_("date"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("coach"),
    )
    topic = models.CharField(_("topic"), max_length=24, choices=CoachingTopic.choices)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["agent", "-held_on", "-id"]
        indexes = [models.Index(fields=["agent", "held_on"], name="coaching_agent_date")]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")

    def __str__(self):
        return f"{self.agent_id} · {self.held_on}"


class MoveKind(models.TextChoices):
    SPECIALIST = "specialist", _("Specialist track")
    PROMOTION = "promotion", _("Promotion")
    INTERNAL = "internal", _("Internal move")


class CareerMove(TimeStampedModel):
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="career_moves", verbose_name=_("agent"))
    moved_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=MoveKind.choices)
    title = models.CharField(_("new title"), max_length=200, blank=True)
    from_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("from team")
    )
    to_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("to team")
    )
    from_role_profile = models.ForeignKey(
        RoleProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("from role profile"),
    )
    to_role_profile = models.ForeignKey(
        RoleProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("to role profile"),
    )

    class Meta:
        ordering = ["agent", "-moved_on", "-id"]
        indexes = [models.Index(fields=["agent", "moved_on"], name="move_agent_date")]
        verbose_name = _("career move")
        verbose_name_plural = _("career moves")

    def __str__(self):
        return f"{self.agent_id} · {self.kind} · {self.moved_on}"
