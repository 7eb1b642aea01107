"""Training and scoring attrition risk on the agents in the database; the at-risk list and its API."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.workforce.agent_factories import agent_make, model_make
from tests.workforce.risk_factories import UNTIL, agents_in_db
from workforce import agents as agent_services
from workforce import risk
from workforce.attrition_models import attrition_model_save
from workforce.home import home_items
from workforce.models import AttritionModel, ModelKind, RiskScore

pytestmark = pytest.mark.django_db


@pytest.fixture
def trained(settings):
    agents = agents_in_db(200)
    model = risk.hazard_model_train(until=UNTIL)
    return agents, model


def test_it_trains_a_versioned_model_with_held_out_figures(trained):
    _agents, model = trained
    assert model.kind == ModelKind.HAZARD and model.version == 1 and model.is_active
    assert model.horizon_months == 6 and model.positives > 0 and model.n_rows > 1000
    metrics = model.metrics
    assert metrics["held_out"]["cutoff"] == "2025-07-01"
    assert 0.5 < metrics["concordance"] <= 1
    assert 0 < metrics["brier"] < 0.3
    assert "_sklearn" not in model.parameters


def test_it_scores_and_replaces_old_scores(trained):
    agents, model = trained
    employed = [a for a in agents if a.hire_date <= UNTIL and (a.exit_date is None or a.exit_date >= UNTIL)]
    assert risk.risk_scores_refresh(as_of=UNTIL, batch_size=50) == len(employed)
    first = dict(RiskScore.objects.values_list("agent_id", "probability"))
    assert set(first) == {a.id for a in employed}
    assert all(0 < p < 1 for p in first.values())
    score = RiskScore.objects.order_by("-probability").first()
    assert 1 <= len(score.drivers) <= 3 and {"feature", "value", "contribution"} <= set(score.drivers[0])
    assert [d["contribution"] for d in score.drivers] == sorted(
        (d["contribution"] for d in score.drivers), reverse=True
    )
    # A new model: every score is replaced (none left from v1), and batching gives the same figures.
    second = risk.hazard_model_train(until=UNTIL)
    risk.risk_scores_refresh(as_of=UNTIL)
    assert RiskScore.objects.count() == len(employed)
    assert set(RiskScore.objects.values_list("model_id", flat=True)) == {second.id}
    again = dict(RiskScore.objects.values_list("agent_id", "probability"))
    assert all(again[k] == pytest.approx(first[k], abs=1e-9) for k in first)


def test_it_refuses_a_model_of_another_schema(trained):
    attrition_model_save(
        kind=ModelKind.HAZARD,
        schema=[{"name": "tenure", "kind": "numeric"}],
        parameters={},
        metrics={},
        n_rows=1,
        positives=1,
    )
    with pytest.raises(ApplicationError, match="another schema"):
        risk.risk_scores_refresh(as_of=UNTIL)


def test_it_refuses_to_train_without_leavers(db):
    with pytest.raises(ApplicationError, match="Too little history"):
        risk.hazard_model_train(until=UNTIL)
    assert not AttritionModel.objects.exists()


def test_it_shows_a_manager_only_their_teams_agents_with_drivers_in_words(client, trained, hr_user):
    agents, _model = trained
    risk.risk_scores_refresh(as_of=UNTIL)
    oslo_lead = make_user("ola", "manager", teams=[agents[1].team])
    client.force_login(oslo_lead)
    response = client.get(reverse("workforce:at-risk"))
    assert response.status_code == 200
    rows = response.context["page"].object_list
    assert rows and {row.agent.team.name for row in rows} == {"Oslo"}
    assert [row.probability for row in rows] == sorted((row.probability for row in rows), reverse=True)
    assert all(driver["text"] and driver["action"] for row in rows for driver in row.drivers)
    body = response.content.decode()
    assert "The model advises; a person decides." in body
    assert "Concordance on held-out time" in body
    assert AccessLog.objects.filter(user=oslo_lead, target_id=str(rows[0].agent.id)).exists()
    # HR sees both teams; the band filter keeps only that band.
    client.force_login(hr_user)
    rows = client.get(reverse("workforce:at-risk"), {"band": "low"}).context["page"].object_list
    assert rows and all(row.band == "low" for row in rows)
    csv = client.get(reverse("workforce:at-risk-csv")).content.decode()
    # A byte-order mark first, so Excel reads æ/ø/å in the names and reasons as UTF-8.
    assert csv.startswith("\ufeffemployee_number,name,team,probability,band,driver_1")
    assert len(csv.splitlines()) == RiskScore.objects.count() + 1


def test_it_offers_hr_the_train_button_before_any_model(client, hr_user, manager):
    client.force_login(manager)
    body = client.get(reverse("workforce:at-risk")).content.decode()
    assert "No risk model is trained yet" in body and "Train the risk model" not in body
    client.force_login(hr_user)
    assert "Train the risk model" in client.get(reverse("workforce:at-risk")).content.decode()


def test_it_trains_from_the_button_as_a_task(client, hr_user, django_capture_on_commit_callbacks):
    agents_in_db(200)
    client.force_login(hr_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workforce:hazard-model-train"))
    assert response.status_code == 302
    assert AttritionModel.objects.filter(kind=ModelKind.HAZARD, is_active=True).exists()
    # Scored as of today, with the new model.
    assert RiskScore.objects.exists()


def test_the_api_lists_risk_team_scoped_and_one_agents_risk(api, trained, manager, hr_user, other_team_users):
    agents, _model = trained
    risk.risk_scores_refresh(as_of=UNTIL)
    response = api.as_user(manager).get("/api/at-risk/", {"limit": 5})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == RiskScore.objects.filter(agent__team=manager.team_memberships.first().team).count()
    first = data["results"][0]
    assert first["drivers"][0]["text"] and first["band"] in {"high", "medium", "low"}
    assert api.as_user(manager).get("/api/at-risk/", {"band": "nope"}).status_code == 400
    detail = api.as_user(manager).get(f"/api/agents/{first['agent']}/risk/")
    assert detail.status_code == 200 and detail.json()["probability"] == pytest.approx(first["probability"])
    outsider = other_team_users["manager"]
    assert api.as_user(outsider).get(f"/api/agents/{first['agent']}/risk/").status_code == 404
    assert api.as_user(outsider).get("/api/at-risk/").json()["count"] == 0
    assert api.as_user(manager).post("/api/attrition-models/train/").status_code == 403
    assert api.as_user(hr_user).post("/api/attrition-models/train/").json() == {"status": "queued"}


def test_the_agent_panel_shows_risk_to_whoever_reads_the_team(trained, manager, other_team_users):
    from workforce.panels import agent_panels

    agents, _model = trained
    risk.risk_scores_refresh(as_of=UNTIL)
    panel = next(p for p in agent_panels() if p.name == "risk")
    scored = RiskScore.objects.filter(agent__team=manager.team_memberships.first().team).first().agent
    context = panel.context(scored, manager)
    assert context["risk"].drivers and context["horizon_months"] == 6
    assert panel.context(scored, other_team_users["manager"]) is None


def test_the_commands_train_and_score(trained, capsys):
    from django.core.management import call_command

    call_command("attrition_train_hazard", "--until", "2026-01-01", "--format", "json")
    assert '"version": 2' in capsys.readouterr().out
    call_command("attrition_score", "--as-of", date(2026, 1, 1).isoformat())
    assert "scored=" in capsys.readouterr().out


def test_it_tells_a_team_lead_what_they_can_do_about_their_team_and_themselves(client, manager, hr_user):
    agent = agent_make(hr_user, 1, name="Sofie Holm", manager=manager)
    model = model_make()
    AttritionModel.objects.filter(id=model.id).update(is_active=True, horizon_months=6)
    RiskScore.objects.create(
        agent=agent,
        model=model,
        probability=0.4,
        drivers=[
            {"feature": "team", "value": {}, "contribution": 0.3},
            {"feature": "manager", "value": {}, "contribution": 0.2},
        ],
    )
    client.force_login(manager)
    lead_page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # The reader is the team lead: "with the team lead" and an instruction to HR are not theirs to act on.
    assert "with the team lead" not in lead_page and "HR: follow up" not in lead_page
    assert "Talk with your team about workload" in lead_page
    assert "one-to-one" in lead_page
    client.force_login(hr_user)
    hr_page = client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Look at the team&#x27;s workload and climate with the team lead." in hr_page
    assert "HR: follow up on the team&#x27;s climate with the team lead." in hr_page


def test_it_never_shows_an_agents_own_pulse_answers_as_a_risk_driver(client, manager, hr_user):
    # The pulse page promises: "your team lead never sees your own answers", results only for five or more.
    agent = agent_make(hr_user, 1, name="Sofie Holm", manager=manager)
    model = model_make()
    AttritionModel.objects.filter(id=model.id).update(is_active=True, horizon_months=6)
    RiskScore.objects.create(
        agent=agent,
        model=model,
        probability=0.4,
        drivers=[
            {"feature": "pulse", "value": {"recommend": 2}, "contribution": 0.5},
            {"feature": "pulse_growth", "value": {"latest": 2, "previous": 4}, "contribution": 0.3},
            {"feature": "plan", "value": {"none": True}, "contribution": 0.2},
        ],
    )
    for user in (manager, hr_user):
        client.force_login(user)
        shown = [
            client.get(reverse("workforce:at-risk"), HTTP_ACCEPT_LANGUAGE="en").content.decode(),
            client.get(reverse("workforce:at-risk-csv"), HTTP_ACCEPT_LANGUAGE="en").content.decode(),
            client.get(f"/workforce/agents/{agent.id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode(),
            client.get(reverse("workforce:retention"), HTTP_ACCEPT_LANGUAGE="en").content.decode(),
        ]
        for text in shown:
            assert "recommend us" not in text and "2 of 10" not in text and "Pulse growth" not in text
        assert "No development plan with goals" in shown[0]
    api_drivers = api_client_drivers(manager)
    assert [d["feature"] for d in api_drivers] == ["plan"]


def api_client_drivers(user):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(user)
    return api.get("/api/at-risk/").json()["results"][0]["drivers"]


def test_it_filters_a_team_with_the_teams_below_it(client, api, hr_user):
    # Like the dashboard: a site's team covers the teams under it (the demo's lead follows the centre).
    norway = team_create(name="Norge")
    oslo = team_create(name="Oslo", parent=norway)
    agent = agent_make(hr_user, 1, name="Ola Nordmann", team=oslo)
    model = model_make()
    RiskScore.objects.create(agent=agent, model=model, probability=0.4, drivers=[])
    lead = make_user("kari", "manager", teams=[norway])
    for user in (hr_user, lead):
        client.force_login(user)
        rows = client.get(reverse("workforce:at-risk"), {"team": norway.id}).context["page"].object_list
        assert [row.agent.name for row in rows] == ["Ola Nordmann"]
        assert "Ola Nordmann" in client.get(reverse("workforce:at-risk-csv"), {"team": norway.id}).content.decode()
        assert api.as_user(user).get("/api/at-risk/", {"team": norway.id}).json()["count"] == 1


def test_the_api_refuses_a_team_filter_the_user_cannot_use(api, manager, hr_user, other_team):
    # The dashboard's API answers 400 to these; an empty list would read as "nobody at risk there".
    for user, team in ((manager, other_team.id), (hr_user, 999999)):
        response = api.as_user(user).get("/api/at-risk/", {"team": team})
        assert response.status_code == 400
        assert response.json()["extra"]["fields"] == {"team": ["forbidden"]}
    response = api.as_user(manager).get("/api/at-risk/", {"band": "HIGH"}, HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 400 and "band" in response.json()["extra"]["fields"]


def test_it_leaves_out_an_agent_who_has_left_since_the_nightly_scoring(client, api, manager, hr_user):
    staying = agent_make(hr_user, 1, name="Sofie Holm", manager=manager)
    leaving = agent_make(hr_user, 2, name="Mads Berg", manager=manager)
    model = model_make()
    AttritionModel.objects.filter(id=model.id).update(is_active=True, horizon_months=6)
    for agent in (staying, leaving):
        RiskScore.objects.create(agent=agent, model=model, probability=0.5, drivers=[])
    # HR records today that Mads's last day was yesterday; the scores are last night's.
    yesterday = timezone.localdate() - timedelta(days=1)
    agent_services.agent_exit(agent=leaving, user=hr_user, exit_date=yesterday, exit_type="voluntary")
    client.force_login(manager)
    shown = [
        client.get(reverse("workforce:at-risk")).content.decode(),
        client.get(reverse("workforce:at-risk-csv")).content.decode(),
        client.get(reverse("workforce:retention")).content.decode(),
        api.as_user(manager).get("/api/at-risk/").content.decode(),
    ]
    assert all("Sofie Holm" in text and "Mads Berg" not in text for text in shown)
    # The home page's count is the list's.
    assert RiskScore.objects.count() == 2 and home_items(manager)[0].count == 1


def test_every_risk_endpoint_keeps_out_the_anonymous_the_wrong_role_and_the_other_team(
    client, api, hr_user, recruiter, other_team_users
):
    agent = agent_make(hr_user, 1, name="Sofie Holm")
    RiskScore.objects.create(agent=agent, model=model_make(), probability=0.4, drivers=[])
    pages = [reverse("workforce:at-risk"), reverse("workforce:at-risk-csv"), f"/workforce/agents/{agent.id}/"]
    for url in pages:
        assert client.get(url).status_code == 302
    assert client.post(reverse("workforce:hazard-model-train")).status_code == 302
    assert api.get("/api/at-risk/").status_code == 401
    assert api.get(f"/api/agents/{agent.id}/risk/").status_code == 401
    client.force_login(recruiter)
    assert [client.get(url).status_code for url in pages] == [403, 403, 403]
    assert api.as_user(recruiter).get("/api/at-risk/").status_code == 403
    # Another team's lead: the list is theirs (empty of Sofie), her page and risk are not.
    outsider = other_team_users["manager"]
    client.force_login(outsider)
    assert "Sofie Holm" not in client.get(pages[0]).content.decode()
    assert "Sofie Holm" not in client.get(pages[1]).content.decode()
    assert client.get(pages[2]).status_code == 404
    assert client.post(reverse("workforce:hazard-model-train")).status_code == 403
    assert api.as_user(outsider).get(f"/api/agents/{agent.id}/risk/").status_code == 404


def test_it_shows_a_score_whose_model_names_no_horizon_without_failing(client, hr_user):
    # The horizon is optional on a stored model; the agent page once failed on it ('months' must be a number).
    agent = agent_make(hr_user, 1, name="Sofie Holm")
    model = model_make()
    AttritionModel.objects.filter(id=model.id).update(is_active=True, horizon_months=None)
    RiskScore.objects.create(agent=agent, model=model, probability=0.4, drivers=[])
    client.force_login(hr_user)
    page = client.get(f"/workforce/agents/{agent.id}/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "40 % probability of leaving voluntarily<" in page.content.decode()
    AttritionModel.objects.filter(id=model.id).update(horizon_months=6)
    page = client.get(f"/workforce/agents/{agent.id}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "40 % probability of leaving voluntarily within 6 months" in page.content.decode()
