"""What a hostile candidate link or answer gets: a clear 4xx, never a server error, and the
candidate pages slowed down like the candidate API."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django.utils.translation import ngettext

from assessments import services
from assessments.api import TakeAddressThrottle, TakeTokenThrottle
from assessments.models import Answer, Attempt, Item

from . import factories

JUNK_LINKS = ["x" * 300, "abc.def", "a b", "%C3%A6%C3%B8%C3%A5.0123"]
# A NUL never reaches a view: servicefit.core.middleware refuses it with 400 before (tests/core).
NUL_LINKS = ["a%00b", "%00"]


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("junk", JUNK_LINKS)
def test_a_junk_link_is_not_found_by_the_api_without_a_query(client, junk):
    # No `db` fixture: pytest-django fails the test on any database access.
    response = client.get(f"/api/take/{junk}/")
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize("junk", JUNK_LINKS)
def test_a_junk_link_is_a_not_found_page_without_a_query(client, junk):
    response = client.get(f"/take/{junk}/")
    assert response.status_code == 404
    assert b"<h1>" in response.content


@pytest.mark.parametrize("junk", NUL_LINKS)
def test_a_link_with_a_nul_is_refused_without_a_query(client, junk):
    assert client.get(f"/api/take/{junk}/").status_code == 400
    assert client.get(f"/take/{junk}/").status_code == 400


def test_a_junk_link_cannot_answer_open_or_submit(client):
    answer = client.put("/api/take/abc.def/answers/1/", {"value": 3}, content_type="application/json")
    assert answer.status_code == 404
    assert client.post("/api/take/abc.def/sections/1/open/").status_code == 404
    assert client.post("/api/take/abc.def/submit/").status_code == 404


@pytest.fixture
def written(battery, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    item = Item.objects.filter(section__assessment=battery, kind=Item.Kind.TEXT).first()
    services.section_open(invitation=invitation, section_id=item.section_id)
    return item


@pytest.mark.parametrize("text", ["Hej\u0000Anna", "\u0000", "Hej \ud800 Anna", "\udfff"])
def test_a_written_answer_with_nul_or_a_lone_surrogate_is_refused(client, token, written, text):
    response = client.put(f"/api/take/{token}/answers/{written.id}/", {"value": text}, content_type="application/json")
    # Refused by the API's JSON parser (servicefit/core/parsers.py) before the service sees it.
    assert response.status_code == 400
    assert "NUL" in response.json()["message"] or "surrogate" in response.json()["message"]
    assert not Answer.objects.exists()


def test_a_written_answer_with_nul_is_refused_on_the_form_too(client, token, written):
    attempt = Attempt.objects.get()
    number = attempt.layout["sections"].index(written.section_id) + 1
    response = client.post(f"/take/{token}/part/{number}/", {f"item-{written.id}": "Hej\x00Anna"})
    assert response.status_code == 422
    with translation.override("da"):
        message = translation.gettext("Your answer contains characters that cannot be saved.")
    assert message in response.content.decode()
    assert not Answer.objects.exists()


def test_ordinary_nordic_text_and_emoji_are_kept(client, token, written):
    text = "Hej Åse, tak for din besked 🙂 – vi ordner det i dag."
    response = client.put(f"/api/take/{token}/answers/{written.id}/", {"value": text}, content_type="application/json")
    assert response.status_code == 200
    assert Answer.objects.get().value == text


# Rate limits on the pages -------------------------------------------------------------------------


def test_the_pages_of_one_link_are_limited_with_a_page_in_the_candidates_language(client, monkeypatch, battery, token):
    monkeypatch.setitem(TakeTokenThrottle.THROTTLE_RATES, TakeTokenThrottle.scope, "3/min")
    for _ in range(3):
        assert client.get(f"/take/{token}/").status_code == 200
    response = client.get(f"/take/{token}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
    seconds = int(response["Retry-After"])
    with translation.override("da"):  # the invitation's language, not the browser's
        wait = ngettext(
            "Please wait %(counter)s second and try again.", "Please wait %(counter)s seconds and try again.", seconds
        ) % {"counter": seconds}
    assert '<html lang="da">' in response.content.decode()
    assert wait in response.content.decode()
    other = services.invitation_token(factories.invitation(battery, number=2))
    assert client.get(f"/take/{other}/").status_code == 200  # counted per link


def test_the_pages_and_the_api_share_the_limit_of_a_link(client, monkeypatch, token):
    monkeypatch.setitem(TakeTokenThrottle.THROTTLE_RATES, TakeTokenThrottle.scope, "2/min")
    assert client.get(f"/take/{token}/").status_code == 200
    assert client.get(f"/api/take/{token}/").status_code == 200
    assert client.get(f"/take/{token}/").status_code == 429


def test_guessing_links_on_the_pages_from_one_address_is_refused(monkeypatch, token, django_assert_num_queries):
    monkeypatch.setitem(TakeAddressThrottle.THROTTLE_RATES, TakeAddressThrottle.scope, "3/min")
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    guesses = [token[:-1] + digit for digit in "0123456789abcdef" if digit != token[-1]][:3]  # never the real link
    for guess in guesses:
        assert guesser.get(f"/take/{guess}/").status_code == 404
    with django_assert_num_queries(0):  # refused before the link is looked up
        response = guesser.get(f"/take/{token}/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 429
    assert '<html lang="sv">' in response.content.decode()
    assert Client(REMOTE_ADDR="198.51.100.2").get(f"/take/{token}/").status_code == 200  # per address
