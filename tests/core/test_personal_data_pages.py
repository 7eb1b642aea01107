"""Data-subject requests in the browser: find, export, and erase after a confirmation that lists
exactly what will go; for HR and admins only, every step access-logged as in the API."""

import json
import re
from datetime import date

import pytest

from assessments import services as assessment_services
from assessments.models import Answer, Attempt, AttemptResult, Invitation
from hiring import pipeline
from hiring.models import Application, ApplicationMove, Candidate
from hiring.ranking import application_invite
from servicefit.core.models import AccessLog
from servicefit.core.teams import team_default
from tests.assessments.factories import answer_all, items_of
from workforce.agents import agent_create
from workforce.models import Agent

from . import home_data

EMAIL = "sofie.jensen@example.dk"


@pytest.fixture
def sofie(recruiter, hr_user, django_capture_on_commit_callbacks):
    """Sofie applied (one application, one stage move), took the assessment, and was hired as an agent."""
    candidate = pipeline.candidate_create(user=recruiter, name="Sofie Jensen", email=EMAIL, language="da").candidate
    pipeline.application_create(user=recruiter, candidate=candidate, requisition=home_data.requisition(recruiter))
    with django_capture_on_commit_callbacks(execute=True):
        invitation = assessment_services.invitation_create(
            assessment=home_data.battery(), email=EMAIL, name="Sofie Jensen", language="da", user=recruiter
        )
    assessment_services.attempt_start(invitation=invitation, consent=True)
    answer_all(invitation, items_of(invitation.assessment))
    assessment_services.attempt_submit(invitation=invitation)
    agent_create(
        user=hr_user,
        employee_number="E0042",
        name="Sofie Jensen",
        email=EMAIL.upper(),
        team=team_default(),
        hire_date=date(2025, 2, 1),
    )
    return candidate


def tables(content: str) -> dict[str, dict[str, int]]:
    """{category heading: {table: records}} as the page lists them."""
    found = {}
    for section in re.findall(r'<section class="card".*?</section>', content, re.S):
        heading = re.search(r"<h2[^>]*>([^<]+)</h2>", section).group(1)
        found[heading] = {
            name: int(count) for name, count in re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td></tr>", section)
        }
    return found


def test_it_finds_what_is_held_about_a_person_and_logs_the_look(client, hr_user, sofie):
    client.force_login(hr_user)
    assert client.get("/personal-data/").status_code == 200
    response = client.post("/personal-data/found/", {"email": "Sofie.Jensen@Example.dk", "reference": ""})
    found = tables(response.content.decode())
    assert found["Applications and the hiring pipeline"] == {"Application moves": 1, "Applications": 1, "Candidates": 1}
    assert found["Employee records"] == {"Agents": 1}
    assessment = found["Assessment invitations and answers"]
    assert assessment["Invitations"] == assessment["Attempts"] == assessment["Attempt results"] == 1
    assert assessment["Answers"] == Answer.objects.filter(attempt__invitation__email=EMAIL).count() > 40
    viewed = AccessLog.objects.filter(user=hr_user, action=AccessLog.Action.VIEW)
    assert set(viewed.values_list("category", flat=True)) == {"applicant", "candidate", "employee"}


def test_it_downloads_the_export_as_json_and_logs_it(client, admin_user, sofie):
    client.force_login(admin_user)
    response = client.post("/personal-data/export/", {"email": EMAIL})
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="servicefit-personal-data-')
    document = json.loads(response.content)
    assert document["subject"] == {"email": EMAIL, "reference": None}
    assert document["data"]["applicant"]["candidates"][0]["name"] == "Sofie Jensen"
    assert document["data"]["candidate"]["invitations"][0]["status"] == Invitation.Status.SUBMITTED
    assert document["data"]["employee"]["agents"][0]["employee_number"] == "E0042"
    exported = AccessLog.objects.filter(user=admin_user, action=AccessLog.Action.EXPORT)
    assert exported.filter(category="employee", target_id=str(Agent.objects.get().id)).exists()


def test_the_confirmation_lists_every_table_and_what_stays_and_erases_nothing(client, hr_user, sofie):
    client.force_login(hr_user)
    response = client.post("/personal-data/erase/", {"email": EMAIL})
    content = response.content.decode()
    found = tables(content)
    total = sum(sum(t.values()) for t in found.values())
    assert set(found) == {
        "Applications and the hiring pipeline",
        "Assessment invitations and answers",
        "Employee records",
    }
    assert f"Erase {total} records" in content
    assert "A submitted assessment stays as an anonymous record" in content
    assert "The agent stays as an anonymous record" in content
    assert Candidate.objects.filter(email=EMAIL).exists() and Invitation.objects.filter(email=EMAIL).exists()
    assert not AccessLog.objects.filter(action=AccessLog.Action.ERASE).exists()


