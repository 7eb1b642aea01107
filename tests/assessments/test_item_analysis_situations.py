"""The situational-judgement and multiple-choice items get statistics of their own, checked here
against numpy directly on the options the candidates chose."""

import random

import numpy as np
import pytest

from assessments import services
from assessments.models import Item

from . import factories

N_ATTEMPTS = 8
STORED = 5e-4 + 1e-9  # the report keeps three decimals: half a unit of the last one, and float noise


def choosing(seed: int):
    """A candidate who picks a random option in every situation and multiple-choice question."""
    rng = random.Random(seed)
    chosen: dict[int, int] = {}

    def value(item: Item):
        if item.kind in (Item.Kind.SJT, Item.Kind.MCQ):
            return chosen.setdefault(item.id, rng.choice([o.id for o in item.options.all()]))
        return None

    return value


def take(battery, number: int, pick) -> dict[int, int]:
    invitation = factories.invitation(battery, number=number)
    services.attempt_start(invitation=invitation, consent=True)
    items = factories.items_of(battery)
    factories.answer_all(invitation, items)  # every item answered, then the choices overwritten
    for item in items:
        option = pick(item)
        if option is not None:
            services.answer_save(invitation=invitation, item_id=item.id, value=option)
    services.attempt_submit(invitation=invitation)
    return {item.id: pick(item) for item in items if pick(item) is not None}


def cronbach(matrix: np.ndarray) -> float:
    k = matrix.shape[1]
    return k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))


def item_rest(matrix: np.ndarray) -> list[float]:
    totals = matrix.sum(axis=1)
    return [float(np.corrcoef(matrix[:, i], totals - matrix[:, i])[0, 1]) for i in range(matrix.shape[1])]


@pytest.fixture
def chosen(battery):
    return [take(battery, number, choosing(seed=number)) for number in range(N_ATTEMPTS)]


def test_a_situation_scores_the_share_of_the_best_options_points(battery, chosen):
    situations = list(Item.objects.filter(section__assessment=battery, kind=Item.Kind.SJT).order_by("order"))

    def share(item, option_id):
        totals = {o.id: sum(o.scores.values()) for o in item.options.all()}
        return totals[option_id] / max(totals.values())

    matrix = np.array([[share(item, answers[item.id]) for item in situations] for answers in chosen])
    report = services.psychometrics_compute(assessment_id=battery.id)
    summary = report.data["scales"]["sjt"]
    assert summary["n_complete"] == N_ATTEMPTS
    assert summary["alpha"] == pytest.approx(cronbach(matrix), abs=STORED)
    rows = {row["id"]: row for row in report.data["items"]}
    for index, item in enumerate(situations):
        assert rows[item.id]["group"] == "sjt"
        assert rows[item.id]["difficulty"] == pytest.approx(matrix[:, index].mean(), abs=STORED)
        expected = item_rest(matrix)[index]
        if np.isfinite(expected):
            assert rows[item.id]["item_total_r"] == pytest.approx(expected, abs=STORED)


def test_the_questions_with_one_correct_answer_are_scored_right_or_wrong(battery, chosen):
    questions = list(Item.objects.filter(section__assessment=battery, kind=Item.Kind.MCQ).order_by("order"))
    correct = {item.id: next(o.id for o in item.options.all() if o.correct) for item in questions}
    matrix = np.array([[1.0 if answers[i.id] == correct[i.id] else 0.0 for i in questions] for answers in chosen])
    report = services.psychometrics_compute(assessment_id=battery.id)
    rows = {row["id"]: row for row in report.data["items"]}
    for index, item in enumerate(questions):
        assert rows[item.id]["difficulty"] == pytest.approx(matrix[:, index].mean(), abs=STORED)
        assert rows[item.id]["n"] == N_ATTEMPTS
    alpha = report.data["scales"]["mcq"]["alpha"]
    expected = cronbach(matrix) if matrix.sum(axis=1).var() > 0 else None
    assert alpha == (pytest.approx(expected, abs=STORED) if expected is not None else None)
