"""Reads of the planning assumptions and the known events."""

from django.db.models import QuerySet

from staffing.models import PlanSettings, TrafficEvent

PLAN_SETTINGS_ID = 1


def plan_settings_get() -> PlanSettings:
    """The centre's one row of planning assumptions, created with the defaults on first use."""
    settings, _created = PlanSettings.objects.get_or_create(pk=PLAN_SETTINGS_ID)
    return settings


def traffic_event_list() -> QuerySet[TrafficEvent]:
    return TrafficEvent.objects.select_related("created_by")
