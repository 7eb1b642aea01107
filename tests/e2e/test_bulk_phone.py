"""A bulk run's results on a 390 px phone: each refused ad's message can be read without scrolling sideways.

The results table is wider than a phone and scrolls in its own box; a message across a row used to
wrap at the table's far edge, so most of it was off the screen.
"""

import pytest
from django.contrib.auth import get_user_model

from hiring import services
from servicefit.core.roles import Role

from .conftest import CHROMIUM, PHONE
from .test_navigation import log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MESSAGE_BOXES = """() => [...document.querySelectorAll("td.error")].map((cell) => {
    const text = document.createRange();
    text.selectNodeContents(cell);
    return text.getBoundingClientRect().right;
})"""


def test_it_shows_each_refused_ad_s_message_within_a_phone_s_width(open_page, live_server):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    items = [
        {"name": "kundeservicemedarbejder_aarhus_2024_endelig_version.txt", "text": "Vi har en god stemning her"},
        {"name": "berlin.txt", "text": "Wir suchen einen freundlichen Mitarbeiter für unseren Kundenservice."},
    ]
    run = services.bulk_analysis_create(
        name="Forår", items=items, user=get_user_model().objects.get(username="e2e-recruiter")
    )

    page.goto(f"{live_server.url}/hiring/bulk/{run.id}/")

    rights = page.evaluate(MESSAGE_BOXES)
    assert len(rights) == 2
    assert max(rights) <= PHONE["width"]
    assert browser_page.console_errors == [] and browser_page.outside_requests() == []
