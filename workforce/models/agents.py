"""Agents: one record per employment period of a person at the contact centre.

A rehired person gets a new record with the same employee number (a new period): survival, attrition
and early-attrition figures count periods, which is what HR means by "a hire who left". The hiring-time
profile is copied from the hire (hiring.Hire) so it travels with the agent even after the applicant
record is erased.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from profiles.models import RoleProfile, ServiceType
from servicefit.core.models import Team, TimeStampedModel


class EmploymentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ON_LEAVE = "on_leave", _("On leave")
    EXITED = "exited", _("Left")


class ExitType(models.TextChoices):
    VOLUNTARY = "voluntary", _("Voluntary")
    INVOLUNTARY = "involuntary", _("Involuntary")


class ExitReason(models.TextChoices):
    """Coded, so exits can be counted by reason; the free-text detail stays out of the model."""

    CAREER = "career", _("Career move elsewhere")
    STUDIES = "studies", _("Studies")
    PAY = "pay", _("Pay")
    WORKLOAD = "workload", _("Workload or stress")
    SCHEDULE = "schedule", _("Working hours")
    MANAGER = "manager", _("Manager or team")
    NO_DEVELOPMENT = "no_development", _("Lack of development")
    RELOCATION = "relocation", _("Moving away")
    PERFORMANCE = "performance", _("Performance")
    CONDUCT = "conduct", _("Conduct")
    REDUNDANCY = "redundancy", _("Redundancy")
    END_OF_CONTRACT = "end_of_contract", _("End of fixed-term contract")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Chat")
    SOCIAL = "social", _("Social media")
    BACK_OFFICE = "back_office", _("Back office")


class Agent(TimeStampedModel):
    employee_number = models.CharField(_("employee number"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    # For pulse-survey links; optional because not every HRIS export carries it.
    email = models.EmailField(_("e-mail"), blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="agents", verbose_name=_("team"))
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_agents",
        verbose_name=_("manager"),
    )
    role_profile = models.ForeignKey(
        RoleProfile,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agents",
        verbose_name=_("role profile"),
    )
    # A list of Channel values.
    channels = models.JSONField(_("channels"), default=list, blank=True)
    hire_date = models.DateField(_("hire date"))
    employment_status = models.CharField(
        _("employment status"), max_length=16, choices=EmploymentStatus.choices, default=EmploymentStatus.ACTIVE
    )
    # May lie in the future while the agent works their notice.
    exit_date = models.DateField(_("exit date"), null=True, blank=True)
    exit_type = models.CharField(_("exit type"), max_length=16, choices=ExitType.choices, blank=True)
    exit_reason = models.CharField(_("exit reason"), max_length=20, choices=ExitReason.choices, blank=True)
    # Where the hire came from (the application's source for ServiceFit hires, else the HRIS's value).
    source = models.CharField(_("source"), max_length=60, blank=True)

    # The hiring-time record, when the agent was hired through ServiceFit.
    candidate = models.ForeignKey(
        "hiring.Candidate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agents",
        verbose_name=_("candidate"),
    )
    application = models.ForeignKey(
        "hiring.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agents",
        verbose_name=_("application"),
    )
    hire = models.OneToOneField(
        "hiring.Hire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agent",
        verbose_name=_("hire"),
    )
    # Copied from the hire: {"assessment", "submitted_on", "type_scores", "type_percentiles", "competency_scores"}.
    hiring_profile = models.JSONField(_("hiring-time profile"), default=dict, blank=True)
    hiring_fit = models.FloatField(_("fit at hiring"), null=True, blank=True)
    hiring_fit_label = models.CharField(_("fit label at hiring"), max_length=40, blank=True)
    hiring_dominant_type = models.CharField(
        _("dominant service type at hiring"), max_length=32, choices=ServiceType.Code.choices, blank=True
    )

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["team", "hire_date"], name="agent_team_hire_date"),
            models.Index(fields=["team", "exit_date"], name="agent_team_exit_date"),
            models.Index(fields=["hire_date"], name="agent_hire_date"),
            models.Index(fields=["exit_date"], name="agent_exit_date"),
            # Covers the retention dashboard's counts and tenures: SQLite reads the index, not the wide rows.
            models.Index(fields=["hire_date", "exit_date", "exit_type", "team"], name="agent_retention_cover"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["employee_number", "hire_date"], name="uniq_agent_period"),
            models.CheckConstraint(
                condition=Q(exit_date__isnull=True) | Q(exit_date__gte=F("hire_date")),
                name="agent_exit_after_hire",
            ),
            models.CheckConstraint(
                condition=Q(exit_date__isnull=False) | (Q(exit_type="") & Q(exit_reason="")),
                name="agent_exit_fields_need_date",
            ),
        ]
        verbose_name = _("agent")
        verbose_name_plural = _("agents")

    def __str__(self):
        return f"{self.employee_number} · {self.name}"
