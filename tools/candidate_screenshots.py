"""Screenshots of every candidate page on a 390 px phone, in English, Danish, Norwegian and Swedish.

    make screenshots
    .venv/bin/python tools/candidate_screenshots.py [--out DIR] [--languages sv,da] [--keep-db FILE]

For review, not a test: it prints where the pictures are and never fails on how they look. It sets
itself up: a throwaway SQLite database (migrated, so the standard battery and the framework are in
it), an employer profile with a name and a logo, a requisition per language, and one invitation
per page state (welcome, a page of statements, the open-questions check, the timed part before and
while its clock runs, written answers, review, thank-you with the feedback report, withdrawn,
expired, a link that is not ours, too many requests) and the invitation e-mail. It starts
`manage.py runserver` on a free loopback port against that database, drives chromium through
Playwright (/usr/bin/chromium, or $CHROMIUM; Playwright never downloads a browser here), writes
PNGs and an index.html to screenshots/ (git-ignored), and deletes the database. Nothing leaves the
machine: the e-mails go nowhere.
"""

import argparse
import base64
import html
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}
LANGUAGES = ("en", "da", "nb", "sv")
BATTERY = "service-profile-standard"
EMPLOYER = "Nordlys Energi"
# What the candidate applied for, as a recruiter in each country would title the requisition.
JOBS = {
    "en": "Customer service advisor, business customers",
    "da": "Kundeservicemedarbejder, erhverv",
    "nb": "Kundeservicemedarbeider, bedrift",
    "sv": "Kundtjänstmedarbetare, företag",
}
CANDIDATES = {"en": "Alex Morgan", "da": "Sofie Jensen", "nb": "Ingrid Hansen", "sv": "Astrid Lindqvist"}
BROWSER_LOCALES = {"en": "en-GB", "da": "da-DK", "nb": "nb-NO", "sv": "sv-SE"}
WRITTEN = {
    "en": "Hello Anna, I can see you were charged twice. I have refunded the amount; it is back tomorrow.",
    "da": "Hej Anna. Jeg kan se, at du er blevet trukket to gange. Jeg har tilbageført beløbet.",
    "nb": "Hei Anna. Jeg ser at du er belastet to ganger. Jeg har tilbakeført beløpet.",
    "sv": "Hej Anna. Jag ser att du har debiterats två gånger. Jag har återbetalat beloppet.",
}
# A per-link limit low enough to show the "too many requests" page after a few dozen requests, high
# enough for the few pages each screenshot link opens.
RATE_PER_LINK = 30
# A mark without words, as the name is shown beside it.
LOGO_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="96" height="96">
<rect width="48" height="48" rx="10" fill="#0b6e4f"/><path d="M8 34 Q24 6 40 34" stroke="#f2c14e" stroke-width="5"
fill="none"/><circle cx="24" cy="30" r="5" fill="#f2c14e"/></svg>"""


@dataclass
class Shot:
    language: str
    name: str
    title: str
    url: str = ""
    full_page: bool = True
    scroll_to: str = ""  # "middle": the middle of the page, as a candidate reading on would be
    html: str = ""  # a document to show instead of an address (the e-mail)
    notes: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"{self.language}-{self.name}.png"


def main() -> int:
    args = _arguments()
    chromium = _chromium()
    work = Path(tempfile.mkdtemp(prefix="servicefit-screenshots-"))
    database = Path(args.keep_db).resolve() if args.keep_db else work / "screenshots.sqlite3"
    database.unlink(missing_ok=True)
    port = _free_port()
    _environment(database, port)
    out = Path(args.out).resolve()
    server = None
    try:
        from playwright.sync_api import sync_playwright

        # Django runs outside Playwright's event loop: it refuses database calls from inside one.
        with sync_playwright() as playwright:
            browser = _browser(playwright, chromium)
            logo = _logo_png(browser)
            browser.close()
        started = time.perf_counter()
        _django_setup()
        print(f"[database {database}: migrated in {time.perf_counter() - started:.0f} s]")
        shots = _prepare(args.languages, logo)
        server = _server_start(port, work)
        out.mkdir(parents=True, exist_ok=True)
        for old in [*out.glob("??-??-*.png"), out / "index.html"]:  # the last run's, nothing else
            old.unlink(missing_ok=True)
        shots.sort(key=lambda shot: (args.languages.index(shot.language), shot.name))
        with sync_playwright() as playwright:
            browser = _browser(playwright, chromium)
            for shot in shots:
                _take(browser, shot, out, port)
            browser.close()
        _index(out, shots)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if not args.keep_db:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(shots)} screenshots ({', '.join(args.languages)}, {PHONE['width']} px wide) in {out}/")
    print(f"Open {out / 'index.html'} to see them side by side.")
    return 0


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "screenshots"), help="folder for the PNGs (default: screenshots/)")
    parser.add_argument(
        "--languages", default=",".join(LANGUAGES), type=lambda value: [v for v in value.split(",") if v.strip()]
    )
    parser.add_argument(
        "--keep-db", metavar="FILE", help="build the SQLite database in FILE and keep it (replaced if it exists)"
    )
    args = parser.parse_args()
    unknown = sorted(set(args.languages) - set(LANGUAGES))
    if unknown:
        parser.error(f"unknown language(s) {', '.join(unknown)}; choose from {', '.join(LANGUAGES)}")
    return args


def _chromium() -> str | None:
    """The chromium to drive: $CHROMIUM, else the system's; None lets Playwright use its own, if installed."""
    wanted = os.environ.get("CHROMIUM")
    for candidate in filter(None, (wanted, "/usr/bin/chromium", "/usr/bin/chromium-browser")):
        if Path(candidate).exists():
            return candidate
    if wanted:
        sys.exit(f"CHROMIUM={wanted} does not exist.")
    print("No /usr/bin/chromium: trying Playwright's own browser (apt-get install chromium, or set CHROMIUM=...).")
    return None


