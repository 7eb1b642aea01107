"""The demo contact centre's generator (pure): the figures the dashboard will show on the demo must be
the ones the datasets README and the seeds describe, and the effects the closing-the-loop and risk
sections look for must point the right way."""

import bisect
from collections import Counter, defaultdict
from datetime import date

import pytest

from hiring.models import Candidate
from profiles.service_types import SERVICE_TYPES
from workforce.analysis.rates import month_end_headcounts, voluntary_attrition_rate
from workforce.demo_population import FIRST_NAMES, LAST_NAMES, TeamSpec, population
from workforce.models import (
    Channel,
    CoachingTopic,
    EmploymentStatus,
    ExitReason,
    ExitType,
    GoalStatus,
    MoveKind,
    PlanStatus,
    TrainingKind,
)

TODAY = date(2026, 6, 15)


@pytest.fixture(scope="module")
def centre():
    """4,000 periods over 3 years (plus 2 years of history): big enough for the fit bands."""
    return population(n_agents=4000, years=3, today=TODAY, seed=11)


def window_figures(pop):
    start, end = pop.window_start, pop.today
    spells = [(a.hire_date, a.exit_date) for a in pop.agents]
    headcounts = [n for _, n in month_end_headcounts(spells, start, end)]
    exits = [a for a in pop.agents if a.exit_date and start < a.exit_date <= end]
    voluntary = sum(1 for a in exits if a.exit_type == "voluntary")
    rate = voluntary_attrition_rate(voluntary, headcounts, (end - start).days)
    return rate, exits


def test_it_is_the_same_centre_for_the_same_seed_and_another_for_another():
    first = population(n_agents=300, years=2, today=TODAY, seed=3)
    again = population(n_agents=300, years=2, today=TODAY, seed=3)
    other = population(n_agents=300, years=2, today=TODAY, seed=4)
    assert first.agents == again.agents
    assert (first.coaching, first.pulse, first.plans, first.snapshots) == (
        again.coaching,
        again.pulse,
        again.plans,
        again.snapshots,
    )
    assert [a.hire_date for a in first.agents] != [a.hire_date for a in other.agents]


def test_it_hires_exactly_the_agents_asked_for_each_with_their_own_number(centre):
    assert len(centre.agents) == 4000
    assert len({(a.employee_number, a.hire_date) for a in centre.agents}) == 4000


