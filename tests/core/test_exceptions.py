import logging

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.exceptions import NotAuthenticated, Throttled

from servicefit.core.exceptions import ApplicationError, api_exception_handler
from tests.i18n.pending import pending_translations


def test_application_errors_keep_their_message_status_and_extra():
    response = api_exception_handler(ApplicationError("Nope", extra={"a": 1}, status=409), {})
    assert (response.status_code, response.data) == (409, {"message": "Nope", "code": "conflict", "extra": {"a": 1}})


def test_django_validation_errors_become_400_with_fields():
    response = api_exception_handler(ValidationError({"slug": ["taken"]}), {})
    assert response.status_code == 400
    assert response.data == {
        "message": "Validation error",
        "code": "validation_error",
        "extra": {"fields": {"slug": ["taken"]}},
    }


def test_drf_errors_get_the_same_shape():
    response = api_exception_handler(NotAuthenticated(), {})
    assert response.status_code in (401, 403)
    assert set(response.data) == {"message", "code", "extra"}


# --- every error under /api/ is JSON {"message", "code", "extra"}; pages keep their HTML -----------


def error_of(response):
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == {"message", "code", "extra"} and body["message"]
    return body


def test_it_answers_an_unknown_api_address_with_json_404(api, recruiter):
    response = api.as_user(recruiter).get("/api/no-such-thing/")
    assert response.status_code == 404
    assert error_of(response)["message"] == "There is no API endpoint at this address."


def test_an_unknown_api_address_is_json_also_without_login(client, db):
    response = client.get("/api/v2/whatever/")
    assert response.status_code == 404
    error_of(response)


def test_an_unknown_page_keeps_the_html_404(client, recruiter):
    client.force_login(recruiter)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "There is nothing at this address." in response.content.decode()


