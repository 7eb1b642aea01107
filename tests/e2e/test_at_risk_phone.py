"""The at-risk list on a 390 px phone, in Danish: drivers and actions wrap, the table scrolls inside
its own box, the page never scrolls sideways."""

import pytest
from django.conf import settings as django_settings

from servicefit.core.roles import Role
from tests.conftest import make_user
from tests.workforce.risk_factories import UNTIL, agents_in_db
from workforce import risk

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_fits_the_at_risk_list_on_a_phone(live_server, open_page):
    make_user("hanne", Role.HR)
    agents_in_db(120)
    risk.hazard_model_train(until=UNTIL)
    risk.risk_scores_refresh(as_of=UNTIL)
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "da", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "hanne")
    page.fill("#id_password", "pw-hanne")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/workforce/at-risk/")
    assert page.locator("tbody tr").count() > 0
    assert page.evaluate(OVERFLOW) == []
    page.goto(f"{live_server.url}/workforce/models/")
    assert page.evaluate(OVERFLOW) == []
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