def test_confirming_erases_exactly_what_the_confirmation_listed(client, hr_user, sofie):
    client.force_login(hr_user)
    listed = tables(client.post("/personal-data/erase/", {"email": EMAIL}).content.decode())
    written = Answer.objects.filter(attempt__invitation__email=EMAIL, item__kind="text").count()
    before = {
        model: model.objects.count()
        for model in (Candidate, Application, ApplicationMove, Answer, Attempt, AttemptResult)
    }

    response = client.post("/personal-data/erase/", {"email": EMAIL, "confirm": "yes"})
    assert response.status_code == 200
    assert tables(response.content.decode()) == listed
    pipeline_rows = listed["Applications and the hiring pipeline"]
    assert before[Candidate] - Candidate.objects.count() == pipeline_rows["Candidates"]
    assert before[Application] - Application.objects.count() == pipeline_rows["Applications"]
    assert before[ApplicationMove] - ApplicationMove.objects.count() == pipeline_rows["Application moves"]
    # The submitted assessment stays, anonymous, with its closed answers: the written ones went.
    assert before[Answer] - Answer.objects.count() == written
    assert Attempt.objects.count() == before[Attempt] and AttemptResult.objects.count() == before[AttemptResult]
    assert not Invitation.objects.filter(email=EMAIL).exists()
    assert Agent.objects.get().name == "—"
    erased = AccessLog.objects.filter(user=hr_user, action=AccessLog.Action.ERASE)
    assert sorted(erased.values_list("target_type", flat=True)) == [
        "assessments.invitation",
        "hiring.candidate",
        "workforce.agent",
    ]


def test_by_candidate_number_it_counts_the_invitations_sent_for_the_applications(client, hr_user, recruiter):
    candidate = pipeline.candidate_create(
        user=recruiter, name="Jonas", email="jonas@example.dk", language="da"
    ).candidate
    application = pipeline.application_create(
        user=recruiter, candidate=candidate, requisition=home_data.requisition(recruiter)
    )
    application_invite(application=application, assessment=home_data.battery(), user=recruiter, send=False)
    client.force_login(hr_user)
    found = tables(client.post("/personal-data/erase/", {"reference": candidate.id}).content.decode())
    # Erasing the applicant erases the invitation sent for the application too (through assessments).
    assert found == {
        "Applications and the hiring pipeline": {
            "Application invitations": 1,
            "Application moves": 1,
            "Applications": 1,
            "Candidates": 1,
            "Invitations": 1,
        }
    }
    client.post("/personal-data/erase/", {"reference": candidate.id, "confirm": "yes"})
    assert not Invitation.objects.filter(email="jonas@example.dk").exists()


def test_it_says_when_nothing_is_held(client, hr_user):
    client.force_login(hr_user)
    assert (
        "No personal data is held for this person."
        in client.post("/personal-data/found/", {"email": "nobody@example.dk"}).content.decode()
    )
    response = client.post("/personal-data/export/", {"email": "nobody@example.dk"}, follow=True)
    assert "No personal data is held for this person." in response.content.decode()


def test_it_asks_for_an_address_or_a_number(client, hr_user):
    client.force_login(hr_user)
    content = client.post("/personal-data/found/", {"email": "", "reference": ""}).content.decode()
    assert "Give the person&#x27;s e-mail address, candidate number or employee number." in content
    content = client.post("/personal-data/found/", {"email": "not an address", "reference": "0"}).content.decode()
    assert content.count('<ul class="errors">') == 2


@pytest.mark.parametrize("url", ["/personal-data/export/", "/personal-data/erase/", "/personal-data/found/"])
def test_every_step_after_the_search_is_a_post(client, hr_user, url):
    client.force_login(hr_user)
    assert client.get(url, {"email": EMAIL}).status_code == 405


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/personal-data/", None),
        ("/personal-data/found/", {"email": EMAIL}),
        ("/personal-data/export/", {"email": EMAIL}),
        ("/personal-data/erase/", {"email": EMAIL, "confirm": "yes"}),
    ],
)
def test_it_refuses_recruiters_managers_and_anonymous_visitors(client, recruiter, manager, sofie, url, data):
    request = (lambda: client.get(url)) if data is None else (lambda: client.post(url, data))
    response = request()
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    for user in (recruiter, manager):
        client.force_login(user)
        assert request().status_code == 403
    assert Candidate.objects.filter(email=EMAIL).exists()
    assert not AccessLog.objects.filter(action__in=[AccessLog.Action.EXPORT, AccessLog.Action.ERASE]).exists()


def test_the_home_page_leads_hr_to_the_requests_and_not_recruiters(client, hr_user, recruiter):
    client.force_login(hr_user)
    assert 'href="/personal-data/"' in client.get("/").content.decode()
    client.force_login(recruiter)
    assert 'href="/personal-data/"' not in client.get("/").content.decode()
