import logging

import pytest
from django.core.exceptions import ValidationError
from rest_framework.exceptions import NotAuthenticated

from servicefit.core.exceptions import ApplicationError, api_exception_handler


def test_application_errors_keep_their_message_status_and_extra():
    response = api_exception_handler(ApplicationError("Nope", extra={"a": 1}, status=409), {})
    assert (response.status_code, response.data) == (409, {"message": "Nope", "extra": {"a": 1}})


def test_django_validation_errors_become_400_with_fields():
    response = api_exception_handler(ValidationError({"slug": ["taken"]}), {})
    assert response.status_code == 400
    assert response.data == {"message": "Validation error", "extra": {"fields": {"slug": ["taken"]}}}


def test_drf_errors_get_the_same_shape():
    response = api_exception_handler(NotAuthenticated(), {})
    assert response.status_code in (401, 403)
    assert set(response.data) == {"message", "extra"}


# --- every error under /api/ is JSON {"message", "extra"}; pages keep their HTML -----------------


def error_of(response):
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == {"message", "extra"} and body["message"]
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
    assert error_of(response)["message"] == "The request body is larger than the limit of 1000 bytes."


def test_a_form_body_over_the_limit_is_413_too(api, recruiter, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    for data, fmt in [({"text": "a" * 2000}, "multipart")]:
        response = api.as_user(recruiter).post("/api/job-ads/analyze/", data, format=fmt)
        assert response.status_code == 413, fmt
        assert "1000 bytes" in error_of(response)["message"]
    response = api.as_user(recruiter).post(
        "/api/job-ads/analyze/", "text=" + "a" * 2000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "1000 bytes" in error_of(response)["message"]


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
