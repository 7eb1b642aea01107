"""What a user sees in a real browser: the areas of their role, a drawn radar chart, Danish UI."""

import pytest

from profiles.services import role_profile_create
from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update

from .conftest import CHROMIUM, PHONE, BrowserPage

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

# The live server runs in another thread, so test data must be committed. Each test empties the
# tables afterwards; the serialized rollback reloads the migrated framework (service types, lexicon)
# before each of these tests.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHART_STATE = """(canvas) => {
    const chart = window.Chart && window.Chart.getChart(canvas);
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) painted++;
    const box = canvas.getBoundingClientRect();
    return {chart: Boolean(chart), labels: chart ? chart.data.labels.length : 0,
            width: box.width, height: box.height, painted: painted};
}"""


@pytest.fixture
def role_profile():
    return role_profile_create(
        slug="e2e-advisory-agent",
        name="E2E advisory agent",
        type_weights={"controller": "0.4", "empathizer": "0.3", "rock": "0.3"},
        competencies={},
    )


def log_in(browser_page: BrowserPage, base_url: str, *, role: str) -> None:
    user_create_or_update(username=f"e2e-{role}", password=f"e2e-pw-{role}", role=role)
    page = browser_page.page
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", f"e2e-{role}")
    page.fill("#id_password", f"e2e-pw-{role}")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/")


def nav_labels(browser_page: BrowserPage) -> list[str]:
    return [text.strip() for text in browser_page.page.locator("header nav a").all_inner_texts()]


def wait_for_chart(browser_page: BrowserPage) -> dict:
    page = browser_page.page
    # app.js marks the canvas once it handed it to Chart.js (after the deferred scripts loaded).
    page.wait_for_function("() => document.querySelector('canvas[data-chart]')?.dataset.drawn === '1'")
    return page.locator("canvas[data-chart='radar']").evaluate(CHART_STATE)


def assert_stayed_local_and_quiet(browser_page: BrowserPage) -> None:
    assert browser_page.requests, "the page made no requests at all"
    assert not browser_page.outside_requests(), "requests left the server:\n" + "\n".join(
        browser_page.outside_requests()
    )
    assert not browser_page.console_errors, "console errors:\n" + "\n".join(browser_page.console_errors)


def test_it_shows_a_recruiter_three_areas_and_a_drawn_radar_chart(live_server, open_page, role_profile):
    browser_page = open_page()
    log_in(browser_page, live_server.url, role=Role.RECRUITER)

    assert nav_labels(browser_page) == ["Profiles", "Hiring", "Assessments"]

    page = browser_page.page
    page.locator("header nav").get_by_role("link", name="Profiles").click()
    page.wait_for_url(f"{live_server.url}/profiles/")
    page.get_by_role("link", name="E2E advisory agent").click()
    page.wait_for_url(f"{live_server.url}/profiles/role-profiles/e2e-advisory-agent/")

    chart = wait_for_chart(browser_page)
    assert chart["chart"], "Chart.js did not attach a chart to the canvas"
    assert chart["labels"] == 3
    assert chart["width"] > 100 and chart["height"] > 100
    assert chart["painted"] > 1000, "the canvas is blank"
    assert_stayed_local_and_quiet(browser_page)


def choose_language(browser_page: BrowserPage, code: str) -> None:
    """Pick a language the way a user does: the select submits itself if enhanced, else press the button."""
    form = browser_page.page.locator("form.language-form")
    autosubmits = form.locator("select").get_attribute("data-autosubmit") is not None
    with browser_page.page.expect_navigation():
        form.locator("select").select_option(code)
        if not autosubmits:
            form.locator("button[type=submit]").click()


def test_it_switches_the_interface_to_danish(live_server, open_page):
    browser_page = open_page()
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    page = browser_page.page
    assert page.locator("html").get_attribute("lang") == "en"

    choose_language(browser_page, "da")

    assert page.url == f"{live_server.url}/"
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.locator("#language-select").input_value() == "da"
    assert nav_labels(browser_page) == ["Profiler", "Rekruttering", "Vurderinger"]
    assert page.get_by_role("button", name="Log ud").is_visible()
    assert_stayed_local_and_quiet(browser_page)


def test_it_fits_the_role_profile_and_its_chart_on_a_phone(live_server, open_page, role_profile):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    page = browser_page.page

    assert nav_labels(browser_page) == ["Profiles", "Hiring", "Assessments"]
    page.goto(f"{live_server.url}/profiles/role-profiles/{role_profile.slug}/")
    chart = wait_for_chart(browser_page)

    assert chart["chart"] and chart["painted"] > 1000
    assert 100 < chart["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert_stayed_local_and_quiet(browser_page)


def test_it_shows_a_manager_no_assessments_area(live_server, open_page):
    browser_page = open_page()
    log_in(browser_page, live_server.url, role=Role.MANAGER)

    assert nav_labels(browser_page) == ["Profiles", "Hiring", "People", "Staffing"]
    assert_stayed_local_and_quiet(browser_page)
