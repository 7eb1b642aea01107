"""The candidate's pages under /take/<token>/, used without JavaScript: every part is a form."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments.models import Answer, Attempt, AttemptResult, Invitation, Item

from .conftest import answer_for


class Fieldsets(HTMLParser):
    """The items of a part page: {item id: legend text} for each fieldset, and the radio values."""

    def __init__(self):
        super().__init__()
        self.legends: dict[int, str] = {}
        self.inputs: dict[str, list[str]] = {}
        self._item = None
        self._in_legend = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset":
            self._item = int(attrs["data-item"])
        elif tag == "legend" and self._item is not None:
            self._in_legend = True
            self.legends[self._item] = ""
        elif tag in ("input", "textarea") and attrs.get("name", "").startswith("item-"):
            self.inputs.setdefault(attrs["name"], []).append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "fieldset":
            self._item = None
        elif tag == "legend":
            self._in_legend = False

    def handle_data(self, data):
        if self._in_legend:
            self.legends[self._item] += data


@pytest.fixture
def candidate():
    """A browser without a staff session and without a CSRF token, as a candidate's would be."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def started(candidate, token):
    assert candidate.post(f"/take/{token}/", {"consent": "yes"}).status_code == 302
    return Attempt.objects.get()


def part_url(token, number):
    return f"/take/{token}/part/{number}/"


def part_items(attempt, number) -> list[Item]:
    section_id = attempt.layout["sections"][number - 1]
    ids = attempt.layout["items"][str(section_id)]
    items = Item.objects.in_bulk(ids)
    return [items[item_id] for item_id in ids]


def page_urls(candidate, token, number) -> list[str]:
    """The addresses of a part's pages, as its "Next" links them (read from the page's own progress)."""
    first = candidate.get(part_url(token, number))
    pages = [part_url(token, number)]
    pages += [f"/take/{token}/part/{number}/page/{n}/" for n in range(2, first.context["page_count"] + 1)]
    return pages


def start_part(candidate, token, number):
    response = candidate.post(f"/take/{token}/part/{number}/start/")
    assertRedirects(response, part_url(token, number), fetch_redirect_response=False)


def form_answers(items) -> dict[str, str]:
    return {f"item-{item.id}": str(answer_for(item)) for item in items}


def in_danish(message: str) -> str:
    with translation.override("da"):
        return gettext(message)


# Welcome and language -----------------------------------------------------------------------------


def test_the_welcome_page_is_in_the_candidates_language(candidate, battery, token):
    response = candidate.get(f"/take/{token}/")
    assertContains(response, '<html lang="da">')
    assertContains(response, f"<h1>{battery.title['da']}</h1>", html=True)
    assertContains(response, in_danish("Welcome, %(name)s.") % {"name": "Sofie Jensen"})
    assertContains(response, in_danish("Before you start"))
    assertContains(response, '<a href="?lang=da" lang="da" aria-current="true">Dansk</a>', html=True)
    assertContains(response, 'name="consent"')


def test_choosing_another_language_switches_the_pages_and_is_remembered(candidate, battery, invitation, token):
    response = candidate.get(f"/take/{token}/", {"lang": "sv"})
    assertRedirects(response, f"/take/{token}/", fetch_redirect_response=False)
    assert Invitation.objects.get(id=invitation.id).language == "sv"
    page = candidate.get(f"/take/{token}/")
    assertContains(page, '<html lang="sv">')
    assertContains(page, f"<h1>{battery.title['sv']}</h1>", html=True)


def test_an_unknown_language_is_ignored(candidate, invitation, token):
    assertContains(candidate.get(f"/take/{token}/", {"lang": "de"}), '<html lang="da">')
    assert Invitation.objects.get(id=invitation.id).language == "da"


def test_starting_without_consent_is_refused_with_a_message(candidate, token):
    response = candidate.post(f"/take/{token}/", {})
    assert response.status_code == 200
    assertContains(response, in_danish("Please confirm that you have read how your answers are used."))
    assert not Attempt.objects.exists()


def test_starting_with_consent_opens_part_one(candidate, invitation, token):
    response = candidate.post(f"/take/{token}/", {"consent": "yes"})
    assertRedirects(response, part_url(token, 1), fetch_redirect_response=False)
    attempt = Attempt.objects.get()
    assert attempt.consent_at is not None
    assert Invitation.objects.get(id=invitation.id).status == Invitation.Status.STARTED


