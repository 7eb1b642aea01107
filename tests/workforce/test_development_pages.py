"""The development panel and the forms a team lead uses each week."""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from profiles.models import Competency, RoleProfileCompetency
from servicefit.core.models import AccessLog
from tests.workforce import development_factories as factories
from workforce import development, development_panel
from workforce.models import GoalStatus, PlanGoal
from workforce.panels import agent_panels


@pytest.fixture
def agent(db):
    return factories.agent(name="Sofie Holm")


@pytest.fixture
def rated(agent, manager):
    today = timezone.localdate()
    development.snapshot_record(
        agent=agent,
        levels={"dialogue_leadership": 2, "de_escalation": 3},
        taken_on=today - timedelta(days=90),
        user=manager,
    )
    development.snapshot_record(agent=agent, levels={"dialogue_leadership": 4}, taken_on=today, user=manager)
    return agent


def test_it_registers_the_development_panel_for_the_agent_page():
    panel = {p.name: p for p in agent_panels()}["development"]
    assert panel.order == 20 and panel.template == "workforce/_agent_development.html"


def test_the_radar_compares_now_with_the_role_profiles_targets(rated, manager):
    context = development_panel.panel_context(rated, manager)["development"]
    targets = dict(
        RoleProfileCompetency.objects.filter(role_profile=rated.role_profile).values_list(
            "competency__code", "target_level"
        )
    )
    rows = {row["competency"]: row for row in context["levels"]}
    assert {code: row["target"] for code, row in rows.items() if row["target"] is not None} == targets
    assert rows["dialogue_leadership"]["current"] == 4.0 and rows["dialogue_leadership"]["gap"] == 5 - 4
    assert rows["de_escalation"]["current"] == 3.0 and rows["de_escalation"]["met"]  # the target is 3
    assert context["radar"]["target"] == [rows[code]["target"] for code in context["order"]]


def test_the_panel_renders_charts_with_tables_and_csv_links(rated, manager):
    html = render_to_string("workforce/_agent_development.html", development_panel.panel_context(rated, manager))
    found = re.search(rf'<script id="development-radar-{rated.id}" type="application/json">(.*?)</script>', html)
    radar = json.loads(found.group(1))
    assert 4.0 in radar["values"] and 5 in radar["target"]
    assert 'data-development-chart="radar"' in html and 'data-development-chart="line"' in html
    assert html.count('<div class="table-wrap">') >= 2
    assert f"/workforce/agents/{rated.id}/development.csv?table=levels" in html
    assert f"/workforce/agents/{rated.id}/development.csv?table=growth" in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)  # strict CSP


def test_the_panel_is_hidden_from_a_manager_of_another_team(rated, other_team_users):
    assert development_panel.panel_context(rated, other_team_users["manager"]) is None


def test_a_team_lead_opens_their_agents_development_and_it_is_logged(client, rated, manager):
    client.force_login(manager)
    response = client.get(f"/workforce/agents/{rated.id}/development/")
    assert response.status_code == 200
    assert "Sofie Holm" in response.content.decode()
    assert AccessLog.objects.filter(user=manager, target_type="workforce.agent", target_id=str(rated.id)).exists()


def test_other_teams_and_recruiters_cannot_open_it(client, rated, other_team_users, recruiter):
    client.force_login(other_team_users["manager"])
    assert client.get(f"/workforce/agents/{rated.id}/development/").status_code == 404
    client.force_login(recruiter)
    assert client.get(f"/workforce/agents/{rated.id}/development/").status_code == 403


