"""The discrete-time hazard model: person-months by hand, no leakage, recovery of a true effect,
scoring from JSON alone."""

import json
from datetime import date

import numpy as np
import pytest

from tests.workforce.hazard_population import population
from workforce.analysis import hazard
from workforce.analysis.hazard import AgentHistory, Goal, PulseAnswer

UNTIL = date(2026, 1, 1)


def three_agents():
    return [
        # Left voluntarily in her 3rd month (months 0, 1 without the event, month 2 with it).
        AgentHistory(
            agent_id=1,
            hire_date=date(2025, 1, 15),
            exit_date=date(2025, 4, 1),
            exit_type="voluntary",
            team="A",
            manager="m1",
            fit=0.8,
            development=[date(2025, 2, 1), date(2025, 3, 20)],
            pulse=[PulseAnswer(date(2025, 2, 10), 8, 4), PulseAnswer(date(2025, 3, 14), 5, 2)],
        ),
        # Dismissed in his 2nd month: censored, so both months carry no event.
        AgentHistory(
            agent_id=2,
            hire_date=date(2025, 6, 1),
            exit_date=date(2025, 7, 10),
            exit_type="involuntary",
            team="B",
            manager="m2",
        ),
        # Still employed: whole months up to UNTIL only (Sep 1 → Dec 1 is 4 months ending by Jan 1).
        AgentHistory(
            agent_id=3,
            hire_date=date(2025, 9, 1),
            team="A",
            manager="m1",
            moves=[date(2025, 11, 15)],
            goals=[Goal(date(2025, 10, 1), date(2025, 11, 1)), Goal(date(2025, 10, 1))],
        ),
    ]


def test_it_builds_person_months_by_hand_with_censoring():
    data = hazard.person_months(three_agents(), UNTIL)
    assert data.agent_ids == [1, 1, 1, 2, 2, 3, 3, 3, 3]
    assert data.tenure == [0, 1, 2, 0, 1, 0, 1, 2, 3]
    assert data.month_starts[:3] == [date(2025, 1, 15), date(2025, 2, 15), date(2025, 3, 15)]
    # Only the voluntary exit is an event; the involuntary exit and the current agent are censored.
    assert data.events.tolist() == [0, 0, 1, 0, 0, 0, 0, 0, 0]


def test_it_uses_only_what_was_known_at_the_start_of_each_month():
    data = hazard.person_months(three_agents(), UNTIL)
    first, second, third = data.rows[:3]
    # Month 0 (Jan 15): nothing yet; days without development count from the hire.
    assert first["no_development_yet"] == 1 and first["days_since_development"] == 0
    assert first["no_pulse"] == 1 and first["pulse_recommend"] is None
    # Month 1 (Feb 15): the Feb 1 activity and the Feb 10 pulse, not the March ones.
    assert second["days_since_development"] == 14 and second["no_development_yet"] == 0
    assert second["pulse_recommend"] == 8 and second["pulse_growth_change"] == 0
    # Month 2 (Mar 15): the Mar 14 pulse (growth 4 → 2), the Mar 20 activity is still in the future.
    assert third["days_since_development"] == (date(2025, 3, 15) - date(2025, 2, 1)).days
    assert third["pulse_growth_change"] == -2 and third["pulse_recommend"] == 5
    assert third["log_tenure"] == pytest.approx(np.log(3)) and third["tenure_0_3"] == 1
    # Agent 3 (months from Sep 1, Oct 1, Nov 1, Dec 1): a record dated on a month's first day is
    # known from the next month on; plan progress and the move appear only once they happened.
    agent3 = data.rows[5:]
    assert [row["no_plan"] for row in agent3] == [1, 1, 0, 0]
    assert [row["plan_progress"] for row in agent3] == [0, 0, 0, 0.5]
    assert [row["no_move_yet"] for row in agent3] == [1, 1, 1, 0]
    assert agent3[3]["months_since_move"] == 0