def _browser(playwright, chromium: str | None):
    return playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(database: Path, port: int) -> None:
    """Settings read the environment at import: this process (which makes the links) and the server
    (which checks them) share it, the secret key included."""
    os.environ["DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicefit.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}"
    os.environ["EMAIL_URL"] = "dummymail://"  # the invitation e-mails go nowhere
    os.environ["TAKE_RATE_PER_LINK"] = f"{RATE_PER_LINK}/min"
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(REPO))


def _django_setup() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def _logo_png(browser) -> bytes:
    """The employer's logo as a PNG (what most employers have), drawn by the browser from LOGO_SVG."""
    page = browser.new_page(device_scale_factor=1)
    page.set_content(f"<body style='margin:0;background:transparent'>{LOGO_SVG}</body>")
    data = page.locator("svg").screenshot(omit_background=True)
    page.close()
    return data


# The data: one invitation per page state and language ------------------------------------------------


def _prepare(languages: list[str], logo: bytes) -> list[Shot]:
    from django.utils import timezone, translation

    from assessments import services
    from assessments.models import Assessment, Attempt, Invitation
    from hiring import pipeline, ranking
    from profiles.models import RoleProfile
    from servicefit.core.employer import employer_profile_update
    from servicefit.core.roles import Role
    from servicefit.core.services import user_create_or_update

    employer_profile_update(
        name=EMPLOYER,
        sender_name="Nordlys Energi Rekruttering",
        sender_email="rekruttering@nordlys.example",
        candidate_feedback=True,
        logo=logo,
    )
    recruiter = user_create_or_update(
        username="screenshots-recruiter", password=secrets.token_urlsafe(16), role=Role.RECRUITER
    )
    battery = Assessment.objects.get(slug=BATTERY)
    role_profile = RoleProfile.objects.get(slug="advisor-controller-led")
    sections = list(battery.sections.order_by("order"))
    shots: list[Shot] = []

    for language in languages:
        requisition = pipeline.requisition_create(user=recruiter, title=JOBS[language], role_profile=role_profile)
        made = 0

        def invite(state: str, *, language=language, requisition=requisition):
            nonlocal made
            made += 1
            candidate = pipeline.candidate_create(
                user=recruiter,
                name=CANDIDATES[language],
                email=f"{state}.{language}.{made}@example.com",
                language=language,
                team=requisition.team,
            ).candidate
            application = pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition)
            invitation = ranking.application_invite(
                application=application, assessment=battery, user=recruiter, send=False
            )
            return invitation, services.invitation_token(invitation)

        def part(token: str, number: int, page: int = 1) -> str:
            tail = f"part/{number}/" + (f"page/{page}/" if page > 1 else "")
            return f"/take/{token}/{tail}"

        with translation.override(language):
            welcome, welcome_token = invite("welcome")
            shots.append(Shot(language, "01-welcome", "Welcome", f"/take/{welcome_token}/"))

            progress, progress_token = invite("progress")
            services.attempt_start(invitation=progress, consent=True)
            first_page = _layout_items(progress, 1)[:7]
            for item in first_page[:5]:
                _answer(progress, item, language)
            shots.append(Shot(language, "02-statements", "Part 1, page 1 of 6", part(progress_token, 1)))
            shots.append(
                Shot(
                    language,
                    "03-open-questions",
                    "“Next” with 2 questions open",
                    part(progress_token, 1) + "?unanswered=1#unanswered",
                    full_page=False,
                )
            )

            parts, parts_token = invite("parts")
            services.attempt_start(invitation=parts, consent=True)
            for number in (1, 2):
                for item in _layout_items(parts, number):
                    _answer(parts, item, language)
            services.section_open(invitation=parts, section_id=sections[3].id)
            shots.append(Shot(language, "04-preferences", "Part 2 (forced choice)", part(parts_token, 2)))
            shots.append(Shot(language, "05-timed-part-intro", "Timed part, before its clock", part(parts_token, 3)))
            shots.append(Shot(language, "07-written-answers", "Part 4 (timed, written answers)", part(parts_token, 4)))
            shots.append(Shot(language, "08-review", "Review and submit", f"/take/{parts_token}/finish/"))

            timed, timed_token = invite("timed")
            services.attempt_start(invitation=timed, consent=True)
            services.section_open(invitation=timed, section_id=sections[2].id)
            shots.append(
                Shot(
                    language,
                    "06-timed-part-scrolled",
                    "Timed part, scrolled half-way: the clock stays in sight",
                    part(timed_token, 3),
                    full_page=False,
                    scroll_to="middle",
                )
            )

            done, done_token = invite("done")
            services.attempt_start(invitation=done, consent=True)
            for number in range(1, len(sections) + 1):
                services.section_open(invitation=done, section_id=sections[number - 1].id)
                for item in _layout_items(done, number):
                    _answer(done, item, language)
            services.attempt_submit(invitation=done)
            shots.append(Shot(language, "09-thank-you", "Thank-you and feedback report", f"/take/{done_token}/done/"))

            withdrawn, withdrawn_token = invite("withdrawn")
            services.invitation_revoke(invitation=withdrawn)
            shots.append(Shot(language, "10-withdrawn", "Withdrawn invitation", f"/take/{withdrawn_token}/"))

            expired, expired_token = invite("expired")
            services.attempt_start(invitation=expired, consent=True)
            Invitation.objects.filter(id=expired.id).update(expires_at=timezone.now() - timedelta(days=2))
            shots.append(Shot(language, "11-expired", "Expired link", f"/take/{expired_token}/"))

            forged = welcome_token[:-6] + "000000"
            shots.append(
                Shot(language, "12-not-our-link", "A link that is not ours (follows the browser)", f"/take/{forged}/")
            )

            _busy, busy_token = invite("busy")
            shots.append(Shot(language, "13-busy", "Too many requests", f"/take/{busy_token}/"))

            shots.append(
                Shot(language, "14-email", "The invitation e-mail (HTML version)", html=_email(welcome, welcome_token))
            )
            assert Attempt.objects.filter(invitation=done, submitted_at__isnull=False).exists()
    return shots


