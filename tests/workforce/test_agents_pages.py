import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from servicefit.core.models import AccessLog
from servicefit.core.teams import team_default
from tests.conftest import make_user
from workforce import agents as services
from workforce.models import Agent, AttritionModel, CoachingSession, PlanGoal, Training

from .agent_factories import agent_make, plan_make, risk_make, snapshot_make


@pytest.fixture
def two_teams(hr_user, other_team):
    """Two agents in the default team (the manager fixture's), one in another team."""
    mine = agent_make(hr_user, 1, name="Sofie Holm", hire_date=date(2023, 1, 15))
    mine_too = agent_make(hr_user, 2, name="Mads Berg", hire_date=date(2025, 6, 1))
    theirs = agent_make(hr_user, 3, name="Kari Nordmann", team=other_team, hire_date=date(2024, 2, 1))
    return mine, mine_too, theirs


def test_the_list_refuses_recruiters_and_sends_the_anonymous_to_log_in(client, recruiter):
    response = client.get("/workforce/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    client.force_login(recruiter)
    assert client.get("/workforce/").status_code == 403
    assert client.get("/workforce/team/").status_code == 403


def test_a_manager_sees_their_own_team_and_hr_sees_all(client, manager, hr_user, two_teams):
    client.force_login(manager)
    page = client.get("/workforce/").content.decode()
    assert "Sofie Holm" in page and "Mads Berg" in page and "Kari Nordmann" not in page
    client.force_login(hr_user)
    page = client.get("/workforce/").content.decode()
    assert "Kari Nordmann" in page


def test_the_list_logs_the_rows_it_shows(client, manager, two_teams):
    client.force_login(manager)
    client.get("/workforce/?q=sofie")
    logged = set(AccessLog.objects.filter(user=manager, action="view").values_list("target_id", flat=True))
    assert logged == {str(two_teams[0].id)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=holm", {"Sofie Holm"}),
        ("q=E0002", {"Mads Berg"}),
        ("hired_from=2024-01-01", {"Mads Berg", "Kari Nordmann"}),
        ("hired_to=2024-12-31", {"Sofie Holm", "Kari Nordmann"}),
        ("status=exited", {"Sofie Holm"}),
        ("status=active", {"Mads Berg", "Kari Nordmann"}),
    ],
)
def test_the_list_filters(client, hr_user, two_teams, query, expected):
    services.agent_exit(agent=two_teams[0], user=hr_user, exit_date=date(2024, 1, 31), exit_type="voluntary")
    client.force_login(hr_user)
    rows = client.get(f"/workforce/?{query}").context["page"].object_list
    assert {agent.name for agent in rows} == expected


def test_the_list_filters_by_team_and_manager(client, hr_user, manager, two_teams, other_team):
    services.agent_update(agent=two_teams[1], user=hr_user, manager=manager)
    client.force_login(hr_user)
    assert [a.name for a in client.get(f"/workforce/?team={other_team.id}").context["page"].object_list] == [
        "Kari Nordmann"
    ]
    assert [a.name for a in client.get(f"/workforce/?manager={manager.id}").context["page"].object_list] == [
        "Mads Berg"
    ]


def test_the_list_shows_tenure_status_and_the_risk_band(client, hr_user, two_teams):
    risk_make(two_teams[1], 0.34)
    risk_make(two_teams[2], 0.05)
    client.force_login(hr_user)
    page = client.get("/workforce/").content.decode()
    assert "high" in page and "34 %" in page and "low" in page and "not scored" in page


def test_the_list_has_an_empty_state_and_says_when_filters_match_nothing(client, hr_user, two_teams):
    client.force_login(hr_user)
    assert "No agents match these filters." in client.get("/workforce/?q=nobody").content.decode()
    Agent.objects.all().delete()
    assert "No agents yet." in client.get("/workforce/").content.decode()


