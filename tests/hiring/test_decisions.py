import pytest

from hiring import decisions, pipeline
from hiring.models import ApplicationMove, RankingDecision, Stage
from servicefit.core.exceptions import ApplicationError
from servicefit.core.roles import Role
from tests.conftest import make_user
from tests.hiring.fitting import (
    IN_BAND,
    ONE_LEVEL_SHORT,
    apply,
    assessed_and_stored,
    battery_with_norms,
    requisition_make,
)


@pytest.fixture
def battery(db):
    return battery_with_norms()


@pytest.fixture
def requisition(recruiter, manager):
    return requisition_make(recruiter, hiring_manager=manager)


@pytest.fixture
def ranked(requisition, battery, recruiter):
    """Three applications: the first ranks second (69.3), the second first (75.0), the third unassessed."""
    applications = [apply(requisition, recruiter, n) for n in range(3)]
    assessed_and_stored(applications[0], battery, recruiter, types={"controller": 4.0}, competencies=ONE_LEVEL_SHORT)
    assessed_and_stored(applications[1], battery, recruiter, competencies=IN_BAND)
    return applications


def to_offer(application, user):
    for stage in (Stage.SCREENED, Stage.INTERVIEW, Stage.OFFER):
        pipeline.application_move(application=application, stage=stage, user=user)
    application.refresh_from_db()
    return application


def test_it_records_an_advance_with_what_the_ranking_showed_and_moves_to_the_next_stage(ranked, recruiter):
    decision = decisions.ranking_decide(
        application=ranked[0], decision="advance", reason="  Stærk i dialogen  ", user=recruiter
    )

    ranked[0].refresh_from_db()
    assert ranked[0].stage == Stage.SCREENED
    assert (decision.decision, decision.reason, decision.by, decision.from_stage, decision.to_stage) == (
        "advance",
        "Stærk i dialogen",
        recruiter,
        Stage.APPLIED,
        Stage.SCREENED,
    )
    assert (decision.fit, decision.label, decision.position, decision.fit_version, decision.status) == (
        69.3,
        "good",
        2,
        "fit-v1",
        "scored",
    )
    move = ApplicationMove.objects.filter(application=ranked[0]).latest("id")
    assert (move.to_stage, move.reason, move.by) == (Stage.SCREENED, "Stærk i dialogen", recruiter)


def test_it_advances_to_a_chosen_stage_and_refuses_one_that_is_not_next(ranked, recruiter):
    decisions.ranking_decide(
        application=ranked[1], decision="advance", reason="Klar", user=recruiter, to_stage="assessed"
    )
    ranked[1].refresh_from_db()
    assert ranked[1].stage == Stage.ASSESSED

    with pytest.raises(ApplicationError) as refused:
        decisions.ranking_decide(
            application=ranked[1], decision="advance", reason="Hop", user=recruiter, to_stage="offer"
        )
    assert "stage" in refused.value.extra["fields"]
    assert RankingDecision.objects.count() == 1


def test_an_unassessed_application_is_decided_on_as_not_scorable_and_placed_last(ranked, recruiter):
    decision = decisions.ranking_decide(application=ranked[2], decision="reject", reason="Trak sig", user=recruiter)
    ranked[2].refresh_from_db()
    assert (ranked[2].stage, ranked[2].reason) == (Stage.REJECTED, "Trak sig")
    assert (decision.status, decision.fit, decision.label, decision.position) == ("not_scorable", None, "", 3)


def test_it_hires_only_from_the_offer_stage(ranked, recruiter):
    with pytest.raises(ApplicationError) as refused:
        decisions.ranking_decide(application=ranked[1], decision="hire", reason="Bedst", user=recruiter)
    assert refused.value.status == 409
    assert not RankingDecision.objects.exists()

    application = to_offer(ranked[1], recruiter)
    decision = decisions.ranking_decide(application=application, decision="hire", reason="Bedst", user=recruiter)
    application.refresh_from_db()
    assert (application.stage, decision.to_stage, decision.from_stage) == (Stage.HIRED, Stage.HIRED, Stage.OFFER)


def test_a_failed_move_leaves_no_decision(requisition, ranked, recruiter):
    first, second = to_offer(ranked[0], recruiter), to_offer(ranked[1], recruiter)
    decisions.ranking_decide(application=first, decision="hire", reason="Den ene stilling", user=recruiter)
    with pytest.raises(ApplicationError, match="Every opening"):
        decisions.ranking_decide(application=second, decision="hire", reason="Også", user=recruiter)
    second.refresh_from_db()
    assert second.stage == Stage.OFFER
    assert RankingDecision.objects.count() == 1


