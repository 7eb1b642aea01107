from datetime import date

import pytest
from django.utils import timezone

from assessments.models import Assessment, NormTable
from hiring import hire_selectors, pipeline, ranking
from hiring.models import Hire, Requisition
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export
from tests.hiring.test_ranking import IN_BAND, ONE_LEVEL_SHORT, TYPES, apply, submit

TO_OFFER = ("screened", "interview", "offer")


@pytest.fixture
def battery(db):
    battery = Assessment.objects.get(slug="service-profile-standard")
    for scale in TYPES:  # mean 3, SD 1: a percentile is Φ(score − 3)
        NormTable.objects.update_or_create(assessment=battery, scale=scale, defaults={"mean": 3.0, "sd": 1.0, "n": 500})
    return battery


def requisition_make(user, openings=1, **kwargs):
    return pipeline.requisition_create(
        user=user,
        title="Kundeservice Aalborg",
        role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
        status=Requisition.Status.OPEN,
        openings=openings,
        **kwargs,
    )


def to_offer(application, user):
    for stage in TO_OFFER:
        pipeline.application_move(application=application, stage=stage, user=user)


def hire(application, user, **kwargs):
    to_offer(application, user)
    return pipeline.application_move(application=application, stage="hired", user=user, **kwargs)


def test_it_records_the_hire_with_the_profile_and_the_fit_of_the_ranking(recruiter, battery):
    requisition = requisition_make(recruiter, openings=2)
    application = apply(requisition, recruiter, 1)
    other = apply(requisition, recruiter, 2)
    attempt = submit(application, battery, recruiter, types={"controller": 4.0}, competencies=ONE_LEVEL_SHORT)
    submit(other, battery, recruiter, types={}, competencies=IN_BAND)
    row = next(r for r in ranking.requisition_ranking(requisition=requisition) if r.application.id == application.id)

    hire(application, recruiter)

    recorded = Hire.objects.get()
    assert (recorded.application, recorded.candidate, recorded.requisition) == (
        application,
        application.candidate,
        requisition,
    )
    assert (recorded.team_id, recorded.role_profile_id) == (requisition.team_id, requisition.role_profile_id)
    assert recorded.hired_on == timezone.localdate()
    assert recorded.recorded_by == recruiter
    # Controller one SD above the norm (84.1st percentile) at weight 0.4, the rest at 50: S = 63.64;
    # every competency one level short: C = 75; fit = 69.3, "good" (as in test_ranking, by hand).
    assert (recorded.fit_status, recorded.fit, recorded.fit_label, recorded.fit_version) == (
        "scored",
        69.3,
        "good",
        "fit-v1",
    )
    assert recorded.fit_explanation == row.fit
    assert recorded.fit_explanation["components"]["competencies"]["score"] == 75.0
    assert recorded.assessment_profile == {
        "assessment": "service-profile-standard",
        "submitted_on": timezone.localdate(attempt.submitted_at).isoformat(),
        "type_scores": dict.fromkeys(TYPES, 3.0) | {"controller": 4.0},
        "type_percentiles": {t: 84.1 if t == "controller" else 50.0 for t in TYPES},
        "competency_scores": ONE_LEVEL_SHORT,
    }


def test_it_records_a_hire_without_an_assessment_as_not_scorable(recruiter):
    application = apply(requisition_make(recruiter), recruiter, 1)
    hire(application, recruiter, hired_on=date(2026, 1, 15))
    recorded = Hire.objects.get()
    assert recorded.hired_on == date(2026, 1, 15)
    assert (recorded.fit_status, recorded.fit, recorded.fit_label) == ("not_scorable", None, "")
    assert recorded.assessment_profile == {}
    assert recorded.fit_explanation["missing"][0] == "assessment"


def test_it_fills_the_requisition_when_the_hires_reach_its_openings(recruiter):
    requisition = requisition_make(recruiter, openings=2)
    first, second, third = (apply(requisition, recruiter, n) for n in range(3))
    hire(first, recruiter)
    requisition.refresh_from_db()
    assert (requisition.status, requisition.closed_on) == ("open", None)
    hire(second, recruiter)
    requisition.refresh_from_db()
    assert (requisition.status, requisition.closed_on) == ("filled", timezone.localdate())
    to_offer(third, recruiter)
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.application_move(application=third, stage="hired", user=recruiter)
    assert excinfo.value.status == 409
    assert Hire.objects.count() == 2