def test_a_bad_filter_is_said_and_ignored(client, hr_user, two_teams):
    client.force_login(hr_user)
    response = client.get("/workforce/?hired_from=yesterday&hired_to=2020-01-01")
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_the_csv_download_is_filtered_formula_safe_and_logged(client, hr_user, manager, two_teams):
    services.agent_update(agent=two_teams[0], user=hr_user, name="=HYPERLINK(1)", source="@job fair")
    risk_make(two_teams[0], 0.2)
    client.force_login(manager)
    response = client.get("/workforce/agents.csv?q=hyperlink")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert len(rows) == 1
    assert (rows[0]["name"], rows[0]["source"], rows[0]["risk_band"], rows[0]["hire_date"]) == (
        "'=HYPERLINK(1)",
        "'@job fair",
        "medium",
        "2023-01-15",
    )
    assert AccessLog.objects.filter(user=manager, action="export", target_id=str(two_teams[0].id)).exists()
    assert "Kari" not in client.get("/workforce/agents.csv").content.decode()


def test_the_agent_page_is_404_for_another_teams_agent(client, manager, two_teams):
    client.force_login(manager)
    assert client.get(f"/workforce/agents/{two_teams[0].id}/").status_code == 200
    assert client.get(f"/workforce/agents/{two_teams[2].id}/").status_code == 404
    assert AccessLog.objects.filter(user=manager, target_id=str(two_teams[0].id)).count() == 1


