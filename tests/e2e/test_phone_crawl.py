"""Every page a person can reach, on a 390 px phone: nothing may stick out sideways, log a console error
or fail a request. The crawl starts from the home page of each role (demo data loaded) and from the
candidate links, follows same-origin links by GET, and visits a few pages of each URL shape."""

import contextlib
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import resolve, reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from assessments import services
from assessments.models import Attempt, Invitation
from servicefit.core.roles import Role

from .conftest import CHROMIUM, PHONE, BrowserPage

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Not pages a person reads on a phone: the Django admin, the API, logout and the language switch
# (POST forms anyway), and file downloads.
SKIPPED_PATHS = re.compile(r"^/(admin|api|accounts/logout|i18n)/|/[^/]+\.[a-z0-9]{2,5}$")
PAGES_PER_SHAPE = 2
PAGES_PER_START = 60

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const name = (el) => {
        let label = el.tagName.toLowerCase();
        if (el.id) label += "#" + el.id;
        if (el.classList.length) label += "." + [...el.classList].join(".");
        const text = (el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 50);
        return text ? `${label} "${text}"` : label;
    };
    const scrollsInside = (el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (["auto", "scroll"].includes(style.overflowX)) return true;
        }
        return false;
    };
    if (document.documentElement.scrollWidth > width) {
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    const reported = [];
    const report = (el, box) => {
        if (reported.some((outer) => outer.contains(el))) return;
        reported.push(el);
        problems.push(`${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)} px`);
    };
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(el).visibility === "hidden") continue;
        if (box.right <= width + 0.5 && box.left >= -0.5) continue;
        // A skip link or screen-reader text sits off screen on purpose until it gets focus.
        if (el.matches(".skip-link, .visually-hidden, .visually-hidden *")) continue;
        if (!scrollsInside(el)) report(el, box);
    }
    // Text can stick out of a box that itself fits: a long word or link that does not wrap.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (!node.textContent.trim() || !node.parentElement.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.right <= width + 0.5 && box.left >= -0.5) continue;
        if (!scrollsInside(node) && !node.parentElement.closest(".skip-link, .visually-hidden")) {
            report(node.parentElement, box);
        }
    }
    return problems;
}"""


def url_shape(path: str, query: str) -> str:
    """The URL pattern a path belongs to, so the crawl visits a few job ads, not every one."""
    keys = sorted(part.split("=")[0] for part in query.split("&") if part)
    return resolve(path).route + "?" + "&".join(keys)


def crawl(browser_page: BrowserPage, base_url: str, *starts: str) -> tuple[list[str], list[str]]:
    """Visit the start pages and what they link to; returns (visited paths, problems found)."""
    page = browser_page.page
    failed: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    # Leaving a page aborts what it still loads (its favicon, say): ERR_ABORTED is the crawl's doing.
    page.on(
        "requestfailed",
        lambda request: request.failure != "net::ERR_ABORTED" and failed.append(f"{request.failure} {request.url}"),
    )
    queue, seen, shapes, visited, problems = deque(starts), set(starts), {}, [], []
    while queue and len(visited) < PAGES_PER_START:
        path = queue.popleft()
        shape = url_shape(*urlsplit(path)[2:4])  # the start pages are visited whatever their shape
        if shapes.get(shape, 0) >= PAGES_PER_SHAPE and path not in starts:
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        browser_page.console_errors.clear()
        failed.clear()
        response = page.goto(base_url + path)
        # Let the parts htmx loads after the page arrive; a page that polls (an import in progress)
        # is never quiet for long, so what has arrived after a short wait is checked.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function("() => !document.querySelector('.htmx-request')", timeout=2_000)
        visited.append(path)
        where = f"{path} (as {page.url.removeprefix(base_url)})" if page.url != base_url + path else path
        if response is None or response.status >= 400:
            problems.append(f"{where}: status {response and response.status}")
        problems += [f"{where}: overflows: {problem}" for problem in page.evaluate(OVERFLOW)]
        problems += [f"{where}: console error: {error}" for error in browser_page.console_errors]
        problems += [f"{where}: request failed: {failure}" for failure in failed]
        for href in page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)"):
            parts = urlsplit(urljoin(page.url, href))
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if f"{parts.scheme}://{parts.netloc}" != base_url or link in seen:
                continue
            if SKIPPED_PATHS.search(parts.path) or "lang=" in parts.query:
                continue
            seen.add(link)
            queue.append(link)
    return visited, problems


def log_in(browser_page: BrowserPage, base_url: str, username: str) -> None:
    page = browser_page.page
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"demo-{username}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/")


@pytest.fixture
def demo_data(settings):
    settings.DEBUG = True  # seed_demo refuses to create users with public passwords otherwise
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 (closed with the test process)
    settings.DEBUG = False


def test_it_fits_every_staff_page_on_a_phone(live_server, open_page, demo_data):
    # The crawl sees only the first pages of a kind; a submitted candidate's result page is one more.
    result = reverse("assessments:invitation", args=[Attempt.objects.exclude(submitted_at=None).first().invitation_id])
    problems, counts = [], {}
    # Each role reads in another language: Nordic compounds are where words get too long for a phone.
    for role, language in ((Role.RECRUITER, "da"), (Role.HR, "nb"), (Role.MANAGER, "sv"), (Role.ADMIN, "en")):
        browser_page = open_page(viewport=PHONE, is_mobile=True)
        browser_page.page.context.add_cookies(
            [{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
        )
        log_in(browser_page, live_server.url, role.value)
        visited, found = crawl(browser_page, live_server.url, "/", *([] if role == Role.MANAGER else [result]))
        counts[role.value] = len(visited)
        problems += [f"[{role.value}, {language}] {problem}" for problem in found]

    assert all(count >= 4 for count in counts.values()), f"the crawl saw too little: {counts}"
    assert not problems, f"{len(problems)} problems on a 390 px phone:\n" + "\n".join(problems)


def test_it_fits_every_candidate_page_on_a_phone(live_server, open_page, demo_data):
    fresh = Invitation.objects.filter(attempt__isnull=True).order_by("id").first()
    started = Invitation.objects.filter(attempt__isnull=True).order_by("id").last()
    services.attempt_start(invitation=started, consent=True)
    submitted = Attempt.objects.exclude(submitted_at=None).order_by("id").first().invitation
    problems, visited = [], []
    # A section page links to no other (its form moves on), so each part is a start of its own.
    parts = [f"part/{number}/" for number in range(1, started.assessment.sections.count() + 1)]
    for invitation, paths in ((fresh, [""]), (started, ["", *parts, "finish/"]), (submitted, [""])):
        browser_page = open_page(viewport=PHONE, is_mobile=True)
        link = f"/take/{services.invitation_token(invitation)}/"
        seen, found = crawl(browser_page, live_server.url, *(link + path for path in paths))
        visited += seen
        problems += [f"[{invitation.language} candidate] {problem}" for problem in found]

    assert len(visited) >= 5, f"the crawl saw too little: {visited}"
    assert not problems, f"{len(problems)} problems on a 390 px phone:\n" + "\n".join(problems)


def test_it_names_what_sticks_out_and_lets_a_scrolling_table_be(open_page):
    """The overflow check itself: a wide box and an unbreakable word are named; a table that scrolls
    inside its own box, and a skip link parked off screen, are not."""
    page = open_page(viewport=PHONE, is_mobile=True).page
    page.set_content(
        """<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">
        <body style="margin:0"><a class="skip-link" href="#m" style="position:absolute;left:-999px">Skip</a>
        <div id="wide" style="width:500px">wide</div>
        <h1 class="title">Kundtjänstmedarbetaremedlångaordsomintebryts</h1>
        <div style="overflow-x:auto"><table><tr><td style="min-width:900px">scrolls</td></tr></table></div>"""
    )

    problems = page.evaluate(OVERFLOW)

    assert problems[0].startswith("the page is ")
    assert any(p.startswith('div#wide "wide" spans 0..500 px') for p in problems), problems
    assert any(p.startswith('h1.title "Kundtjänstmedarbetare') for p in problems), problems
    assert not any("scrolls" in p or "Skip" in p for p in problems), problems
    assert len(problems) == 3, problems