def test_a_json_body_over_the_limit_is_413_naming_the_limit(api, recruiter, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = '{"text": "' + "a" * 2000 + '"}'
    response = api.as_user(recruiter).post("/api/job-ads/analyze/", body, content_type="application/json")
    assert response.status_code == 413
    assert error_of(response)["message"] == "The request body is larger than the limit of 1,000 bytes."


def test_a_form_body_over_the_limit_is_413_too(api, recruiter, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    for data, fmt in [({"text": "a" * 2000}, "multipart")]:
        response = api.as_user(recruiter).post("/api/job-ads/analyze/", data, format=fmt)
        assert response.status_code == 413, fmt
        assert "1,000 bytes" in error_of(response)["message"]
    response = api.as_user(recruiter).post(
        "/api/job-ads/analyze/", "text=" + "a" * 2000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "1,000 bytes" in error_of(response)["message"]


def test_a_body_under_the_limit_is_accepted(api, recruiter, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api.as_user(recruiter).post(
        "/api/job-ads/analyze/", {"text": "Du er servicemindet.", "language": "da"}, format="json"
    )
    assert response.status_code == 200


def test_malformed_json_is_400_with_a_message(api, recruiter):
    response = api.as_user(recruiter).post("/api/job-ads/analyze/", '{"text": ', content_type="application/json")
    assert response.status_code == 400
    assert error_of(response)["message"].startswith("The body is not valid JSON")


def test_an_unsupported_media_type_is_415(api, recruiter):
    response = api.as_user(recruiter).post("/api/job-ads/analyze/", "<text/>", content_type="application/xml")
    assert response.status_code == 415
    assert "application/xml" in error_of(response)["message"]


@pytest.fixture
def broken_selector(monkeypatch):
    from profiles import selectors

    def explode():
        raise RuntimeError("secret internals: /srv/servicefit/db password=hunter2")

    monkeypatch.setattr(selectors, "competency_list", explode)


def test_a_server_error_is_json_500_logged_with_the_traceback(db, recruiter, broken_selector, caplog):
    from django.test import Client

    from servicefit.core.tokens import api_token_issue

    _token, key = api_token_issue(user=recruiter)
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/api/competencies/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 500
    body = error_of(response)
    assert "hunter2" not in response.content.decode() and "RuntimeError" not in response.content.decode()
    assert body["message"] == "Something went wrong on our side. It has been logged; please try again later."
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info and "secret internals" in str(record.exc_info[1])


def test_a_page_error_keeps_the_html_500(db, hr_user, monkeypatch):
    from django.test import Client

    from profiles import views

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "render", explode)
    client = Client(raise_request_exception=False)
    client.force_login(hr_user)
    response = client.get("/profiles/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Something went wrong on our side" in response.content.decode()


# --- the message follows the caller's language; the code does not --------------------------------

LANGUAGES = ["en", "da", "nb", "sv"]


@pytest.fixture
def nordic_pending():
    with pending_translations("h-errors"):
        yield


def in_language(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


def job_ad_without_title(client, language):
    return client.post("/api/job-ads/", {"text": "Hej"}, format="json", HTTP_ACCEPT_LANGUAGE=language)


def broken_json(client, language):
    return client.post(
        "/api/job-ads/analyze/", '{"text": ', content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
    )


def nul_in_the_body(client, language):
    body = '{"title": "Kunde\\u0000service", "text": "Hej"}'
    return client.post("/api/job-ads/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


def nul_in_the_query(client, language):
    return client.get("/api/job-ads/?q=a%00b", HTTP_ACCEPT_LANGUAGE=language)


def deep_json(client, language):
    body = '{"text": ' + "[" * 100 + "]" * 100 + "}"
    return client.post("/api/job-ads/analyze/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


def multipart_without_boundary(client, language):
    return client.post("/api/job-ads/", "--x\r\n", content_type="multipart/form-data", HTTP_ACCEPT_LANGUAGE=language)


def unknown_endpoint(client, language):
    return client.get("/api/no-such-thing/", HTTP_ACCEPT_LANGUAGE=language)


CASES = [
    (job_ad_without_title, 400, "validation_error", "Validation error"),
    (broken_json, 400, "parse_error", "The body is not valid JSON (line %(line)s, column %(column)s)."),
    (nul_in_the_body, 400, "unsafe_text", "Text may not contain NUL characters or unpaired surrogates (%(where)s)."),
    (nul_in_the_query, 400, "unsafe_text", "The address or a query parameter contains a NUL or unpaired surrogate."),
    (deep_json, 400, "parse_error", "The JSON body is nested more than %(depth)s levels deep."),
    (multipart_without_boundary, 400, "parse_error", "The body is not a valid multipart form."),
    (unknown_endpoint, 404, "not_found", "There is no API endpoint at this address."),
]


@pytest.mark.parametrize(("ask", "status", "code", "msgid"), CASES, ids=[case[0].__name__ for case in CASES])
def test_each_error_is_in_the_callers_language_with_the_same_code(
    api, recruiter, nordic_pending, ask, status, code, msgid
):
    client = api.as_user(recruiter)
    english = error_of(ask(client, "en"))["message"]
    for language in LANGUAGES:
        response = ask(client, language)
        assert response.status_code == status, language
        body = error_of(response)
        assert body["code"] == code, language
        assert response["Content-Language"] == language
        # The message starts with the message's own words (placeholders filled in), in that language.
        assert body["message"].startswith(in_language(language, msgid).split("%(")[0]), (language, body["message"])
        if language != "en":
            assert body["message"] != english, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_validation_error_has_its_headline_and_field_messages_in_one_language(
    api, recruiter, nordic_pending, language
):
    body = error_of(job_ad_without_title(api.as_user(recruiter), language))
    assert body["message"] == in_language(language, "Validation error")
    assert body["extra"]["fields"] == {"title": [in_language(language, "This field is required.")]}


def test_the_danish_headline_of_a_validation_error_is_danish(api, recruiter, nordic_pending):
    # Was DRF's "Validation error" beside Danish field messages.
    body = error_of(job_ad_without_title(api.as_user(recruiter), "da"))
    assert (body["message"], body["code"]) == ("Ugyldige værdier", "validation_error")


def test_the_limit_of_a_body_too_large_is_grouped_the_callers_way(api, recruiter, settings, nordic_pending):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = '{"text": "' + "a" * 2000 + '"}'
    response = api.as_user(recruiter).post(
        "/api/job-ads/analyze/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 413
    error = error_of(response)
    assert (error["message"], error["code"]) == (
        "Forespørgslens indhold er større end grænsen på 1.000 byte.",
        "request_too_large",
    )


@pytest.mark.parametrize(("wait", "expected"), [(1, "prøv igen om 1 sekund."), (30, "prøv igen om 30 sekunder.")])
def test_a_throttled_request_says_how_long_to_wait_in_the_callers_language(nordic_pending, wait, expected):
    # DRF formats the wait into its message before translating it, so it stayed English.
    with translation.override("da"):
        response = api_exception_handler(Throttled(wait=wait), {})
    assert response.status_code == 429 and response["Retry-After"] == str(wait)
    assert response.data == {"message": f"For mange forespørgsler: {expected}", "code": "throttled", "extra": {}}


def test_a_server_error_is_in_the_callers_language(db, recruiter, broken_selector, nordic_pending):
    from django.test import Client

    from servicefit.core.tokens import api_token_issue

    _token, key = api_token_issue(user=recruiter)
    client = Client(raise_request_exception=False)
    response = client.get("/api/competencies/", HTTP_AUTHORIZATION=f"Token {key}", HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 500
    body = error_of(response)
    assert (body["message"], body["code"]) == (
        "Noe gikk galt hos oss. Feilen er logget; prøv igjen senere.",
        "server_error",
    )


def test_application_errors_get_a_code_from_their_status():
    codes = {
        status: api_exception_handler(ApplicationError("x", status=status), {}).data["code"]
        for status in (400, 403, 404, 409, 410, 413, 422, 429)
    }
    assert codes == {
        400: "bad_request",
        403: "permission_denied",
        404: "not_found",
        409: "conflict",
        410: "gone",
        413: "request_too_large",
        422: "unprocessable",
        429: "throttled",
    }
    # A service's field errors are a validation error, like a serializer's.
    fields = ApplicationError("The job ad is not valid.", extra={"fields": {"title": ["blank"]}})
    assert api_exception_handler(fields, {}).data["code"] == "validation_error"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_session_request_without_its_csrf_token_is_refused_in_the_callers_language(
    recruiter, nordic_pending, language
):
    # Was DRF's "CSRF Failed: CSRF cookie not set." in every language, with code permission_denied.
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(recruiter)
    response = client.post(
        "/api/job-ads/", {"title": "x"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 403
    body = error_of(response)
    assert body["code"] == "csrf_failed"
    assert body["message"] == in_language(language, "CSRF check failed. Reload the page and send it again.")
    if language != "en":
        assert "CSRF Failed" not in body["message"] and "Reload the page" not in body["message"]
