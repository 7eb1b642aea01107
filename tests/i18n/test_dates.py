"""Dates read the way the person's language writes them: 05.03.2026 in Danish and Norwegian,
2026-03-05 in Swedish (Django's formats for each locale), in the server's time zone (Copenhagen)."""

import datetime as dt
import re

import pytest
from django.conf import settings

from assessments import services
from assessments.models import Assessment, Invitation
from hiring.models import JobAd
from hiring.services import job_ad_create

# 13:30 UTC is 14:30 in Copenhagen (winter time).
MOMENT = dt.datetime(2026, 3, 5, 13, 30, tzinfo=dt.UTC)
SHOWN = {"da": "05.03.2026 14:30", "nb": "05.03.2026 14:30", "sv": "2026-03-05 14:30"}


def expired_token(recruiter, language: str) -> str:
    invitation = services.invitation_create(
        assessment=Assessment.objects.get(slug="service-profile-standard"),
        email="frida@example.se",
        name="Frida",
        language=language,
        user=recruiter,
        send=False,
    )
    Invitation.objects.filter(id=invitation.id).update(expires_at=MOMENT)
    return services.invitation_token(invitation)


@pytest.mark.parametrize("language", SHOWN)
def test_it_shows_an_expired_link_s_date_in_the_reader_s_format(client, recruiter, language):
    # The candidate's page speaks the invitation's language, whatever the browser asks for.
    response = client.get(f"/take/{expired_token(recruiter, language)}/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 410
    text = response.content.decode()
    assert SHOWN[language] in text
    assert "2026-03-05 14:30" not in text or language == "sv"


@pytest.mark.parametrize("language", SHOWN)
def test_it_shows_staff_dates_in_their_language(client, recruiter, language):
    job_ad = job_ad_create(title="Kundeservice", text="Vi søger en kundeservicemedarbejder.", owner=recruiter)
    JobAd.objects.filter(id=job_ad.id).update(updated_at=MOMENT)
    client.force_login(recruiter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    text = client.get("/hiring/").content.decode()

    assert SHOWN[language] in text
    # No page shows the ISO form to a Dane or a Norwegian, nor the American one to anyone.
    if language != "sv":
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert "03/05/2026" not in text


def test_it_ends_an_english_sentence_that_ends_with_a_date_with_one_full_stop(
    recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    # Django's English default wrote "works until Dec. 16, 2026, 3:40 p.m.." in the invitation.
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            assessment=Assessment.objects.get(slug="service-profile-standard"),
            email="jane@example.co.uk",
            name="Jane",
            language="en",
            user=recruiter,
        )
    [mail] = mailoutbox
    expires = invitation.expires_at.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert re.search(r"works until \d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d\.(\s|$)", mail.body)
    assert ".." not in mail.body and "p.m" not in mail.body and str(expires.year) in mail.body
