"""The job-ad studio in a real browser: live analysis while typing, highlights, one-click rewrite."""

import pytest

from hiring.models import JobAd
from servicefit.core.roles import Role

from .conftest import CHROMIUM, PHONE
from .test_navigation import log_in

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DANISH_AD = (
    "Kundeservicemedarbejder\n\n"
    "Er du servicemindet og kan du smile i telefonen i en travl hverdag?\n"
    "Vi søger en glad og imødekommende kollega til vores kundeservice.\n"
    "Du får en fast stilling på 37 timer om ugen."
)
INJECTION = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>'


def test_a_recruiter_rewrites_a_danish_ad_towards_controller(open_page, live_server):
    browser_page = open_page()
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.RECRUITER)

    page.goto(f"{live_server.url}/hiring/job-ads/new/")
    page.fill("#id_title", "Kundeservice")
    page.select_option("#id_role_profile", "advisor-controller-led")
    page.fill("#id_text", DANISH_AD)
    page.get_by_role("button", name="Analyse and save").click()
    page.wait_for_url("**/hiring/job-ads/*/")

    # Highlights coloured by type, the gauge on the Empathizer side, Danish recognised.
    assert page.locator("mark.hl.type-empathizer").count() >= 3
    index_before = float(page.locator("#gauge-label strong").inner_text())
    assert index_before < 0

    # Typing updates the analysis without a reload (htmx, debounced).
    page.locator("#ad-text").press("End")
    page.locator("#ad-text").type("\nDu tager styringen i samtalen og er en ivrig problemløser.")
    page.wait_for_function(
        "(before) => parseFloat(document.querySelector('#gauge-label strong').textContent) > before",
        arg=index_before,
    )
    assert page.locator("mark.hl.type-controller").count() >= 2

    # A suggestion's tooltip shows on keyboard focus.
    page.locator("mark.hl.type-empathizer").first.focus()
    assert page.locator("mark.hl.type-empathizer .tip").first.is_visible()

    # One click applies the first rewrite, with the typed text, as a new revision.
    page.locator(".suggestion-rewrite .apply-form button").first.click()
    page.wait_for_selector("text=Suggestion applied and saved as revision 2.")
    job_ad = JobAd.objects.get()
    latest = job_ad.revisions.order_by("-number").first()
    assert latest.number == 2
    assert "problemløser" in latest.text
    assert latest.controller_index > index_before
    assert not browser_page.outside_requests()
    assert not browser_page.console_errors


def test_pasted_html_and_scripts_are_shown_as_text_never_run(open_page, live_server):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    page.goto(f"{live_server.url}/hiring/job-ads/new/")
    page.fill("#id_title", "Injection")
    page.fill("#id_text", "Vi søger en servicemindet medarbejder. " + INJECTION)
    page.get_by_role("button", name="Analyse and save").click()
    page.wait_for_url("**/hiring/job-ads/*/")
    page.locator("#ad-text").type(" " + INJECTION)
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.hacked") is None
    assert page.locator(".highlighted img, .highlighted script").count() == 0
    assert not browser_page.outside_requests()


STRUCTURED_AD = (
    "Kundeservicemedarbejder til vores team i Aarhus\n\n"
    "Om os\nVi er en dansk virksomhed grundlagt i 1987 med 200 ansatte.\n\n"
    "Din profil\nDu er servicemindet og kan smile i telefonen i en travl hverdag.\n"
    "Du er en ivrig problemløser og tager ansvar.\n\n"
    "Vi tilbyder\nEn god pension og frokostordning.\n\n"
    "Ansøgning\nSend din ansøgning til job@firma.dk senest 1. maj."
)


def test_on_a_phone_the_verdict_legend_and_greyed_text_fit_the_screen(open_page, live_server):
    browser_page = open_page(viewport=PHONE, is_mobile=True)
    page = browser_page.page
    log_in(browser_page, live_server.url, role=Role.RECRUITER)
    page.goto(f"{live_server.url}/hiring/job-ads/new/")
    page.fill("#id_title", "Kundeservice Aarhus")
    page.fill("#id_text", STRUCTURED_AD)
    page.get_by_role("button", name="Analyse and save").click()
    page.wait_for_url("**/hiring/job-ads/*/")

    assert page.locator(".verdict h3").is_visible()
    assert page.locator(".legend").is_visible()
    page.locator(".about-index summary").click()
    assert page.locator(".about-index .quotes").first.is_visible()
    # A greyed sentence shows why it is not counted on keyboard focus.
    page.locator(".highlighted .not-counted").first.focus()
    assert page.locator(".highlighted .not-counted > .tip").first.is_visible()
    for selector in (".verdict", ".legend", ".about-index", ".highlighted"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], selector
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"
    assert not browser_page.console_errors
