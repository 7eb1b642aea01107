"""People pages name a person (an agent's manager, a coach, who trained a model or imported traffic)
by their name, and by their username only when they have no name."""

import datetime

import pytest

from tests.conftest import make_user
from tests.staffing.factories import day_rows, event_make, traffic_import_make
from workforce import development

from .agent_factories import agent_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_lead(db):
    lead = make_user("pberg", "manager")
    lead.first_name, lead.last_name = "Peder", "Berg"
    lead.save()
    return lead


@pytest.fixture
def agent(hr_user, named_lead):
    return agent_make(hr_user, 1, name="Sofie Holm", manager=named_lead)


def test_it_names_the_agents_manager_on_the_agent_page_and_the_list(client, hr_user, agent):
    client.force_login(hr_user)
    for url in (f"/workforce/agents/{agent.id}/", "/workforce/"):
        page = client.get(url).content.decode()
        assert "Peder Berg" in page and "pberg" not in page, url


def test_it_offers_managers_by_name_in_the_filter_and_the_forms(client, hr_user, agent):
    client.force_login(hr_user)
    for url in ("/workforce/", f"/workforce/agents/{agent.id}/edit/", "/workforce/agents/new/"):
        page = client.get(url).content.decode()
        assert ">Peder Berg</option>" in page and ">pberg</option>" not in page, url


def test_it_shows_the_username_of_a_manager_without_a_name(client, hr_user, agent, named_lead):
    named_lead.first_name = named_lead.last_name = ""
    named_lead.save()
    client.force_login(hr_user)
    assert "pberg" in client.get(f"/workforce/agents/{agent.id}/").content.decode()


def test_it_names_the_coach_in_the_coaching_history(client, hr_user, agent, named_lead):
    development.coaching_add(agent=agent, held_on=datetime.date(2025, 3, 3), topic="sales", user=named_lead)
    client.force_login(hr_user)
    for url in (f"/workforce/agents/{agent.id}/", f"/workforce/agents/{agent.id}/development/"):
        page = client.get(url).content.decode()
        assert "<td>Peder Berg</td>" in page and "pberg" not in page, url


def test_it_names_who_imported_traffic_and_added_an_event(client, hr_user, named_lead):
    hr_user.first_name, hr_user.last_name = "Henrik", "Dahl"
    hr_user.save()
    traffic_import_make(day_rows(datetime.date(2025, 3, 3)), user=hr_user, filename="march.csv")
    event_make(created_by=hr_user)
    client.force_login(hr_user)
    for url in ("/staffing/traffic/", "/staffing/events/"):
        page = client.get(url).content.decode()
        assert "Henrik Dahl" in page, url
