"""Every page reachable from the navigation, rendered in Danish, Norwegian and Swedish, shows words: no
raw code (`controller`, `hard_worker`, `low_item_rest`, `service-profile-standard`, `pending`, `da`)
and no English sentence of our own. The demo data is loaded so that every kind of page has content."""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import TextChoices
from django.test import Client
from django.urls import resolve

from assessments import services as assessment_services
from assessments.models import Assessment, Invitation
from profiles.analysis.gender import verdict
from profiles.models import Competency, RoleProfile
from servicefit.core.roles import Role

from .po import NORDIC, catalogue

pytestmark = pytest.mark.django_db

SKIPPED_PATHS = re.compile(r"^/(admin|api|accounts/logout|i18n)/|/[^/]+\.[a-z0-9]{2,5}$")
PAGES_PER_SHAPE = 8
# Item-analysis flags are plain strings of assessments.psychometrics.
FLAGS = ("low_item_rest", "hurts_reliability")
# The text-analysis engine writes English (profiles/analysis/engine.py); pages must show its suggestions,
# and the notes of revisions that applied them, in the reader's language.
ENGINE_ENGLISH = ("Applied: ", "Replace “", "Consider a neutral word", " type; the role needs more ", "little ")
PLACEHOLDER_OR_TAG = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|<[^>]+>|\{[^}]*\}")


class VisibleText(HTMLParser):
    """The text a person reads: text nodes outside scripts and styles, each with surrounding space removed."""

    def __init__(self):
        super().__init__()
        self.nodes: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in {"script", "style", "template"}

    def handle_endtag(self, tag):
        self.hidden -= tag in {"script", "style", "template"}

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.nodes.append(" ".join(data.split()))


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.nodes


def codes() -> tuple[set[str], set[str]]:
    """(codes that are ordinary words, shown alone in a cell or a badge; codes no language writes as a word)."""

    def all_choices(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from all_choices(sub)

    ours = {"profiles", "hiring", "assessments", "servicefit"}
    values = {
        value
        for choices in all_choices(TextChoices)
        if choices.__module__.split(".")[0] in ours and choices is not Role  # usernames of the demo are roles
        for value in choices.values
    }
    values |= set(FLAGS) | set(RoleProfile.objects.values_list("slug", flat=True))
    values |= set(Assessment.objects.values_list("slug", flat=True))
    values |= set(Competency.objects.values_list("code", flat=True))
    values |= {verdict(masculine, feminine) for masculine, feminine in ((0, 0), (1, 0), (0, 1), (9, 0), (0, 9))}
    words = {v for v in values if re.fullmatch(r"[a-z]+", v)}
    return words, values - words


def english_fragments(language: str) -> set[str]:
    """Stretches of three or more words of our English msgids that the translation does not contain too."""
    fragments = set()
    for entry in catalogue(language):
        translated = " ".join(entry.msgstrs)
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            for part in PLACEHOLDER_OR_TAG.split(msgid):
                part = " ".join(part.split()).strip(" .,:;()—–-")
                if len(part.split()) >= 3 and part not in translated:
                    fragments.add(part)
    return fragments


def english_role_profiles(language: str) -> set[str]:
    """English names and descriptions of the role profiles that have words in `language`."""
    profiles = RoleProfile.objects.all()
    return {
        text
        for profile in profiles
        if profile.translations.get(language)
        for text in (profile.name, profile.description)
        if text != profile.translations[language].get("name")
    }


def problems_on(html: str, *, words: set[str], raw: set[str], english: set[str]) -> list[str]:
    nodes = visible_text(html)
    text = " ".join(nodes)
    found = [f"raw code {node!r}" for node in dict.fromkeys(nodes) if node in words]
    standalone = {code: re.compile(rf"(?<![\w/.-]){re.escape(code)}(?![\w-])") for code in raw}
    found += [f"raw code {code!r}" for code, pattern in sorted(standalone.items()) if pattern.search(text)]
    found += [f"English {fragment!r}" for fragment in sorted(english) if fragment in text]
    found += [f"English from the engine {fragment!r}" for fragment in ENGINE_ENGLISH if fragment in text]
    return found


def crawl(client: Client, *starts: str) -> dict[str, str]:
    """Every page reachable by GET from the start pages (a few of each URL pattern): {path: html}."""
    queue, seen, shapes, pages = deque(starts), set(starts), {}, {}
    while queue:
        path = queue.popleft()
        parts = urlsplit(path)
        shape = resolve(parts.path).route + "?" + "&".join(sorted(q.split("=")[0] for q in parts.query.split("&") if q))
        if shapes.get(shape, 0) >= PAGES_PER_SHAPE and path not in starts:
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        response = client.get(path, follow=True)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        if "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        for href in re.findall(r'<a\b[^>]*\bhref="([^"#]*)', html):
            link = urlsplit(urljoin(path, href.replace("&amp;", "&")))
            target = link.path + (f"?{link.query}" if link.query else "")
            if link.netloc or not link.path or SKIPPED_PATHS.search(link.path) or "lang=" in link.query:
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


@pytest.fixture
def demo_data(settings):
    settings.DEBUG = True  # seed_demo refuses to create users with public passwords otherwise
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    # One candidate in the middle of the assessment, so the section pages are seen too.
    assessment_services.attempt_start(invitation=Invitation.objects.filter(attempt__isnull=True).first(), consent=True)


def test_it_shows_staff_pages_in_nordic_languages_without_codes_or_english(demo_data):
    words, raw = codes()
    problems, seen = [], 0
    for language in NORDIC:
        english = english_fragments(language) | english_role_profiles(language)
        # Every role in Danish; in Norwegian and Swedish the admin, who reaches every page the others
        # do (the same templates and catalogue entries), so each language's words are still all seen.
        roles = (Role.RECRUITER, Role.HR, Role.MANAGER, Role.ADMIN) if language == "da" else (Role.ADMIN,)
        for role in roles:
            client = Client()
            client.login(username=role.value, password=f"demo-{role.value}")
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            pages = crawl(client, "/")
            seen += len(pages)
            for path, html in pages.items():
                assert f'<html lang="{language}">' in html, f"{path} is not in {language}"
                found = problems_on(html, words=words, raw=raw, english=english)
                problems += [f"[{language} {role.value}] {path}: {problem}" for problem in found]

    assert seen >= 40, f"the crawl saw only {seen} pages"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(sorted(set(problems)))


def test_it_shows_candidates_their_pages_in_their_language(demo_data):
    words, raw = codes()
    problems, seen = [], 0
    for invitation in Invitation.objects.filter(language__in=NORDIC).select_related("attempt"):
        token = assessment_services.invitation_token(invitation)
        starts = [f"/take/{token}/"]
        if hasattr(invitation, "attempt") and invitation.attempt.submitted_at is None:
            sections = invitation.assessment.sections.count()
            starts += [f"/take/{token}/part/{n}/" for n in range(1, sections + 1)] + [f"/take/{token}/finish/"]
        pages = crawl(Client(), *starts)
        seen += len(pages)
        english = english_fragments(invitation.language)
        for path, html in pages.items():
            where = f"[{invitation.language} {invitation.get_status_display()}] {path.split('/')[3] or 'welcome'}"
            assert f'<html lang="{invitation.language}">' in html, f"{where} is not in {invitation.language}"
            problems += [f"{where}: {p}" for p in problems_on(html, words=words, raw=raw, english=english)]

    assert seen >= 8, f"the crawl saw only {seen} pages"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(sorted(set(problems)))
