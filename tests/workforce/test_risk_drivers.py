"""Risk drivers in words: what the team and manager drivers mean, which way they push, whom they may name,
and numbers written as the reader writes them."""

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from servicefit.core.roles import Role
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.workforce.agent_factories import agent_make, model_make
from workforce.models import Agent, AttritionModel, RiskScore

pytestmark = pytest.mark.django_db


@pytest.fixture
def oslo(db):
    return team_create(name="Oslo")


@pytest.fixture
def oslo_lead(oslo):
    return make_user("ingrid", Role.MANAGER, teams=[oslo])


@pytest.fixture
def other_manager(oslo):
    """Oslo's other team lead, who also leads Bergen: his record as a manager includes Bergen's agents."""
    user = make_user("pberg", Role.MANAGER, teams=[oslo, team_create(name="Bergen")])
    user.first_name, user.last_name = "Peder", "Berg"
    user.save()
    return user


def _score(agent, drivers, *, levels=None):
    model = model_make()
    AttritionModel.objects.filter(id=model.id).update(
        is_active=True, horizon_months=6, parameters={"levels": levels or {}}
    )
    return RiskScore.objects.create(agent=agent, model=model, probability=0.4, drivers=drivers)


def _everything_shown(client, user, agent) -> list[str]:
    """The at-risk page, its CSV, the agent page, the dashboard's at-risk list and both API answers, as `user`
    reads them."""
    client.force_login(user)
    pages = [
        client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en"),
        client.get(reverse("workforce:at-risk-csv"), HTTP_ACCEPT_LANGUAGE="en"),
        client.get(reverse("workforce:agent-detail", args=[agent.id]), HTTP_ACCEPT_LANGUAGE="en"),
        client.get(reverse("workforce:retention"), HTTP_ACCEPT_LANGUAGE="en"),
    ]
    api = APIClient()
    api.force_authenticate(user)
    pages += [api.get("/api/at-risk/"), api.get(f"/api/agents/{agent.id}/risk/")]
    assert [page.status_code for page in pages] == [200] * 6
    # Pages escape the apostrophe; the CSV and the API do not.
    shown = [page.content.decode().replace("&#x27;", "'") for page in pages]
    # The dashboard's highest-risk list (its breakdown by manager shows the team's own figures by name).
    shown[3] = shown[3][shown[3].index('id="risk-heading"') :].split("</section>")[0]
    # The agent page's employment facts name the agent's manager to whoever reads the agent (as the
    # agent list and its manager filter do); the risk drivers are what must not.
    shown[2] = re.sub(r"<dt>Manager</dt><dd>[^<]*</dd>", "", shown[2])
    return shown


TEAM_WORDS = (
    "Team Oslo: in the records the risk model learnt from, agents in this team left more often than "
    "comparable agents elsewhere, which raises the risk"
)
MANAGER_WORDS = (
    "in the records the risk model learnt from, agents reporting to {who} left more often than comparable "
    "agents elsewhere, which raises the risk"
)


def test_it_says_what_the_team_driver_means_and_that_it_raises_the_risk(client, hr_user, oslo, oslo_lead):
    agent = agent_make(hr_user, 1, team=oslo)
    _score(
        agent,
        [{"feature": "team", "value": {"team": str(oslo.id)}, "contribution": 0.3}],
        levels={"team": [str(oslo.id), "other"], "manager": ["other"]},
    )
    for reader in (hr_user, oslo_lead):
        shown = _everything_shown(client, reader, agent)
        assert all(TEAM_WORDS in text for text in shown), reader
    # A team too small (or too new) for a level of its own was scored with the others like it.
    RiskScore.objects.update(drivers=[{"feature": "team", "value": {"team": "999"}, "contribution": 0.3}])
    AttritionModel.objects.update(parameters={"levels": {"team": ["999999", "other"], "manager": ["other"]}})
    client.force_login(hr_user)
    page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Team Oslo: in the records the risk model learnt from, agents in small or new teams like this one" in page


def test_it_names_a_manager_only_to_hr_and_to_the_manager_themself(client, hr_user, oslo, oslo_lead, other_manager):
    theirs = agent_make(hr_user, 1, team=oslo, manager=other_manager, name="Sofie Holm")
    levels = {"team": ["other"], "manager": [str(other_manager.id), str(oslo_lead.id), "other"]}
    _score(
        theirs,
        [{"feature": "manager", "value": {"manager": str(other_manager.id)}, "contribution": 0.3}],
        levels=levels,
    )

    # Ingrid reaches Oslo only: Peder Berg's record as a manager, Bergen's agents included, is not hers to read.
    for text in _everything_shown(client, oslo_lead, theirs):
        assert "Peder" not in text and "Berg" not in text
        assert "Their manager: " + MANAGER_WORDS.format(who="the same manager") in text
        assert "what you could do differently" not in text
    lead_page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ask their manager how the follow-up is going" in lead_page

    for text in _everything_shown(client, hr_user, theirs):
        assert "Reports to Peder Berg: " + MANAGER_WORDS.format(who="this manager") in text

    # The lead's own agent: the words speak to them.
    own = agent_make(hr_user, 2, team=oslo, manager=oslo_lead, name="Ole Dahl")
    RiskScore.objects.create(
        agent=own,
        model=AttritionModel.objects.get(),
        probability=0.5,
        drivers=[{"feature": "manager", "value": {"manager": str(oslo_lead.id)}, "contribution": 0.3}],
    )
    client.force_login(oslo_lead)
    page = client.get(reverse("workforce:agent-detail", args=[own.id]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Reports to you: " + MANAGER_WORDS.format(who="you") in page
    assert "what you could do differently" in page


def test_it_says_when_an_agent_has_no_manager_or_one_the_model_barely_knows(client, hr_user, oslo):
    agent = agent_make(hr_user, 1, team=oslo)
    _score(
        agent,
        [{"feature": "manager", "value": {"manager": ""}, "contribution": 0.3}],
        levels={"team": ["other"], "manager": ["", "other"]},
    )
    client.force_login(hr_user)
    page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No manager recorded: in the records the risk model learnt from, agents without a manager" in page
    assert "Make sure the agent has a manager who follows up on them" in page

    manager = make_user("nyleder", Role.MANAGER, teams=[oslo])
    agent.manager = manager
    agent.save()
    RiskScore.objects.update(drivers=[{"feature": "manager", "value": {"manager": str(manager.id)}, "contribution": 1}])
    page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Their manager is new or has few agents: in the records the risk model learnt from" in page
    assert "nyleder" not in page.split("<tbody>")[1]


def test_it_writes_the_numbers_in_a_driver_as_the_reader_and_the_agent_page_do(client, hr_user, oslo):
    agent = agent_make(hr_user, 1, team=oslo)
    Agent.objects.filter(id=agent.id).update(hiring_fit=39.5)
    _score(
        agent,
        [
            {"feature": "fit", "value": {"fit": 39.5}, "contribution": 0.3},
            {"feature": "competency", "value": {"growth": 0.5, "none": False}, "contribution": 0.2},
        ],
    )
    client.force_login(hr_user)
    page = client.get(reverse("workforce:agent-detail", args=[agent.id]), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    # Fit is 0–100, as "At hiring" says it on the same page (the driver said 39.50); a decimal comma in Danish.
    assert "40 / 100" in page.split("agent-risk-heading")[0]
    assert "Match med rolleprofilen ved ansættelsen: 40 / 100" in page
    assert "Kompetenceudvikling +0,5 niveauer siden første vurdering" in page
    csv = client.get(reverse("workforce:at-risk-csv"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Kompetensutveckling +0,5 nivåer" in csv
