import csv
import io
import re
from datetime import date, timedelta

import pytest

from servicefit.core.roles import Role
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.workforce.retention_factories import PERIOD, agent, population
from workforce import retention_selectors as selectors
from workforce.models import AttritionModel, PulseResponse, PulseSurvey, RetentionSettings, RiskScore

URL = "/workforce/retention/"
CSV_URL = "/workforce/retention/csv/"
QUERY = "from=2023-01-01&to=2023-12-31"

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return team_create(name="Aarhus")


def test_it_shows_the_figures_with_their_definitions(client, hr_user, team):
    population(team)
    client.force_login(hr_user)
    response = client.get(f"{URL}?{QUERY}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "average of the month-end headcounts" in page
    assert "82 %" in page  # 36 / 44 voluntary attrition
    assert 'data-retention-chart="survival-data"' in page and 'id="survival-data"' in page
    assert "<script>" not in page  # charts come from static files (strict CSP)
    assert page.count("?part=") >= 6


def test_it_has_an_empty_state(client, hr_user):
    client.force_login(hr_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert "nothing to show yet" in response.content.decode()


def test_it_refuses_a_reversed_period_and_another_teams_filter(client, team, other_team):
    lead = make_user("lead", Role.MANAGER, teams=[team])
    client.force_login(lead)
    assert client.get(f"{URL}?from=2024-02-01&to=2024-01-01").status_code == 400
    assert client.get(f"{URL}?team={other_team.id}").status_code == 400
    assert client.get(f"{CSV_URL}?part=summary&team={other_team.id}").status_code == 400


def test_it_refuses_a_last_day_in_year_one_with_a_message(client, hr_user):
    client.force_login(hr_user)
    response = client.get(f"{URL}?to=0001-01-01", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 400
    assert "1900-01-01" in response.content.decode()
    assert client.get(f"{CSV_URL}?part=summary&to=0001-01-01").status_code == 400


def test_recruiters_cannot_open_it(client, recruiter):
    client.force_login(recruiter)
    assert client.get(URL).status_code == 403
    assert client.get(f"{CSV_URL}?part=summary").status_code == 403


def test_anonymous_users_go_to_the_login(client):
    assert client.get(URL).status_code == 302


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("part", ["summary", "survival", "breakdown", "segments", "fitband", "enps", "cost"])
def test_every_chart_has_a_csv(client, hr_user, team, part):
    population(team, hiring_fit=70.0, hiring_fit_label="good", hiring_dominant_type="controller")
    client.force_login(hr_user)
    response = client.get(f"{CSV_URL}?part={part}&{QUERY}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_the_summary_csv_holds_the_page_figures(client, hr_user, team):
    population(team)
    client.force_login(hr_user)
    (row,) = rows(client.get(f"{CSV_URL}?part=summary&{QUERY}"))
    assert row["headcount"] == "4" and float(row["voluntary_attrition_rate"]) == pytest.approx(36 / 44)


def test_an_unknown_csv_part_is_refused(client, hr_user):
    client.force_login(hr_user)
    assert client.get(f"{CSV_URL}?part=everything").status_code == 400


def test_the_cost_uses_the_teams_replacement_cost_and_currency(client, hr_user, team):
    team.country = "NO"
    team.save()
    population(team)
    client.force_login(hr_user)
    (row,) = rows(client.get(f"{CSV_URL}?part=cost&{QUERY}"))
    # 3 voluntary exits × the default 93,000 NOK.
    assert (row["currency"], row["cost"]) == ("NOK", "279000")
    response = client.post("/workforce/retention/settings/", {"team": team.id, "replacement_cost": "50000"})
    assert response.status_code == 302
    assert RetentionSettings.objects.get(team=team).replacement_cost == 50000
    (row,) = rows(client.get(f"{CSV_URL}?part=cost&{QUERY}"))
    assert row["cost"] == "150000.00"


def test_only_hr_sets_replacement_costs(client, manager, team):
    client.force_login(manager)
    assert client.post("/workforce/retention/settings/", {"team": team.id, "replacement_cost": "1"}).status_code == 403


def test_a_negative_replacement_cost_is_refused(client, hr_user, team):
    client.force_login(hr_user)
    response = client.post("/workforce/retention/settings/", {"team": team.id, "replacement_cost": "-5"})
    assert response.status_code == 400
    assert not RetentionSettings.objects.exists()


def test_enps_hides_surveys_with_fewer_than_five_answers(hr_user, team):
    agents = [agent(team, "2022-01-01") for _ in range(5)]
    small, large, still_open = (
        PulseSurvey.objects.create(title=title, opens_on=opens, closes_on=opens + timedelta(days=13), status=status)
        for title, opens, status in (
            ("Spring", date(2023, 3, 1), "closed"),
            ("Autumn", date(2023, 9, 1), "closed"),
            ("Winter", date(2023, 12, 1), "open"),
        )
    )
    scores = [10, 9, 8, 5, 2]
    for a, score in zip(agents, scores, strict=True):
        PulseResponse.objects.create(
            survey=large, agent=a, team=team, answered_on=date(2023, 9, 2), recommend=score,
            workload=3, growth=3, manager_support=3,
        )  # fmt: skip
    for a in agents:
        PulseResponse.objects.create(
            survey=still_open, agent=a, team=team, answered_on=date(2023, 12, 2), recommend=10,
            workload=3, growth=3, manager_support=3,
        )  # fmt: skip
    for a in agents[:4]:
        PulseResponse.objects.create(
            survey=small, agent=a, team=team, answered_on=date(2023, 3, 2), recommend=10,
            workload=3, growth=3, manager_support=3,
        )  # fmt: skip
    scope = selectors.retention_scope(user=hr_user, start=PERIOD[0], end=PERIOD[1])
    # The open survey shows nothing yet: watching its figure move would give answers away.
    spring, autumn = selectors.retention_enps_trend(scope=scope, user=hr_user)
    assert spring["suppressed"] and spring["enps"] is None and spring["n"] is None
    # 2 promoters, 2 detractors of 5: 100 × (2 − 2) / 5 = 0.
    assert (autumn["n"], autumn["enps"]) == (5, 0)


def test_small_fit_bands_carry_a_warning(hr_user, team):
    for i in range(12):
        agent(
            team, "2022-01-01", "2023-03-01" if i % 4 == 0 else None, "voluntary",
            hiring_fit=80.0, hiring_fit_label="strong" if i % 2 else "poor", hiring_dominant_type="controller",
        )  # fmt: skip
    scope = selectors.retention_scope(user=hr_user, start=PERIOD[0], end=PERIOD[1])
    loop = selectors.retention_fit_loop(scope=scope)
    assert loop["n"] == 12
    fit_band = loop["dimensions"][0]
    assert all(group["small"] for group in fit_band["groups"])
    assert "too few" in fit_band["hazard_ratios"]["warning"] or "unknown" in fit_band["hazard_ratios"]["warning"]
    assert {row["n"] for row in fit_band["hazard_ratios"]["rows"]} == {6}


def test_the_page_warns_about_small_bands(client, hr_user, team):
    for i in range(6):
        agent(team, "2022-01-01", "2023-03-01" if i < 2 else None, "voluntary", hiring_fit=70.0,
              hiring_fit_label="good" if i % 2 else "strong")  # fmt: skip
    client.force_login(hr_user)
    page = client.get(f"{URL}?{QUERY}").content.decode()
    assert "too few to say" in page


def test_the_link_to_every_agent_at_risk_keeps_the_team(client, hr_user, team):
    model = AttritionModel.objects.create(
        kind="hazard", version=1, schema=[], schema_hash="x", parameters={}, n_rows=1, positives=1
    )
    RiskScore.objects.create(agent=agent(team, "2022-01-01", name="Sofie Holm"), model=model, probability=0.4)
    client.force_login(hr_user)
    page = client.get(f"{URL}?team={team.id}").content.decode()
    assert "Sofie Holm" in page
    assert f'href="/workforce/at-risk/?team={team.id}"' in page
    assert 'href="/workforce/at-risk/"' in client.get(URL).content.decode()


@pytest.mark.parametrize("to", ["1900-01-01", "1901-06-30", "1902-12-31", "2024-02-29"])
def test_it_offers_periods_the_dashboard_shows_even_near_its_earliest_date(client, hr_user, team, to):
    population(team)
    client.force_login(hr_user)
    page = client.get(f"{URL}?team={team.id}&from={to}&to={to}")
    assert page.status_code == 200
    presets = re.findall(r'<a href="\?(team=\d+&amp;from=[\d-]+&amp;to=[\d-]+)">', page.content.decode())
    assert len(presets) == 2
    for query in presets:
        query = query.replace("&amp;", "&")
        assert client.get(f"{URL}?{query}").status_code == 200, query
        start = date.fromisoformat(query.split("from=")[1][:10])
        assert date(1900, 1, 1) <= start <= date.fromisoformat(to), query
