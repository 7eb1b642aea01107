"""The API names a record that is not there as a person would, in the caller's language (Accept-Language):
the code they gave, not DRF's "Object with code=juggling does not exist." nor a lesson in slugs."""

import pytest

from tests.hiring.factories import DA_AD
from tests.workforce import development_factories

from .pending import pending_translations

NO_COMPETENCY = {
    "da": "Der findes ingen kompetence 'juggling'.",
    "nb": "Det finnes ingen kompetanse 'juggling'.",
    "sv": "Det finns ingen kompetens 'juggling'.",
}
NO_ROLE_PROFILE = {
    "da": "Der findes ingen rolleprofil 'Advisor Controller'.",
    "nb": "Det finnes ingen rolleprofil 'Advisor Controller'.",
    "sv": "Det finns ingen rollprofil 'Advisor Controller'.",
}


def refused(response, field: str) -> str:
    """The first message for `field` of a 400."""
    body = response.json()
    assert response.status_code == 400, body
    return body["extra"]["fields"][field][0]


@pytest.mark.parametrize("language", NO_COMPETENCY)
def test_it_names_a_competency_that_does_not_exist_as_a_person_would(api, manager, language):
    agent = development_factories.agent()
    body = {"title": "Jonglering", "kind": "course", "competency": "juggling"}
    with pending_translations("h-apiwords"):
        response = api.as_user(manager).post(
            f"/api/agents/{agent.id}/trainings/", body, format="json", HTTP_ACCEPT_LANGUAGE=language
        )
    assert refused(response, "competency") == NO_COMPETENCY[language]


@pytest.mark.parametrize("language", NO_ROLE_PROFILE)
def test_it_answers_a_role_profile_given_by_its_name_as_one_that_does_not_exist(api, recruiter, language):
    body = {"text": DA_AD, "role_profile": "Advisor Controller"}
    with pending_translations("h-apiwords"):
        response = api.as_user(recruiter).post(
            "/api/job-ads/analyze/", body, format="json", HTTP_ACCEPT_LANGUAGE=language
        )
    assert refused(response, "role_profile") == NO_ROLE_PROFILE[language]  # not "Enter a valid slug …"
