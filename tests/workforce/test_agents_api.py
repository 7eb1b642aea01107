from datetime import date

import pytest

from servicefit.core.models import AccessLog
from servicefit.core.teams import team_default
from workforce.models import Agent

from .agent_factories import agent_make, risk_make


@pytest.fixture
def agents(hr_user, other_team):
    mine = agent_make(hr_user, 1, name="Sofie Holm", hire_date=date(2023, 1, 15))
    theirs = agent_make(hr_user, 2, name="Kari Nordmann", team=other_team, hire_date=date(2024, 2, 1))
    return mine, theirs


def test_the_api_refuses_the_anonymous_recruiters_and_managers_writing(api, recruiter, manager, agents):
    assert api.get("/api/agents/").status_code == 401
    assert api.as_user(recruiter).get("/api/agents/").status_code == 403
    client = api.as_user(manager)
    assert client.post("/api/agents/", {}, format="json").status_code == 403
    assert client.patch(f"/api/agents/{agents[0].id}/", {"name": "X"}, format="json").status_code == 403
    assert client.post(f"/api/agents/{agents[0].id}/exit/", {}, format="json").status_code == 403


def test_a_manager_lists_and_reads_only_their_teams_agents(api, manager, agents):
    risk_make(agents[0], 0.31)
    client = api.as_user(manager)
    body = client.get("/api/agents/").json()
    assert body["count"] == 1
    [row] = body["results"]
    assert (row["name"], row["employee_number"], row["hire_date"], row["employment_status"]) == (
        "Sofie Holm",
        "E0001",
        "2023-01-15",
        "active",
    )
    assert (row["risk"]["probability"], row["risk"]["band"]) == (0.31, "high")
    assert row["role_profile"] == "advisor-controller-led"
    assert client.get(f"/api/agents/{agents[0].id}/").status_code == 200
    assert client.get(f"/api/agents/{agents[1].id}/").status_code == 404
    assert AccessLog.objects.filter(user=manager, target_id=str(agents[0].id)).count() == 2


def test_the_api_filters_as_the_page_and_refuses_bad_filters(api, hr_user, agents, other_team):
    client = api.as_user(hr_user)
    assert [r["name"] for r in client.get("/api/agents/?q=kari").json()["results"]] == ["Kari Nordmann"]
    assert [r["name"] for r in client.get(f"/api/agents/?team={other_team.id}").json()["results"]] == ["Kari Nordmann"]
    assert [r["name"] for r in client.get("/api/agents/?hired_to=2023-12-31").json()["results"]] == ["Sofie Holm"]
    assert client.get("/api/agents/?role_profile=nope").json()["count"] == 0
    assert client.get("/api/agents/?manager=nobody").json()["count"] == 0
    response = client.get("/api/agents/?hired_from=soon")
    assert response.status_code == 400
    assert client.get("/api/agents/?status=retired").status_code == 400


def test_hr_creates_edits_and_exits_an_agent(api, hr_user, manager):
    client = api.as_user(hr_user)
    response = client.post(
        "/api/agents/",
        {
            "employee_number": "E900",
            "name": "Ida Lund",
            "email": "ida@example.dk",
            "team": team_default().id,
            "manager": manager.username,
            "channels": ["chat"],
            "hire_date": "2025-01-06",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    agent_id = response.json()["id"]
    assert response.json()["manager"] == manager.username and response.json()["risk"] is None

    response = client.patch(f"/api/agents/{agent_id}/", {"employment_status": "on_leave"}, format="json")
    assert response.status_code == 200 and response.json()["employment_status"] == "on_leave"
    assert response.json()["channels"] == ["chat"]

    response = client.post(
        f"/api/agents/{agent_id}/exit/",
        {"exit_date": "2025-06-30", "exit_type": "voluntary", "exit_reason": "studies"},
        format="json",
    )
    assert response.status_code == 200
    assert (response.json()["employment_status"], response.json()["exit_reason"]) == ("exited", "studies")


def test_bad_input_is_a_400_with_the_fields_and_writes_nothing(api, hr_user, agents):
    client = api.as_user(hr_user)
    response = client.post(
        "/api/agents/",
        {"employee_number": "E1", "name": "", "team": team_default().id, "hire_date": "2025-01-06", "email": "x"},
        format="json",
    )
    assert response.status_code == 400
    response = client.post(
        "/api/agents/",
        {"employee_number": "E0001", "name": "Twin", "team": team_default().id, "hire_date": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "employee_number" in response.json()["extra"]["fields"]
    response = client.post(
        f"/api/agents/{agents[0].id}/exit/", {"exit_date": "2022-01-01", "exit_type": "voluntary"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "The exit date cannot be before the hire date."
    response = client.patch(f"/api/agents/{agents[0].id}/", {"employment_status": "exited"}, format="json")
    assert response.status_code == 400
    assert Agent.objects.count() == 2
    agents[0].refresh_from_db()
    assert (agents[0].exit_date, agents[0].employment_status) == (None, "active")
