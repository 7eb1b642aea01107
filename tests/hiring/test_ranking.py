from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from scipy.stats import norm

from assessments.models import Assessment, Attempt, AttemptResult, Invitation, NormTable
from hiring import fit_records, pipeline, ranking
from hiring.fit import fit_score
from hiring.models import ApplicationInvitation, Requisition
from profiles.models import RoleProfile
from servicefit.core.models import AccessLog

TYPES = ["accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock"]
# advisor-controller-led asks for these levels; a score in the middle of a level's band counts fully.
REQUIRED = {
    "complex_problem_solving": 4,
    "dialogue_leadership": 5,
    "product_technical_insight": 4,
    "commercial_sense": 4,
    "de_escalation": 3,
    "learning_agility": 3,
    "customer_insight": 4,
}
IN_BAND = {code: 20.0 * (level - 1) + 10 for code, level in REQUIRED.items()}
ONE_LEVEL_SHORT = {code: 20.0 * (level - 2) for code, level in REQUIRED.items()}


@pytest.fixture
def battery(db):
    battery = Assessment.objects.get(slug="service-profile-standard")
    for scale in TYPES:  # an imported normal norm: mean 3, SD 1, so a percentile is Φ(score − 3)
        NormTable.objects.update_or_create(assessment=battery, scale=scale, defaults={"mean": 3.0, "sd": 1.0, "n": 500})
    return battery


@pytest.fixture
def requisition(recruiter):
    return pipeline.requisition_create(
        user=recruiter,
        title="Kundeservice",
        role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
        status=Requisition.Status.OPEN,
    )


def apply(requisition, user, number: int):
    candidate = pipeline.candidate_create(
        user=user, name=f"Kandidat {number}", email=f"kandidat{number}@example.dk", language="da"
    ).candidate
    return pipeline.application_create(user=user, candidate=candidate, requisition=requisition)


def submit(application, battery, user, *, types: dict, competencies: dict, days_ago: int = 1):
    invitation = ranking.application_invite(application=application, assessment=battery, user=user)
    at = timezone.now() - timedelta(days=days_ago)
    attempt = Attempt.objects.create(invitation=invitation, started_at=at, submitted_at=at, consent_at=at, layout={})
    type_scores = dict.fromkeys(TYPES, 3.0) | types
    AttemptResult.objects.create(
        attempt=attempt,
        type_scores=type_scores,
        top_type=max(type_scores, key=type_scores.get),
        competency_scores=competencies,
    )
    Invitation.objects.filter(id=invitation.id).update(status=Invitation.Status.SUBMITTED)
    fit_records.application_fit_refresh(application=application)  # what the task does on a real submit
    return attempt


@pytest.fixture
def as_recruiter(api, recruiter):
    return api.as_user(recruiter)


def test_it_ranks_two_hand_checked_candidates_and_the_unscorable_last(requisition, battery, recruiter):
    unassessed = apply(requisition, recruiter, 1)
    ranking.application_invite(application=unassessed, assessment=battery, user=recruiter)  # invited, not taken
    second = apply(requisition, recruiter, 2)
    first = apply(requisition, recruiter, 3)
    # First: every type at the norm's mean (50th percentile) → S = 50; every competency inside its
    # band → C = 100; fit = (50 + 100) / 2 = 75.0, "good".
    submit(first, battery, recruiter, types={}, competencies=IN_BAND)
    # Second: controller one SD above (84.1st percentile, weight 0.4), the rest at 50 → S = 0.4 · 84.1
    # + 0.6 · 50 = 63.64; every competency one level short → 75 each → C = 75; fit = 69.32 → 69.3.
    submit(second, battery, recruiter, types={"controller": 4.0}, competencies=ONE_LEVEL_SHORT)

    rows = ranking.requisition_ranking(requisition=requisition)

    assert [row.application.id for row in rows] == [first.id, second.id, unassessed.id]
    assert [(row.fit["status"], row.fit["fit"], row.fit["label"]) for row in rows] == [
        ("scored", 75.0, "good"),
        ("scored", 69.3, "good"),
        ("not_scorable", None, None),
    ]
    assert round(100 * norm.cdf(4.0, loc=3.0, scale=1.0), 1) == 84.1
    assert rows[1].fit["components"]["service_types"]["score"] == pytest.approx(63.6)
    assert rows[1].fit["components"]["competencies"]["score"] == 75.0
    assert rows[2].fit["missing"][0] == "assessment"
    assert {row.fit["fit_version"] for row in rows} == {"fit-v1"}
    expected = fit_score(
        percentiles={t: 84.1 if t == "controller" else 50.0 for t in TYPES},
        type_mix={"controller": 0.4, "empathizer": 0.15, "rock": 0.1, "hard_worker": 0.05}
        | {"innovator": 0.1, "competitor": 0.15, "accommodator": 0.05},
        competency_scores=ONE_LEVEL_SHORT,
        required_levels=REQUIRED,
        assessed_on=timezone.localdate() - timedelta(days=1),
        today=timezone.localdate(),
        config=fit_records.fit_config_of(None),
    )
    assert rows[1].fit == expected.to_dict()


