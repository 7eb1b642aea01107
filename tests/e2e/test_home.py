"""The home page on a 390 px phone: each role's work fits without sideways scrolling, and each
count leads to a list of exactly that many records."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings

from servicefit.core.roles import Role
from servicefit.core.teams import team_create, team_default
from tests.conftest import make_user
from tests.core import home_data

from .conftest import CHROMIUM, PHONE
from .test_navigation import assert_stayed_local_and_quiet
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The rows of the filtered list a count links to (each list has its filter form right above it).
ROWS = "main form.filter-form + .table-wrap table tbody tr"


@pytest.fixture
def people():
    bergen = team_create(name="Team Bergen")
    users = {role: make_user(f"e2e-{role}", role) for role in Role.values}
    users["bergen"] = make_user("e2e-bergen", Role.RECRUITER, teams=[bergen])
    recruiter, hr = users[Role.RECRUITER], users[Role.HR]
    for number in (1, 2, 3):
        home_data.invitation_sent(recruiter, number)
    home_data.invitation_sent(recruiter, 4, expires_in=timedelta(hours=20))
    home_data.submitted_with_written_answers(recruiter, 5)
    home_data.job_ad_below_target(recruiter, "Kundeservicemedarbejder til vores kundecenter i Aarhus")
    home_data.requisition(recruiter, "Kunderådgiver")
    home_data.agents_with_risk(hr, team_default(), [0.62, 0.41, 0.35, 0.1])
    # Another team's work, which the manager and the recruiter must not be counted.
    home_data.invitation_sent(users["bergen"], 10)
    home_data.agents_with_risk(hr, bergen, [0.9], start=50)
    return users


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/")


@pytest.mark.parametrize(
    ("role", "language", "expected"),
    [
        (Role.RECRUITER, "da", [3 + 1, 1, 1, 1, 1]),
        (Role.HR, "nb", [1, 1, 3 + 1 + 1, 1, 1, 3 + 1]),
        (Role.MANAGER, "sv", [3]),
    ],
)
def test_each_roles_dashboard_fits_a_phone_and_its_counts_lead_to_the_lists(
    live_server, open_page, people, role, language, expected
):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.context.add_cookies(
        [{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    log_in(page, live_server.url, f"e2e-{role}")

    items = page.locator(".work-item a")
    counts = [int(text) for text in page.locator(".work-item .work-count").all_inner_texts()]
    assert sorted(counts) == sorted(expected)
    assert page.evaluate(OVERFLOW) == []
    # Every item is a tap target as wide as the screen allows, not a sliver.
    assert all(items.nth(i).bounding_box()["height"] >= 44 for i in range(items.count()))

    for index, count in enumerate(counts):
        page.goto(f"{live_server.url}/")
        page.locator(".work-item a").nth(index).click()
        page.wait_for_load_state()
        assert page.locator(ROWS).count() == count, page.url
        assert page.evaluate(OVERFLOW) == [], page.url
    assert_stayed_local_and_quiet(browser_page)


def test_the_empty_dashboard_says_so_and_where_to_start_on_a_phone(live_server, open_page):
    make_user("e2e-ny", Role.RECRUITER)
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(page, live_server.url, "e2e-ny")

    assert page.locator(".work-item").count() == 0
    assert page.get_by_text("Nothing waiting.").is_visible()
    page.locator(".first-steps a").first.click()
    page.wait_for_url(f"{live_server.url}/profiles/role-profiles/new/")
    assert page.evaluate(OVERFLOW) == []
    assert_stayed_local_and_quiet(browser_page)
