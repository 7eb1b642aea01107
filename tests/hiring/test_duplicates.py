"""Possible duplicates: flagged on create and import, decided by a person (link, dismiss, merge),
audited, and part of the applicant's personal data."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assessments.models import AttemptResult, Invitation
from hiring import duplicates, pipeline, pipeline_import
from hiring.models import Application, ApplicationMove, Candidate, CandidateMergeAudit, DuplicateFlag, Stage
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import Subject
from servicefit.core.roles import Role
from servicefit.core.services import personal_data_erase, personal_data_export
from tests.conftest import make_user
from tests.hiring.privacy_factories import assessed


def person(user, **fields):
    values = {"name": "Mette Hansen", "email": "mette@example.dk", "phone": "20 12 34 56", "language": "da"}
    return pipeline.candidate_create(user=user, **(values | fields))


def requisition(user, title="Kundeservice"):
    return pipeline.requisition_create(
        user=user, title=title, role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )


@pytest.fixture
def pair(recruiter):
    """The existing Mette, and a new record of her (other e-mail, same phone, name reversed)."""
    first = person(recruiter)
    second = person(recruiter, name="Hansen, Mette", email="mette.h@example.dk", experience="4 år hos Telia")
    flag = second.candidate.duplicate_flags.get()
    return first.candidate, second.candidate, flag


def test_it_flags_a_new_candidate_with_the_reasons_and_never_merges(pair):
    first, second, flag = pair
    assert (flag.candidate, flag.other, flag.status) == (second, first, DuplicateFlag.Status.OPEN)
    assert flag.reasons == ["phone", "name"]
    assert Candidate.objects.count() == 2


def test_it_does_not_flag_different_people(recruiter):
    person(recruiter)
    other = person(recruiter, name="Ole Nordmann", email="ole@example.no", phone="")
    assert not DuplicateFlag.objects.filter(candidate=other.candidate).exists()


def test_it_flags_imported_candidates_in_one_go(recruiter):
    existing = person(recruiter).candidate
    result = pipeline_import.candidates_import(
        text="name,email,language\nMette Hansen,m.hansen@example.dk,da\nOle Nordmann,ole@example.no,nb\n",
        team=None,
        user=recruiter,
    )
    assert result.flagged == 1
    flag = DuplicateFlag.objects.get()
    assert (flag.candidate.name, flag.other, flag.reasons) == ("Mette Hansen", existing, ["name"])


def test_it_links_and_dismisses_once_with_who_and_when(pair, recruiter):
    _first, _second, flag = pair
    linked = duplicates.duplicate_flag_decide(flag=flag, status=DuplicateFlag.Status.LINKED, user=recruiter)
    assert (linked.status, linked.decided_by) == (DuplicateFlag.Status.LINKED, recruiter)
    assert linked.decided_at <= timezone.now()
    with pytest.raises(ApplicationError) as caught:
        duplicates.duplicate_flag_decide(flag=flag, status=DuplicateFlag.Status.DISMISSED, user=recruiter)
    assert caught.value.status == 409
    assert Candidate.objects.count() == 2


def test_it_merges_field_by_field_moves_applications_and_erases_the_other(pair, recruiter):
    first, second, flag = pair
    kundeservice, salg = requisition(recruiter), requisition(recruiter, "Salg")
    kept_app = pipeline.application_create(user=recruiter, candidate=first, requisition=kundeservice)
    moved_app = pipeline.application_create(user=recruiter, candidate=second, requisition=salg)
    pipeline.candidate_document_save(candidate=second, kind="cover_letter", text="Kære Rikke")
    second.consent_at, second.consent_text_version = timezone.now(), "2026-03"
    second.save()

    audit = duplicates.candidates_merge(
        flag=flag,
        survivor=first,
        choices={"email": "other", "experience": "other", "cover_letter": "other", "consent": "other"},
        user=recruiter,
    )

    first.refresh_from_db()
    assert (first.name, first.email, first.experience) == ("Mette Hansen", "mette.h@example.dk", "4 år hos Telia")
    assert (first.cover_letter_text, first.consent_text_version) == ("Kære Rikke", "2026-03")
    assert set(first.applications.values_list("id", flat=True)) == {kept_app.id, moved_app.id}
    assert not Candidate.objects.filter(id=second.id).exists()
    assert not DuplicateFlag.objects.exists()  # the decided flag went with the erased record
    assert (audit.survivor, audit.merged_away_id, audit.flag_id) == (first, second.id, flag.id)
    assert audit.fields_taken == ["email", "consent", "experience", "cover_letter"]
    assert audit.applications_moved == [moved_app.id]
    assert AccessLog.objects.filter(action="erase", target_id=str(second.id)).exists()


def test_it_keeps_the_more_advanced_application_when_both_applied_to_the_same_requisition(pair, recruiter):
    first, second, flag = pair
    job = requisition(recruiter)
    behind = pipeline.application_create(user=recruiter, candidate=first, requisition=job)
    ahead = pipeline.application_create(user=recruiter, candidate=second, requisition=job)
    pipeline.application_move(application=ahead, stage=Stage.SCREENED, user=recruiter)
    pipeline.application_move(application=ahead, stage=Stage.INTERVIEW, user=recruiter)

    audit = duplicates.candidates_merge(flag=flag, survivor=first, choices={}, user=recruiter)

    assert list(Application.objects.values_list("id", "candidate_id", "stage")) == [
        (ahead.id, first.id, Stage.INTERVIEW)
    ]
    assert ApplicationMove.objects.filter(application_id=behind.id).count() == 0
    assert audit.applications_dropped == [
        {"requisition": job.id, "kept": ahead.id, "dropped": behind.id, "dropped_stage": "applied"}
    ]


def test_it_erases_the_assessment_sent_for_a_dropped_application(pair, recruiter, hr_user, admin_user):
    first, second, flag = pair
    job = requisition(recruiter)
    behind = pipeline.application_create(user=recruiter, candidate=first, requisition=job)
    invitation = assessed(behind, recruiter)
    LogEntry.objects.create(
        user_id=admin_user.id,
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(behind.id),
        object_repr="Mette Hansen",
        action_flag=CHANGE,
        change_message="Changed Mette Hansen",
    )
    ahead = pipeline.application_create(user=recruiter, candidate=second, requisition=job)
    pipeline.application_move(application=ahead, stage=Stage.SCREENED, user=recruiter)

    duplicates.candidates_merge(flag=flag, survivor=second, choices={}, user=recruiter)

    # The merged-away record and its dropped application are erased: nothing of them stays behind
    # for a later request (by the survivor's address or id) to miss.
    erased = Invitation.objects.get(id=invitation.id)
    assert (erased.name, erased.email) == ("—", "")
    assert AttemptResult.objects.get(attempt__invitation=invitation).text_analysis == {}
    assert not LogEntry.objects.filter(object_repr__icontains="Mette").exists()
    assert ("candidate", str(invitation.id)) in set(
        AccessLog.objects.filter(action="erase").values_list("category", "target_id")
    )


def test_it_refuses_a_merge_into_a_third_record_or_with_unknown_fields_and_writes_nothing(pair, recruiter):
    first, second, flag = pair
    stranger = person(recruiter, name="Ole Nordmann", email="ole@example.no", phone="").candidate
    with pytest.raises(ApplicationError):
        duplicates.candidates_merge(flag=flag, survivor=stranger, choices={}, user=recruiter)
    with pytest.raises(ApplicationError) as caught:
        duplicates.candidates_merge(flag=flag, survivor=first, choices={"team": "other", "name": "x"}, user=recruiter)
    assert set(caught.value.extra["fields"]) == {"team", "name"}
    assert Candidate.objects.count() == 3 and not CandidateMergeAudit.objects.exists()


def test_it_refuses_to_merge_a_dismissed_pair(pair, recruiter):
    first, _second, flag = pair
    duplicates.duplicate_flag_decide(flag=flag, status=DuplicateFlag.Status.DISMISSED, user=recruiter)
    with pytest.raises(ApplicationError) as caught:
        duplicates.candidates_merge(flag=flag, survivor=first, choices={}, user=recruiter)
    assert caught.value.status == 409 and Candidate.objects.count() == 2


def test_it_carries_on_a_merge_the_other_records_flags_with_third_people_to_the_survivor(pair, recruiter):
    first, second, flag = pair
    third = person(recruiter, name="Mette Hansen", email="mh@example.se", phone="").candidate
    assert DuplicateFlag.objects.filter(candidate=third).count() == 2  # with first and with second
    duplicates.candidates_merge(flag=flag, survivor=second, choices={}, user=recruiter)
    assert list(DuplicateFlag.objects.values_list("candidate_id", "other_id")) == [(third.id, second.id)]


def test_it_exports_and_erases_with_the_person_flags_and_merges_and_erasure_removes_them(pair, recruiter, hr_user):
    first, second, flag = pair
    duplicates.candidates_merge(flag=flag, survivor=first, choices={}, user=recruiter)
    third = person(recruiter, name="Mette Hansen", email="third@example.dk", phone="").candidate
    document = personal_data_export(subject=Subject(email="mette@example.dk"), user=hr_user)
    exported = document["data"]["applicant"]["candidates"][0]
    assert exported["merges"][0]["merged_away_candidate"] == second.id
    assert exported["possible_duplicates"][0]["other_candidate"] == third.id
    assert "name" not in exported["merges"][0] and "email" not in exported["merges"][0]

    personal_data_erase(subject=Subject(email="mette@example.dk"), user=hr_user)
    assert not CandidateMergeAudit.objects.exists()
    assert not DuplicateFlag.objects.exists()
    assert list(Candidate.objects.all()) == [third]


# API -----------------------------------------------------------------------------------------------


@pytest.fixture
def as_recruiter(api, recruiter):
    return api.as_user(recruiter)


def test_it_api_lists_a_candidates_duplicates_either_way_round_and_logs_them(pair, as_recruiter, recruiter):
    first, second, flag = pair
    for own, counterpart in ((first, second), (second, first)):
        body = as_recruiter.get(f"/api/candidates/{own.id}/duplicates/").json()
        assert body["count"] == 1
        row = body["results"][0]
        assert (row["id"], row["counterpart"]["id"], row["status"]) == (flag.id, counterpart.id, "open")
    logged = AccessLog.objects.filter(user=recruiter, action="view").values_list("target_id", flat=True)
    assert {str(first.id), str(second.id)} <= set(logged)


def test_it_api_links_dismisses_and_merges(pair, as_recruiter, recruiter):
    first, second, flag = pair
    linked = as_recruiter.post(f"/api/duplicate-flags/{flag.id}/link/")
    assert linked.status_code == 200 and linked.json()["status"] == "linked"
    assert as_recruiter.post(f"/api/duplicate-flags/{flag.id}/dismiss/").status_code == 409
    bad = as_recruiter.post(
        f"/api/duplicate-flags/{flag.id}/merge/", {"survivor": first.id, "fields": {"email": "both"}}, format="json"
    )
    assert bad.status_code == 400 and Candidate.objects.count() == 2
    merged = as_recruiter.post(
        f"/api/duplicate-flags/{flag.id}/merge/", {"survivor": second.id, "fields": {"name": "other"}}, format="json"
    )
    assert merged.status_code == 200, merged.json()
    assert merged.json()["survivor"]["name"] == "Mette Hansen"
    assert merged.json()["merged_away_id"] == first.id
    assert list(Candidate.objects.values_list("id", flat=True)) == [second.id]
    assert as_recruiter.get(f"/api/candidates/{first.id}/").status_code == 404


def test_it_api_refuses_a_survivor_outside_the_pair(pair, as_recruiter, recruiter):
    _first, _second, flag = pair
    stranger = person(recruiter, name="Ole Nordmann", email="ole@example.no", phone="").candidate
    response = as_recruiter.post(f"/api/duplicate-flags/{flag.id}/merge/", {"survivor": stranger.id}, format="json")
    assert response.status_code == 400 and response.json()["message"]
    assert Candidate.objects.count() == 3


def test_it_api_duplicates_are_kept_from_other_teams_managers_and_the_anonymous(pair, api, other_team_users, manager):
    first, _second, flag = pair
    for user in (other_team_users[Role.RECRUITER], manager):
        client = api.as_user(user)
        assert client.get(f"/api/candidates/{first.id}/duplicates/").status_code in (403, 404)
        assert client.post(f"/api/duplicate-flags/{flag.id}/link/").status_code in (403, 404)
        assert client.post(f"/api/duplicate-flags/{flag.id}/merge/", {"survivor": first.id}).status_code in (403, 404)
    api.credentials()
    assert api.post(f"/api/duplicate-flags/{flag.id}/link/").status_code == 401
    flag.refresh_from_db()
    assert flag.status == DuplicateFlag.Status.OPEN and Candidate.objects.count() == 2


def test_it_lets_hr_of_another_team_decide(pair, api, other_team_users):
    _first, _second, flag = pair
    response = api.as_user(other_team_users[Role.HR]).post(f"/api/duplicate-flags/{flag.id}/dismiss/")
    assert response.status_code == 200


def test_it_never_flags_people_of_different_teams(recruiter, other_team):
    bergen = make_user("birgit", Role.RECRUITER, teams=[other_team])
    person(recruiter)
    twin = person(bergen, team=other_team)
    assert twin.possible_duplicates == [] and not DuplicateFlag.objects.exists()
