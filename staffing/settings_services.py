"""Changes to the planning assumptions and the known events, by HR and admins (STAFFING_WRITE)."""

import datetime
import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import STAFFING_WRITE
from staffing.models import PlanSettings, TrafficEvent
from staffing.settings_selectors import PLAN_SETTINGS_ID

# Every assumption a planner may change; updated_by and the timestamps are set here.
PLAN_SETTINGS_FIELDS = (
    "service_level",
    "target_answer_seconds",
    "max_occupancy",
    "shrinkage",
    "patience_seconds",
    "chat_concurrency",
    "chat_target_answer_seconds",
    "email_response_hours",
    "weekly_hours",
    "training_months",
    "ramp_curve",
    "early_loss",
    "monthly_attrition",
    "time_to_hire_days",
)


def _may_write(user, message: str) -> None:
    if user is not None and not STAFFING_WRITE.allows(user):
        raise ApplicationError(message, status=403)


def _finite(values: dict) -> None:
    for name, value in values.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise ApplicationError(_("Enter a number."), extra={"fields": {name: [_("Enter a number.")]}})


def _invalid(error: ValidationError) -> ApplicationError:
    """A model's validation error as the API's one shape: the fields' messages under extra["fields"]."""
    fields = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    first = next(iter(fields.values()))[0]
    return ApplicationError(first, extra={"fields": fields})


@transaction.atomic
def plan_settings_update(*, user, **changes) -> PlanSettings:
    """Change some of the planning assumptions (the others keep their values); all or none."""
    _may_write(user, _("You cannot change the planning assumptions."))
    unknown = set(changes) - set(PLAN_SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"not a planning assumption: {sorted(unknown)}")
    _finite(changes)
    settings = PlanSettings.objects.select_for_update().filter(pk=PLAN_SETTINGS_ID).first()
    settings = settings or PlanSettings(pk=PLAN_SETTINGS_ID)
    for name, value in changes.items():
        setattr(settings, name, value)
    settings.updated_by = user
    try:
        settings.full_clean()
    except ValidationError as error:
        raise _invalid(error) from None
    settings.save()
    return settings


@transaction.atomic
def traffic_event_create(
    *,
    name: str,
    start: datetime.date,
    end: datetime.date,
    uplift_percent: float,
    channel: str = "",
    user,
) -> TrafficEvent:
    """A known event the forecast adds: its days (inclusive), its channel ("" for all) and the change
    in contacts, +15 for 15 % more."""
    _may_write(user, _("You cannot add known events."))
    _finite({"uplift_percent": uplift_percent})
    event = TrafficEvent(
        name=" ".join(name.split()),
        start=start,
        end=end,
        channel=channel or "",
        uplift_percent=uplift_percent,
        created_by=user,
    )
    errors = {}
    if start and end and end < start:
        errors["end"] = [_("The last day is before the first day.")]
    try:
        event.full_clean()
    except ValidationError as error:
        errors = error.message_dict | errors
    if errors:
        raise _invalid(ValidationError(errors))
    event.save()
    return event


def traffic_event_delete(*, event: TrafficEvent, user) -> None:
    _may_write(user, _("You cannot delete known events."))
    event.delete()
