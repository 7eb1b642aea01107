"""The staffing plan's inputs: interval traffic, the centre's planning assumptions and known events.

Traffic is centre-wide (queues, not teams) and holds no personal data: counts and handling times.
An interval is stored as its local wall-clock day and start time, as ACD exports give it, so a
daylight-saving change never shifts a row into the wrong half hour.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicefit.core.models import TimeStampedModel
from workforce.models import Channel

# The channels the plan staffs, each with its own queueing model (staffing/analysis/erlang.py).
STAFFED_CHANNELS = (Channel.PHONE, Channel.EMAIL, Channel.CHAT)
CHANNEL_CHOICES = [(channel.value, channel.label) for channel in STAFFED_CHANNELS]
INTERVAL_MINUTES = (15, 30)
# 0 % productive in training, then 50 %, 75 % and 100 % of a full agent by month.
DEFAULT_RAMP = "0.5, 0.75, 1.0"


def ramp_numbers(text: str) -> tuple[float, ...]:
    """The numbers of a typed ramp. With a decimal point (0.5, 0.75, 1.0) commas, semicolons and spaces
    separate; without one, a planner in Denmark, Norway or Sweden writes decimal commas (0,5, 0,75, 1,0 or
    0,5; 0,75; 1), so only semicolons and spaces separate. Raises ValueError for anything else."""
    text = text.strip()
    if "." in text or not re.search(r"[;\s]", text):
        parts = re.split(r"[,;\s]+", text)
    else:
        parts = [part.replace(",", ".") for part in re.split(r"\s*;\s*|,?\s+", text)]
    return tuple(float(part) for part in parts if part)


class TrafficImport(TimeStampedModel):
    """One traffic file as it was imported: the rows it wrote and the days they cover."""

    class Source(models.TextChoices):
        UPLOAD = "upload", _("uploaded file")
        API = "api", _("API")
        DEMO = "demo", _("demo data")

    filename = models.CharField(_("file name"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.UPLOAD)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    interval_minutes = models.PositiveSmallIntegerField(
        _("interval length (minutes)"), choices=[(m, m) for m in INTERVAL_MINUTES]
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    channels = models.JSONField(_("channels"), default=list)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("traffic import")
        verbose_name_plural = _("traffic imports")
        constraints = [
            models.CheckConstraint(condition=models.Q(last_day__gte=models.F("first_day")), name="traffic_import_days"),
        ]

    def __str__(self):
        return f"{self.filename or self.get_source_display()} ({self.first_day}–{self.last_day})"


class TrafficInterval(models.Model):
    """Contacts offered in one interval of one channel, with their average handling time (AHT)."""

    traffic_import = models.ForeignKey(
        TrafficImport, on_delete=models.CASCADE, related_name="intervals", verbose_name=_("import")
    )
    channel = models.CharField(_("channel"), max_length=16, choices=CHANNEL_CHOICES)
    day = models.DateField(_("date"))
    start = models.TimeField(_("interval start"))
    interval_minutes = models.PositiveSmallIntegerField(
        _("interval length (minutes)"), choices=[(m, m) for m in INTERVAL_MINUTES]
    )
    contacts = models.PositiveIntegerField(_("contacts offered"))
    aht_seconds = models.FloatField(_("AHT (seconds)"), validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["channel", "day", "start"]
        verbose_name = _("traffic interval")
        verbose_name_plural = _("traffic intervals")
        constraints = [
            models.UniqueConstraint(fields=["channel", "day", "start"], name="traffic_interval_unique"),
            models.CheckConstraint(condition=models.Q(aht_seconds__gte=0), name="traffic_interval_aht"),
        ]
        indexes = [models.Index(fields=["day"], name="traffic_interval_day")]

    def __str__(self):
        return f"{self.channel} {self.day} {self.start:%H:%M}"


class PlanSettings(TimeStampedModel):
    """The centre's planning assumptions: one row (pk 1), changed by HR on the Staffing page."""

    service_level = models.FloatField(
        _("service level target"),
        default=0.8,
        validators=[MinValueValidator(0.01), MaxValueValidator(0.99)],
        help_text=_("Share of calls answered within the target answer time, e.g. 0.8 for 80/20."),
    )
    target_answer_seconds = models.PositiveIntegerField(
        _("target answer time (seconds)"), default=20, validators=[MinValueValidator(1), MaxValueValidator(3600)]
    )
    max_occupancy = models.FloatField(
        _("maximum occupancy"), default=0.85, validators=[MinValueValidator(0.3), MaxValueValidator(1.0)]
    )
    shrinkage = models.FloatField(
        _("shrinkage"),
        default=0.3,
        validators=[MinValueValidator(0), MaxValueValidator(0.8)],
        help_text=_("Paid time not on contacts: breaks, meetings, training, sickness and holidays."),
    )
    patience_seconds = models.PositiveIntegerField(
        _("average caller patience (seconds)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3600)],
        help_text=_("When set, calls are planned with Erlang A (callers who hang up); empty uses Erlang C."),
    )
    chat_concurrency = models.FloatField(
        _("chats per agent at once"), default=2.0, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    chat_target_answer_seconds = models.PositiveIntegerField(
        _("chat target answer time (seconds)"), default=60, validators=[MinValueValidator(1), MaxValueValidator(3600)]
    )
    email_response_hours = models.PositiveIntegerField(
        _("e-mail response time target (hours)"), default=24, validators=[MinValueValidator(1), MaxValueValidator(168)]
    )
    weekly_hours = models.FloatField(
        _("full-time weekly hours"), default=37.0, validators=[MinValueValidator(10), MaxValueValidator(48)]
    )
    training_months = models.PositiveSmallIntegerField(
        _("training (months)"), default=1, validators=[MaxValueValidator(12)]
    )
    ramp_curve = models.CharField(
        _("productivity after training"),
        max_length=100,
        default=DEFAULT_RAMP,
        help_text=_("Share of a full agent in each month after training, e.g. 0.5, 0.75, 1.0."),
    )
    early_loss = models.FloatField(
        _("early loss"),
        default=0.2,
        validators=[MinValueValidator(0), MaxValueValidator(0.9)],
        help_text=_("Share of a new class that leaves before being productive."),
    )
    monthly_attrition = models.FloatField(
        _("monthly attrition (override)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(0.5)],
        help_text=_("Empty: from the attrition model, or from the exits of the last 12 months."),
    )
    time_to_hire_days = models.PositiveIntegerField(
        _("time to hire (days, override)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(365)],
        help_text=_("Empty: from the hiring pipeline's stage durations."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("planning assumptions")
        verbose_name_plural = _("planning assumptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(service_level__gt=0, service_level__lt=1), name="plan_settings_service_level"
            ),
            models.CheckConstraint(
                condition=models.Q(max_occupancy__gt=0, max_occupancy__lte=1), name="plan_settings_occupancy"
            ),
            models.CheckConstraint(
                condition=models.Q(shrinkage__gte=0, shrinkage__lt=1), name="plan_settings_shrinkage"
            ),
            models.CheckConstraint(
                condition=models.Q(early_loss__gte=0, early_loss__lt=1), name="plan_settings_early_loss"
            ),
        ]

    def __str__(self):
        return str(_("Planning assumptions"))

    def clean(self):
        try:
            self.ramp()
        except ValueError as error:
            raise ValidationError({"ramp_curve": str(error)}) from None

    def ramp(self) -> tuple[float, ...]:
        """The ramp curve as numbers: each month's share of a full agent, rising, ending at 1."""
        try:
            values = ramp_numbers(self.ramp_curve)
        except ValueError:
            raise ValueError(
                _("Write the ramp as numbers between 0 and 1 separated by commas, e.g. 0.5, 0.75, 1.0.")
            ) from None
        if not values or len(values) > 12:
            raise ValueError(_("The ramp needs between 1 and 12 months."))
        if any(not 0 <= value <= 1 for value in values) or list(values) != sorted(values) or values[-1] != 1:
            raise ValueError(_("The ramp must rise month by month and end at 1 (a full agent)."))
        return values


class TrafficEvent(TimeStampedModel):
    """A known event a planner adds to the forecast: a campaign, a price change, an invoice run."""

    name = models.CharField(_("name"), max_length=120)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    channel = models.CharField(
        _("channel"), max_length=16, choices=CHANNEL_CHOICES, blank=True, help_text=_("Empty: every channel.")
    )
    uplift_percent = models.FloatField(
        _("change in contacts (%)"), validators=[MinValueValidator(-90), MaxValueValidator(500)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("traffic event")
        verbose_name_plural = _("traffic events")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="traffic_event_days"),
            models.CheckConstraint(
                condition=models.Q(uplift_percent__gte=-90, uplift_percent__lte=500), name="traffic_event_uplift"
            ),
        ]

    def __str__(self):
        return self.name
