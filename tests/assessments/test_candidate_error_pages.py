"""Every error a candidate page can answer with (a request over Django's limits, an unknown address,
a server error) is a candidate page of ours: the pages' own layout, in the invitation's language
when the link is known, else the browser's; never Django's bare English "Bad Request"."""

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from assessments import services, take_views

BARE = ("Bad Request", "Server Error", "Not Found", "<h1>Forbidden")


def in_language(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


def candidate_page(response, language: str) -> str:
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<body class="take">' in html  # the candidate pages' layout, not the staff pages'
    assert not any(text in html for text in BARE)
    assert response["Cache-Control"] == "no-store"
    return html


def test_it_answers_a_form_with_too_many_fields_in_the_invitations_language(client, token, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client.post(f"/take/{token}/", {f"field-{n}": "x" for n in range(10)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    html = candidate_page(response, "da")
    assert in_language("da", "What was sent could not be taken") in html


def test_it_answers_a_body_over_the_limit_in_the_invitations_language(client, token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(f"/take/{token}/", {"consent": "yes" + "x" * 2000}, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    candidate_page(response, "da")


def test_it_answers_a_query_with_too_many_fields_in_the_invitations_language(client, token, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    query = "&".join(f"f{n}=x" for n in range(10))
    response = client.get(f"/take/{token}/?{query}", HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 400
    candidate_page(response, "da")


def test_it_answers_an_unknown_page_of_a_link_in_its_language(client, token, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    for address in (f"/take/{token}/part/99/", f"/take/{token}/no-such-page/"):
        response = client.get(address, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404, address
        html = candidate_page(response, "da")
        assert "Siden findes ikke" in html
        assert "Linket kan ikke bruges" not in html


def test_it_speaks_the_browsers_language_without_a_genuine_link(client, db):
    response = client.get("/take/abc.def/no-such-page/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 404
    candidate_page(response, "sv")


def test_it_answers_a_server_error_on_a_candidate_page_in_its_language(token, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(take_views.selectors, "attempt_view", broken)
    response = Client(raise_request_exception=False).get(f"/take/{token}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    html = candidate_page(response, "da")
    assert in_language("da", "Something went wrong on our side") in html
    assert "a bug" not in html


def test_it_refuses_a_nul_in_a_candidate_pages_query_in_the_invitations_language(client, token):
    # Was a bare English text/plain "The address contains characters that are not allowed."
    response = client.get(f"/take/{token}/?lang=%00", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    html = candidate_page(response, "da")
    assert in_language("da", "What was sent could not be taken") in html


def test_it_refuses_a_nul_in_a_link_in_the_browsers_language(client, db):
    response = client.get("/take/a%00b/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    html = candidate_page(response, "sv")
    assert in_language("sv", "What was sent could not be taken") in html
