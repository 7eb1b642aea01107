"""The development API: an integration records and reads an agent's development."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from servicefit.core.models import AccessLog
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.i18n.pending import pending_translations
from tests.workforce import development_factories as factories
from workforce.models import GoalStatus


@pytest.fixture
def agent(db):
    return factories.agent()


def test_it_records_and_lists_snapshots(api, agent, manager):
    client = api.as_user(manager)
    response = client.post(
        f"/api/agents/{agent.id}/snapshots/",
        {"taken_on": "2025-03-01", "levels": {"de_escalation": 3, "resilience": 4}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert {row["competency"]: row["level"] for row in response.json()["levels"]} == {
        "de_escalation": 3.0,
        "resilience": 4.0,
    }
    listed = client.get(f"/api/agents/{agent.id}/snapshots/").json()
    assert listed["count"] == 1 and listed["results"][0]["source"] == "manager_rating"
    assert AccessLog.objects.filter(user=manager, target_type="workforce.agent", target_id=str(agent.id)).exists()


@pytest.mark.parametrize(
    "body",
    [
        {"levels": {"de_escalation": 7}},
        {"levels": {}},
        {"levels": {"no_such_competency": 3}},
        {"levels": {"de_escalation": 3}, "source": "assessment"},
        {"levels": {"de_escalation": 3}, "taken_on": "2999-01-01"},
        {"levels": {"de_escalation": 3}, "taken_on": "not a date"},
        {"levels": ["de_escalation"]},
    ],
)
def test_it_answers_bad_snapshots_with_a_clear_400(api, agent, manager, body):
    response = api.as_user(manager).post(f"/api/agents/{agent.id}/snapshots/", body, format="json")
    assert response.status_code == 400
    assert response.json()["message"]


def test_it_creates_a_plan_with_goals_and_a_goal_is_achieved_by_patch(api, agent, manager):
    client = api.as_user(manager)
    due = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        f"/api/agents/{agent.id}/plans/",
        {
            "title": "Towards second line",
            "goals": [
                {"description": "Lead complex calls", "competency": "dialogue_leadership", "target_level": 4},
                {"description": "Product course", "due_on": due},
                {"description": "Old idea", "status": "dropped"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    plan = response.json()
    assert plan["progress"] == {"achieved": 0, "counted": 2, "overdue": 1, "share": 0.0}
    goal_id = next(g["id"] for g in plan["goals"] if g["description"] == "Lead complex calls")

    response = client.patch(f"/api/goals/{goal_id}/", {"status": GoalStatus.ACHIEVED}, format="json")
    assert response.status_code == 200
    assert response.json()["completed_on"] == timezone.localdate().isoformat()
    assert response.json()["competency"] == "dialogue_leadership"  # untouched by the patch
    listed = client.get(f"/api/agents/{agent.id}/plans/").json()["results"][0]
    assert listed["progress"]["achieved"] == 1 and listed["progress"]["share"] == 0.5


def test_training_coaching_and_moves_are_recorded(api, agent, hr_user):
    client = api.as_user(hr_user)
    oslo = team_create(name="Oslo")
    training = client.post(
        f"/api/agents/{agent.id}/trainings/",
        {"kind": "certification", "title": "COPC CX", "completed_on": "2025-02-01", "expires_on": "2027-02-01"},
        format="json",
    )
    assert training.status_code == 201, training.json()
    coaching = client.post(
        f"/api/agents/{agent.id}/coaching/",
        {"held_on": timezone.localdate().isoformat(), "topic": "difficult_customers", "notes": "Two calls."},
        format="json",
    )
    assert coaching.status_code == 201 and coaching.json()["coach"] == hr_user.username
    move = client.post(
        f"/api/agents/{agent.id}/moves/",
        {"kind": "internal", "moved_on": timezone.localdate().isoformat(), "to_team": oslo.id},
        format="json",
    )
    assert move.status_code == 201, move.json()
    agent.refresh_from_db()
    assert agent.team == oslo
    assert client.get(f"/api/agents/{agent.id}/moves/").json()["results"][0]["to_team"] == oslo.id


def test_it_sends_a_re_assessment(api, agent, manager):
    response = api.as_user(manager).post(
        f"/api/agents/{agent.id}/reassess/", {"assessment": "service-profile-standard"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["email"] == agent.email


def test_another_teams_manager_gets_404_and_a_recruiter_403(api, agent, other_team_users, recruiter):
    client = api.as_user(other_team_users["manager"])
    assert client.get(f"/api/agents/{agent.id}/snapshots/").status_code == 404
    assert (
        client.post(f"/api/agents/{agent.id}/coaching/", {"held_on": "2025-01-02", "topic": "sales"}).status_code == 404
    )
    assert api.as_user(recruiter).get(f"/api/agents/{agent.id}/plans/").status_code == 403


def test_a_manager_cannot_patch_another_teams_goal(api, other_team_users, hr_user):
    bergen = team_create(name="Bergen")
    agent = factories.agent(number=2, team=bergen, hire_date=date(2024, 5, 1))
    client = api.as_user(hr_user)
    plan = client.post(f"/api/agents/{agent.id}/plans/", {"title": "P", "goals": [{"description": "G"}]}, format="json")
    goal_id = plan.json()["goals"][0]["id"]
    lead = make_user("lead-elsewhere", "manager", teams=[team_create(name="Tromsø")])
    assert api.as_user(lead).patch(f"/api/goals/{goal_id}/", {"status": "achieved"}, format="json").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"held_on": "2025-01-02", "topic": "sales", "notes": "a\u0000b"},
        {"held_on": "2025-01-02", "topic": "sales", "notes": "x" * 5001},
        {"held_on": "2025-01-02", "topic": "not-a-topic"},
    ],
)
def test_hostile_coaching_input_is_a_400_not_a_500(api, agent, manager, body):
    response = api.as_user(manager).post(f"/api/agents/{agent.id}/coaching/", body, format="json")
    assert response.status_code == 400
    assert not agent.coaching_sessions.exists()


@pytest.mark.parametrize(
    ("body", "field", "danish"),
    [
        ({"source": "assessment"}, "source", "En ny tests måling kommer fra den scorede besvarelse."),
        ({"levels": {f"c{n}": 3 for n in range(51)}}, "levels", "Angiv højst 50 kompetencer."),
    ],
)
def test_it_refuses_a_snapshot_in_the_callers_language(api, agent, manager, body, field, danish):
    # Were English in a Danish reply.
    client = api.as_user(manager)
    with pending_translations("h-errors"):
        response = client.post(
            f"/api/agents/{agent.id}/snapshots/",
            {"levels": {"de_escalation": 3}, **body},
            format="json",
            HTTP_ACCEPT_LANGUAGE="da",
        )
    assert response.status_code == 400
    assert response.json()["extra"]["fields"][field] == [danish]
