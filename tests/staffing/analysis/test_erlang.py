import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.linalg import expm

from staffing.analysis.erlang import (
    agents_required,
    agents_required_many,
    asa_seconds,
    chat_agents_required,
    email_agent_hours,
    erlang_a,
    erlang_c,
    gross_agents,
    service_level,
    service_level_many,
    traffic_erlangs,
)

# The reference case: 100 contacts in 30 minutes, AHT 3 minutes, 80 % answered in 20 s.
REFERENCE = {"contacts": 100, "interval_seconds": 1800, "aht_seconds": 180}


def exact_erlang_c(traffic: Fraction, agents: int) -> Fraction:
    """The textbook formula in exact fractions, factorials and all."""
    top = traffic**agents / math.factorial(agents) * agents / (agents - traffic)
    return top / (sum(traffic**k / math.factorial(k) for k in range(agents)) + top)


def ctmc_erlang_a(*, contacts, interval_seconds, aht_seconds, patience_seconds, agents, target_seconds, queue=300):
    """Erlang A from the birth-death chain itself, truncated at `queue` waiting contacts: the stationary
    distribution by detailed balance, and each arrival's fate (answered by t, abandoned) from the
    matrix exponential of its place in the queue, which moves up as contacts ahead are served or
    leave, while its own patience runs out at rate θ."""
    lam, mu, theta, n = contacts / interval_seconds, 1 / aht_seconds, 1 / patience_seconds, agents
    deaths = [min(k, n) * mu + max(k - n, 0) * theta for k in range(1, n + queue + 1)]
    log_p = np.concatenate([[0.0], np.cumsum(np.log(lam / np.array(deaths)))])
    p = np.exp(log_p - log_p.max())
    p /= p.sum()
    ahead = np.arange(queue)
    moves = n * mu + ahead * theta  # rate at which the contact moves up (or, at the head, is answered)
    generator = np.zeros((queue + 2, queue + 2))  # last two: answered, abandoned
    generator[ahead, ahead] = -(moves + theta)
    generator[ahead[1:], ahead[:-1]] = moves[1:]
    generator[0, queue] = n * mu
    generator[ahead, queue + 1] = theta
    arriving = p[n : n + queue]
    answered_by_target = arriving @ expm(generator * target_seconds)[:queue, queue]
    answered_at_all = arriving @ np.cumprod(moves / (moves + theta))
    waited_by_answered = arriving @ (np.cumprod(moves / (moves + theta)) * np.cumsum(1 / (moves + theta)))
    waiting = p[n:].sum()
    abandonment = waiting - answered_at_all
    return {
        "service_level": 1 - waiting + answered_by_target,
        "abandonment": abandonment,
        "probability_of_waiting": waiting,
        "asa_seconds": waited_by_answered / (1 - abandonment),
        "occupancy": lam * (1 - abandonment) / (n * mu),
    }


def test_it_staffs_the_reference_case_with_the_published_figures():
    staffing = agents_required(
        **REFERENCE, target_answer_seconds=20, service_level=0.8, max_occupancy=0.85, shrinkage=0.3
    )
    assert staffing.agents == 14
    assert staffing.agents_with_shrinkage == 20
    assert staffing.service_level == pytest.approx(0.8884, abs=5e-5)
    assert staffing.occupancy == pytest.approx(0.7143, abs=5e-5)
    assert staffing.probability_of_waiting == pytest.approx(0.1741, abs=5e-5)
    assert staffing.asa_seconds == pytest.approx(7.84, abs=0.01)
    assert staffing.abandonment is None


def test_it_gives_the_reference_figures_from_the_scalar_functions():
    traffic = traffic_erlangs(100, 180, 1800)
    assert traffic == 10
    assert erlang_c(traffic, 14) == pytest.approx(0.1741, abs=5e-5)
    assert service_level(traffic, 14, 180, 20) == pytest.approx(0.8884, abs=5e-5)
    assert asa_seconds(traffic, 14, 180) == pytest.approx(7.84, abs=0.01)
    # 13 agents miss 80/20, which is why the answer is 14 even before the occupancy cap.
    assert service_level(traffic, 13, 180, 20) < 0.8


@pytest.mark.parametrize(
    ("traffic", "agents"), [(Fraction(10), 14), (Fraction(1, 3), 1), (Fraction(47, 2), 30), (7, 8)]
)
def test_it_equals_the_textbook_erlang_c_at_whole_agents(traffic, agents):
    assert erlang_c(float(traffic), agents) == pytest.approx(
        float(exact_erlang_c(Fraction(traffic), agents)), rel=1e-12
    )


