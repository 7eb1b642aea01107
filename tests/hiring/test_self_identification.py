import pytest
from django.core.exceptions import ValidationError

from hiring import pipeline
from hiring.models import SelfIdAnswer, SelfIdQuestion
from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export
from servicefit.core.teams import team_default


@pytest.fixture
def question(db):
    return SelfIdQuestion.objects.create(
        team=team_default(), key="age_band", label="Hvor gammel er du?", options=["under 30", "30 eller derover"]
    )


@pytest.fixture
def candidate(recruiter):
    return pipeline.candidate_create(
        user=recruiter, name="Mette Hansen", email="mette@example.dk", language="da"
    ).candidate


def url(candidate):
    return f"/api/candidates/{candidate.id}/self-identification/"


def test_it_records_an_answer_from_the_ats_and_replaces_it(api, recruiter, question, candidate):
    client = api.as_user(recruiter)
    first = client.post(url(candidate), {"answers": {"age_band": "under 30"}}, format="json")
    assert first.status_code == 200
    assert [(a["question"], a["answer"]) for a in first.json()["answers"]] == [("age_band", "under 30")]

    again = client.post(url(candidate), {"answers": {"age_band": "prefer_not_to_say"}}, format="json")
    assert [(a["question"], a["answer"]) for a in again.json()["answers"]] == [("age_band", "prefer_not_to_say")]
    answer = SelfIdAnswer.objects.get()
    assert answer.recorded_by == recruiter


def test_it_removes_an_answer_given_as_null(api, recruiter, question, candidate):
    client = api.as_user(recruiter)
    client.post(url(candidate), {"answers": {"age_band": "under 30"}}, format="json")
    assert client.post(url(candidate), {"answers": {"age_band": None}}, format="json").json()["answers"] == []
    assert not SelfIdAnswer.objects.exists()


def test_it_refuses_an_unknown_option_or_question_and_writes_nothing(api, recruiter, question, candidate):
    SelfIdQuestion.objects.create(team=question.team, key="retired", label="Gammel", options=["a", "b"], active=False)
    response = api.as_user(recruiter).post(
        url(candidate),
        {"answers": {"age_band": "99", "retired": "a", "nope": "x"}},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["extra"]["fields"]) == {"age_band", "retired", "nope"}
    assert "under 30" in response.json()["extra"]["fields"]["age_band"][0]
    assert not SelfIdAnswer.objects.exists()


def test_it_refuses_an_empty_body(api, recruiter, question, candidate):
    assert api.as_user(recruiter).post(url(candidate), {}, format="json").status_code == 400


def test_another_team_a_wrong_role_and_the_anonymous_are_refused(api, manager, hr_user, other_team_users, candidate):
    body = {"answers": {"age_band": "under 30"}}
    assert api.post(url(candidate), body, format="json").status_code == 401
    assert api.as_user(manager).post(url(candidate), body, format="json").status_code == 403
    assert api.as_user(other_team_users["recruiter"]).post(url(candidate), body, format="json").status_code == 404
    # HR reaches every team; no GET exists, so no one reads answers beside a name.
    assert api.as_user(hr_user).get(url(candidate)).status_code == 405


def test_the_admin_refuses_a_question_with_too_few_or_repeated_options(question):
    for options in (["only one"], ["Ja", "ja "], ["a", "prefer_not_to_say"], "not a list"):
        question.options = options
        with pytest.raises(ValidationError):
            question.full_clean()


def test_the_answers_are_in_the_applicants_export_and_go_with_the_erasure(recruiter, hr_user, question, candidate):
    from hiring.self_identification import self_id_answers_record

    self_id_answers_record(candidate=candidate, answers={"age_band": "under 30"}, user=recruiter)

    exported = personal_data_export(subject=Subject(email="mette@example.dk"), user=hr_user)
    (person,) = exported["data"]["applicant"]["candidates"]
    assert [(a["question"], a["answer"]) for a in person["self_identification"]] == [("Hvor gammel er du?", "under 30")]

    personal_data_erase(subject=Subject(email="mette@example.dk"), user=hr_user)
    assert not SelfIdAnswer.objects.exists()
    assert SelfIdQuestion.objects.filter(pk=question.pk).exists()
