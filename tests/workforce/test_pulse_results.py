"""Pulse results: eNPS and item means by hand, nothing of a group under five anywhere (page, CSV,
API), team leads see only their teams, and nobody sees figures before the survey closes."""

import csv
import io

import pytest

from servicefit.core.roles import Role
from tests.conftest import make_user
from tests.workforce.pulse_factories import answer_all, make_agent, make_survey, make_team
from workforce import pulse, pulse_selectors

pytestmark = pytest.mark.django_db

# Team A, six answers: promoters 10, 9, 9; passive 7; detractors 6, 3.
# eNPS = 100 × (3 − 2) / 6 = 16.67; workload (5+4+4+3+2+1)/6 = 3.17; growth 4.00; manager (5+5+5+4+4+3)/6 = 4.33.
TEAM_A = [(10, 5, 4, 5), (9, 4, 4, 5), (9, 4, 4, 5), (7, 3, 4, 4), (6, 2, 4, 4), (3, 1, 4, 3)]
# Team B, three answers (all detractors): eNPS −100 on its own, never to be shown.
TEAM_B = [(0, 1, 1, 1), (0, 1, 2, 1), (1, 2, 1, 2)]
# Both together: promoters 3, detractors 5 of 9: 100 × (3 − 5) / 9 = −22.2.


@pytest.fixture
def setup(hr_user):
    team_a, team_b = make_team("Copenhagen A", "DK"), make_team("Oslo B", "NO")
    agents_a = [make_agent(team_a) for _ in TEAM_A]
    agents_b = [make_agent(team_b) for _ in TEAM_B]
    make_agent(team_a)  # invited, never answers
    survey = make_survey(hr_user, title="Puls marts")
    pulse.pulse_survey_open(survey=survey, user=hr_user)
    answer_all(survey, dict(zip(agents_a, TEAM_A, strict=True)))
    answer_all(survey, dict(zip(agents_b, TEAM_B, strict=True)))
    lead_a = make_user("lead-a", Role.MANAGER, teams=[team_a])
    return {"survey": survey, "team_a": team_a, "team_b": team_b, "lead_a": lead_a}


def close(survey, hr_user):
    pulse.pulse_survey_close(survey=survey, user=hr_user)


def test_it_shows_a_team_lead_their_teams_enps_and_item_means_computed_by_hand(client, hr_user, setup):
    close(setup["survey"], hr_user)
    client.force_login(setup["lead_a"])
    body = client.get(f"/workforce/pulse/{setup['survey'].id}/").content.decode()
    assert "16.7" in body  # eNPS
    assert "3.17" in body and "4.00" in body and "4.33" in body  # workload, growth, manager support
    assert "86 %" in body  # 6 of the 7 invited in team A answered
    assert "Oslo B" not in body and "-22.2" not in body and "-100" not in body


def test_it_hides_every_figure_of_a_group_under_five_in_the_page_csv_and_api(client, api, hr_user, setup):
    close(setup["survey"], hr_user)
    survey = setup["survey"]
    client.force_login(hr_user)
    body = client.get(f"/workforce/pulse/{survey.id}/").content.decode()
    assert "-22.2" in body  # all teams together: 9 answers
    assert "fewer than 5 answers — hidden to protect anonymity" in body
    # Team B's −100 is hidden, and so is team A's 16.7: with the total shown it would give B's away.
    assert "-100" not in body and "16.7" not in body and "3.17" not in body

    rows = list(csv.DictReader(io.StringIO(client.get(f"/workforce/pulse/{survey.id}/results.csv").content.decode())))
    by_team = {row["team"].lstrip("\ufeff"): row for row in rows}
    assert by_team["Oslo B"]["enps"] == "" and by_team["Oslo B"]["suppressed"] == "True"
    assert by_team["Oslo B"]["respondents"] == "3"
    assert all(by_team["Oslo B"][k] == "" for k in ("promoters", "detractors", "workload", "growth", "manager_support"))
    assert by_team["Copenhagen A"]["enps"] == ""
    assert float(rows[0]["enps"]) == pytest.approx(-22.22, abs=0.01)

    results = api.as_user(hr_user).get(f"/api/pulse-surveys/{survey.id}/results/").json()
    assert results["overall"]["enps"] == pytest.approx(100 * (3 - 5) / 9)
    [team_b] = [t for t in results["teams"] if t["team"] == "Oslo B"]
    assert team_b["suppressed"] is True
    assert {k: team_b[k] for k in ("enps", "promoters", "passives", "detractors", "workload")} == dict.fromkeys(
        ("enps", "promoters", "passives", "detractors", "workload")
    )


