"""The planning-assumptions page and the known events page: HR edits, managers read, others are refused."""

import datetime

import pytest
from django.utils import translation

from staffing.models import PlanSettings, TrafficEvent
from staffing.settings_selectors import plan_settings_get
from staffing.settings_services import PLAN_SETTINGS_FIELDS
from tests.staffing.factories import event_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads_in(client, settings):
    """Sets the reader's language cookie; the language the requests activate is not left to later tests."""

    def language(code: str) -> None:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = code

    with translation.override(translation.get_language()):
        yield language


def settings_posted(**changes) -> dict:
    settings = plan_settings_get()
    values = {name: getattr(settings, name) for name in PLAN_SETTINGS_FIELDS}
    return {name: "" if value is None else value for name, value in (values | changes).items()}


def test_hr_sees_the_assumptions_in_a_form_and_saves_them(client, hr_user):
    client.force_login(hr_user)
    page = client.get("/staffing/settings/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'action="/staffing/settings/edit/"' in body
    assert "Paid time not on contacts: breaks, meetings, training, sickness and holidays." in body
    response = client.post("/staffing/settings/edit/", settings_posted(service_level="0.9", patience_seconds="120"))
    assert response.url == "/staffing/settings/"
    stored = PlanSettings.objects.get()
    assert (stored.service_level, stored.patience_seconds, stored.updated_by) == (0.9, 120, hr_user)
    assert "Last changed by henrik" in client.get("/staffing/settings/").content.decode()


def test_a_wrong_value_is_shown_by_its_field_and_nothing_is_saved(client, admin_user):
    client.force_login(admin_user)
    response = client.post("/staffing/settings/edit/", settings_posted(shrinkage="0.95", ramp_curve="1, 0.5"))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["shrinkage"] == ["Ensure this value is less than or equal to 0.8."]
    response = client.post("/staffing/settings/edit/", settings_posted(ramp_curve="1, 0.5"))
    assert response.context["form"].errors["ramp_curve"] == [
        "The ramp must rise month by month and end at 1 (a full agent)."
    ]
    assert PlanSettings.objects.get().ramp_curve == "0.5, 0.75, 1.0"


def test_a_manager_reads_the_assumptions_without_a_form_and_cannot_post(client, manager):
    client.force_login(manager)
    page = client.get("/staffing/settings/")
    assert page.status_code == 200 and page.context["form"] is None
    body = page.content.decode()
    assert (
        "Service level target" in body
        and "0.8" in body
        and '<form method="post" action="/staffing/settings' not in body
    )
    assert client.post("/staffing/settings/edit/", settings_posted(service_level="0.5")).status_code == 403
    assert plan_settings_get().service_level == 0.8


def test_hr_adds_and_deletes_an_event(client, hr_user):
    client.force_login(hr_user)
    assert "No known events" in client.get("/staffing/events/").content.decode()
    posted = {"name": "Invoice run", "start": "2025-03-03", "end": "2025-03-07", "channel": "", "uplift_percent": "25"}
    response = client.post("/staffing/events/new/", posted)
    assert response.url == "/staffing/events/"
    event = TrafficEvent.objects.get()
    assert (event.name, event.channel, event.uplift_percent, event.created_by) == ("Invoice run", "", 25.0, hr_user)
    body = client.get("/staffing/events/").content.decode()
    assert "Invoice run" in body and "+25 %" in body and "Every channel" in body
    assert client.post(f"/staffing/events/{event.id}/delete/").url == "/staffing/events/"
    assert not TrafficEvent.objects.exists()


def test_an_event_that_ends_before_it_starts_is_refused(client, hr_user):
    client.force_login(hr_user)
    posted = {"name": "Campaign", "start": "2025-03-07", "end": "2025-03-03", "channel": "chat", "uplift_percent": "10"}
    response = client.post("/staffing/events/new/", posted)
    assert response.status_code == 400
    assert response.context["form"].errors["end"] == ["The last day is before the first day."]
    response = client.post("/staffing/events/new/", posted | {"end": "2025-03-08", "uplift_percent": "900"})
    assert response.context["form"].errors["uplift_percent"] == ["Ensure this value is less than or equal to 500."]
    assert not TrafficEvent.objects.exists()


def test_a_manager_sees_the_events_but_cannot_add_or_delete(client, manager):
    event = event_make(start=datetime.date(2025, 3, 3), end=datetime.date(2025, 3, 3), channel="email")
    client.force_login(manager)
    page = client.get("/staffing/events/")
    body = page.content.decode()
    assert "Invoice run" in body and "E-mail" in body and page.context["form"] is None and "Delete" not in body
    posted = {"name": "x", "start": "2025-03-03", "end": "2025-03-03", "channel": "", "uplift_percent": "5"}
    assert client.post("/staffing/events/new/", posted).status_code == 403
    assert client.post(f"/staffing/events/{event.id}/delete/").status_code == 403
    assert TrafficEvent.objects.count() == 1


@pytest.mark.parametrize("url", ["/staffing/settings/", "/staffing/events/"])
def test_anonymous_users_go_to_the_login_page_and_recruiters_are_refused(client, recruiter, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    client.force_login(recruiter)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("typed", ["0,5, 0,75, 1,0", "0,5; 0,75; 1", "0,5 0,75 1"])
def test_hr_types_the_ramp_with_decimal_commas_as_the_nordic_help_text_shows(client, hr_user, reads_in, typed):
    # The Danish, Norwegian and Swedish help texts give the example as "0,5, 0,75, 1,0".
    client.force_login(hr_user)
    reads_in("da")
    assert "0,5, 0,75, 1,0" in client.get("/staffing/settings/").content.decode()

    response = client.post("/staffing/settings/edit/", settings_posted(ramp_curve=typed))

    assert response.status_code == 302, response.context["form"].errors
    assert plan_settings_get().ramp() == (0.5, 0.75, 1.0)


@pytest.mark.parametrize("language", ["da", "nb", "sv"])
def test_a_manager_reads_the_ramp_with_the_decimal_comma_of_their_language(client, manager, reads_in, language):
    client.force_login(manager)
    reads_in(language)

    body = client.get("/staffing/settings/").content.decode()

    assert "<td>0,5; 0,75; 1</td>" in body and "0.75" not in body


def test_hr_sees_the_ramp_in_the_form_with_the_decimal_comma_of_their_language(client, hr_user, reads_in):
    client.force_login(hr_user)
    reads_in("sv")

    form = client.get("/staffing/settings/").context["form"]

    assert form["ramp_curve"].value() == "0,5; 0,75; 1"


@pytest.mark.parametrize(
    ("url", "current"),
    [
        ("/staffing/", "Staffing plan"),
        ("/staffing/traffic/", "Traffic"),
        ("/staffing/settings/", "Planning assumptions"),
        ("/staffing/events/", "Known events"),
    ],
)
def test_every_staffing_page_has_the_same_sub_navigation_with_its_own_link_current(client, manager, url, current):
    client.force_login(manager)

    nav = client.get(url).content.decode().split('<nav class="subnav"')[1].split("</nav>")[0]

    links = [link.split(">", 1)[1].split("</a>")[0] for link in nav.split("<a ")[1:]]
    assert links == ["Staffing plan", "Traffic", "Planning assumptions", "Known events"]
    assert nav.count('aria-current="page"') == 1 and f'aria-current="page">{current}</a>' in nav