def test_undoing_the_hire_cancels_it_and_reopens_the_filled_requisition(recruiter, hr_user):
    requisition = requisition_make(recruiter)
    application = apply(requisition, recruiter, 1)
    hire(application, recruiter)
    recorded = Hire.objects.get()

    undone = pipeline.application_move_undo(application=application, user=hr_user, reason="Sagde nej alligevel")

    assert undone.stage == "offer"
    recorded.refresh_from_db()
    assert recorded.cancelled_at is not None and recorded.cancelled_by == hr_user
    requisition.refresh_from_db()
    assert (requisition.status, requisition.closed_on) == ("open", None)
    assert list(hire_selectors.hire_list()) == []
    assert list(hire_selectors.hire_list(include_cancelled=True)) == [recorded]

    # Hired again: a new hire, and the cancelled one stays as it was.
    pipeline.application_move(application=application, stage="hired", user=recruiter)
    assert Hire.objects.filter(cancelled_at__isnull=True).count() == 1
    assert Hire.objects.count() == 2
    requisition.refresh_from_db()
    assert requisition.status == "filled"


def test_it_refuses_a_hiring_date_on_another_move_and_writes_nothing(recruiter):
    application = apply(requisition_make(recruiter), recruiter, 1)
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.application_move(application=application, stage="screened", user=recruiter, hired_on=date.today())
    assert excinfo.value.extra["fields"] == {"hired_on": ["not_hired"]}
    application.refresh_from_db()
    assert application.stage == "applied" and application.moves.count() == 1


def test_a_filled_draft_requisition_gets_its_dates(recruiter):
    requisition = pipeline.requisition_create(
        user=recruiter, title="Kladde", role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )
    hire(apply(requisition, recruiter, 1), recruiter)
    requisition.refresh_from_db()
    assert requisition.status == "filled"
    assert requisition.opened_on == requisition.closed_on == timezone.localdate()


def test_the_selector_filters_by_date_team_and_requisition(recruiter, other_team, other_team_users):
    first = requisition_make(recruiter)
    second = requisition_make(recruiter)
    hire(apply(first, recruiter, 1), recruiter, hired_on=date(2026, 3, 1))
    hire(apply(second, recruiter, 2), recruiter, hired_on=date(2026, 5, 1))
    assert [h.hired_on for h in hire_selectors.hire_list()] == [date(2026, 5, 1), date(2026, 3, 1)]
    assert [h.requisition for h in hire_selectors.hire_list(since=date(2026, 4, 1))] == [second]
    assert [h.requisition for h in hire_selectors.hire_list(requisition=first.id)] == [first]
    assert hire_selectors.hire_list(team=first.team).count() == 2
    assert hire_selectors.hire_list(team=other_team).count() == 0
    assert hire_selectors.hire_list(user=other_team_users["recruiter"]).count() == 0
    data = hire_selectors.hire_data(hire_selectors.hire_get(hire_selectors.hire_list().first().id))
    assert data["requisition"] == second.id and data["fit"]["status"] == "not_scorable"
    with pytest.raises(Hire.DoesNotExist):
        hire_selectors.hire_get(999999)


def test_the_hire_is_in_the_applicants_export_and_erasure_anonymises_it(recruiter, hr_user, battery):
    requisition = requisition_make(recruiter)
    application = apply(requisition, recruiter, 1)
    submit(application, battery, recruiter, types={}, competencies=IN_BAND)
    hire(application, recruiter)
    subject = Subject(email="kandidat1@example.dk")

    exported = personal_data_export(subject=subject, user=hr_user)
    text = str(exported)
    assert "service-profile-standard" in text and "75.0" in text

    personal_data_erase(subject=subject, user=hr_user)

    recorded = Hire.objects.get()
    assert (recorded.candidate, recorded.application) == (None, None)
    assert recorded.assessment_profile == {} and recorded.fit_explanation == {} and recorded.fit is None
    assert recorded.anonymised_at is not None
    # The opening stays filled: the anonymous hire still counts it.
    assert (recorded.requisition, recorded.hired_on) == (requisition, timezone.localdate())
    assert hire_selectors.hire_data(recorded)["candidate_name"] is None


