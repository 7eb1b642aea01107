"""The People pages on a 390 px phone, in Danish: the agent list with its filters, the team at a
glance, an agent's page and the forms never scroll sideways; their tables scroll in their own box."""

from datetime import date

import pytest
from django.conf import settings as django_settings

from servicefit.core.roles import Role
from tests.conftest import make_user
from tests.workforce.agent_factories import agent_make, everything_make
from workforce.models import Agent

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_people_pages_fit_on_a_phone(live_server, open_page):
    hr = make_user("hr-phone", Role.HR)
    agent = agent_make(hr, 1, name="Maria-Antonietta Kristoffersen-Bjørnstad", hire_date=date(2023, 4, 3))
    everything_make(agent, marker="Telefon")
    Agent.objects.filter(id=agent.id).update(
        hiring_profile={"type_scores": {"controller": 4.2, "empathizer": 3.1}, "type_percentiles": {"controller": 89}},
        hiring_fit=77.0,
        hiring_fit_label="good",
        hiring_dominant_type="controller",
    )
    for number in range(2, 6):
        agent_make(hr, number)
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "da", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "hr-phone")
    page.fill("#id_password", "pw-hr-phone")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")

    for path in (
        "/workforce/",
        "/workforce/?q=maria",
        "/workforce/team/",
        f"/workforce/agents/{agent.id}/",
        f"/workforce/agents/{agent.id}/edit/",
        f"/workforce/agents/{agent.id}/exit/",
        "/workforce/agents/new/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert page.evaluate(OVERFLOW) == [], path
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
