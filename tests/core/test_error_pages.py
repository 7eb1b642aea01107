"""The error pages a user can meet (400, 403, the CSRF failure, 404, 500) are ours: the site's
layout, in the user's language, never Django's bare English pages."""

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from servicefit.core import views

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
