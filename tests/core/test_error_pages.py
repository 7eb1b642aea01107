"""The error pages a user can meet (400, 403, the CSRF failure, 404, 500) are ours: the site's
layout, in the user's language, never Django's bare English pages."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from servicefit.core import views
from tests.i18n.pending import pending_translations

BARE = ("Bad Request", "Server Error", "<h1>Forbidden", "CSRF verification failed")


def in_language(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


def our_page(response, language: str) -> str:
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html
    assert not any(text in html for text in BARE)
    return html


def test_it_answers_a_form_with_too_many_fields_with_our_page(client, recruiter, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    client.force_login(recruiter)
    response = client.post("/hiring/requisitions/new/", {f"f{n}": "x" for n in range(10)}, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 400
    html = our_page(response, "nb")
    assert in_language("nb", "The request could not be handled") in html


def test_it_answers_a_failed_csrf_check_with_our_page(db):
    response = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert response.status_code == 403
    html = our_page(response, "sv")
    assert in_language("sv", "The form has expired") in html


def test_it_answers_a_server_error_with_our_page_in_the_users_language(recruiter, monkeypatch):
    def broken():
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.registry, "home_work", broken)
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 500
    html = our_page(response, "da")
    assert (
        in_language("da", "Something went wrong on our side. It has been logged; please try again in a moment.") in html
    )
    assert "a bug" not in html


def test_it_answers_an_unknown_page_in_the_users_language(client, recruiter):
    client.force_login(recruiter)
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 404
    assert "Siden findes ikke" in our_page(response, "da")


def test_it_answers_a_query_with_too_many_fields_with_our_page(client, recruiter, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    client.force_login(recruiter)
    query = "&".join(f"f{n}=x" for n in range(10))
    response = client.get(f"/hiring/requisitions/?{query}", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 400
    our_page(response, "da")


# --- a NUL or an unpaired surrogate refused by UnsafeTextMiddleware gets the same 400 page --------


@pytest.fixture
def nordic_pending():
    with pending_translations("h-errors"):
        yield


@pytest.mark.parametrize("language", ["en", "da", "nb", "sv"])
def test_it_refuses_a_nul_in_a_form_with_our_page_in_the_users_language(client, recruiter, language, nordic_pending):
    client.force_login(recruiter)
    response = client.post(
        "/hiring/job-ads/new/", {"title": "Kunde\x00service", "text": "Hej"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    html = our_page(response, language)
    assert in_language(language, "The request could not be handled") in html
    assert in_language(language, "The form contains characters that are not allowed.") in html
    hint = "Nothing was saved. Go back and try again without them; text pasted from another program can bring"
    assert in_language(language, hint + " invisible characters along.") in html


@pytest.mark.parametrize("language", ["en", "da", "nb", "sv"])
def test_it_refuses_a_nul_in_the_address_or_query_with_our_page(client, recruiter, language):
    client.force_login(recruiter)
    for address in ("/hiring/?q=a%00b", "/hiring/%00/"):
        response = client.get(address, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 400, address
        html = our_page(response, language)
        assert in_language(language, "The address contains characters that are not allowed.") in html


def test_the_refusal_page_works_for_the_anonymous_too(client, db):
    response = client.get("/accounts/login/?next=%00", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    assert "Adressen innehåller tecken som inte är tillåtna." in our_page(response, "sv")
