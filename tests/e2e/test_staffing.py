"""The Staffing page on a 390 px phone with the demo centre's traffic: the chart drawn from the static
script (no inline script under the strict CSP) beside its table, nothing sticking out sideways, and a
what-if change that moves the hiring plan."""

import pytest
from django.utils import timezone

from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update
from staffing.plan_selectors import staffing_plan
from tests.staffing.plan_factories import agents_make, demo_traffic_make, settings_make

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW, log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HIRES = """() => [...document.querySelectorAll("section[aria-labelledby=classes-heading] tbody tr td:nth-of-type(1)")]
    .reduce((total, cell) => total + Number(cell.textContent.trim()), 0)"""


def test_it_fits_the_staffing_plan_on_a_phone_and_moves_with_a_what_if(live_server, open_page):
    demo_traffic_make(end=timezone.localdate())
    settings_make(monthly_attrition=0.025, time_to_hire_days=40)
    agents_make(110)
    user_create_or_update(username="hrplan", password="demo-hrplan", role=Role.HR)
    # The live server's thread shares this process's cache: the forecast is ready when the page asks.
    staffing_plan()
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, "hrplan")

    page.goto(f"{live_server.url}/staffing/")

    page.wait_for_function("() => document.querySelector('canvas[data-staffing-chart]')?.dataset.drawn === '1'")
    assert (
        page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-staffing-chart]')).data.labels.length")
        == 12
    )
    assert page.locator(".staffing-grid table tbody tr").count() == 12
    assert page.evaluate(OVERFLOW) == []
    before = page.evaluate(HIRES)
    assert before > 0

    page.fill("#id_aht_percent", "15")
    page.get_by_role("button", name="Show the plan").click()
    page.wait_for_url("**/staffing/?*aht_percent=15*")

    assert page.evaluate(HIRES) > before
    assert page.evaluate(OVERFLOW) == []
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []


def test_it_writes_the_chart_s_numbers_in_the_page_s_language_not_the_browser_s(live_server, open_page):
    # A Danish planner on an English browser: the tooltips said 149.3 beside a table saying 149,3.
    demo_traffic_make(end=timezone.localdate())
    settings_make(monthly_attrition=0.025, time_to_hire_days=40)
    agents_make(110)
    user_create_or_update(username="hrplan", password="demo-hrplan", role=Role.HR)
    staffing_plan()
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, "hrplan")
    page.context.add_cookies([{"name": "django_language", "value": "da", "url": live_server.url}])

    page.goto(f"{live_server.url}/staffing/")

    page.wait_for_function("() => document.querySelector('canvas[data-staffing-chart]')?.dataset.drawn === '1'")
    chart = "Chart.getChart(document.querySelector('canvas[data-staffing-chart]'))"
    assert page.evaluate(f"() => {chart}.scales.y.getLabelForValue(1234.5)") == "1.234,5"
    assert browser_page.console_errors == []