def test_it_says_everyone_waits_when_agents_cannot_keep_up():
    assert erlang_c(10, 10) == 1.0
    assert erlang_c(10, 9.5) == 1.0
    assert service_level(10, 10, 180, 20) == 0.0
    assert asa_seconds(10, 9, 180) == math.inf


def test_it_lets_no_one_wait_without_traffic():
    assert erlang_c(0, 3) == 0.0
    assert service_level(0, 0, 180, 20) == 1.0
    assert asa_seconds(0, 1, 180) == 0.0
    staffing = agents_required(
        contacts=0, interval_seconds=900, aht_seconds=300, target_answer_seconds=20, service_level=0.8
    )
    assert (staffing.agents, staffing.agents_with_shrinkage, staffing.service_level) == (0, 0, 1.0)


def test_it_reproduces_the_erlang_a_reference_case():
    result = erlang_a(**REFERENCE, patience_seconds=120, agents=13, target_seconds=20)
    assert result.service_level == pytest.approx(0.889, abs=5e-4)
    assert result.abandonment == pytest.approx(0.038, abs=5e-4)
    # The model's exact figures, checked against the chain below: 0.8886 answered within 20 s of
    # all OFFERED contacts (0.924 of the answered ones would be another definition).
    assert result.service_level == pytest.approx(0.88855, abs=5e-6)
    assert result.abandonment == pytest.approx(0.03843, abs=5e-6)


@pytest.mark.parametrize(
    "case",
    [
        {**REFERENCE, "patience_seconds": 120, "agents": 13, "target_seconds": 20},
        {**REFERENCE, "patience_seconds": 120, "agents": 8, "target_seconds": 20},  # fewer agents than Erlangs
        {
            "contacts": 300,
            "interval_seconds": 900,
            "aht_seconds": 420,
            "patience_seconds": 45,
            "agents": 150,
            "target_seconds": 30,
        },
        {
            "contacts": 12,
            "interval_seconds": 1800,
            "aht_seconds": 600,
            "patience_seconds": 900,
            "agents": 2,
            "target_seconds": 0,
        },
        # 10,000 Erlangs on 3,000 agents with 2 s of patience: Erlang B's incomplete gamma underflows here.
        {
            "contacts": 36_000,
            "interval_seconds": 1800,
            "aht_seconds": 500,
            "patience_seconds": 2,
            "agents": 3000,
            "target_seconds": 1,
        },
    ],
)
def test_it_agrees_with_the_birth_death_chain_for_erlang_a(case):
    expected = ctmc_erlang_a(**case)
    result = erlang_a(**case)
    for field in ("service_level", "abandonment", "probability_of_waiting", "occupancy"):
        assert getattr(result, field) == pytest.approx(expected[field], abs=1e-9), field
    assert result.asa_seconds == pytest.approx(expected["asa_seconds"], rel=1e-8)


def test_it_tends_to_erlang_c_as_patience_grows():
    erlang_c_figures = erlang_a(**REFERENCE, patience_seconds=math.inf, agents=14, target_seconds=20)
    assert erlang_c_figures.service_level == service_level(10, 14, 180, 20)
    assert erlang_c_figures.abandonment == 0.0
    gaps = []
    for patience in (120, 1e3, 1e4, 1e5, 1e6, 1e8, 1e10):
        result = erlang_a(**REFERENCE, patience_seconds=patience, agents=14, target_seconds=20)
        gaps.append(
            max(
                abs(result.service_level - erlang_c_figures.service_level),
                abs(result.probability_of_waiting - erlang_c_figures.probability_of_waiting),
                abs(result.asa_seconds - erlang_c_figures.asa_seconds) / erlang_c_figures.asa_seconds,
                result.abandonment,
            )
        )
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < 1e-7  # the gap shrinks as 1 / patience: 4e-6 at 1e8 s, 4e-8 at 1e10 s


def test_it_needs_fewer_agents_when_some_callers_give_up():
    staffing = agents_required(
        **REFERENCE, target_answer_seconds=20, service_level=0.8, max_occupancy=0.85, patience_seconds=120
    )
    # 12 agents answer 0.826 of the offered calls within 20 s while 6.2 % abandon; 11 are too few.
    assert staffing.agents == 12
    assert staffing.service_level == pytest.approx(0.8256, abs=5e-5)
    assert staffing.abandonment == pytest.approx(0.0616, abs=5e-5)
    assert staffing.occupancy == pytest.approx(10 * (1 - staffing.abandonment) / 12)
    assert erlang_a(**REFERENCE, patience_seconds=120, agents=11, target_seconds=20).service_level < 0.8