def _layout_items(invitation, number: int):
    from assessments.models import Attempt, Item

    attempt = Attempt.objects.get(invitation=invitation)
    ids = attempt.layout["items"][str(attempt.layout["sections"][number - 1])]
    items = Item.objects.prefetch_related("options").in_bulk(ids)
    return [items[item_id] for item_id in ids]


def _answer(invitation, item, language: str) -> None:
    """An answer of someone who leads the conversation and listens: a Controller and Empathizer profile."""
    from assessments import services

    if item.kind == "likert":
        level = 5 if item.scale in ("controller", "empathizer") else 3 if item.scale == "rock" else 2
        value = 6 - level if item.reverse else level
    elif item.kind == "text":
        value = WRITTEN[language]
    else:
        value = item.options.order_by("order").first().id
    services.answer_save(invitation=invitation, item_id=item.id, value=value)


def _email(invitation, token: str) -> str:
    """The invitation e-mail's HTML, its inline logo turned into a data address for the browser."""
    from assessments.emails import LOGO_CONTENT_ID, invitation_email

    message = invitation_email(invitation, token, reminder=False)
    [(document, _kind)] = message.alternatives
    for attachment in message.attachments:
        data = base64.b64encode(attachment.get_payload(decode=True)).decode()
        document = document.replace(f"cid:{LOGO_CONTENT_ID}", f"data:{attachment.get_content_type()};base64,{data}")
    envelope = (
        f"<div style='font:13px monospace;padding:8px;background:#eef1f4;border-bottom:1px solid #ccc'>"
        f"From: {html.escape(message.from_email)}<br>Subject: {html.escape(message.subject)}</div>"
    )
    return re.sub(r"(<body[^>]*>)", lambda body: body.group(1) + envelope, document, count=1)


