"""The pipeline board in a real browser: a card dragged to the next column moves there, and on a
390 px phone the board scrolls inside its own box instead of the page."""

import pytest
from django.contrib.auth import get_user_model

from hiring.models import Application
from servicefit.core.roles import Role
from tests.hiring.board_helpers import application_make, requisition_make

from .conftest import CHROMIUM, PHONE
from .test_navigation import log_in
from .test_phone_crawl import OVERFLOW

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def board_with_a_card(browser_page, base_url):
    log_in(browser_page, base_url, role=Role.RECRUITER)
    recruiter = get_user_model().objects.get(username=f"e2e-{Role.RECRUITER}")
    requisition = requisition_make(recruiter, title="Kundeservice Aarhus")
    application = application_make(recruiter, requisition, name="Mette Hansen")
    application_make(recruiter, requisition, name="Kristoffer Abrahamsen-Lindqvist", language="sv")
    return requisition, application


def test_a_recruiter_drags_a_card_to_the_next_stage(open_page, live_server):
    browser_page = open_page()
    page = browser_page.page
    requisition, application = board_with_a_card(browser_page, live_server.url)
    page.goto(f"{live_server.url}/hiring/requisitions/{requisition.id}/")
    card = page.locator(f"#application-{application.id}")
    assert card.evaluate("card => card.closest('.board-column').dataset.stage") == "applied"

    # Picked up by its name: a press on its select or text field would not start a drag.
    card.locator(".card-name").drag_to(page.locator(".board-column[data-stage=screened] h2"))
    page.wait_for_selector("text=Mette Hansen moved to screened.")
    card = page.locator(f"#application-{application.id}")
    assert card.evaluate("card => card.closest('.board-column').dataset.stage") == "screened"
    assert Application.objects.get(id=application.id).stage == "screened"
    assert not browser_page.console_errors
    assert not browser_page.outside_requests()


def test_a_card_cannot_be_dropped_where_its_stage_cannot_go(open_page, live_server):
    browser_page = open_page()
    page = browser_page.page
    requisition, application = board_with_a_card(browser_page, live_server.url)
    page.goto(f"{live_server.url}/hiring/requisitions/{requisition.id}/")
    name = page.locator(f"#application-{application.id} .card-name")
    name.drag_to(page.locator(".board-column[data-stage=offer] h2"))
    page.wait_for_timeout(500)
    assert page.locator(".messages").count() == 0  # nothing was posted: no message, not even an error
    assert Application.objects.get(id=application.id).stage == "applied"


def test_the_board_does_not_widen_the_page_on_a_phone(open_page, live_server):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    requisition, _application = board_with_a_card(browser_page, live_server.url)
    page.goto(f"{live_server.url}/hiring/requisitions/{requisition.id}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert page.evaluate(OVERFLOW) == []
    # The board itself is wider than the phone and scrolls in its own box.
    assert page.locator(".board-scroll").evaluate("box => box.scrollWidth > box.clientWidth")
    # The move buttons work there too, without dragging.
    page.locator(".board-card select[name=stage]").first.select_option("screened")
    page.locator(".board-card .move-form button").first.click()
    page.wait_for_selector("text=moved to screened.")
    assert page.evaluate(OVERFLOW) == []
    assert not browser_page.console_errors
