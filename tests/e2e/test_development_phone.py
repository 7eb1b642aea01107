"""An agent's development page and the rating form on a 390 px phone, in Danish: the charts draw
(no console error, nothing blocked by the CSP), wide tables scroll inside their box, and the page
never scrolls sideways."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from tests.conftest import make_user
from tests.workforce import development_factories as factories
from workforce import development

from .conftest import CHROMIUM, PHONE
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_fits_the_development_page_and_its_forms_on_a_phone(live_server, open_page):
    lead = make_user("tove", "manager")
    agent = factories.agent(name="Sofie Holm")
    today = timezone.localdate()
    levels = {"dialogue_leadership": 2, "de_escalation": 3, "complex_problem_solving": 2, "customer_insight": 3}
    development.snapshot_record(agent=agent, levels=levels, taken_on=today - timedelta(days=120), user=lead)
    development.snapshot_record(agent=agent, levels={"dialogue_leadership": 4}, taken_on=today, user=lead)
    development.plan_create(
        agent=agent,
        title="Mod anden linje",
        user=lead,
        goals=[{"description": "Leder komplekse samtaler", "due_on": today - timedelta(days=3)}],
    )
    development.coaching_add(agent=agent, held_on=today, topic="difficult_customers", user=lead, notes="To opkald.")

    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "da", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "tove")
    page.fill("#id_password", "pw-tove")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/workforce/agents/{agent.id}/development/")
    assert "Sofie Holm" in page.locator("h1").inner_text()
    page.wait_for_function("() => document.querySelectorAll('canvas[data-drawn]').length === 2")
    assert page.evaluate(OVERFLOW) == []

    page.select_option("tr[id^=goal-] select[name=status]", "achieved")
    with page.expect_navigation():
        page.locator("tr[id^=goal-] button[type=submit]").click()
    assert page.locator("progress").get_attribute("value") == "1"

    for form in ("rate", "plans/new", "training/new", "coaching/new", "moves/new", "reassess"):
        page.goto(f"{live_server.url}/workforce/agents/{agent.id}/development/{form}/")
        assert page.evaluate(OVERFLOW) == [], form
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
