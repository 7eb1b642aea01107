"""The retention dashboard on a 390 px phone, in Danish: charts drawn from the static script (no inline
script under the strict CSP), tables scrolling inside their own box, the page never scrolling sideways."""

import pytest
from django.conf import settings as django_settings

from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update
from servicefit.core.teams import team_create
from tests.workforce.retention_factories import agent, population

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW, log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_fits_the_retention_dashboard_on_a_phone(live_server, open_page):
    team = team_create(name="Kundeservice Aarhus med et meget langt teamnavn")
    population(team)
    for i in range(30):
        agent(
            team, f"2022-{i % 12 + 1:02d}-01", "2023-06-01" if i % 3 == 0 else None, "voluntary",
            hiring_fit=70.0, hiring_fit_label=("strong", "good")[i % 2], hiring_dominant_type="controller",
            source="jobindex",
        )  # fmt: skip
    user_create_or_update(username="hrphone", password="demo-hrphone", role=Role.HR, teams=[team])
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "da", "url": live_server.url}])
    log_in(browser_page, live_server.url, "hrphone")

    page.goto(f"{live_server.url}/workforce/retention/?from=2023-01-01&to=2023-12-31")

    assert page.locator("canvas[data-retention-chart]").count() >= 8
    page.wait_for_function("() => Chart.getChart(document.querySelector('canvas[data-retention-chart]')) !== undefined")
    # The numbers as the page's language writes them (the browser here is English): 1.234,5.
    chart = "Chart.getChart(document.querySelector('canvas[data-retention-chart]'))"
    assert page.evaluate(f"() => {chart}.scales.y.getLabelForValue(1234.5)") == "1.234,5"
    assert page.evaluate(OVERFLOW) == []
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
