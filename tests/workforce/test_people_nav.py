"""The People area's own menu, and the dashboard's at-risk list in words."""

from datetime import date

import pytest

from servicefit.core.roles import Role
from servicefit.core.teams import team_default
from tests.conftest import make_user
from workforce.attrition_models import attrition_model_save
from workforce.models import Agent, ModelKind, RiskScore

pytestmark = pytest.mark.django_db

MENU = {
    "/workforce/": "Agents",
    "/workforce/retention/": "Retention",
    "/workforce/at-risk/": "At risk of leaving",
    "/workforce/pulse/": "Pulse surveys",
    "/workforce/agents/import/": "Import from HR system",
    "/workforce/models/": "Attrition models",
}


def _menu(client, user):
    client.force_login(user)
    page = client.get("/workforce/").content.decode()
    menu = page[page.index('<nav class="subnav"') : page.index("</nav>", page.index('<nav class="subnav"'))]
    return {url for url in MENU if f'href="{url}"' in menu}


def test_it_offers_a_team_lead_the_pages_of_their_teams_and_hr_its_own_tools(client, manager, hr_user):
    lead = {"/workforce/", "/workforce/retention/", "/workforce/at-risk/", "/workforce/pulse/"}
    assert _menu(client, manager) == lead
    assert _menu(client, hr_user) == set(MENU)


def test_it_marks_the_page_the_reader_is_on(client, manager):
    client.force_login(manager)
    page = client.get("/workforce/retention/").content.decode()
    assert 'href="/workforce/retention/" aria-current="page"' in page


def test_the_dashboard_names_each_agents_main_risk_driver_and_links_the_agent(client, manager):
    agent = Agent.objects.create(
        employee_number="E-7", name="Signe Holm", team=team_default(), hire_date=date(2024, 2, 1)
    )
    model = attrition_model_save(
        kind=ModelKind.HAZARD, schema=[], parameters={}, metrics={}, n_rows=10, positives=2, horizon_months=6
    )
    RiskScore.objects.create(
        agent=agent,
        model=model,
        probability=0.41,
        drivers=[{"feature": "development", "value": {"days": 140}, "contribution": 0.8}],
    )
    client.force_login(manager)
    page = client.get("/workforce/retention/").content.decode()
    assert f'href="/workforce/agents/{agent.id}/">Signe Holm</a>' in page
    assert "No development activity for 140 days" in page
    assert "Agree a development goal or a coaching session this month." in page


def test_a_recruiter_gets_no_people_menu(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/workforce/").status_code == 403


def test_an_admin_sees_every_page_of_the_menu(client):
    assert _menu(client, make_user("sigrid", Role.ADMIN)) == set(MENU)