def test_it_shows_a_team_of_five_or_more_on_its_own(api, hr_user, setup):
    close(setup["survey"], hr_user)
    results = api.as_user(setup["lead_a"]).get(f"/api/pulse-surveys/{setup['survey'].id}/results/").json()
    [team_a] = results["teams"]
    assert team_a["team"] == "Copenhagen A"
    assert (team_a["promoters"], team_a["passives"], team_a["detractors"]) == (3, 1, 2)
    assert team_a["enps"] == pytest.approx(100 / 6)
    assert team_a["workload"] == pytest.approx(19 / 6) and team_a["manager_support"] == pytest.approx(26 / 6)
    assert results["overall"]["respondents"] == 6 and results["overall"]["invited"] == 7


def test_it_shows_no_figures_while_the_survey_is_open(client, api, hr_user, setup):
    client.force_login(hr_user)
    body = client.get(f"/workforce/pulse/{setup['survey'].id}/").content.decode()
    assert "-22.2" not in body and "shown when the survey is closed" in body
    results = api.as_user(hr_user).get(f"/api/pulse-surveys/{setup['survey'].id}/results/").json()
    assert results["shown"] is False and results["overall"]["enps"] is None
    assert results["overall"]["respondents"] == 9  # the response rate is visible while it runs


def test_the_survey_list_counts_answers_per_users_teams_without_names(client, hr_user, setup):
    client.force_login(setup["lead_a"])
    body = client.get("/workforce/pulse/").content.decode()
    assert "Puls marts" in body
    assert "<td>7</td>" in body and "<td>6</td>" in body  # team A: invited, answered
    client.force_login(hr_user)
    body = client.get("/workforce/pulse/").content.decode()
    assert "<td>10</td>" in body and "<td>9</td>" in body


def test_the_enps_trend_leaves_out_small_surveys_and_offers_a_csv(client, hr_user, setup):
    close(setup["survey"], hr_user)
    small_team = make_team("Malmö C", "SE")
    small = [make_agent(small_team) for _ in range(4)]
    later = make_survey(hr_user, team=small_team, title="Puls april", days=20)
    pulse.pulse_survey_open(survey=later, user=hr_user)
    answer_all(later, dict.fromkeys(small, (10, 5, 5, 5)))
    close(later, hr_user)

    trend = pulse_selectors.enps_trend(hr_user)
    assert [(row["survey"], row["respondents"]) for row in trend] == [("Puls marts", 9), ("Puls april", 4)]
    assert trend[0]["enps"] == pytest.approx(-200 / 9) and trend[1]["enps"] is None
    # Team A's 16.7 beside the total's −22.2 would give Oslo B's three answers away (the results page
    # hides it for HR too); its own lead, who sees no other team, gets it.
    assert pulse_selectors.enps_trend(hr_user, team=setup["team_a"])[0]["enps"] is None
    assert pulse_selectors.enps_trend(setup["lead_a"], team=setup["team_a"])[0]["enps"] == pytest.approx(100 / 6)
    assert [row["survey"] for row in pulse_selectors.enps_trend(setup["lead_a"])] == ["Puls marts"]

    client.force_login(hr_user)
    page = client.get("/workforce/pulse/trend/")
    assert page.status_code == 200 and b"data-enps-trend" in page.content and b"-22.2" in page.content
    rows = list(csv.DictReader(io.StringIO(client.get("/workforce/pulse/trend.csv").content.decode().lstrip("\ufeff"))))
    assert [(r["survey"], r["respondents"], r["enps"]) for r in rows] == [
        ("Puls marts", "9", "-22.2"),
        ("Puls april", "4", ""),
    ]


