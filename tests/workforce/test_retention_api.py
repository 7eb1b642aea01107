import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from servicefit.core.models import AccessLog
from servicefit.core.roles import Role
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.workforce.retention_factories import agent, population
from workforce.analysis.survival import kaplan_meier
from workforce.models import AttritionModel, ModelKind, RiskScore

URL = "/api/retention/summary/"
PERIOD = "from=2023-01-01&to=2023-12-31"

pytestmark = pytest.mark.django_db


@pytest.fixture
def teams():
    return team_create(name="Aarhus"), team_create(name="Bergen")


@pytest.fixture
def lead(teams):
    return make_user("lead-aarhus", Role.MANAGER, teams=[teams[0]])


def test_it_answers_the_documented_keys(api, hr_user, teams):
    population(teams[0])
    body = api.as_user(hr_user).get(f"{URL}?{PERIOD}").json()
    for key in (
        "headcount",
        "exits",
        "voluntary_attrition_rate",
        "early_attrition_90d",
        "early_attrition_180d",
        "median_tenure_days",
        "survival",
        "at_risk",
    ):
        assert key in body
    assert body["headcount"] == 4 and body["exits"] == 4
    assert body["voluntary_attrition_rate"] == pytest.approx(36 / 44)
    assert set(body["survival"][0]) == {"days", "survival", "lower", "upper", "at_risk"}


def test_its_curve_is_kaplan_meier_on_the_tenures_censored_at_to(api, hr_user, teams):
    population(teams[0])
    body = api.as_user(hr_user).get(f"{URL}?from=2023-01-01&to=2023-06-30").json()
    # To 30 June 2023: agent 8 still employed (censored at 545), 4 still employed (121), 6, 7, 9 not hired yet.
    durations = [545, 287, 73, 121, 60, 545, 545]
    events = [0, 1, 1, 0, 0, 0, 1]
    expected = kaplan_meier(durations, events)
    assert [p["days"] for p in body["survival"]] == expected.times.tolist()
    assert np.allclose([p["survival"] for p in body["survival"]], expected.survival)
    assert np.allclose([p["lower"] for p in body["survival"]], expected.lower)
    assert np.allclose([p["upper"] for p in body["survival"]], expected.upper)
    assert [p["at_risk"] for p in body["survival"]] == expected.at_risk.tolist()


def test_a_team_lead_sees_only_their_team(api, lead, teams):
    population(teams[0])
    agent(teams[1], "2020-01-01")
    agent(teams[1], "2020-01-01", "2023-05-01", "voluntary")
    body = api.as_user(lead).get(f"{URL}?{PERIOD}").json()
    assert body["headcount"] == 4 and body["exits"] == 4
    response = api.as_user(lead).get(f"{URL}?{PERIOD}&team={teams[1].id}")
    assert response.status_code == 400
    assert "team" in response.json()["extra"]["fields"]


def test_hr_can_narrow_to_one_team(api, hr_user, teams):
    population(teams[0])
    agent(teams[1], "2020-01-01")
    body = api.as_user(hr_user).get(f"{URL}?{PERIOD}&team={teams[1].id}").json()
    assert body["headcount"] == 1 and body["team"] == teams[1].id


@pytest.mark.parametrize(
    "query",
    [
        "from=2024-01-02&to=2024-01-01",
        "from=not-a-date",
        "to=2023-02-30",
        "from=0001-01-01&to=0001-01-02",
        "to=0001-01-01",
        "to=0001-06-15",
        "to=2023-01-01%00",
        "team=abc",
        "team=99999999999999999999",
        "team=999999",
    ],
)
def test_it_refuses_bad_filters_with_400(api, hr_user, query):
    assert api.as_user(hr_user).get(f"{URL}?{query}").status_code == 400


def test_it_names_the_date_that_is_out_of_range(api, hr_user):
    body = api.as_user(hr_user).get(f"{URL}?to=9999-12-31").json()
    assert body["extra"]["fields"] == {"to": ["out_of_range"]}
    # A last day early in 1900 gets its year back to the earliest day, not an error about a "from" not given.
    body = api.as_user(hr_user).get(f"{URL}?to=1900-06-30").json()
    assert (body["period_start"], body["period_end"]) == ("1900-01-01", "1900-06-30")


def test_recruiters_and_anonymous_users_are_refused(api, recruiter):
    assert api.get(URL).status_code == 401
    assert api.as_user(recruiter).get(URL).status_code == 403


def test_the_at_risk_list_is_the_teams_top_scores_and_is_logged(api, lead, teams):
    model = AttritionModel.objects.create(
        kind=ModelKind.HAZARD, version=1, schema=[], schema_hash="x", parameters={}, n_rows=1, positives=1
    )
    mine = [agent(teams[0], "2022-01-01", name=f"Aarhus {i}") for i in range(3)]
    theirs = agent(teams[1], "2022-01-01", name="Bergen")
    for i, a in enumerate([*mine, theirs]):
        RiskScore.objects.create(agent=a, model=model, probability=0.1 * (i + 1))
    body = api.as_user(lead).get(URL).json()
    assert [r["name"] for r in body["at_risk"]] == ["Aarhus 2", "Aarhus 1", "Aarhus 0"]
    assert AccessLog.objects.filter(user=lead, target_type="workforce.agent").count() == 3


def test_its_query_count_does_not_grow_with_the_agents(api, hr_user, teams):
    client = api.as_user(hr_user)
    population(teams[0])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{URL}?{PERIOD}").status_code == 200
        return len(captured)

    few = queries()
    for i in range(40):
        agent(teams[i % 2], f"2022-{i % 12 + 1:02d}-01", "2023-06-01" if i % 3 else None, "voluntary")
    assert queries() == few
    assert few <= 12