def test_it_staffs_a_large_centre_without_overflow():
    contacts = 10_000  # 1,000 Erlangs in 30 minutes
    staffing = agents_required(
        contacts=contacts, interval_seconds=1800, aht_seconds=180, target_answer_seconds=20, service_level=0.8
    )
    assert 1000 < staffing.agents < 1100
    assert service_level(1000, staffing.agents - 1, 180, 20) < 0.8 <= staffing.service_level
    agents = np.arange(1001, 1200)
    levels = service_level_many(
        np.full(agents.size, contacts), 180, agents, interval_seconds=1800, target_answer_seconds=20
    )
    assert np.all(np.isfinite(levels))
    assert np.all(np.diff(levels) >= 0)
    assert np.all(np.diff(levels[levels < 0.999999]) > 0)  # strictly, until it is 1 to float precision
    assert levels[-1] == pytest.approx(1.0, abs=1e-9)
    # Erlang B's recursion 1/B(k) = 1 + k/(A·B(k-1)) needs no factorial either: an independent check.
    inverse = 1.0
    for k in range(1, 1051):
        inverse = 1 + inverse * k / 1000
    blocking = 1 / inverse
    assert erlang_c(1000, 1050) == pytest.approx(1050 * blocking / (1050 - 1000 * (1 - blocking)), rel=1e-10)


def test_it_staffs_a_hundred_thousand_erlangs():
    staffing = agents_required(
        contacts=1_000_000,
        interval_seconds=1800,
        aht_seconds=180,
        target_answer_seconds=20,
        service_level=0.8,
        patience_seconds=300,
    )
    assert 90_000 < staffing.agents < 100_100
    assert 0.8 <= staffing.service_level < 0.81
    assert all(math.isfinite(value) for value in (staffing.asa_seconds, staffing.abandonment, staffing.occupancy))


@pytest.mark.parametrize("patience", [None, 120])
def test_it_moves_continuously_between_whole_agents(patience):
    whole = np.array([11.0, 12.0, 13.0])
    near = np.concatenate([whole - 1e-7, whole, whole + 1e-7])
    grid = np.linspace(11.0, 13.0, 201)
    levels = service_level_many(
        np.full(near.size, 100), 180, near, interval_seconds=1800, target_answer_seconds=20, patience_seconds=patience
    ).reshape(3, 3)
    assert np.abs(levels - levels[1]).max() < 1e-6
    on_grid = service_level_many(
        np.full(grid.size, 100), 180, grid, interval_seconds=1800, target_answer_seconds=20, patience_seconds=patience
    )
    assert np.all(np.diff(on_grid) > 0)
    assert np.abs(np.diff(on_grid)).max() < 0.01  # no jump anywhere between 11 and 13 agents
    assert erlang_c(10, 12.5) < erlang_c(10, 12) and erlang_c(10, 12.5) > erlang_c(10, 13)


@pytest.mark.parametrize("patience", [60, 600, math.inf])
def test_it_raises_service_level_and_lowers_occupancy_with_each_agent(patience):
    # agents_required_many bisects over agents under Erlang A: that relies on both moving one way,
    # from deep overload (20 agents for 40 Erlangs) to plenty.
    results = [
        erlang_a(
            contacts=800,
            interval_seconds=1800,
            aht_seconds=90,
            patience_seconds=patience,
            agents=agents,
            target_seconds=20,
        )
        for agents in range(20 if patience < math.inf else 41, 70)
    ]
    levels = np.array([result.service_level for result in results])
    occupancy = np.array([result.occupancy for result in results])
    assert np.all(np.diff(levels) >= -1e-12)  # deep in overload the level is 1e-13, and so is its noise
    assert np.all(np.diff(levels[(levels > 1e-9) & (levels < 0.999999)]) > 0)
    assert np.all(occupancy <= 1.0)
    assert np.all(np.diff(occupancy) <= 1e-12)
    assert np.all(np.diff(occupancy[occupancy < 0.999999]) < 0)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contacts": -1}, "contacts"),
        ({"contacts": float("nan")}, "contacts"),
        ({"aht_seconds": 0}, "AHT"),
        ({"aht_seconds": -30}, "AHT"),
        ({"interval_seconds": 0}, "interval"),
        ({"target_answer_seconds": -1}, "target"),
        ({"service_level": 0}, "service level"),
        ({"service_level": 1}, "service level"),
        ({"service_level": 80}, "service level"),
        ({"max_occupancy": 0}, "occupancy"),
        ({"max_occupancy": 1.2}, "occupancy"),
        ({"shrinkage": 1}, "shrinkage"),
        ({"shrinkage": -0.1}, "shrinkage"),
        ({"patience_seconds": 0}, "patience"),
        ({"service_level": "high"}, "service level"),
    ],
)
def test_it_refuses_bad_arguments_in_plain_words(changes, message):
    arguments = {
        **REFERENCE,
        "target_answer_seconds": 20,
        "service_level": 0.8,
        "max_occupancy": 0.85,
        "shrinkage": 0.3,
    } | changes
    with pytest.raises(ValueError, match=message):
        agents_required(**arguments)


