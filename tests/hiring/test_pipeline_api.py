import pytest

from hiring.models import ApplicationMove, Candidate
from servicefit.core.models import AccessLog

BODY = {"name": "Mette Hansen", "email": "mette@example.dk", "phone": "20 12 34 56", "language": "da"}


@pytest.fixture
def as_recruiter(api, recruiter):
    return api.as_user(recruiter)


def make_application(client):
    requisition = client.post(
        "/api/requisitions/", {"title": "Kundeservice", "role_profile": "advisor-controller-led"}, format="json"
    ).json()
    candidate = client.post("/api/candidates/", BODY, format="json").json()
    response = client.post(
        "/api/applications/", {"candidate": candidate["id"], "requisition": requisition["id"]}, format="json"
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_it_creates_a_candidate_and_flags_a_duplicate(as_recruiter):
    first = as_recruiter.post("/api/candidates/", BODY, format="json")
    assert first.status_code == 201 and first.json()["possible_duplicates"] == []
    second = as_recruiter.post("/api/candidates/", {**BODY, "name": "Hansen, Mette"}, format="json").json()
    assert second["possible_duplicates"] == [
        {"id": first.json()["id"], "name": "Mette Hansen", "reasons": ["email", "phone", "name"]}
    ]
    assert Candidate.objects.count() == 2


def test_it_answers_bad_input_with_every_field(as_recruiter):
    response = as_recruiter.post("/api/candidates/", {**BODY, "email": "nope", "phone": "x"}, format="json")
    assert response.status_code == 400
    assert set(response.json()["extra"]["fields"]) == {"email", "phone"}


def test_it_moves_and_undoes_through_the_api_with_who_and_when(as_recruiter, recruiter):
    application = make_application(as_recruiter)
    url = f"/api/applications/{application['id']}"
    assert as_recruiter.post(f"{url}/move/", {"stage": "rejected"}, format="json").status_code == 400
    moved = as_recruiter.post(f"{url}/move/", {"stage": "rejected", "reason": "Ingen dansk"}, format="json").json()
    assert (moved["stage"], moved["reason"]) == ("rejected", "Ingen dansk")
    assert as_recruiter.post(f"{url}/move/", {"stage": "offer"}, format="json").status_code == 409
    undone = as_recruiter.post(f"{url}/undo/", {}, format="json").json()
    assert undone["stage"] == "applied"
    assert [(m["from_stage"], m["to_stage"], m["by"]) for m in undone["moves"]] == [
        ("", "applied", recruiter.username),
        ("applied", "rejected", recruiter.username),
        ("rejected", "applied", recruiter.username),
    ]
    assert undone["moves"][1]["undone_at"] is not None
    assert as_recruiter.post(f"{url}/undo/", {}, format="json").status_code == 409
    assert ApplicationMove.objects.count() == 3


def test_another_teams_records_are_404_and_their_lists_empty(api, as_recruiter, other_team_users):
    application = make_application(as_recruiter)
    other = api.as_user(other_team_users["recruiter"])
    for url in (
        f"/api/applications/{application['id']}/",
        f"/api/candidates/{application['candidate']}/",
        f"/api/requisitions/{application['requisition']}/",
    ):
        assert other.get(url).status_code == 404, url
    assert other.post(f"/api/applications/{application['id']}/move/", {"stage": "screened"}).status_code == 404
    for url in ("/api/applications/", "/api/candidates/", "/api/requisitions/"):
        assert other.get(url).json()["count"] == 0


def test_wrong_role_and_anonymous_are_refused(api, manager):
    assert api.get("/api/candidates/").status_code == 401
    managers = api.as_user(manager)
    assert managers.get("/api/candidates/").status_code == 403
    assert managers.get("/api/requisitions/").status_code == 200  # managers read requisitions
    assert managers.post("/api/requisitions/", {}, format="json").status_code == 403


def test_lists_are_paginated_and_the_people_shown_are_logged(as_recruiter, recruiter):
    for n in range(3):
        as_recruiter.post(
            "/api/candidates/", {**BODY, "email": f"p{n}@example.dk", "name": f"Person {n}x"}, format="json"
        )
    page = as_recruiter.get("/api/candidates/", {"limit": 2}).json()
    assert (page["count"], len(page["results"]), page["next"] is not None) == (3, 2, True)
    logged = AccessLog.objects.filter(action="view", category="applicant", user=recruiter)
    assert sorted(logged.values_list("target_id", flat=True)) == sorted(str(c["id"]) for c in page["results"])
    as_recruiter.get(f"/api/candidates/{page['results'][0]['id']}/")
    assert logged.count() == 3


def test_deleting_a_candidate_erases_them_and_a_requisition_with_applications_stays(as_recruiter):
    application = make_application(as_recruiter)
    assert as_recruiter.delete(f"/api/requisitions/{application['requisition']}/").status_code == 409
    assert as_recruiter.delete(f"/api/candidates/{application['candidate']}/").status_code == 204
    assert not Candidate.objects.exists()
    assert AccessLog.objects.filter(action="erase", category="applicant").count() == 1
    assert as_recruiter.delete(f"/api/requisitions/{application['requisition']}/").status_code == 204