def test_the_agent_page_shows_the_hiring_profile_in_words(client, hr_user, two_teams):
    Agent.objects.filter(id=two_teams[0].id).update(
        hiring_profile={
            "type_scores": {"controller": 4.5, "empathizer": 2.0},
            "type_percentiles": {"controller": 93.3},
        },
        hiring_fit=81.2,
        hiring_fit_label="strong",
        hiring_dominant_type="controller",
    )
    client.force_login(hr_user)
    page = client.get(f"/workforce/agents/{two_teams[0].id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Controller" in page and "Empathizer" in page and "93.3" in page
    assert "81 / 100 · strong" in page


def test_only_writers_see_the_edit_links_and_the_forms_refuse_managers(client, manager, hr_user, two_teams):
    client.force_login(manager)
    page = client.get(f"/workforce/agents/{two_teams[0].id}/").content.decode()
    assert f"/workforce/agents/{two_teams[0].id}/edit/" not in page
    assert client.get(f"/workforce/agents/{two_teams[0].id}/edit/").status_code == 403
    assert client.post("/workforce/agents/new/").status_code == 403
    client.force_login(hr_user)
    assert (
        f"/workforce/agents/{two_teams[0].id}/edit/"
        in client.get(f"/workforce/agents/{two_teams[0].id}/").content.decode()
    )


def test_hr_creates_an_agent_with_the_form(client, hr_user, manager):
    client.force_login(hr_user)
    response = client.post(
        "/workforce/agents/new/",
        {
            "employee_number": "E77",
            "name": "Ida Lund",
            "email": "ida@example.dk",
            "team": team_default().id,
            "manager": manager.id,
            "channels": ["phone", "email"],
            "hire_date": "2025-02-03",
            "employment_status": "active",
        },
    )
    agent = Agent.objects.get(employee_number="E77")
    assert response.status_code == 302 and response.url == f"/workforce/agents/{agent.id}/"
    assert (agent.manager, agent.channels, agent.hire_date) == (manager, ["phone", "email"], date(2025, 2, 3))


def test_the_exit_form_shows_the_problem_and_writes_nothing(client, hr_user, two_teams):
    client.force_login(hr_user)
    url = f"/workforce/agents/{two_teams[0].id}/exit/"
    response = client.post(url, {"exit_date": "2020-01-01", "exit_type": "voluntary", "exit_reason": "pay"})
    assert response.status_code == 400
    assert "The exit date cannot be before the hire date." in response.content.decode()
    two_teams[0].refresh_from_db()
    assert two_teams[0].exit_date is None
    response = client.post(url, {"exit_date": "2024-05-31", "exit_type": "voluntary", "exit_reason": "pay"})
    assert response.status_code == 302
    two_teams[0].refresh_from_db()
    assert (two_teams[0].exit_date, two_teams[0].exit_reason) == (date(2024, 5, 31), "pay")


def test_the_rehire_form_makes_a_new_period(client, hr_user, two_teams):
    services.agent_exit(agent=two_teams[0], user=hr_user, exit_date=date(2024, 1, 31), exit_type="voluntary")
    client.force_login(hr_user)
    response = client.post(
        f"/workforce/agents/{two_teams[0].id}/rehire/", {"hire_date": "2025-03-01", "team": team_default().id}
    )
    rehired = Agent.objects.get(employee_number=two_teams[0].employee_number, hire_date=date(2025, 3, 1))
    assert response.url == f"/workforce/agents/{rehired.id}/"
    page = client.get(response.url).content.decode()
    assert "Other employment periods" in page


def test_the_team_page_shows_each_agents_development_at_a_glance(client, manager, hr_user, two_teams):
    sofie, mads, kari = two_teams
    snapshot_make(sofie, [2, 3], date(2024, 1, 10))
    snapshot_make(sofie, [3, 4, 4], date(2024, 9, 1))  # the latest: mean 11/3
    plan_make(sofie, ["achieved", "achieved", "in_progress", "dropped"])
    plan_make(sofie, ["open", "open"], plan_status="completed")
    Training.objects.create(agent=sofie, kind="course", title="Sales", completed_on=date(2024, 11, 5))
    CoachingSession.objects.create(agent=sofie, held_on=date(2024, 10, 1), topic="sales")
    risk_make(sofie, 0.5)
    client.force_login(manager)
    response = client.get("/workforce/team/")
    rows = {row.name: row for row in response.context["rows"]}
    assert set(rows) == {"Sofie Holm", "Mads Berg"}
    sofie_row = rows["Sofie Holm"]
    goal_day = PlanGoal.objects.latest("updated_at").updated_at.date()
    assert sofie_row.last_activity == max(date(2024, 11, 5), goal_day)
    assert (sofie_row.goals_achieved, sofie_row.goals_total) == (2, 3)
    assert sofie_row.competency_mean == pytest.approx(11 / 3)
    assert sofie_row.risk_band == "high"
    mads_row = rows["Mads Berg"]
    assert (mads_row.last_activity, mads_row.goals_total, mads_row.competency_mean) == (None, 0, None)
    assert "2 of 3" in response.content.decode()


def test_the_team_page_takes_the_same_number_of_queries_for_more_agents(client, hr_user, manager):
    def queries() -> int:
        client.force_login(manager)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/workforce/team/").status_code == 200
        return len(captured)

    def agents_with_records(start: int, count: int) -> None:
        for number in range(start, start + count):
            agent = agent_make(hr_user, number)
            snapshot_make(agent, [3, 4], date(2024, 5, 1))
            plan_make(agent, ["achieved", "open"])
            CoachingSession.objects.create(agent=agent, held_on=date(2024, 6, 1), topic="product")
            risk_make(agent, 0.1)

    agents_with_records(1, 2)
    few = queries()
    agents_with_records(10, 8)
    assert queries() == few


def test_the_team_page_chooses_among_the_managers_teams(client, hr_user, other_team):
    lead = make_user("lene", "manager", teams=[team_default(), other_team])
    agent_make(hr_user, 1, name="Sofie Holm")
    agent_make(hr_user, 2, name="Kari Nordmann", team=other_team)
    client.force_login(lead)
    assert {r.name for r in client.get("/workforce/team/").context["rows"]} == {"Sofie Holm", "Kari Nordmann"}
    rows = client.get(f"/workforce/team/?team={other_team.id}").context["rows"]
    assert [r.name for r in rows] == ["Kari Nordmann"]


def test_the_agent_page_renders_the_registered_panels_in_order_with_their_context(client, manager, two_teams):
    from workforce import panels

    calls = []

    def hidden(agent, user):
        calls.append((agent.id, user.id))
        return None

    panels.agent_panel_register(name="test-hidden", template="missing.html", context=hidden, order=1)
    panels.agent_panel_register(
        name="test-shown",
        template="workforce/_risk.html",
        context=lambda agent, user: {"agent": {"risk_band": "high", "risk_percent": 77}},
        order=2,
    )
    try:
        client.force_login(manager)
        response = client.get(f"/workforce/agents/{two_teams[0].id}/")
    finally:
        panels._panels.pop("test-hidden")
        panels._panels.pop("test-shown")
    assert response.status_code == 200
    assert calls == [(two_teams[0].id, manager.id)]
    shown = [p for p in response.context["panels"] if p["name"].startswith("test-")]
    assert [(p["name"], p["template"]) for p in shown] == [("test-shown", "workforce/_risk.html")]
    # The template reads the panel's own context.
    assert "77 %" in shown[0]["html"] and "77 %" in response.content.decode()


def test_the_agent_page_shows_the_agents_development_and_risk(client, manager, two_teams):
    sofie = two_teams[0]
    CoachingSession.objects.create(agent=sofie, held_on=date(2024, 10, 1), topic="sales", notes="Rollespil om mersalg")
    score = risk_make(sofie, 0.42)
    AttritionModel.objects.update(horizon_months=6)
    score.drivers = [{"feature": "plan", "value": {"none": True}, "contribution": 0.4}]
    score.save()
    client.force_login(manager)
    page = client.get(f"/workforce/agents/{sofie.id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Both panels read their own context (they said "No coaching sessions recorded." and "Not scored yet").
    assert "Rollespil om mersalg" in page and "No coaching sessions recorded." not in page
    assert "42 % probability of leaving voluntarily" in page and "No development plan with goals" in page
    assert "Not scored yet" not in page


def test_the_list_takes_the_same_number_of_queries_for_more_agents(client, hr_user, manager):
    def queries() -> int:
        client.force_login(manager)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/workforce/").status_code == 200
        return len(captured)

    for number in range(1, 3):
        risk_make(agent_make(hr_user, number, manager=manager), 0.2)
    few = queries()
    for number in range(10, 20):
        risk_make(agent_make(hr_user, number, manager=manager), 0.2)
    assert queries() == few


def test_it_writes_the_csv_in_the_readers_language_not_in_codes(client, hr_user, two_teams):
    sofie, mads, _kari = two_teams
    services.agent_update(agent=sofie, user=hr_user, channels=["phone", "back_office"])
    risk_make(sofie, 0.4)
    services.agent_exit(
        agent=mads, user=hr_user, exit_date=date(2025, 9, 30), exit_type="voluntary", exit_reason="manager"
    )
    client.force_login(hr_user)
    response = client.get("/workforce/agents.csv", HTTP_ACCEPT_LANGUAGE="da")
    text = response.content.decode().lstrip("\ufeff")
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert (rows["Sofie Holm"]["channels"], rows["Sofie Holm"]["risk_band"]) == ("Telefon, Backoffice", "høj")
    assert rows["Sofie Holm"]["employment_status"] == "Aktiv"
    assert rows["Sofie Holm"]["role_profile"] == sofie.role_profile.name
    left = rows["Mads Berg"]
    assert (left["employment_status"], left["exit_type"], left["exit_reason"]) == (
        "Fratrådt",
        "Frivillig",
        "Leder eller team",
    )


def test_it_says_today_and_yesterday_rather_than_zero_or_one_days_ago(client, manager, two_teams):
    sofie, mads, _kari = two_teams
    today = timezone.localdate()
    Training.objects.create(agent=sofie, kind="course", title="Sales", completed_on=today)
    CoachingSession.objects.create(agent=mads, held_on=today - timedelta(days=1), topic="sales")
    client.force_login(manager)
    page = client.get("/workforce/team/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "(today)" in page and "(yesterday)" in page
    assert "0 days ago" not in page and "1 day ago" not in page
    panel = client.get(f"/workforce/agents/{sofie.id}/development/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Last development activity: today (" in panel and "0 days ago" not in panel
