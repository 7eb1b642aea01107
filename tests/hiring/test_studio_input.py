"""The studio and the analysis API facing pasted text a recruiter should get a clear message for."""

from django.conf import settings

from tests.hiring.factories import job_ad_make


def in_danish(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    return client


def test_it_tells_a_danish_recruiter_how_long_a_pasted_page_is_in_danish_numbers(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    in_danish(client).force_login(recruiter)
    response = client.post(f"/hiring/job-ads/{job_ad.id}/analyze/", {"text": "ord " * 15_000})
    body = response.content.decode()
    assert "60.000" in body and "50.000" in body  # not the engine's "60,000"
    assert "60,000" not in body


def test_it_refuses_a_too_long_text_in_the_api_in_the_callers_language(api, recruiter):
    response = api.as_user(recruiter).post(
        "/api/job-ads/analyze/", {"text": "ord " * 15_000}, format="json", HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 413
    assert "60.000" in response.json()["message"]