@pytest.mark.parametrize(
    ("decision", "reason", "field"),
    [
        ("advance", "", "reason"),
        ("advance", "   ", "reason"),
        ("advance", "x" * 301, "reason"),
        ("promote", "Ok", "decision"),
    ],
)
def test_it_needs_a_known_decision_and_a_short_reason(ranked, recruiter, decision, reason, field):
    with pytest.raises(ApplicationError) as refused:
        decisions.ranking_decide(application=ranked[0], decision=decision, reason=reason, user=recruiter)
    assert field in refused.value.extra["fields"]
    ranked[0].refresh_from_db()
    assert ranked[0].stage == Stage.APPLIED and not RankingDecision.objects.exists()


def test_the_hiring_manager_decides_and_another_manager_of_the_team_does_not(ranked, manager):
    decisions.ranking_decide(application=ranked[1], decision="advance", reason="Godt match", user=manager)
    assert RankingDecision.objects.get().by == manager

    colleague = make_user("mikkel", Role.MANAGER)
    with pytest.raises(ApplicationError) as refused:
        decisions.ranking_decide(application=ranked[0], decision="advance", reason="Også", user=colleague)
    assert refused.value.status == 403
    assert RankingDecision.objects.count() == 1


# API ----------------------------------------------------------------------------------------------


def test_the_api_records_and_lists_decisions(api, ranked, recruiter, manager):
    url = f"/api/applications/{ranked[1].id}/decisions/"
    created = api.as_user(recruiter).post(
        url, {"decision": "advance", "reason": "Top", "stage": "assessed"}, format="json"
    )
    assert created.status_code == 201, created.json()
    assert {k: created.json()[k] for k in ("decision", "to_stage", "fit", "label", "position", "by")} == {
        "decision": "advance",
        "to_stage": "assessed",
        "fit": 75.0,
        "label": "good",
        "position": 1,
        "by": recruiter.username,
    }
    listed = api.as_user(manager).get(url).json()
    assert (listed["count"], listed["results"][0]["reason"]) == (1, "Top")


def test_the_api_answers_with_a_message_for_a_bad_decision(api, ranked, recruiter):
    url = f"/api/applications/{ranked[1].id}/decisions/"
    client = api.as_user(recruiter)
    assert client.post(url, {"decision": "advance"}, format="json").status_code == 400
    hire = client.post(url, {"decision": "hire", "reason": "For tidligt"}, format="json")
    assert hire.status_code == 409 and "offer" in hire.json()["message"]
    assert not RankingDecision.objects.exists()


def test_the_api_refuses_other_teams_other_managers_and_anonymous(api, ranked, outsider, other_team_users):
    url = f"/api/applications/{ranked[1].id}/decisions/"
    body = {"decision": "advance", "reason": "Nej"}
    assert api.get(url).status_code == 401
    assert api.post(url, body, format="json").status_code == 401
    assert api.as_user(outsider).post(url, body, format="json").status_code == 403
    for role in (Role.RECRUITER, Role.MANAGER):
        other = api.as_user(other_team_users[role])
        assert other.get(url).status_code == 404
        assert other.post(url, body, format="json").status_code == 404
    colleague = api.as_user(make_user("mikkel", Role.MANAGER))
    refused = colleague.post(url, body, format="json")
    assert refused.status_code == 403 and "hiring manager" in refused.json()["message"]
    assert not RankingDecision.objects.exists()


# Page (works without JavaScript: a form POST and a redirect back) --------------------------------


def test_the_page_form_records_a_decision_and_returns_to_the_ranking(client, requisition, ranked, recruiter):
    client.force_login(recruiter)
    response = client.post(
        f"/hiring/applications/{ranked[1].id}/decide/", {"decision": "reject", "reason": "Mangler erfaring", "page": 2}
    )
    assert response.status_code == 302
    assert response.url == f"/hiring/requisitions/{requisition.id}/ranking/?page=2"
    ranked[1].refresh_from_db()
    assert (ranked[1].stage, ranked[1].reason) == (Stage.REJECTED, "Mangler erfaring")
    page = client.get(response.url.split("?")[0], follow=True).content.decode()
    assert "the decision is recorded" in page


def test_the_page_form_says_what_is_wrong_and_changes_nothing(client, requisition, ranked, recruiter):
    client.force_login(recruiter)
    response = client.post(
        f"/hiring/applications/{ranked[1].id}/decide/", {"decision": "advance", "reason": ""}, follow=True
    )
    assert "give a short reason" in response.content.decode()
    colleague = make_user("mikkel", Role.MANAGER)
    client.force_login(colleague)
    response = client.post(
        f"/hiring/applications/{ranked[1].id}/decide/", {"decision": "advance", "reason": "Ja"}, follow=True
    )
    assert "hiring manager" in response.content.decode()
    ranked[1].refresh_from_db()
    assert ranked[1].stage == Stage.APPLIED and not RankingDecision.objects.exists()
