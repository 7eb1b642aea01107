"""The candidate API speaks the invitation's language, as the pages do: take.js shows its messages
(a refused answer, the time up, the answers already submitted) on a page in that language, whatever
language the phone's browser asks for."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from assessments import services
from assessments.models import Item
from tests.i18n.pending import pending_translations

from .factories import answer_all, items_of


def in_language(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


@pytest.fixture
def english_phone():
    return Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")


def put(client, token, item_id, value):
    return client.put(f"/api/take/{token}/answers/{item_id}/", {"value": value}, content_type="application/json")


@pytest.mark.parametrize("language", ["da", "nb", "sv"])
def test_it_refuses_an_answer_in_the_invitations_language(english_phone, battery, recruiter, language):
    invitation = services.invitation_create(
        assessment=battery, email="a@example.dk", name="A", language=language, user=recruiter, send=False
    )
    token = services.invitation_token(invitation)
    likert = Item.objects.filter(section__assessment=battery, kind=Item.Kind.LIKERT).first()

    before = put(english_phone, token, likert.id, 3)
    assert before.status_code == 409
    assert before.json()["message"] == in_language(language, "Start the assessment before answering.")

    services.attempt_start(invitation=invitation, consent=True)
    refused = put(english_phone, token, likert.id, 9)
    assert refused.status_code == 422
    assert refused.json()["message"] == in_language(language, "Choose a value from 1 to 5.")
    assert refused["Content-Language"] == language


def test_it_says_the_answers_are_submitted_in_the_invitations_language(english_phone, battery, invitation, token):
    services.attempt_start(invitation=invitation, consent=True)
    items = items_of(battery)
    answer_all(invitation, items)
    services.attempt_submit(invitation=invitation)

    response = put(english_phone, token, items[0].id, 3)

    assert response.status_code == 409
    danish = in_language("da", "Your answers have been submitted and can no longer be changed.")
    assert response.json()["message"] == danish


def test_a_link_that_is_not_ours_keeps_the_browsers_language(english_phone):
    response = english_phone.get("/api/take/abc.def/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 404
    assert response.json()["message"] == in_language(
        "sv", "This link is not valid. Check that you copied the whole link."
    )


def test_an_unknown_language_asked_of_the_api_gives_the_invitations(english_phone, invitation, token):
    body = english_phone.get(f"/api/take/{token}/?lang=xx").json()
    assert body["language"] == "da"
    assert body["title"] == invitation.assessment.title_in("da")


def test_the_invitations_language_ends_with_the_request(english_phone, battery, invitation, token):
    with translation.override("sv"):
        put(english_phone, token, Item.objects.filter(section__assessment=battery).first().id, 3)
        assert translation.get_language() == "en"  # the browser's, as Django's locale middleware left it


@pytest.mark.parametrize(
    ("language", "headline", "consent"),
    [
        ("da", "Ugyldige værdier", "Skal være true eller false."),
        ("nb", "Ugyldige verdier", "Må være true eller false."),
        ("sv", "Ogiltiga värden", "Måste vara true eller false."),
    ],
)
def test_it_refuses_a_malformed_start_in_the_invitations_language(
    english_phone, battery, recruiter, language, headline, consent
):
    # take.js shows the message: it was "Validation error", and DRF's own message stayed English.
    invitation = services.invitation_create(
        assessment=battery, email="a@example.dk", name="A", language=language, user=recruiter, send=False
    )
    token = services.invitation_token(invitation)
    with pending_translations("h-errors"):
        response = english_phone.post(
            f"/api/take/{token}/start/", {"consent": "maybe"}, content_type="application/json"
        )
    assert response.status_code == 400
    assert response.json() == {
        "message": headline,
        "code": "validation_error",
        "extra": {"fields": {"consent": [consent]}},
    }