def test_it_refuses_bad_arrays_and_scalars():
    with pytest.raises(ValueError, match="contacts"):
        agents_required_many([10, -1], [180, 180], interval_seconds=900, target_answer_seconds=20, service_level=0.8)
    with pytest.raises(ValueError, match="AHT"):
        agents_required_many([10, 5], [180, 0], interval_seconds=900, target_answer_seconds=20, service_level=0.8)
    with pytest.raises(ValueError, match="equal length"):
        agents_required_many(
            [10, 5], [180, 180, 180], interval_seconds=900, target_answer_seconds=20, service_level=0.8
        )
    with pytest.raises(ValueError, match="concurrency"):
        chat_agents_required(
            contacts=10,
            interval_seconds=900,
            aht_seconds=600,
            concurrency=0.5,
            target_answer_seconds=60,
            service_level=0.8,
        )
    with pytest.raises(ValueError, match="agents"):
        erlang_a(**REFERENCE, patience_seconds=120, agents=0, target_seconds=20)
    with pytest.raises(ValueError, match="agents"):
        service_level_many([10], [180], [-1], interval_seconds=900, target_answer_seconds=20)
    with pytest.raises(ValueError, match="traffic"):
        erlang_c(-1, 3)
    with pytest.raises(ValueError, match="shrinkage"):
        gross_agents(10, 1.0)


def test_it_returns_no_agents_for_intervals_without_contacts():
    agents = agents_required_many(
        [0, 0, 100, 0],
        [0, 0, 180, 0],
        interval_seconds=1800,
        target_answer_seconds=20,
        service_level=0.8,
        max_occupancy=0.85,
    )
    assert agents.tolist() == [0, 0, 14, 0]
    assert agents.dtype.kind == "i"
    none = agents_required_many(
        np.zeros(5), np.zeros(5), interval_seconds=900, target_answer_seconds=20, service_level=0.8, patience_seconds=60
    )
    assert none.tolist() == [0] * 5
    levels = service_level_many([0, 100], [0, 180], [0, 14], interval_seconds=1800, target_answer_seconds=20)
    assert levels == pytest.approx([1.0, 0.88835], abs=1e-5)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.one_of(st.just(0.0), st.floats(0.0, 400.0)),  # contacts
            st.floats(20.0, 900.0),  # AHT
        ),
        min_size=1,
        max_size=12,
    ),
    interval=st.sampled_from([900, 1800]),
    target=st.floats(0.0, 120.0),
    level=st.floats(0.05, 0.99),
    cap=st.floats(0.5, 1.0),
    patience=st.one_of(st.none(), st.floats(5.0, 1200.0)),
)
def test_it_staffs_many_intervals_as_it_staffs_each_one(rows, interval, target, level, cap, patience):
    contacts = np.array([row[0] for row in rows])
    aht = np.array([row[1] for row in rows])
    many = agents_required_many(
        contacts,
        aht,
        interval_seconds=interval,
        target_answer_seconds=target,
        service_level=level,
        max_occupancy=cap,
        patience_seconds=patience,
    )
    one_by_one = [
        agents_required(
            contacts=c,
            interval_seconds=interval,
            aht_seconds=a,
            target_answer_seconds=target,
            service_level=level,
            max_occupancy=cap,
            patience_seconds=patience,
        ).agents
        for c, a in zip(contacts, aht, strict=True)
    ]
    assert many.tolist() == one_by_one
    for c, a, agents in zip(contacts, aht, many, strict=True):
        if c * a / interval == 0:
            assert agents == 0
            continue
        assert passes(c, a, interval, target, level, cap, patience, agents)
        assert agents == 1 or not passes(c, a, interval, target, level, cap, patience, agents - 1)