def test_a_started_candidate_coming_back_continues_where_they_left_off(candidate, started, token):
    candidate.post(part_url(token, 1), form_answers(part_items(started, 1)))
    assertRedirects(candidate.get(f"/take/{token}/"), part_url(token, 2), fetch_redirect_response=False)


# Parts --------------------------------------------------------------------------------------------


def test_each_part_lists_its_items_as_fieldsets_with_a_legend(candidate, battery, started, token):
    sections = list(battery.sections.order_by("order"))
    for number, section in enumerate(sections, start=1):
        if section.time_limit_seconds:
            start_part(candidate, token, number)
        legends = {}
        for url in page_urls(candidate, token, number):
            response = candidate.get(url)
            assert response.status_code == 200
            page = Fieldsets()
            page.feed(response.content.decode())
            legends.update(page.legends)
        items = part_items(started, number)
        assert list(legends) == [item.id for item in items]  # in the attempt's own order
        assert all(legend.strip() for legend in legends.values())
        assert section.items.count() == len(items)
    assert number == 4


def test_the_statements_come_in_pages_of_seven_with_five_choices_each(candidate, started, token):
    urls = page_urls(candidate, token, 1)
    assert urls == [part_url(token, 1)] + [f"/take/{token}/part/1/page/{n}/" for n in range(2, 7)]
    inputs = {}
    for url in urls:
        page = Fieldsets()
        page.feed(candidate.get(url).content.decode())
        assert len(page.inputs) == 7
        inputs.update(page.inputs)
    assert all(values == ["1", "2", "3", "4", "5"] for values in inputs.values())
    assert len(inputs) == 42


def test_posting_a_page_saves_its_answers_and_goes_to_the_next_page_then_the_next_part(candidate, started, token):
    items = part_items(started, 1)
    response = candidate.post(part_url(token, 1), form_answers(items[:7]))
    assertRedirects(response, f"/take/{token}/part/1/page/2/", fetch_redirect_response=False)
    assert dict(Answer.objects.values_list("item_id", "value")) == {item.id: answer_for(item) for item in items[:7]}
    response = candidate.post(f"/take/{token}/part/1/page/6/", form_answers(items[35:]))
    assertRedirects(response, part_url(token, 2), fetch_redirect_response=False)
    page = candidate.get(part_url(token, 1))
    assertContains(page, 'value="4" checked', count=7)  # the saved answers show when going back


def test_posting_the_last_part_goes_to_the_summary(candidate, started, token):
    items = part_items(started, 4)
    start_part(candidate, token, 4)
    response = candidate.post(part_url(token, 4), form_answers(items))
    assertRedirects(response, f"/take/{token}/finish/", fetch_redirect_response=False)
    assert Answer.objects.count() == len(items)
    text = next(item for item in items if item.kind == Item.Kind.TEXT)
    assert Answer.objects.get(item=text).value == answer_for(text)


def test_a_bad_value_is_reported_and_the_other_answers_are_saved(candidate, started, token):
    items = part_items(started, 1)
    bad, *good = items
    response = candidate.post(part_url(token, 1), {**form_answers(items), f"item-{bad.id}": "9"})
    assert response.status_code == 422
    assertContains(response, in_danish("Choose a value from 1 to 5."), count=1, status_code=422)
    assert set(Answer.objects.values_list("item_id", flat=True)) == {item.id for item in good}


def test_a_part_number_out_of_range_is_not_found(candidate, started, token):
    assert candidate.get(part_url(token, 5)).status_code == 404


def test_a_part_before_starting_goes_back_to_the_welcome_page(candidate, token):
    assertRedirects(candidate.get(part_url(token, 1)), f"/take/{token}/", fetch_redirect_response=False)


# Finishing ----------------------------------------------------------------------------------------


def test_the_summary_shows_the_open_questions_per_part(candidate, started, token):
    candidate.post(part_url(token, 1), form_answers(part_items(started, 1)))
    response = candidate.get(f"/take/{token}/finish/")
    assert response.status_code == 200
    with translation.override("da"):
        complete = gettext("complete")
        open_counts = [
            ngettext("%(counter)s question still open", "%(counter)s questions still open", n) % {"counter": n}
            for n in (10, 12, 6)
        ]
    assertContains(response, complete)
    for text in open_counts:
        assertContains(response, text)