def test_it_finds_that_little_development_raises_the_risk():
    agents = population(600, seed=3)
    params, metrics, _data = hazard.train(agents, UNTIL, min_level_rows=50)
    assert metrics["concordance"] > 0.6
    assert 0 < metrics["brier"] < 0.25
    assert len(metrics["held_out"]["calibration"]["deciles"]) == 10
    coef = dict(zip(params["features"], params["coef"], strict=True))
    assert coef["days_since_development"] > 0.2
    # An agent without development for most of a year gets it among her drivers, in her own values.
    current = [a for a in agents if hazard.at_risk_on(a, UNTIL)]
    rows = [hazard.current_features(a, UNTIL) for a in current]
    neglected = max(range(len(rows)), key=lambda i: rows[i]["days_since_development"])
    assert rows[neglected]["days_since_development"] > 150
    drivers = hazard.top_drivers(hazard.attributions(params, rows)[neglected])
    assert "development" in [group for group, _ in drivers]
    assert hazard.driver_values(rows[neglected], "development")["days"] == int(
        rows[neglected]["days_since_development"]
    )
    # Developed agents are predicted a lower risk.
    probability = hazard.predict_proba(params, rows)
    recent = np.array([row["days_since_development"] < 60 for row in rows])
    assert probability[recent].mean() < probability[~recent].mean()


def test_it_scores_from_its_json_exactly_as_the_fitted_model():
    agents = population(200, seed=5)
    data = hazard.person_months(agents, UNTIL)
    params = hazard.fit(data, min_level_rows=50)
    stored = json.loads(json.dumps(hazard.to_json(params)))
    assert "_sklearn" not in stored
    X = hazard._design(data.rows, params)
    Z = (X - np.asarray(params["means"])) / np.asarray(params["scales"])
    expected = params["_sklearn"].predict_proba(Z)[:, 1]
    assert np.abs(hazard.monthly_hazard(stored, data.rows) - expected).max() < 1e-9


def test_it_turns_monthly_hazards_into_the_horizon_probability():
    agents = population(200, seed=5)
    params = hazard.to_json(hazard.fit(hazard.person_months(agents, UNTIL), min_level_rows=50))
    row = hazard.current_features(agents[0], UNTIL)
    by_hand = 1.0
    for step in range(6):
        advanced = dict(row, _tenure_months=row["_tenure_months"] + step)
        advanced.update(
            log_tenure=np.log1p(advanced["_tenure_months"]),
            tenure_0_3=float(advanced["_tenure_months"] < 3),
            tenure_3_6=float(3 <= advanced["_tenure_months"] < 6),
            tenure_6_12=float(6 <= advanced["_tenure_months"] < 12),
        )
        by_hand *= 1 - hazard.monthly_hazard(params, [advanced])[0]
    assert hazard.predict_proba(params, [row])[0] == pytest.approx(1 - by_hand, abs=1e-12)
    assert hazard.predict_proba(params, [row], horizon=1)[0] < hazard.predict_proba(params, [row])[0]


def test_it_pools_rare_teams_and_scores_unseen_ones_as_other():
    agents = population(200, seed=5)
    agents[0].team = "Tiny"
    params = hazard.fit(hazard.person_months(agents, UNTIL), min_level_rows=50)
    assert "Tiny" not in params["levels"]["team"] and "other" in params["levels"]["team"]
    row = hazard.current_features(agents[1], UNTIL)
    unseen = dict(row, _team="Brand new team")
    other = dict(row, _team="other")
    assert hazard.predict_proba(params, [unseen])[0] == hazard.predict_proba(params, [other])[0]


def test_it_measures_calibration_against_hand_computed_figures():
    result = hazard.calibration(np.array([0.1, 0.2, 0.8, 0.9]), np.array([0, 0, 1, 1]), bins=2)
    assert result["brier"] == pytest.approx((0.01 + 0.04 + 0.04 + 0.01) / 4)
    assert result["deciles"] == [
        {"decile": 1, "n": 2, "predicted": pytest.approx(0.15), "observed": 0.0},
        {"decile": 2, "n": 2, "predicted": pytest.approx(0.85), "observed": 1.0},
    ]


def test_it_counts_months_like_a_calendar():
    assert hazard.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert hazard.months_between(date(2025, 1, 31), date(2025, 2, 27)) == 0
    assert hazard.months_between(date(2025, 1, 15), date(2025, 3, 15)) == 2