# The server and the browser -----------------------------------------------------------------------


def _server_start(port: int, work: Path) -> subprocess.Popen:
    log = (work / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (this Python, this repository's manage.py)
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The server stopped at start; see {work / 'server.log'}:\n{(work / 'server.log').read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit(f"The server did not answer on port {port} within a minute.")


def _use_up_the_limit(port: int, url: str) -> None:
    """Requests a link until the server refuses it: its next request gets the "busy" page."""
    for _ in range(RATE_PER_LINK + 1):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=5).close()  # noqa: S310 (our server)
        except urllib.error.HTTPError as refused:
            if refused.code == 429:
                return
            raise


def _take(browser, shot: Shot, out: Path, port: int) -> None:
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale=BROWSER_LOCALES[shot.language],
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if shot.html:
        page.set_content(shot.html)
    else:
        if shot.name == "13-busy":
            _use_up_the_limit(port, shot.url)
        page.goto(f"http://127.0.0.1:{port}{shot.url}", wait_until="networkidle")
        if page.locator("#timer").count():
            page.wait_for_function("() => /\\d:\\d\\d$/.test(document.getElementById('timer').textContent.trim())")
    if shot.scroll_to == "middle":
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
        page.wait_for_timeout(300)
    page.screenshot(path=str(out / shot.file), full_page=shot.full_page)
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > PHONE["width"]:
        shot.notes.append(f"scrolls sideways: {wide} px wide")
    shot.notes += [f"script error: {error}" for error in errors]
    context.close()
    print(f"  {shot.file:38} {shot.title}{'  (' + '; '.join(shot.notes) + ')' if shot.notes else ''}")


def _index(out: Path, shots: list[Shot]) -> None:
    """One row per page, one column per language."""
    languages = list(dict.fromkeys(shot.language for shot in shots))
    names = list(dict.fromkeys(shot.name for shot in shots))
    by_key = {(shot.language, shot.name): shot for shot in shots}
    rows = []
    for name in names:
        cells = []
        for language in languages:
            shot = by_key.get((language, name))
            note = f"<p class=note>{html.escape('; '.join(shot.notes))}</p>" if shot and shot.notes else ""
            cells.append(f"<td><a href='{shot.file}'><img src='{shot.file}' alt='' loading=lazy></a>{note}</td>")
        title = html.escape(by_key[(languages[0], name)].title)
        rows.append(f"<tr><th scope=row>{html.escape(name)}<br><small>{title}</small></th>{''.join(cells)}</tr>")
    head = "".join(f"<th scope=col>{language}</th>" for language in languages)
    (out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>ServiceFit candidate pages</title>"
        "<style>body{font:14px system-ui;margin:1rem}td,th{vertical-align:top;padding:4px;text-align:left}"
        "img{width:195px;border:1px solid #ccc}.note{color:#a4262c;max-width:195px}</style>"
        f"<h1>Candidate pages, {PHONE['width']} px phone</h1><table><tr><th></th>{head}</tr>{''.join(rows)}</table>",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
