"""An agent working their notice (an exit date still ahead) is a known exit, not a risk: the at-risk list,
its CSV and API, the home page's count and the dashboard leave them out and say how many; their page
says when they leave and suggests no action to keep them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.workforce.agent_factories import agent_make, model_make, risk_make
from workforce import agents as services
from workforce.home import home_items
from workforce.models import AttritionModel, RiskScore

pytestmark = pytest.mark.django_db

ACTION = "Agree a development goal or a coaching session this month."


@pytest.fixture
def scored(hr_user):
    """Two agents at high risk; Sofie has handed in her notice and leaves in three weeks."""
    model = model_make()
    AttritionModel.objects.filter(id=model.id).update(is_active=True, horizon_months=6)
    staying = agent_make(hr_user, 1, name="Mads Berg")
    leaving = agent_make(hr_user, 2, name="Sofie Holm")
    for agent in (staying, leaving):
        risk_make(agent, 0.6, model=AttritionModel.objects.get())
    RiskScore.objects.update(drivers=[{"feature": "development", "value": {"days": 140}, "contribution": 0.4}])
    last_day = timezone.localdate() + timedelta(days=21)
    services.agent_exit(agent=leaving, user=hr_user, exit_date=last_day, exit_type="voluntary")
    return staying, leaving, last_day


def test_it_leaves_an_agent_on_notice_out_of_the_at_risk_list_and_says_so(client, api, hr_user, scored):
    client.force_login(hr_user)
    page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mads Berg" in page and "Sofie Holm" not in page
    assert "1 agent on notice is not listed: their last day is known, and their page shows it." in page
    high = client.get(reverse("workforce:at-risk"), {"band": "high"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sofie Holm" not in high and "1 agent on notice is not listed" in high
    csv = client.get(reverse("workforce:at-risk-csv")).content.decode()
    assert "Mads Berg" in csv and "Sofie Holm" not in csv
    listed = api.as_user(hr_user).get("/api/at-risk/").json()
    assert [row["name"] for row in listed["results"]] == ["Mads Berg"]
    [high_risk] = home_items(hr_user)
    assert high_risk.count == 1


def test_it_leaves_them_out_of_the_dashboards_highest_risk_and_says_so(client, hr_user, scored):
    client.force_login(hr_user)
    page = client.get(reverse("workforce:retention"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    risk = page[page.index('id="risk-heading"') :].split("</section>")[0]
    assert "Mads Berg" in risk and "Sofie Holm" not in risk
    assert "1 agent on notice is not listed" in risk


def test_it_says_only_the_note_when_every_scored_agent_is_on_notice(client, hr_user, scored):
    staying, _leaving, _last_day = scored
    services.agent_exit(
        agent=staying, user=hr_user, exit_date=timezone.localdate() + timedelta(days=9), exit_type="involuntary"
    )
    client.force_login(hr_user)
    page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2 agents on notice are not listed" in page and "No agents are scored yet" not in page


@pytest.mark.parametrize(("language", "written"), [("en", "%m/%d/%Y"), ("da", "%d.%m.%Y"), ("sv", "%Y-%m-%d")])
def test_the_agent_page_says_when_they_leave_and_suggests_no_action(client, hr_user, scored, language, written):
    staying, leaving, last_day = scored
    client.force_login(hr_user)
    page = client.get(reverse("workforce:agent-detail", args=[leaving.id]), HTTP_ACCEPT_LANGUAGE=language)
    risk = page.content.decode().split('id="agent-risk-heading"')[1].split("</section>")[0]
    assert last_day.strftime(written) in risk
    assert "60 %" not in risk and ACTION not in risk
    if language == "en":
        assert f"Leaving on {last_day.strftime(written)}" in risk
        assert "A known exit, not a risk" in risk
    # The lists say it too, in place of the risk band.
    for url in (reverse("workforce:index"), reverse("workforce:team")):
        body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert last_day.strftime(written) in body, url
    staying_page = client.get(reverse("workforce:agent-detail", args=[staying.id]), HTTP_ACCEPT_LANGUAGE="en")
    assert ACTION in staying_page.content.decode()


def test_the_api_says_when_an_agent_on_notice_leaves_and_gives_no_probability(api, hr_user, scored):
    # Was last night's score (0.6, "high", its drivers), as if they might yet be kept.
    staying, leaving, last_day = scored
    body = api.as_user(hr_user).get(f"/api/agents/{leaving.id}/risk/").json()
    assert body["leaving_on"] == last_day.isoformat() and body["name"] == "Sofie Holm"
    assert body["probability"] is None and body["band"] is None and body["drivers"] == []
    kept = api.as_user(hr_user).get(f"/api/agents/{staying.id}/risk/").json()
    assert kept["leaving_on"] is None and kept["probability"] == 0.6 and kept["band"] == "high"


def test_the_agents_api_gives_an_agent_on_notice_no_risk(api, hr_user, scored):
    # Was last night's score beside the exit date, where their page says "Leaving on".
    staying, leaving, last_day = scored
    client = api.as_user(hr_user)
    one = client.get(f"/api/agents/{leaving.id}/").json()
    assert one["exit_date"] == last_day.isoformat() and one["risk"] is None
    listed = {row["name"]: row["risk"] for row in client.get("/api/agents/").json()["results"]}
    assert listed["Sofie Holm"] is None and listed["Mads Berg"]["band"] == "high"