def test_it_uses_the_newest_submitted_attempt_and_marks_an_old_one_stale(requisition, battery, recruiter):
    application = apply(requisition, recruiter, 1)
    submit(application, battery, recruiter, types={}, competencies=IN_BAND, days_ago=400)
    rows = ranking.requisition_ranking(requisition=requisition)
    assert (rows[0].fit["status"], rows[0].fit["fit"]) == ("stale", 75.0)

    submit(application, battery, recruiter, types={"controller": 4.0}, competencies=ONE_LEVEL_SHORT, days_ago=2)
    rows = ranking.requisition_ranking(requisition=requisition)
    assert (rows[0].fit["status"], rows[0].fit["fit"]) == ("scored", 69.3)


def test_it_orders_the_scored_by_fit(requisition, battery, recruiter):
    applications = [apply(requisition, recruiter, n) for n in range(3)]
    submit(applications[0], battery, recruiter, types={"controller": 5.0}, competencies=ONE_LEVEL_SHORT)
    submit(applications[1], battery, recruiter, types={}, competencies=IN_BAND)
    submit(applications[2], battery, recruiter, types={"controller": 1.0}, competencies=ONE_LEVEL_SHORT)
    rows = ranking.requisition_ranking(requisition=requisition)
    fits = [row.fit["fit"] for row in rows]
    assert [row.application.id for row in rows] == [applications[n].id for n in (1, 0, 2)]
    assert fits == sorted(fits, reverse=True)  # the role sets no hurdle, so label order is fit order


def test_it_keeps_the_query_count_flat_as_applications_grow(requisition, battery, recruiter):
    def queries_for(count: int) -> int:
        start = requisition.applications.count()
        for n in range(start, start + count):
            application = apply(requisition, recruiter, n)
            if n % 3:
                submit(application, battery, recruiter, types={"controller": 2.0 + n % 3}, competencies=IN_BAND)
        fresh = Requisition.objects.get(id=requisition.id)
        with CaptureQueriesContext(connection) as captured:
            list(ranking.requisition_ranking(requisition=fresh))
        return len(captured)

    few = queries_for(5)
    many = queries_for(25)  # 30 in all
    print(f"ranking queries: 5 applications {few}, 30 applications {many}")
    assert few == many


def test_the_invite_endpoint_creates_and_links_an_invitation(as_recruiter, requisition, battery, recruiter):
    application = apply(requisition, recruiter, 1)
    response = as_recruiter.post(
        f"/api/applications/{application.id}/invitations/", {"assessment": battery.slug}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == {"id", "token", "url", "expires_at"}
    assert body["token"] in body["url"]
    invitation = Invitation.objects.get(id=body["id"])
    assert (invitation.name, invitation.email, invitation.language, invitation.team_id) == (
        "Kandidat 1",
        "kandidat1@example.dk",
        "da",
        requisition.team_id,
    )
    assert ApplicationInvitation.objects.get(invitation=invitation).application == application

    unknown = as_recruiter.post(f"/api/applications/{application.id}/invitations/", {"assessment": "nope"})
    assert unknown.status_code == 400
    assert ApplicationInvitation.objects.count() == 1


def test_the_ranking_endpoint_lists_paginated_items_and_logs_the_applications_shown(
    as_recruiter, requisition, battery, recruiter
):
    applications = [apply(requisition, recruiter, n) for n in range(3)]
    submit(applications[2], battery, recruiter, types={}, competencies=IN_BAND)
    before = AccessLog.objects.count()

    response = as_recruiter.get(f"/api/requisitions/{requisition.id}/ranking/?limit=2")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["count"], len(body["results"])) == (3, 2)
    top = body["results"][0]
    assert {"application", "candidate", "status", "fit", "label", "components", "hurdles", "strengths", "gaps"} <= set(
        top
    )
    assert (top["application"], top["candidate"], top["status"], top["fit"], top["fit_version"]) == (
        applications[2].id,
        {"id": applications[2].candidate_id, "name": "Kandidat 2"},
        "scored",
        75.0,
        "fit-v1",
    )
    assert set(top["components"]) == {"service_types", "competencies", "cover_letter"}
    assert body["results"][1]["status"] == "not_scorable" and body["results"][1]["fit"] is None
    logged = AccessLog.objects.order_by("id")[before:]
    assert {(row.target_type, row.action, row.user_id) for row in logged} == {
        ("hiring.application", AccessLog.Action.VIEW, recruiter.id)
    }
    assert sorted(int(row.target_id) for row in logged) == sorted(r["application"] for r in body["results"])


def test_another_team_gets_404(api, as_recruiter, requisition, battery, recruiter, other_team_users):
    application = apply(requisition, recruiter, 1)
    other = api.as_user(other_team_users["recruiter"])
    assert other.get(f"/api/requisitions/{requisition.id}/ranking/").status_code == 404
    invite = other.post(f"/api/applications/{application.id}/invitations/", {"assessment": battery.slug})
    assert invite.status_code == 404
    assert not ApplicationInvitation.objects.exists()


def test_wrong_role_and_anonymous_are_refused(api, requisition, battery, recruiter, manager, outsider):
    application = apply(requisition, recruiter, 1)
    ranking_url = f"/api/requisitions/{requisition.id}/ranking/"
    invite_url = f"/api/applications/{application.id}/invitations/"
    assert api.get(ranking_url).status_code == 401
    assert api.post(invite_url, {"assessment": battery.slug}).status_code == 401
    assert api.as_user(outsider).get(ranking_url).status_code == 403
    managers = api.as_user(manager)
    assert managers.get(ranking_url).status_code == 200  # the hiring manager reads the ranking (RANKING_READ)
    assert managers.post(invite_url, {"assessment": battery.slug}).status_code == 403
    assert not ApplicationInvitation.objects.exists()
