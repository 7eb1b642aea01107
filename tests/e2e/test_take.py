"""A candidate takes the assessment from the e-mailed link, in a real browser: no account, Danish,
on a phone, by keyboard, through a reload and a lost connection. Answers are saved as they are given
(servicefit/static/js/take.js); the database is the judge of what was saved."""

import re

import pytest
from django.utils import translation

from assessments import services
from assessments.models import Answer, Assessment, Attempt, AttemptResult, Item
from profiles.service_types import SERVICE_TYPES

from .conftest import CHROMIUM, PHONE, BrowserPage
from .test_navigation import assert_stayed_local_and_quiet

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SLUG = "service-profile-standard"
TIMED_PARTS = {3, 4}
# Pages per part: 42 statements in pages of seven, ten preference questions in pages of five; a timed
# part on one page.
PAGES = {1: 6, 2: 2, 3: 1, 4: 1}
DANISH_REPLY = (
    "Hej Anna. Jeg kan godt forstå, at du er frustreret over at være blevet trukket to gange. "
    "Jeg har tilbageført beløbet, og pengene står på din konto i morgen."
)
QUEUE = "() => window.localStorage.getItem('servicefit:' + document.getElementById('section-form').dataset.api)"
FOCUSED = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, type: el.type || "", name: el.name || "", value: el.value || "",
            item: el.closest("fieldset[data-item]")?.dataset.item || null};
}"""


@pytest.fixture
def token(recruiter):
    invitation = services.invitation_create(
        assessment=Assessment.objects.get(slug=SLUG),
        email="sofie@example.dk",
        name="Sofie Jensen",
        language="da",
        user=recruiter,
    )
    return services.invitation_token(invitation)


def da(text: str) -> str:
    with translation.override("da"):
        return translation.gettext(text)


def start(browser_page: BrowserPage, base_url: str, token: str) -> None:
    page = browser_page.page
    page.goto(f"{base_url}/take/{token}/")
    page.check("input[name=consent]")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/take/{token}/part/1/")


def fieldsets(page):
    return page.locator("#section-form fieldset[data-item]")


def answer(fieldset, index: int) -> object:
    """Answer one item the way a candidate does; returns the value the server should store."""
    if fieldset.get_attribute("data-kind") == "text":
        fieldset.locator("textarea").fill(DANISH_REPLY)
        fieldset.locator("textarea").press("Tab")  # leaving the field saves it at once
        return DANISH_REPLY
    radios = fieldset.locator("input[type=radio]")
    radio = radios.nth(index % radios.count())
    radio.check()
    return int(radio.get_attribute("value"))


def wait_until_saved(page) -> None:
    page.wait_for_selector("#save-status.save-saved")
    assert page.evaluate(QUEUE) in (None, "{}"), "answers are still queued on the device"


def stored_answers(token: str) -> dict[int, object]:
    attempt = Attempt.objects.get(invitation=services.invitation_for_token(token))
    return dict(Answer.objects.filter(attempt=attempt).values_list("item_id", "value"))


def page_state(page) -> dict[int, object]:
    """What the page shows as answered: item id → checked value (int) or textarea text."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#section-form fieldset[data-item]')].map(f => {
            const text = f.querySelector('textarea');
            const checked = f.querySelector('input[type=radio]:checked');
            return [f.dataset.item, text ? (text.value || null) : (checked ? parseInt(checked.value, 10) : null)];
        }))"""
    )


def assert_items_are_labelled_fieldsets(page) -> None:
    shape = page.evaluate(
        """() => ({
            fieldsets: document.querySelectorAll('#section-form fieldset[data-item]').length,
            legends: [...document.querySelectorAll('#section-form fieldset[data-item]')]
                .filter(f => f.firstElementChild?.tagName === 'LEGEND'
                    && f.firstElementChild.textContent.trim()).length,
            loose: [...document.querySelectorAll('#section-form input[type=radio], #section-form textarea')]
                .filter(el => !el.closest('fieldset[data-item]')).length,
            unlabelled: [...document.querySelectorAll('#section-form input[type=radio], #section-form textarea')]
                .filter(el => !el.labels.length || !el.labels[0].textContent.trim()).length,
        })"""
    )
    assert shape["fieldsets"] > 0
    assert shape["legends"] == shape["fieldsets"], "an item has no (non-empty) legend"
    assert shape["loose"] == 0, "an answer control is outside its item's fieldset"
    assert shape["unlabelled"] == 0, "an answer control has no label"


def go_next(page, expected_url: str) -> None:
    page.locator("#section-form button[type=submit]").click()
    page.wait_for_url(expected_url, timeout=5_000)


def page_url(base: str, number: int, page: int) -> str:
    return f"{base}/part/{number}/" if page == 1 else f"{base}/part/{number}/page/{page}/"


def test_a_candidate_takes_the_whole_battery_in_danish_on_a_phone(live_server, open_page, token):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    base = f"{live_server.url}/take/{token}"
    start(browser_page, live_server.url, token)

    parts = len(Attempt.objects.get().layout["sections"])
    assert parts == 4
    given: dict[int, object] = {}
    for number in range(1, parts + 1):
        assert page.url == f"{base}/part/{number}/"
        if number in TIMED_PARTS:
            # A timed part shows what it is and a start button; its questions are not on the
            # device before the clock starts.
            assert fieldsets(page).count() == 0
            assert page.locator("#timer").count() == 0
            section_id = Attempt.objects.get().layout["sections"][number - 1]
            assert str(section_id) not in Attempt.objects.get().section_started
            with page.expect_navigation():
                page.locator("#section-start button[type=submit]").click()
            assert page.url == f"{base}/part/{number}/"
            assert str(section_id) in Attempt.objects.get().section_started
            # The clock counts down from the server's deadline: "<label>: m:ss".
            page.wait_for_function("() => /\\d+:\\d\\d$/.test(document.getElementById('timer').textContent.trim())")
            assert re.search(r"\b(2[45]|1[45]):\d\d$", page.locator("#timer").inner_text().strip())
        else:
            assert page.locator("#timer").count() == 0

        for page_number in range(1, PAGES[number] + 1):
            assert page.url == page_url(base, number, page_number)
            assert page.locator("html").get_attribute("lang") == "da"
            assert_items_are_labelled_fieldsets(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
            items = fieldsets(page)
            count = items.count()
            half = count // 2 if (number, page_number) == (1, 1) else count
            for index in range(half):
                item = items.nth(index)
                given[int(item.get_attribute("data-item"))] = answer(item, index)

            if (number, page_number) == (1, 1):
                # Half-way through the first page the phone reloads it: what was answered is on the
                # server, so it comes back checked, and nothing waits on the device.
                wait_until_saved(page)
                assert stored_answers(token) == given
                page.reload()
                wait_until_saved(page)
                shown = {int(k): v for k, v in page_state(page).items()}
                assert {k: v for k, v in shown.items() if v is not None} == given
                assert fieldsets(page).count() == count
                for index in range(half, count):
                    item = fieldsets(page).nth(index)
                    given[int(item.get_attribute("data-item"))] = answer(item, index)

            # The candidate goes on at once; "Next" waits for saves still under way.
            if number == parts:
                wait_until_saved(page)
                # The last part: the written answers are back after a reload too.
                page.reload()
                shown = {int(k): v for k, v in page_state(page).items()}
                assert shown == {k: given[k] for k in shown}, "an answer of the last part is not shown after a reload"
                go_next(page, f"{base}/finish/")
            elif page_number < PAGES[number]:
                go_next(page, page_url(base, number, page_number + 1))
            else:
                go_next(page, f"{base}/part/{number + 1}/")

    assert page.locator("h1").inner_text().strip() == da("Review and submit")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    assert page.url == f"{base}/done/"
    assert page.locator("html").get_attribute("lang") == "da"

    attempt = Attempt.objects.get()
    n_items = Item.objects.filter(section__assessment__slug=SLUG).count()
    assert attempt.submitted_at is not None
    assert attempt.answers.count() == n_items == len(given)
    assert stored_answers(token) == given
    result = AttemptResult.objects.get(attempt=attempt)
    assert len(result.type_scores) == 7
    assert set(result.type_scores) == set(SERVICE_TYPES)
    assert_stayed_local_and_quiet(browser_page)


def test_a_timed_part_is_started_without_javascript_too(live_server, open_page, token):
    browser_page = open_page()
    page = browser_page.page
    page.route("**/js/take.js", lambda route: route.abort())  # the page as it works without take.js
    start(browser_page, live_server.url, token)
    base = f"{live_server.url}/take/{token}"
    timed = min(TIMED_PARTS)
    page.goto(f"{base}/part/{timed}/")
    assert fieldsets(page).count() == 0
    assert page.locator("#section-start button[type=submit]").inner_text().strip() == da("Start this part")
    with page.expect_navigation():
        page.locator("#section-start button[type=submit]").click()
    assert page.url == f"{base}/part/{timed}/"
    assert fieldsets(page).count() > 0
    assert page.locator("#timer").count() == 1


def test_answers_given_offline_wait_on_the_device_and_are_saved_when_back_online(live_server, open_page, token):
    browser_page = open_page()
    page = browser_page.page
    start(browser_page, live_server.url, token)
    status = page.locator("#save-status")

    first, second = fieldsets(page).nth(0), fieldsets(page).nth(1)
    first_id, second_id = int(first.get_attribute("data-item")), int(second.get_attribute("data-item"))
    first_value = answer(first, 3)
    wait_until_saved(page)
    assert stored_answers(token) == {first_id: first_value}

    page.context.set_offline(True)
    second_value = answer(second, 1)
    page.wait_for_selector("#save-status.save-offline")
    assert status.inner_text().strip() == status.get_attribute("data-offline")
    assert str(second_id) in page.evaluate(QUEUE), "the offline answer is not kept on the device"
    assert stored_answers(token) == {first_id: first_value}, "an answer reached the server while offline"

    # "Next" does not leave the page while an answer has not reached the server.
    page.locator("#section-form button[type=submit]").click()
    page.wait_for_timeout(700)
    assert page.url == f"{live_server.url}/take/{token}/part/1/"
    assert "save-offline" in status.get_attribute("class")
    assert page_state(page)[str(second_id)] == second_value

    page.context.set_offline(False)
    page.wait_for_selector("#save-status.save-saved", timeout=8_000)
    assert page.evaluate(QUEUE) == "{}"
    assert stored_answers(token) == {first_id: first_value, second_id: second_value}
    assert not browser_page.outside_requests()


def test_the_pages_speak_danish(live_server, open_page, token):
    browser_page = open_page()
    page = browser_page.page
    page.goto(f"{live_server.url}/take/{token}/")
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.locator(".languages a[aria-current]").inner_text().strip() == "Dansk"
    start(browser_page, live_server.url, token)

    assert page.locator("html").get_attribute("lang") == "da"
    likert = fieldsets(page).nth(0)
    assert likert.get_attribute("data-kind") == "likert"
    labels = [text.strip() for text in likert.locator("label").all_inner_texts()]
    english = ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"]
    # The labels are whatever the Danish catalogue says (once translated, e.g. "Helt enig").
    assert labels == [da(label) for label in english]
    assert page.locator("#section-form button[type=submit]").inner_text().strip() == da("Next") == "Næste"
    assert_stayed_local_and_quiet(browser_page)


def test_a_candidate_starts_and_answers_by_keyboard_alone(live_server, open_page, token):
    browser_page = open_page()
    page = browser_page.page
    page.goto(f"{live_server.url}/take/{token}/")

    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["name"] == "consent":
            break
    else:
        pytest.fail("Tab never reaches the consent checkbox")
    page.keyboard.press("Space")
    assert page.is_checked("input[name=consent]")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["tag"] == "BUTTON"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{live_server.url}/take/{token}/part/1/"

    first_id = int(fieldsets(page).nth(0).get_attribute("data-item"))
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["type"] == "radio":
            break
    else:
        pytest.fail("Tab never reaches the first question")
    assert focused["item"] == str(first_id), "the first Tab stop among the answers is not the first question"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUSED)
    assert focused["item"] == str(first_id)
    chosen = int(focused["value"])
    assert chosen == 3
    assert page.is_checked(f"fieldset[data-item='{first_id}'] input[value='3']")

    wait_until_saved(page)
    assert stored_answers(token) == {first_id: chosen}
    # Tab leaves the group (one stop per question) and goes on to the next question.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["item"] == fieldsets(page).nth(1).get_attribute("data-item")
    assert_stayed_local_and_quiet(browser_page)


def test_next_right_after_an_answer_goes_on_once_it_is_saved(live_server, open_page, token):
    """On a slow connection the candidate taps "Next" while the last answer is still on its way:
    take.js must wait for the save and then go on (not swallow the tap and stay on the page)."""
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    start(browser_page, live_server.url, token)
    given = {}
    for index in range(fieldsets(page).count() - 1):
        item = fieldsets(page).nth(index)
        given[int(item.get_attribute("data-item"))] = answer(item, index)
    wait_until_saved(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 600, "downloadThroughput": -1, "uploadThroughput": -1},
    )

    last = fieldsets(page).last
    given[int(last.get_attribute("data-item"))] = answer(last, 4)
    page.locator("#section-form button[type=submit]").click()

    page.wait_for_selector("#save-status.save-saved")
    assert stored_answers(token) == given
    page.wait_for_url(f"{live_server.url}/take/{token}/part/1/page/2/", timeout=8_000)
    assert not browser_page.outside_requests()