def test_submitting_with_open_questions_says_so_and_keeps_the_answers(candidate, started, token):
    candidate.post(part_url(token, 1), form_answers(part_items(started, 1)))
    response = candidate.post(f"/take/{token}/finish/")
    assert response.status_code == 200
    message = in_danish("Answer every question before you submit: %(n)s still open.") % {"n": 28}
    assertContains(response, message)
    assert Answer.objects.count() == 42
    assert Attempt.objects.get().submitted_at is None


def test_a_complete_attempt_is_submitted_and_the_pages_then_show_done(candidate, battery, started, token):
    for number in range(1, 5):
        start_part(candidate, token, number)  # a no-op for an untimed part
        response = candidate.post(part_url(token, number), form_answers(part_items(started, number)))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Answer.objects.count() == Item.objects.filter(section__assessment=battery).count()
    response = candidate.post(f"/take/{token}/finish/")
    assertRedirects(response, f"/take/{token}/done/", fetch_redirect_response=False)
    assert Attempt.objects.get().submitted_at is not None
    assert AttemptResult.objects.count() == 1
    assert Invitation.objects.get().status == Invitation.Status.SUBMITTED
    assertContains(candidate.get(f"/take/{token}/done/"), in_danish("Thank you!"))
    for url in (f"/take/{token}/", part_url(token, 1), f"/take/{token}/finish/"):
        assertRedirects(candidate.get(url), f"/take/{token}/done/", fetch_redirect_response=False)
    # A form posted from an old tab changes nothing.
    item = part_items(started, 1)[0]
    candidate.post(part_url(token, 1), {f"item-{item.id}": "1"})
    assert Answer.objects.get(item=item).value == 4


def test_the_done_page_before_submitting_goes_to_the_welcome_page(candidate, token):
    assertRedirects(candidate.get(f"/take/{token}/done/"), f"/take/{token}/", fetch_redirect_response=False)


# Links that do not work ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"status": Invitation.Status.REVOKED}, 410, "This invitation has been withdrawn."),
        (
            {"expires_at": timezone.now() - timedelta(minutes=1)},
            410,
            "This link expired on %(date)s. Ask the recruiter for a new one.",
        ),
    ],
)
@pytest.mark.parametrize("page", ["", "part/1/", "finish/", "done/"])
def test_a_revoked_or_expired_link_shows_an_error_page(candidate, invitation, token, change, status, message, page):
    Invitation.objects.filter(id=invitation.id).update(**change)
    response = candidate.get(f"/take/{token}/{page}", headers={"accept-language": "sv"})
    assert response.status_code == status
    # In the invitation's language (Danish), whatever the browser asks for.
    assertContains(response, '<html lang="da">', status_code=status)
    assertContains(response, in_danish("This link cannot be used"), status_code=status)
    assertContains(response, in_danish(message).split("%")[0], status_code=status)
    assertNotContains(response, "Traceback", status_code=status)


def test_a_tampered_link_is_not_found(candidate, token):
    response = candidate.get(f"/take/{token[:-1]}x/")
    assertContains(response, "This link is not valid.", status_code=404)
    assertNotContains(response, "Traceback", status_code=404)
    assert candidate.post(f"/take/{token[:-1]}x/", {"consent": "yes"}).status_code == 404
    assert not Attempt.objects.exists()


def test_the_pages_are_not_cached(candidate, started, token):
    for url in (f"/take/{token}/", part_url(token, 1), f"/take/{token}/finish/"):
        response = candidate.get(url)
        assert response["Cache-Control"] == "no-store", url


def test_the_error_pages_are_not_cached_either(candidate, invitation, token):
    # 404 and 410 are cacheable by default (RFC 9110): a browser that kept "this link expired" would
    # go on showing it after the recruiter renewed the link.
    assert candidate.get(f"/take/{token[:-1]}x/").get("Cache-Control") == "no-store"
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert candidate.get(f"/take/{token}/").get("Cache-Control") == "no-store"
