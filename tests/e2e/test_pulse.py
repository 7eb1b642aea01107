"""An agent answers a pulse survey from the e-mailed link on a phone, by keyboard alone; HR reads the
eNPS trend chart on a phone. The database is the judge of what was saved."""

import pytest

from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update
from tests.workforce.pulse_factories import answer_all, make_agent, make_survey, make_team, token_of
from workforce import pulse
from workforce.models import PulseResponse

from .conftest import CHROMIUM, PHONE
from .test_navigation import assert_stayed_local_and_quiet, log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FOCUSED = "() => ({name: document.activeElement.name || '', value: document.activeElement.value || ''})"


@pytest.fixture
def opened():
    hr = user_create_or_update(username="e2e-pulse-hr", password="pw-e2e-pulse-hr", role=Role.HR)
    team = make_team("Copenhagen", "DK")
    agents = [make_agent(team, name=f"Mette {i}") for i in range(6)]
    survey = make_survey(hr, team=team, title="Forårspuls")
    pulse.pulse_survey_open(survey=survey, user=hr)
    return hr, survey, agents


def test_an_agent_answers_on_a_phone_by_keyboard_alone(live_server, open_page, opened):
    _hr, survey, agents = opened
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    page.goto(f"{live_server.url}/pulse/{token_of(survey, agents[0])}/")
    assert page.evaluate("document.documentElement.lang") == "da"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert page.locator("fieldset legend").count() == 4

    # One Tab stop per question; the arrow keys choose within it.
    chosen = {}
    for name, presses in (("recommend", 9), ("workload", 3), ("growth", 1), ("manager_support", 4)):
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate(FOCUSED)["name"] == name:
                break
        else:
            pytest.fail(f"Tab never reaches {name}")
        page.keyboard.press("Space")
        for _ in range(presses):
            page.keyboard.press("ArrowRight")
        chosen[name] = int(page.evaluate(FOCUSED)["value"])
    assert chosen == {"recommend": 9, "workload": 4, "growth": 2, "manager_support": 5}
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/thanks/" in page.url
    saved = PulseResponse.objects.get()
    assert (saved.recommend, saved.workload, saved.growth, saved.manager_support) == (9, 4, 2, 5)
    assert_stayed_local_and_quiet(browser_page)


def test_hr_reads_the_enps_trend_chart_and_table_on_a_phone(live_server, open_page, opened):
    hr, survey, agents = opened
    answer_all(survey, dict.fromkeys(agents[:5], (10, 4, 4, 4)))
    pulse.pulse_survey_close(survey=survey, user=hr)
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    log_in(browser_page, live_server.url, role=Role.HR)
    page = browser_page.page
    page.goto(f"{live_server.url}/workforce/pulse/trend/")
    page.wait_for_function("() => document.querySelector('canvas[data-enps-trend]')?.dataset.drawn === '1'")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert "100" in page.locator("table").inner_text()
    page.goto(f"{live_server.url}/workforce/pulse/{survey.id}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert_stayed_local_and_quiet(browser_page)
