"""The role-profile form in a real browser: the radar and the running total follow the weights as
they are typed, on a phone without sideways scrolling, and the profile saves as drawn."""

from decimal import Decimal

import pytest

from profiles.models import RoleProfile
from servicefit.core.roles import Role

from .conftest import CHROMIUM, PHONE
from .test_navigation import assert_stayed_local_and_quiet, log_in
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ADVISOR = "advisor-controller-led"
# The radar's points in the order of its labels, as Chart.js holds them.
RADAR = """() => {
    const chart = window.Chart.getChart(document.querySelector("canvas[data-live-radar]"));
    return {labels: chart.data.labels, values: chart.data.datasets[0].data};
}"""


def radar(page) -> dict[str, float]:
    state = page.evaluate(RADAR)
    return dict(zip(state["labels"], state["values"], strict=True))


def test_the_radar_follows_the_weights_as_they_change(live_server, open_page):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    page.goto(f"{live_server.url}/profiles/role-profiles/{ADVISOR}/edit/")
    page.wait_for_function(
        "() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-live-radar]'))"
    )

    assert radar(page)["Controller"] == 40 and radar(page)["Empathizer"] == 15
    assert page.locator("#mix-total").inner_text() == "Adds up to 100 %."
    assert page.evaluate(OVERFLOW) == []

    page.fill("#id_weight_controller", "25")
    assert radar(page)["Controller"] == 25
    assert page.locator("#mix-total").inner_text() == "15 percentage points left to place."
    page.fill("#id_weight_empathizer", "32.5")
    assert radar(page)["Empathizer"] == 32.5
    assert page.locator("#mix-total").inner_text() == "2.5 percentage points too many."
    page.fill("#id_weight_rock", "7.5")
    assert radar(page)["Rock"] == 7.5 and page.locator("#mix-total").inner_text() == "Adds up to 100 %."

    page.get_by_role("button", name="Save the role profile").click()
    page.wait_for_url(f"{live_server.url}/profiles/role-profiles/{ADVISOR}/")
    weights = {w.service_type.code: w.weight for w in RoleProfile.objects.get(slug=ADVISOR).type_weights.all()}
    assert weights["controller"] == Decimal("0.25") and weights["empathizer"] == Decimal("0.325")
    assert weights["rock"] == Decimal("0.075")
    assert_stayed_local_and_quiet(browser_page)


def test_a_new_profile_starts_empty_and_is_refused_until_it_makes_100_percent(live_server, open_page):
    browser_page = open_page()
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.HR)
    page.goto(f"{live_server.url}/profiles/role-profiles/new/")
    page.wait_for_function(
        "() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-live-radar]'))"
    )
    assert set(radar(page).values()) == {0}
    assert page.locator("#mix-total").inner_text() == "100 percentage points left to place."

    page.fill("#id_name", "Chat-rådgiver")
    page.fill("#id_weight_controller", "60")
    page.fill("#id_weight_innovator", "30")
    page.get_by_role("button", name="Create the role profile").click()
    page.wait_for_load_state()
    assert page.get_by_text("The service-type weights must add up to 100 % (they add up to 90 %).").is_visible()
    # The refused form keeps what was typed, and the radar draws it again.
    page.wait_for_function(
        "() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-live-radar]'))"
    )
    assert radar(page)["Controller"] == 60 and radar(page)["Innovator"] == 30

    page.fill("#id_weight_rock", "10")
    page.get_by_role("button", name="Create the role profile").click()
    page.wait_for_url(f"{live_server.url}/profiles/role-profiles/chat-raadgiver/")
    assert RoleProfile.objects.get(slug="chat-raadgiver").type_weights.count() == 3
    assert_stayed_local_and_quiet(browser_page)
