"""The item-analysis page and a candidate's printable report in a real browser: on a 390 px phone
nothing sticks out sideways and every chart is drawn; printed, the report fits one A4 page."""

import re

import pytest

from assessments import services
from assessments.models import Assessment, Item
from servicefit.core.roles import Role
from tests.assessments import factories

from .conftest import CHROMIUM, PHONE
from .test_navigation import log_in
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SLUG = "service-profile-standard"


@pytest.fixture
def analysed():
    """Six attempts, the two reverse-keyed controller statements then unmarked: a negative alpha and
    flagged items, so every warning and explanation is on the page."""
    battery = Assessment.objects.get(slug=SLUG)
    items = factories.items_of(battery)
    attempts = [
        factories.submitted_attempt(battery, number=n, likert=factories.noisy(seed=n), items=items) for n in range(6)
    ]
    Item.objects.filter(section__assessment=battery, scale="controller", reverse=True).update(reverse=False)
    services.psychometrics_compute(assessment_id=battery.id)
    return attempts


def test_it_fits_the_item_analysis_on_a_phone_with_its_charts_drawn(open_page, live_server, analysed):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.HR)

    page.goto(f"{live_server.url}/assessments/{SLUG}/items/")

    canvases = page.locator("canvas[data-item-rest]")
    # The seven types; every situation and question got the same answer, so they have no correlation to draw.
    assert canvases.count() == 7
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas[data-item-rest]')].every(c => c.dataset.drawn === '1')"
    )
    assert page.get_by_text("too few to trust these figures").count() == 1
    assert page.get_by_text("Why it is flagged:").count() >= 2
    assert page.evaluate(OVERFLOW) == []
    # Every chart is as wide as the phone allows and no wider.
    widths = canvases.evaluate_all("cs => cs.map(c => c.getBoundingClientRect().right)")
    assert max(widths) <= PHONE["width"]
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []


def test_the_printable_report_fits_a_phone_and_prints_on_one_page(open_page, live_server, analysed):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    invitation_id = analysed[0].invitation_id

    page.goto(f"{live_server.url}/assessments/invitations/{invitation_id}/report/")
    assert page.locator("h1").inner_text().startswith("Assessment report:")
    assert page.get_by_role("button", name="Print").is_visible()  # report.js shows it
    assert page.evaluate(OVERFLOW) == []

    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