def passes(contacts, aht, interval, target, level, cap, patience, agents):
    result = erlang_a(
        contacts=contacts,
        interval_seconds=interval,
        aht_seconds=aht,
        agents=agents,
        patience_seconds=math.inf if patience is None else patience,
        target_seconds=target,
    )
    return result.service_level >= level and result.occupancy <= cap + 1e-12


def test_it_staffs_chat_on_slots():
    common = {
        "contacts": 120,
        "interval_seconds": 900,
        "aht_seconds": 540,
        "target_answer_seconds": 30,
        "service_level": 0.8,
    }
    # 72 Erlangs of conversations. One chat at a time is the phone model; two chats need half the
    # slots' worth of agents, rounded up.
    single = chat_agents_required(**common, concurrency=1)
    assert single.agents == agents_required(**common).agents
    slots = agents_required(**common).agents
    double = chat_agents_required(**common, concurrency=2)
    assert double.agents == math.ceil(slots / 2)
    assert double.occupancy == pytest.approx(72 / (2 * double.agents))
    mixed = chat_agents_required(**common, concurrency=2.5, shrinkage=0.2)
    triple = chat_agents_required(**common, concurrency=3)
    assert triple.agents <= mixed.agents <= double.agents
    assert mixed.agents_with_shrinkage == math.ceil(mixed.agents / 0.8)
    assert mixed.service_level >= 0.8
    fewer = chat_agents_required(**common | {"contacts": 60}, concurrency=2.5)
    assert fewer.agents < mixed.agents


@pytest.mark.parametrize("concurrency", [1.0, 2.0, 2.5, 3.0])
def test_it_staffs_chat_intervals_as_it_staffs_each_one(concurrency):
    rng = np.random.default_rng(7)
    contacts = rng.integers(0, 200, 30).astype(float)
    aht = rng.uniform(300, 900, 30)
    many = agents_required_many(
        contacts,
        aht,
        interval_seconds=900,
        target_answer_seconds=60,
        service_level=0.8,
        max_occupancy=0.9,
        concurrency=concurrency,
    )
    one_by_one = [
        chat_agents_required(
            contacts=c,
            interval_seconds=900,
            aht_seconds=a,
            concurrency=concurrency,
            target_answer_seconds=60,
            service_level=0.8,
            max_occupancy=0.9,
        ).agents
        for c, a in zip(contacts, aht, strict=True)
    ]
    assert many.tolist() == one_by_one


def test_it_counts_e_mail_as_agent_hours():
    assert email_agent_hours(contacts=240, aht_seconds=360) == pytest.approx(24.0)
    assert email_agent_hours(contacts=0, aht_seconds=0) == 0.0
    hours = email_agent_hours(contacts=np.array([10, 0, 30]), aht_seconds=np.array([360, 0, 120]))
    assert hours.tolist() == pytest.approx([1.0, 0.0, 1.0])
    with pytest.raises(ValueError, match="AHT"):
        email_agent_hours(contacts=5, aht_seconds=0)
    with pytest.raises(ValueError, match="contacts"):
        email_agent_hours(contacts=-5, aht_seconds=300)


def test_it_rounds_shrinkage_up_but_not_float_noise():
    assert gross_agents(14, 0.3) == 20  # 14 / 0.7 is 20.000000000000004 in floating point
    assert gross_agents(10, 0.25) == 14
    assert gross_agents(0, 0.4) == 0
    assert gross_agents(7, 0) == 7


def test_it_finds_the_same_agents_as_pyworkforce():
    erlang = pytest.importorskip("pyworkforce.queuing")
    rng = np.random.default_rng(11)
    contacts = rng.integers(1, 600, 150).astype(float)
    aht = rng.uniform(60, 700, 150).round(1)
    ours = agents_required_many(
        contacts, aht, interval_seconds=1800, target_answer_seconds=20, service_level=0.8, max_occupancy=0.85
    )
    for c, a, agents in zip(contacts, aht, ours, strict=True):
        theirs = erlang.ErlangC(transactions=c, aht=a / 60, asa=20 / 60, interval=30).required_positions(
            service_level=0.8, max_occupancy=0.85
        )
        assert agents == theirs["raw_positions"]
        assert service_level(c * a / 1800, agents, a, 20) == pytest.approx(theirs["service_level"], rel=1e-9)
        assert erlang_c(c * a / 1800, agents) == pytest.approx(theirs["waiting_probability"], rel=1e-9)
