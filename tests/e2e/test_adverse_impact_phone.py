"""The adverse-impact page of a demo requisition on a 390 px phone, in Danish: its wide tables scroll
inside their own box, and the page itself never scrolls sideways."""

import pytest
from django.conf import settings as django_settings

from hiring.models import Requisition
from hiring.pipeline_demo import DEMO_REQUISITIONS

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW, demo_data, log_in  # noqa: F401 (demo_data is a fixture)

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_fits_the_adverse_impact_page_on_a_phone(live_server, open_page, demo_data):  # noqa: F811
    requisition = Requisition.objects.get(title=DEMO_REQUISITIONS[0].title)
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "da", "url": live_server.url}])
    log_in(browser_page, live_server.url, "recruiter")

    page.goto(f"{live_server.url}/hiring/requisitions/{requisition.id}/adverse-impact/")

    assert requisition.title in page.locator("h1").inner_text()
    assert page.locator("table").count() >= 10
    assert page.evaluate(OVERFLOW) == []
    page.select_option("#id_stage", "screened")
    page.locator("form.filter-form button").click()
    page.wait_for_url("**/adverse-impact/?stage=screened")
    assert page.locator("section.impact-stage").count() == 1
    assert page.evaluate(OVERFLOW) == []
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