def test_it_lets_only_hr_create_open_and_close_surveys(client, api, manager, recruiter, hr_user, setup):
    client.force_login(manager)
    assert client.get("/workforce/pulse/new/").status_code == 403
    assert client.post(f"/workforce/pulse/{setup['survey'].id}/close/").status_code == 403
    assert api.as_user(manager).post("/api/pulse-surveys/", {}, format="json").status_code == 403
    client.force_login(recruiter)
    assert client.get("/workforce/pulse/").status_code == 403
    assert api.as_user(recruiter).get("/api/pulse-surveys/").status_code == 403

    hr = api.as_user(hr_user)
    created = hr.post(
        "/api/pulse-surveys/",
        {"title": "Puls maj", "team": setup["team_a"].id, "opens_on": "2026-05-01", "closes_on": "2099-05-14"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    survey_id = created.json()["id"]
    assert hr.post(f"/api/pulse-surveys/{survey_id}/close/").status_code == 409
    opened = hr.post(f"/api/pulse-surveys/{survey_id}/open/")
    assert opened.status_code == 200 and opened.json()["invited"] == 7
    assert hr.post(f"/api/pulse-surveys/{survey_id}/open/").status_code == 409
    assert hr.post(f"/api/pulse-surveys/{survey_id}/close/").json()["status"] == "closed"


def test_it_refuses_bad_survey_input_with_a_clear_message(client, api, hr_user):
    hr = api.as_user(hr_user)
    backwards = hr.post(
        "/api/pulse-surveys/",
        {"title": "Puls", "opens_on": "2026-05-14", "closes_on": "2026-05-01"},
        format="json",
    )
    assert backwards.status_code == 400 and "closing date" in backwards.json()["message"]
    assert hr.post("/api/pulse-surveys/", {"title": "\x00", "opens_on": "x"}, format="json").status_code == 400
    client.force_login(hr_user)
    page = client.post("/workforce/pulse/new/", {"title": "Puls", "opens_on": "2026-05-14", "closes_on": "2026-05-01"})
    assert page.status_code == 400 and b"closing date" in page.content
    created = client.post(
        "/workforce/pulse/new/", {"title": "Puls", "opens_on": "2026-05-01", "closes_on": "2026-05-14"}
    )
    assert created.status_code == 302


def test_a_team_lead_of_another_team_cannot_see_a_teams_survey(client, hr_user, setup):
    survey = make_survey(hr_user, team=setup["team_b"], title="Kun Oslo")
    client.force_login(setup["lead_a"])
    assert client.get(f"/workforce/pulse/{survey.id}/").status_code == 404
    assert "Kun Oslo" not in client.get("/workforce/pulse/").content.decode()


def test_the_home_page_links_hr_and_team_leads_to_the_pulse_surveys(client, hr_user, manager, recruiter):
    for user, shown in ((hr_user, True), (manager, True), (recruiter, False)):
        client.force_login(user)
        assert ('href="/workforce/pulse/"' in client.get("/").content.decode()) is shown


def test_it_shows_a_teams_enps_trend_only_where_no_hidden_group_can_be_worked_out_from_it(client, hr_user):
    # Three teams: the results page shows the total (14 answers) and team A (6), and hides Oslo B (3)
    # and, so that B cannot be worked out, Stockholm C (5, the smallest shown). A's trend figure gives
    # nothing new away; C's would (with the total and A, it gives B), so it is hidden there too.
    teams = {name: make_team(name, country) for name, country in (("A", "DK"), ("B", "NO"), ("C", "SE"))}
    answers = {"A": TEAM_A, "B": TEAM_B, "C": [(9, 4, 4, 4)] * 5}
    agents = {name: [make_agent(teams[name]) for _ in answers[name]] for name in teams}
    survey = make_survey(hr_user, title="Puls maj")
    pulse.pulse_survey_open(survey=survey, user=hr_user)
    for name in teams:
        answer_all(survey, dict(zip(agents[name], answers[name], strict=True)))
    close(survey, hr_user)
    results = pulse_selectors.survey_results(user=hr_user, survey=survey)
    assert {t["team"]: t["suppressed"] for t in results["teams"]} == {"A": False, "B": True, "C": True}
    assert pulse_selectors.enps_trend(hr_user, team=teams["A"])[0]["enps"] == pytest.approx(100 / 6)
    assert pulse_selectors.enps_trend(hr_user, team=teams["C"])[0]["enps"] is None
    assert pulse_selectors.enps_trend(hr_user, team=teams["B"])[0]["enps"] is None
    client.force_login(hr_user)
    page = client.get(f"/workforce/pulse/trend/?team={teams['C'].id}")
    assert page.status_code == 200 and b"data-enps-trend" in page.content and b"100.0" not in page.content


def test_it_writes_the_trend_csv_for_a_danish_spreadsheet_when_asked_in_danish(client, hr_user, setup):
    from django.conf import settings

    close(setup["survey"], hr_user)
    client.force_login(hr_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    text = client.get("/workforce/pulse/trend.csv").content.decode().lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [(r["survey"], r["respondents"], r["enps"]) for r in rows] == [("Puls marts", "9", "-22,2")]