# API ---------------------------------------------------------------------------------------------


@pytest.fixture
def as_recruiter(api, recruiter):
    return api.as_user(recruiter)


def test_the_api_lists_and_shows_hires_and_logs_the_access(as_recruiter, recruiter, battery):
    requisition = requisition_make(recruiter)
    application = apply(requisition, recruiter, 1)
    submit(application, battery, recruiter, types={}, competencies=IN_BAND)
    hire(application, recruiter)
    recorded = Hire.objects.get()

    listed = as_recruiter.get("/api/hires/")
    assert listed.status_code == 200
    [row] = listed.json()["results"]
    assert row["candidate_name"] == "Kandidat 1" and row["role_profile"] == "advisor-controller-led"
    assert (row["fit"]["value"], row["fit"]["label"], row["fit"]["version"]) == (75.0, "good", "fit-v1")
    assert row["fit"]["components"]["competencies"]["score"] == 100.0
    assert row["assessment_profile"]["assessment"] == "service-profile-standard"

    detail = as_recruiter.get(f"/api/hires/{recorded.id}/")
    assert detail.status_code == 200 and detail.json()["id"] == recorded.id
    logged = AccessLog.objects.filter(
        user=recruiter, action=AccessLog.Action.VIEW, target_type="hiring.hire", target_id=recorded.id
    )
    assert logged.count() == 2


def test_the_api_filters_hires_and_refuses_bad_filters(as_recruiter, recruiter):
    first, second = requisition_make(recruiter), requisition_make(recruiter)
    hire(apply(first, recruiter, 1), recruiter, hired_on=date(2026, 2, 1))
    application = apply(second, recruiter, 2)
    hire(application, recruiter, hired_on=date(2026, 6, 1))
    pipeline.application_move_undo(application=application, user=recruiter)

    def ids(query):
        return [row["requisition"] for row in as_recruiter.get(f"/api/hires/{query}").json()["results"]]

    assert ids("") == [first.id]
    assert ids("?include_cancelled=true") == [second.id, first.id]
    assert ids("?include_cancelled=true&since=2026-03-01") == [second.id]
    assert ids(f"?include_cancelled=1&requisition={first.id}") == [first.id]
    bad = as_recruiter.get("/api/hires/?since=1.3.2026")
    assert bad.status_code == 400 and "since" in bad.json()["extra"]["fields"]
    assert as_recruiter.get("/api/hires/?requisition=abc").status_code == 400
    # An id beyond any database id is refused, not compared (SQLite cannot hold it: it was a 500).
    assert as_recruiter.get("/api/hires/?requisition=222520197472271592138996518486016").status_code == 400


def test_the_hire_api_refuses_other_teams_wrong_roles_and_anonymous(api, recruiter, manager, other_team_users):
    hire(apply(requisition_make(recruiter), recruiter, 1), recruiter)
    url = f"/api/hires/{Hire.objects.get().id}/"
    assert api.get(url).status_code == 401
    assert api.get("/api/hires/").status_code == 401
    assert api.as_user(manager).get(url).status_code == 403
    assert api.as_user(manager).get("/api/hires/").status_code == 403
    stranger = api.as_user(other_team_users["recruiter"])
    assert stranger.get(url).status_code == 404
    assert stranger.get("/api/hires/").json()["results"] == []
    assert api.as_user(other_team_users["hr"]).get(url).status_code == 200
    assert api.as_user(recruiter).post("/api/hires/", {}, format="json").status_code == 405


def test_the_move_api_takes_a_hiring_date(as_recruiter, recruiter):
    application = apply(requisition_make(recruiter), recruiter, 1)
    to_offer(application, recruiter)
    response = as_recruiter.post(
        f"/api/applications/{application.id}/move/", {"stage": "hired", "hired_on": "2026-08-01"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert Hire.objects.get().hired_on == date(2026, 8, 1)
    assert Requisition.objects.get().status == "filled"