def test_the_csv_has_the_levels_and_the_growth(client, rated, manager):
    client.force_login(manager)
    response = client.get(f"/workforce/agents/{rated.id}/development.csv?table=growth")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    latest = [r for r in rows if r["date"] == timezone.localdate().isoformat()]
    assert {r["competency"]: float(r["level"]) for r in latest} == {"dialogue_leadership": 4.0, "de_escalation": 3.0}
    assert float(latest[0]["mean"]) == 3.5
    response = client.get(f"/workforce/agents/{rated.id}/development.csv?table=levels")
    levels = {r["competency"]: r for r in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert levels["dialogue_leadership"]["target"] == "5" and levels["dialogue_leadership"]["gap"] == "1.0"
    assert client.get(f"/workforce/agents/{rated.id}/development.csv?table=nope").status_code == 400


def test_the_rating_form_shows_the_anchor_texts_and_saves_a_snapshot(client, agent, manager):
    client.force_login(manager)
    page = client.get(f"/workforce/agents/{agent.id}/development/rate/").content.decode()
    anchor = Competency.objects.get(code="de_escalation").translation("en").level_3
    assert escape(anchor) in page
    response = client.post(
        f"/workforce/agents/{agent.id}/development/rate/",
        {"taken_on": timezone.localdate().isoformat(), "level_de_escalation": "3"},
    )
    assert response.status_code == 302
    assert agent.competency_snapshots.get().levels.get().level == 3


def test_a_form_shows_the_field_errors(client, agent, manager):
    client.force_login(manager)
    response = client.post(f"/workforce/agents/{agent.id}/development/rate/", {"taken_on": "2999-01-01"})
    assert response.status_code == 400
    assert "Rate at least one competency." in response.content.decode()
    response = client.post(
        f"/workforce/agents/{agent.id}/development/training/new/",
        {"kind": "certification", "title": "COPC", "completed_on": "2025-03-01", "expires_on": "2025-01-01"},
    )
    assert response.status_code == 400
    assert "cannot expire before" in response.content.decode()


def test_a_goals_status_is_changed_from_the_table(client, agent, manager):
    plan = development.plan_create(agent=agent, title="Plan", user=manager, goals=[{"description": "Lead calls"}])
    goal = plan.goals.get()
    client.force_login(manager)
    response = client.post(f"/workforce/development/goals/{goal.id}/status/", {"status": GoalStatus.ACHIEVED})
    assert response.status_code == 302
    goal = PlanGoal.objects.get(pk=goal.pk)
    assert goal.status == GoalStatus.ACHIEVED and goal.completed_on == timezone.localdate()


def test_an_expiring_certificate_is_marked(client, agent, manager):
    today = timezone.localdate()
    development.training_add(
        agent=agent, kind="certification", title="GDPR", completed_on=today, expires_on=today + timedelta(days=10)
    )
    client.force_login(manager)
    assert "expires soon" in client.get(f"/workforce/agents/{agent.id}/development/").content.decode()


def test_a_coaching_session_is_recorded_with_the_team_lead_as_coach(client, agent, manager):
    client.force_login(manager)
    response = client.post(
        f"/workforce/agents/{agent.id}/development/coaching/new/",
        {"held_on": date.today().isoformat(), "topic": "difficult_customers", "notes": "Listened to two calls."},
    )
    assert response.status_code == 302
    assert agent.coaching_sessions.get().coach == manager


def _records(agent, user, count: int) -> None:
    today = timezone.localdate()
    for n in range(count):
        development.plan_create(
            agent=agent,
            title=f"Plan {n}",
            user=user,
            goals=[{"description": f"Goal {n}.{g}", "competency": Competency.objects.first()} for g in range(3)],
        )
        development.training_add(agent=agent, kind="course", title=f"Course {n}", completed_on=today)
        development.coaching_add(agent=agent, held_on=today, topic="sales", user=user)
        development.snapshot_record(
            agent=agent, levels={"resilience": 1 + n % 5}, taken_on=today - timedelta(days=n), user=user
        )


def test_the_panels_queries_do_not_grow_with_the_records(agent, manager, django_assert_max_num_queries):
    _records(agent, manager, 2)
    with CaptureQueriesContext(connection) as few:
        development_panel.panel_context(agent, manager)
    _records(agent, manager, 6)
    with django_assert_max_num_queries(len(few)):
        development_panel.panel_context(agent, manager)


def test_an_agent_without_a_role_profile_shows_levels_without_targets(client, manager):
    agent = factories.agent(number=5, role=None)
    development.snapshot_record(agent=agent, levels={"resilience": 2}, user=manager)
    context = development_panel.panel_context(agent, manager)["development"]
    assert context["radar"]["target"] == [None] and context["radar"]["values"] == [2.0]
    client.force_login(manager)
    assert client.get(f"/workforce/agents/{agent.id}/development/").status_code == 200
