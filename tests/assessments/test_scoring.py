"""Scoring an attempt, checked against values worked out by hand."""

import pytest

from assessments.scoring import ItemKey, score

TYPES = ["controller", "empathizer", "rock"]

ITEMS = [
    ItemKey(1, "likert", "controller"),
    ItemKey(2, "likert", "controller", reverse=True),
    ItemKey(3, "likert", "empathizer"),
    ItemKey(4, "likert", "empathizer"),
    ItemKey(5, "likert", "rock"),
    ItemKey(6, "forced_choice", options={61: ("controller", False, {}), 62: ("empathizer", False, {})}),
    ItemKey(7, "forced_choice", options={71: ("controller", False, {}), 72: ("rock", False, {})}),
    ItemKey(
        8,
        "sjt",
        options={
            81: ("", False, {"de_escalation": 3, "dialogue_leadership": 2}),
            82: ("", False, {"de_escalation": 1}),
            83: ("", False, {"dialogue_leadership": 1}),
        },
    ),
    ItemKey(9, "mcq", "complex_problem_solving", options={91: ("", True, {}), 92: ("", False, {})}),
    ItemKey(10, "mcq", "complex_problem_solving", options={101: ("", True, {}), 102: ("", False, {})}),
    ItemKey(11, "text", "written_communication", criteria=3),
]


def test_likert_means_use_reverse_keying_and_pick_the_top_type():
    # controller: 5 and reverse(2) = 6 − 2 = 4 → 4.5; empathizer: (3 + 2) / 2 = 2.5; rock: 3.0
    result = score(ITEMS, {1: 5, 2: 2, 3: 3, 4: 2, 5: 3}, TYPES)
    assert result.type_scores == {"controller": 4.5, "empathizer": 2.5, "rock": 3.0}
    assert result.top_type == "controller"


def test_competencies_pool_points_over_what_was_possible():
    # SJT best points: de_escalation 3, dialogue_leadership 2. Option 82 earns de_escalation 1.
    # MCQ: 1 of 2 correct. Text: reviewer gave 2, 3, 1 of 3 each (6 of 9).
    answers = {8: 82, 9: 91, 10: 102, 11: "Hej Anna …"}
    result = score(ITEMS, answers, TYPES, reviews={11: [2, 3, 1]})
    assert result.competency_scores == {
        "complex_problem_solving": 50.0,  # 1 / 2
        "de_escalation": 33.3,  # 1 / 3
        "dialogue_leadership": 0.0,  # 0 / 2
        "written_communication": 66.7,  # 6 / 9
    }


def test_an_unreviewed_written_answer_does_not_count_yet():
    assert "written_communication" not in score(ITEMS, {11: "Hej"}, TYPES).competency_scores


def test_forced_choice_is_a_consistency_check_not_the_profile():
    likert = {1: 5, 2: 1, 3: 2, 4: 2, 5: 3}  # controller 5, rock 3, empathizer 2
    agreeing = score(ITEMS, {**likert, 6: 61, 7: 71}, TYPES)  # controller chosen twice
    assert agreeing.forced_choice_counts == {"controller": 2, "empathizer": 0, "rock": 0}
    assert agreeing.type_scores["controller"] == 5.0  # unchanged by the blocks
    # Spearman of likert (5, 2, 3) with counts (2, 0, 0): ranks (3, 1, 2) vs (3, 1.5, 1.5) → 0.866
    assert agreeing.consistency == pytest.approx(0.866, abs=1e-3)
    assert agreeing.consistent is True
    contradicting = score(ITEMS, {**likert, 6: 62, 7: 72}, TYPES)  # empathizer and rock chosen
    assert contradicting.consistency < 0
    assert contradicting.consistent is False


def test_no_answers_no_scores():
    result = score(ITEMS, {}, TYPES)
    assert (result.type_scores, result.top_type, result.consistency) == ({}, None, None)
