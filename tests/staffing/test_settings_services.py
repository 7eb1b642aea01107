"""The planning assumptions and the known events (staffing/settings_services.py, settings_selectors.py)."""

import datetime

import pytest

from servicefit.core.exceptions import ApplicationError
from staffing.models import PlanSettings, TrafficEvent
from staffing.settings_selectors import plan_settings_get
from staffing.settings_services import plan_settings_update, traffic_event_create, traffic_event_delete
from tests.staffing.factories import event_make

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2025, 3, 3)


def test_the_assumptions_start_from_the_defaults_once():
    settings = plan_settings_get()
    assert (settings.pk, settings.service_level, settings.target_answer_seconds, settings.shrinkage) == (
        1,
        0.8,
        20,
        0.3,
    )
    assert settings.ramp() == (0.5, 0.75, 1.0)
    assert plan_settings_get() == settings and PlanSettings.objects.count() == 1


def test_hr_changes_some_assumptions_and_the_others_keep_their_values(hr_user):
    plan_settings_get()
    updated = plan_settings_update(user=hr_user, service_level=0.9, patience_seconds=120, ramp_curve="0.4; 0.8; 1")
    stored = PlanSettings.objects.get()
    assert (stored.service_level, stored.patience_seconds, stored.ramp(), stored.shrinkage) == (
        0.9,
        120,
        (0.4, 0.8, 1.0),
        0.3,
    )
    assert updated.updated_by == hr_user


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"service_level": 1.2}, "service_level", "Ensure this value is less than or equal to 0.99."),
        ({"shrinkage": -0.1}, "shrinkage", "Ensure this value is greater than or equal to 0."),
        ({"max_occupancy": float("nan")}, "max_occupancy", "Enter a number."),
        ({"ramp_curve": "0.5, 0.4, 1"}, "ramp_curve", "The ramp must rise month by month and end at 1 (a full agent)."),
        ({"ramp_curve": "half, full"}, "ramp_curve", "Write the ramp as numbers between 0 and 1"),
        ({"email_response_hours": 500}, "email_response_hours", "Ensure this value is less than or equal to 168."),
    ],
)
def test_a_wrong_value_is_refused_with_its_field_and_nothing_changes(admin_user, changes, field, message):
    with pytest.raises(ApplicationError) as raised:
        plan_settings_update(user=admin_user, target_answer_seconds=30, **changes)
    assert raised.value.extra["fields"][field][0].startswith(message)
    assert plan_settings_get().target_answer_seconds == 20


def test_managers_and_recruiters_cannot_change_the_assumptions(manager, recruiter):
    for user in (manager, recruiter):
        with pytest.raises(ApplicationError) as raised:
            plan_settings_update(user=user, service_level=0.5)
        assert raised.value.status == 403
    assert plan_settings_get().service_level == 0.8


def test_an_event_is_added_for_its_days_and_channel(hr_user):
    event = traffic_event_create(
        name="  Price   change ", start=MARCH, end=MARCH, channel="phone", uplift_percent=15.0, user=hr_user
    )
    assert (event.name, event.start, event.end, event.channel, event.uplift_percent, event.created_by) == (
        "Price change",
        MARCH,
        MARCH,
        "phone",
        15.0,
        hr_user,
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end": MARCH - datetime.timedelta(days=1)}, "end", "The last day is before the first day."),
        ({"uplift_percent": 600.0}, "uplift_percent", "Ensure this value is less than or equal to 500."),
        ({"uplift_percent": -95.0}, "uplift_percent", "Ensure this value is greater than or equal to -90."),
        ({"uplift_percent": float("inf")}, "uplift_percent", "Enter a number."),
        ({"name": "   "}, "name", "This field cannot be blank."),
        ({"channel": "fax"}, "channel", "Value 'fax' is not a valid choice."),
    ],
)
def test_a_wrong_event_is_refused_with_its_field(hr_user, fields, field, message):
    values = {"name": "Campaign", "start": MARCH, "end": MARCH, "uplift_percent": 10.0, "channel": ""} | fields
    with pytest.raises(ApplicationError) as raised:
        traffic_event_create(user=hr_user, **values)
    assert raised.value.extra["fields"][field] == [message]
    assert not TrafficEvent.objects.exists()


def test_only_hr_and_admins_add_or_delete_events(manager, admin_user):
    event = event_make()
    with pytest.raises(ApplicationError):
        traffic_event_create(name="x", start=MARCH, end=MARCH, uplift_percent=5.0, user=manager)
    with pytest.raises(ApplicationError):
        traffic_event_delete(event=event, user=manager)
    traffic_event_delete(event=event, user=admin_user)
    assert not TrafficEvent.objects.exists()