def test_some_who_resigned_come_back_as_a_new_period_of_the_same_person(centre):
    periods = defaultdict(list)
    for a in centre.agents:
        periods[a.employee_number].append(a)
    rehired = [p for p in periods.values() if len(p) > 1]
    assert 10 <= len(rehired) <= 200, len(rehired)
    for earlier, later, *_ in rehired:
        assert (earlier.name, earlier.email) == (later.name, later.email)
        assert earlier.exit_type == "voluntary"
        assert (later.hire_date - earlier.exit_date).days >= 180
    assert min(a.hire_date for a in centre.agents) >= date(2021, 6, 1)  # the launch month
    assert max(a.hire_date for a in centre.agents) <= TODAY
    # Hiring continues through the window, in waves: some months take far more than others.
    per_month = Counter((a.hire_date.year, a.hire_date.month) for a in centre.agents if a.hire_date >= date(2024, 1, 1))
    assert len(per_month) >= 24
    assert max(per_month.values()) >= 2 * sorted(per_month.values())[len(per_month) // 2]


def test_annual_voluntary_attrition_is_in_the_industrys_band(centre):
    rate, exits = window_figures(centre)
    # README: commonly 30-45% a year; a little tolerance for the draw.
    assert 0.28 <= rate <= 0.47, rate
    involuntary = sum(1 for a in exits if a.exit_type == "involuntary") / len(exits)
    assert 0.08 <= involuntary <= 0.22, involuntary


def test_half_or_more_of_the_exits_come_in_the_first_three_months(centre):
    _rate, exits = window_figures(centre)
    early = sum(1 for a in exits if (a.exit_date - a.hire_date).days <= 91) / len(exits)
    # README: 50-60% of attrition in the first three months.
    assert 0.47 <= early <= 0.63, early


def test_agents_left_undeveloped_for_120_days_resign_more_often(centre):
    """Person-months from month 5 on: the voluntary exit rate in a month that starts more than 120
    days after the last coaching, training, plan or move is clearly higher."""
    activity = defaultdict(list)
    for rows, attr in (
        (centre.coaching, "held_on"),
        (centre.trainings, "completed_on"),
        (centre.plans, "starts_on"),
        (centre.moves, "moved_on"),
    ):
        for row in rows:
            activity[row.agent].append(getattr(row, attr).toordinal())
    for days in activity.values():
        days.sort()
    months = {True: [0, 0], False: [0, 0]}
    for agent in centre.agents:
        day = agent.hire_date.toordinal() + 121
        last = (agent.exit_date or centre.today).toordinal()
        days = activity[agent.index]
        while day < last:
            undeveloped = day - days[bisect.bisect_right(days, day) - 1] > 120
            left = agent.exit_type == "voluntary" and day <= agent.exit_date.toordinal() < day + 30
            months[undeveloped][0] += left
            months[undeveloped][1] += 1
            if left:
                break
            day += 30
    undeveloped_rate = months[True][0] / months[True][1]
    developed_rate = months[False][0] / months[False][1]
    assert undeveloped_rate > 1.8 * developed_rate, months


def test_specialists_stay_longer_than_generalists_after_the_first_year(centre):
    moved = {m.agent for m in centre.moves if m.kind == "specialist"}
    assert moved, "some generalists moved to a specialist track"
    rates = {}
    for group in (True, False):
        stayed = [
            a
            for a in centre.agents
            if (a.index in moved) == group and (a.exit_date is None or (a.exit_date - a.hire_date).days > 365)
        ]
        years = sum(((a.exit_date or centre.today) - a.hire_date).days - 365 for a in stayed) / 365
        left = sum(1 for a in stayed if a.exit_type == "voluntary")
        rates[group] = left / years
    assert rates[True] < rates[False], rates


def test_detractors_are_about_three_times_likelier_to_resign(centre):
    """README: 'would recommend' 0-6 -> about 3x likelier to resign (here: within 180 days)."""
    counts = {True: [0, 0], False: [0, 0]}
    for answer in centre.pulse:
        if (centre.today - answer.answered_on).days < 180:
            continue
        agent = centre.agents[answer.agent]
        left = agent.exit_type == "voluntary" and (agent.exit_date - answer.answered_on).days <= 180
        counts[answer.recommend <= 6][0] += left
        counts[answer.recommend <= 6][1] += 1
    ratio = (counts[True][0] / counts[True][1]) / (counts[False][0] / counts[False][1])
    assert 2.0 <= ratio <= 4.5, (ratio, counts)


def test_servicefit_hires_with_a_good_fit_leave_less_in_their_first_six_months(centre):
    hired = [a for a in centre.agents if a.servicefit_hire]
    assert all((TODAY - a.hire_date).days <= 18 * 31 for a in hired)
    assert all(a.hiring_dominant_type in SERVICE_TYPES and a.hiring_fit_label for a in hired)
    for a in hired:  # the profile as a hire's: the dominant type scores highest, on the 1-5 scale
        scores = a.hiring_profile["type_scores"]
        assert max(scores, key=scores.get) == a.hiring_dominant_type
        assert all(1 <= v <= 5 for v in scores.values())
        assert date.fromisoformat(a.hiring_profile["submitted_on"]) < a.hire_date
    assert not any(a.hiring_profile or a.hiring_fit is not None for a in centre.agents if not a.servicefit_hire)
    settled = [a for a in hired if (TODAY - a.hire_date).days >= 182]
    groups = defaultdict(lambda: [0, 0])
    for a in settled:
        good = a.hiring_fit_label in ("strong", "good")
        groups[good][0] += a.exit_type == "voluntary" and (a.exit_date - a.hire_date).days <= 182
        groups[good][1] += 1
    assert min(n for _, n in groups.values()) >= 100, dict(groups)
    good_rate, weaker_rate = (groups[True][0] / groups[True][1]), (groups[False][0] / groups[False][1])
    # A modest true effect: clearly lower, not a different world.
    assert 0.5 * weaker_rate < good_rate < 0.92 * weaker_rate, dict(groups)


def test_competencies_grow_more_for_agents_who_are_developed(centre):
    by_agent = defaultdict(list)
    for snapshot in centre.snapshots:
        by_agent[snapshot.agent].append(snapshot)
    growth = defaultdict(list)
    for agent, snapshots in by_agent.items():
        if len(snapshots) < 3:
            continue
        first, last = snapshots[0], snapshots[-1]
        shared = set(first.levels) & set(last.levels)
        years = (last.taken_on - first.taken_on).days / 365
        gain = sum(last.levels[c] - first.levels[c] for c in shared) / len(shared) / years
        growth[centre.agents[agent].development_class].append(gain)
    means = {k: sum(v) / len(v) for k, v in growth.items()}
    assert means[2] > means[0] + 0.2, means
    assert all(1 <= level <= 5 for s in centre.snapshots for level in s.levels.values())


def test_names_are_nordic_and_follow_the_team_the_agent_was_hired_into():
    teams = (TeamSpec("København", "DK"), TeamSpec("Oslo", "NO"), TeamSpec("Stockholm", "SE"))
    managers = ()
    pop = population(n_agents=900, years=2, today=TODAY, seed=5, teams=teams, managers=managers)
    moved = {m.agent for m in pop.moves if m.kind == "internal"}
    country = {t.key: t.country for t in teams}
    for agent in pop.agents:
        if agent.index in moved:
            continue
        first, last = agent.name.split(" ")
        assert first in FIRST_NAMES[country[agent.team]], agent
        assert last in LAST_NAMES[country[agent.team]], agent
        assert agent.manager is None
    assert len({a.name.split()[0] for a in pop.agents}) >= 80
    assert len({a.email for a in pop.agents}) == len({a.employee_number for a in pop.agents})
    assert all(a.email.isascii() for a in pop.agents)
    names = " ".join(a.name for a in pop.agents)
    assert all(letter in names for letter in "øåö")


def test_no_record_falls_outside_the_agents_employment(centre):
    agents = centre.agents
    for a in agents:
        assert a.exit_date is None or a.exit_date > a.hire_date
        assert a.exit_date is None or a.exit_date <= TODAY
        assert bool(a.exit_date) == bool(a.exit_type) == bool(a.exit_reason) == (a.employment_status == "exited")
    for rows, attr in (
        (centre.coaching, "held_on"),
        (centre.trainings, "completed_on"),
        (centre.plans, "starts_on"),
        (centre.moves, "moved_on"),
        (centre.snapshots, "taken_on"),
        (centre.pulse, "answered_on"),
    ):
        for row in rows:
            agent = agents[row.agent]
            day = getattr(row, attr)
            assert agent.hire_date <= day <= TODAY, (agent, row)
            assert agent.exit_date is None or day < agent.exit_date, (agent, row)


def test_pulse_answers_are_one_per_survey_on_the_scales_and_in_the_survey_window(centre):
    surveys = {s.key: s for s in centre.surveys}
    assert len(surveys) == len(centre.surveys) >= 19  # quarterly over five years
    seen = Counter((r.agent, r.survey) for r in centre.pulse)
    assert max(seen.values()) == 1
    invited = set(centre.invited)
    assert set(seen) <= invited
    assert 0.6 < len(seen) / len(invited) < 0.95  # not everyone answers
    for r in centre.pulse:
        assert surveys[r.survey].opens_on <= r.answered_on <= surveys[r.survey].closes_on
        assert 0 <= r.recommend <= 10 and all(1 <= v <= 5 for v in (r.workload, r.growth, r.manager_support))


def test_every_code_is_one_the_models_know(centre):
    agents = centre.agents
    assert {a.exit_type for a in agents if a.exit_type} <= set(ExitType.values)
    assert {a.exit_reason for a in agents if a.exit_reason} <= set(ExitReason.values)
    assert {a.employment_status for a in agents} <= set(EmploymentStatus.values)
    assert {c for a in agents for c in a.channels} <= set(Channel.values)
    assert {c.topic for c in centre.coaching} <= set(CoachingTopic.values)
    assert {t.kind for t in centre.trainings} == set(TrainingKind.values)
    assert {m.kind for m in centre.moves} == set(MoveKind.values)
    assert {p.status for p in centre.plans} == set(PlanStatus.values)
    assert {g.status for p in centre.plans for g in p.goals} == set(GoalStatus.values)
    assert {a.source for a in agents} == set(Candidate.Source.values)
    involuntary = {a.exit_reason for a in agents if a.exit_type == "involuntary"}
    assert involuntary <= {"performance", "conduct", "redundancy", "end_of_contract"}
