"""A candidate on a 390 px phone knows where they are and how long is left: the part-by-part steps,
"questions 8–14 of 42", statements in pages of seven with a deliberate choice when some are left
open, the clock of a timed part in sight while scrolling (and read out only at a few moments), and
a Swedish invitation that is Swedish throughout and shows the employer and the job."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from assessments import services
from assessments.models import Answer, Assessment, Attempt
from tests.assessments.candidate_setup import EMPLOYER, JOB, LOGO_SVG, employer_set, job_invitation

from .conftest import CHROMIUM, PHONE, BrowserPage
from .test_navigation import assert_stayed_local_and_quiet

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SLUG = "service-profile-standard"
TIMED_PART = 3


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


def say(language: str, message: str, **values) -> str:
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def say_n(language: str, singular: str, plural: str, n: int, **values) -> str:
    with translation.override(language):
        return translation.ngettext(singular, plural, n) % {"counter": n, "n": n, **values}


def open_questions(n: int) -> str:
    singular = "%(counter)s question on this page is not answered."
    return say_n("da", singular, "%(counter)s questions on this page are not answered.", n)


def phone(open_page) -> BrowserPage:
    return open_page(viewport=PHONE, is_mobile=True)


def start(page, base_url: str, token: str) -> None:
    page.goto(f"{base_url}/take/{token}/")
    page.check("input[name=consent]")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/take/{token}/part/1/")


def fieldsets(page):
    return page.locator("#section-form fieldset[data-item]")


def answer_likert(page, indexes) -> None:
    for index in indexes:
        fieldsets(page).nth(index).locator("input[value='4']").check()
    page.wait_for_selector("#save-status.save-saved")


def next_button(page):
    return page.locator("#section-form .nav-buttons button[type=submit]")


def progress(page) -> str:
    return " ".join(page.locator(".progress-text").inner_text().split())


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => { const r = document.querySelector(selector).getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def test_the_candidate_sees_the_part_the_questions_and_the_steps(live_server, open_page, token):
    browser_page = phone(open_page)
    page = browser_page.page
    start(page, live_server.url, token)

    part = say("da", "Part %(number)s of %(count)s", number=1, count=4)
    assert progress(page) == f"{part} · " + say(
        "da", "Questions %(first)s–%(last)s of %(total)s", first=1, last=7, total=42
    )
    assert fieldsets(page).count() == 7
    steps = page.locator("nav.steps ol > li")
    assert steps.count() == 4
    current = page.locator("nav.steps li[aria-current='step']")
    assert current.count() == 1
    assert "Sådan arbejder du" in current.inner_text()
    # On the phone the current step is named; the others are numbers (their names are for screen readers).
    assert page.locator("nav.steps li[aria-current='step'] .step-title").is_visible()
    assert not page.locator("nav.steps li.step-todo .step-title").first.is_visible()
    assert page.locator("nav.steps li.step-todo a").first.get_attribute("aria-label") == "2. Hvad passer bedst til dig"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    answer_likert(page, range(7))
    next_button(page).click()
    page.wait_for_url(f"{live_server.url}/take/{token}/part/1/page/2/")
    assert progress(page).endswith(say("da", "Questions %(first)s–%(last)s of %(total)s", first=8, last=14, total=42))
    assert page.locator("legend .item-number").first.inner_text().strip() == "8."
    assert_stayed_local_and_quiet(browser_page)


def test_next_with_questions_left_open_asks_and_the_candidate_goes_back_or_on(live_server, open_page, token):
    browser_page = phone(open_page)
    page = browser_page.page
    start(page, live_server.url, token)
    answer_likert(page, range(5))
    first_open = fieldsets(page).nth(5).get_attribute("id")

    next_button(page).click()
    page.wait_for_url(re.compile(r"/part/1/\?unanswered=1#unanswered$"))
    warning = page.locator("#unanswered")
    assert warning.is_visible() and in_viewport(page, "#unanswered")
    assert (
        say_n(
            "da",
            "%(counter)s question on this page is not answered.",
            "%(counter)s questions on this page are not answered.",
            2,
        )
        in warning.inner_text()
    )
    assert page.evaluate("document.activeElement.id") == "unanswered"
    assert page.locator("fieldset.unanswered").count() == 2

    # "Answer now" goes to the first open question; Enter in an answer still means "Next", not "go on".
    warning.get_by_role("link").click()
    assert page.evaluate("location.hash") == f"#{first_open}"
    assert in_viewport(page, f"#{first_open} legend")
    fieldsets(page).nth(5).locator("input[value='2']").check()
    page.wait_for_selector("#save-status.save-saved")
    fieldsets(page).nth(5).locator("input[value='2']").press("Enter")
    page.wait_for_url(re.compile(r"/part/1/\?unanswered=1#unanswered$"))
    assert (
        say_n(
            "da",
            "%(counter)s question on this page is not answered.",
            "%(counter)s questions on this page are not answered.",
            1,
        )
        in page.locator("#unanswered").inner_text()
    )

    # Going on deliberately leaves the question open for later.
    page.locator("#unanswered button[name=skip]").click()
    page.wait_for_url(f"{live_server.url}/take/{token}/part/1/page/2/")
    assert Answer.objects.count() == 6
    assert_stayed_local_and_quiet(browser_page)


def test_the_check_for_open_questions_works_without_javascript_too(live_server, open_page, token):
    browser_page = phone(open_page)
    page = browser_page.page
    page.route("**/js/take.js", lambda route: route.abort())
    start(page, live_server.url, token)
    for index in range(6):
        fieldsets(page).nth(index).locator("input[value='5']").check()
    next_button(page).click()
    page.wait_for_url(re.compile(r"/part/1/\?unanswered=1#unanswered$"))
    assert Answer.objects.count() == 6  # the form saved what was answered
    assert page.locator("#unanswered").is_visible()
    page.locator("#unanswered button[name=skip]").click()
    page.wait_for_url(f"{live_server.url}/take/{token}/part/1/page/2/")
    # Back, the saved answers are checked.
    page.locator(".nav-buttons a.button").click()
    page.wait_for_url(f"{live_server.url}/take/{token}/part/1/")
    assert page.locator("#section-form input[type=radio]:checked").count() == 6


def test_the_clock_stays_in_sight_while_scrolling_on_a_phone_and_speaks_only_at_moments(live_server, open_page, token):
    browser_page = phone(open_page)
    page = browser_page.page
    start(page, live_server.url, token)
    base = f"{live_server.url}/take/{token}"
    page.goto(f"{base}/part/{TIMED_PART}/")
    with page.expect_navigation():
        page.locator("#section-start button[type=submit]").click()
    page.wait_for_function("() => /\\d+:\\d\\d$/.test(document.getElementById('timer').textContent.trim())")
    assert page.evaluate("document.documentElement.scrollHeight") > 3 * PHONE["height"]

    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(200)
    assert page.evaluate("window.scrollY") > 2 * PHONE["height"]
    assert in_viewport(page, "#timer"), "the clock scrolled out of sight"
    assert not in_viewport(page, ".employer, .take-header"), "the page did not scroll"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    assert in_viewport(page, "#timer")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # 63 seconds left: the minute mark is read out once; the clock ticks, the announcement does not.
    attempt = Attempt.objects.get()
    section_id = str(attempt.layout["sections"][TIMED_PART - 1])
    limit = attempt.invitation.assessment.sections.get(id=section_id).time_limit_seconds
    attempt.section_started[section_id] = (timezone.now() - timedelta(seconds=limit - 63)).isoformat()
    attempt.save()
    page.reload()
    page.evaluate(
        """() => { const announcer = document.getElementById('timer-announcer'); window.spoken = [];
            new MutationObserver(() => window.spoken.push(announcer.textContent))
                .observe(announcer, {childList: true, characterData: true, subtree: true}); }"""
    )
    shown = page.locator("#timer").inner_text()
    page.wait_for_function("() => window.spoken.length > 0", timeout=8_000)
    page.wait_for_timeout(2_500)
    assert page.evaluate("window.spoken") == [say_n("da", "%(n)s minute left", "%(n)s minutes left", 1)]
    assert page.locator("#timer").inner_text() != shown
    assert page.locator("#timer-announcer").get_attribute("role") == "status"
    assert page.locator("#timer").get_attribute("aria-live") is None
    assert_stayed_local_and_quiet(browser_page)


def test_a_swedish_invitation_shows_swedish_pages_with_the_employer_and_the_job(live_server, open_page, recruiter):
    employer_set(logo=LOGO_SVG)
    invitation = job_invitation(recruiter, language="sv")
    token = services.invitation_token(invitation)
    browser_page = phone(open_page)  # the browser itself asks for English (conftest: locale en-GB)
    page = browser_page.page

    page.goto(f"{live_server.url}/take/{token}/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text().strip() == "Serviceprofil och färdigheter"
    assert page.locator(".employer-name").inner_text().strip() == EMPLOYER
    assert page.evaluate("document.querySelector('.employer-logo').naturalWidth") > 0
    assert page.locator(".job-title").inner_text().strip() == say("sv", "Job: %(title)s", title=JOB)
    assert in_viewport(page, ".employer-name") and in_viewport(page, ".job-title")
    welcome = " ".join(page.locator("main").inner_text().split())
    assert say("sv", "Welcome, %(name)s.", name="Astrid Lindqvist") in welcome
    assert (
        say_n(
            "sv",
            "It takes about %(counter)s minute in all: the timed parts alone are %(timed)s minutes, and the other "
            "parts take most people about %(untimed)s minutes.",
            "It takes about %(counter)s minutes in all: the timed parts alone are %(timed)s minutes, and the other "
            "parts take most people about %(untimed)s minutes.",
            50,
            timed=40,
            untimed=10,
        )
        in welcome
    )

    start(page, live_server.url, token)
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator(".employer-name").inner_text().strip() == EMPLOYER
    assert page.locator(".job-title").inner_text().strip() == say("sv", "Job: %(title)s", title=JOB)
    assert progress(page).startswith(say("sv", "Part %(number)s of %(count)s", number=1, count=4))
    assert "Så arbetar du" in page.locator("nav.steps li[aria-current='step']").inner_text()
    assert next_button(page).inner_text().strip() == say("sv", "Next")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_stayed_local_and_quiet(browser_page)
