import pytest

from hiring import pipeline
from hiring.models import Stage
from profiles.models import RoleProfile
from servicefit.core.models import AccessLog
from tests.hiring.impact_factories import applicants


@pytest.fixture
def requisition(recruiter):
    return pipeline.requisition_create(
        user=recruiter, title="Kundeservice Vejle", role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )


@pytest.fixture
def reference_case(recruiter, requisition):
    applicants(user=recruiter, requisition=requisition, count=48, reach=Stage.SCREENED, source="job_board")
    applicants(user=recruiter, requisition=requisition, count=32, reach=Stage.APPLIED, source="job_board", reject=True)
    applicants(
        user=recruiter, requisition=requisition, count=21, reach=Stage.SCREENED, source="referral", language="sv"
    )
    applicants(user=recruiter, requisition=requisition, count=29, reach=Stage.APPLIED, source="referral", reject=True)
    applicants(user=recruiter, requisition=requisition, count=3, reach=Stage.SCREENED, source="internal_move")
    return requisition


def url(requisition, query=""):
    return f"/api/requisitions/{requisition.id}/adverse-impact/{query}"


def test_it_reports_the_reference_case_with_the_flag_and_fishers_p(api, recruiter, reference_case):
    response = api.as_user(recruiter).get(url(reference_case, "?stage=screened"))

    assert response.status_code == 200
    body = response.json()
    assert (body["requisition"], body["min_group_size"]) == (reference_case.id, 5)
    (stage,) = body["stages"]
    assert (stage["stage"], stage["previous_stage"], stage["applicants"], stage["selected"]) == (
        "screened",
        "applied",
        133,
        72,
    )
    source = next(g for g in stage["groupings"] if g["key"] == "source")
    groups = {g["group"]: g for g in source["groups"]}
    referral = groups["referral"]
    assert (referral["label"], referral["applicants"], referral["selected"]) == ("referral", 50, 21)
    assert referral["rate"] == pytest.approx(0.42)
    assert referral["impact_ratio"] == pytest.approx(0.70)
    assert referral["flagged"] is True and source["flagged"] is True
    assert 0 < referral["fisher_p"] < 0.1
    assert groups["job_board"]["is_reference"] and groups["job_board"]["fisher_p"] is None
    # Three internal moves: named, but no figure that would reveal their outcome.
    assert groups["internal_move"] == {
        "group": "internal_move",
        "label": "internal move",
        "suppressed": True,
        "applicants": None,
        "selected": None,
        "rate": None,
        "is_reference": False,
        "impact_ratio": None,
        "flagged": False,
        "fisher_p": None,
    }


def test_it_gives_every_stage_without_a_filter_and_names_no_one(api, recruiter, reference_case):
    response = api.as_user(recruiter).get(url(reference_case))

    assert [s["stage"] for s in response.json()["stages"]] == ["screened", "assessed", "interview", "offer", "hired"]
    assert "Ansøger" not in response.content.decode()


def test_it_logs_the_view_as_one_of_the_requisition_without_candidates(api, recruiter, reference_case):
    api.as_user(recruiter).get(url(reference_case))

    logged = list(AccessLog.objects.values_list("user_id", "action", "target_type", "target_id"))
    assert logged == [(recruiter.id, "view", "hiring.requisition", str(reference_case.id))]


def test_it_refuses_a_stage_it_does_not_measure_with_a_message(api, recruiter, requisition):
    response = api.as_user(recruiter).get(url(requisition, "?stage=rejected"))

    assert response.status_code == 400
    assert "stage" in str(response.json())
    assert not AccessLog.objects.exists()


def test_hr_of_another_team_reaches_it_and_a_recruiter_of_another_team_does_not(api, requisition, other_team_users):
    assert api.as_user(other_team_users["hr"]).get(url(requisition)).status_code == 200
    assert api.as_user(other_team_users["recruiter"]).get(url(requisition)).status_code == 404


def test_a_manager_and_the_anonymous_are_refused(api, manager, requisition):
    assert api.get(url(requisition)).status_code == 401
    assert api.as_user(manager).get(url(requisition)).status_code == 403


def test_a_requisition_that_does_not_exist_is_404(api, recruiter):
    assert api.as_user(recruiter).get("/api/requisitions/987654/adverse-impact/").status_code == 404
