from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hiring.fit import (
    FitConfig,
    competency_credit,
    cover_letter_score,
    fit_score,
    level_of,
)
from profiles.analysis.engine import RoleTarget, alignment_to
from profiles.service_types import SERVICE_TYPES

TODAY = date(2025, 6, 2)
CONFIG = FitConfig(version="role-7.v3")


def score(**kwargs):
    args = {
        "percentiles": None,
        "type_mix": {},
        "competency_scores": None,
        "required_levels": {},
        "assessed_on": TODAY - timedelta(days=10),
        "today": TODAY,
        "config": CONFIG,
    }
    return fit_score(**{**args, **kwargs})


def types_only(percentile):
    return score(percentiles={"empathizer": percentile}, type_mix={"empathizer": 1.0})


# The worked example: S = .5·80 + .3·40 + .2·60 = 64 (innovator is not in the mix and does not count);
# credits 100 (70 inside 60–80), 93.75 (30 is half a level under 40: 100·(1 − .25²)), 105 (100 is two
# levels over 60: +2·2.5); C = 298.75 / 3 = 99.583; fit = .5·64 + .5·99.583 = 81.79 → 81.8, strong.
EXAMPLE = {
    "percentiles": {"empathizer": 80.0, "controller": 40.0, "rock": 60.0, "innovator": 90.0},
    "type_mix": {"empathizer": 0.5, "controller": 0.3, "rock": 0.2},
    "competency_scores": {"empathy": 70.0, "written_communication": 30.0, "problem_solving": 100.0},
    "required_levels": {"empathy": 4, "written_communication": 3, "problem_solving": 3},
}


def test_it_computes_the_worked_example_by_hand():
    result = score(**EXAMPLE)
    assert result.status == "scored"
    assert result.fit == 81.8
    assert result.label == "strong"
    assert result.components["service_types"].score == 64.0
    assert result.components["service_types"].weight == 0.5
    assert result.components["service_types"].contribution == 32.0
    assert result.components["competencies"].score == 99.6
    assert result.components["competencies"].contribution == 49.8
    assert result.what_would_change is None  # nothing is above strong


def test_it_names_strengths_and_gaps_with_their_numbers():
    result = score(**EXAMPLE).to_dict()
    assert [(s["code"], s["value"], s["target"], s["difference"]) for s in result["strengths"]] == [
        ("problem_solving", 100.0, 60.0, 40.0),
        ("empathizer", 80.0, 50.0, 30.0),
        ("rock", 60.0, 50.0, 10.0),
    ]
    assert [(g["kind"], g["code"], g["difference"]) for g in result["gaps"]] == [
        ("service_type", "controller", -10.0),
        ("competency", "written_communication", -10.0),
    ]


def test_it_maps_scores_to_levels_at_the_band_edges():
    assert [level_of(s) for s in (0, 19.9, 20, 39.9, 40, 60, 80, 99.9, 100)] == [1, 1, 2, 2, 3, 4, 5, 5, 5]


@pytest.mark.parametrize(
    ("value", "level", "credit"),
    [
        (50.0, 3, 100.0),  # inside 40–60
        (40.0, 3, 100.0),  # at the band's floor
        (60.0, 3, 100.0),  # at its top
        (30.0, 3, 93.75),  # half a level short: 100·(1 − (0.5/2)²)
        (20.0, 3, 75.0),  # one level short
        (10.0, 3, 43.75),  # one and a half: 100·(1 − 0.75²)
        (0.0, 3, 0.0),  # two levels short
        (0.0, 5, 0.0),  # four levels short, not below zero
        (80.0, 3, 102.5),  # a level of surplus adds 2.5
        (0.0, 1, 100.0),  # level 1 is 0–20
    ],
)
def test_it_credits_competencies_fully_inside_quadratically_below_and_little_above(value, level, credit):
    assert competency_credit(value, level) == pytest.approx(credit)


def test_it_averages_competency_credits_and_caps_them_at_100():
    short = score(competency_scores={"a": 20.0, "b": 30.0}, required_levels={"a": 3, "b": 3})
    assert short.fit == 84.4  # (75 + 93.75) / 2 = 84.375
    assert short.components["competencies"].weight == 1.0
    assert short.components["service_types"].score is None
    surplus = score(competency_scores={"a": 100.0}, required_levels={"a": 1})
    assert surplus.fit == 100.0  # 110 before the cap


def test_it_weights_percentiles_by_the_target_mix():
    result = score(
        percentiles=dict.fromkeys(SERVICE_TYPES, 70.0) | {"rock": 10.0}, type_mix={"rock": 0.25, "empathizer": 0.75}
    )
    assert result.fit == 55.0  # .25·10 + .75·70


def test_it_refuses_a_mix_that_does_not_sum_to_one():
    with pytest.raises(ValueError, match="sum to 1"):
        score(percentiles={"rock": 50.0}, type_mix={"rock": 0.5, "empathizer": 0.3})


@pytest.mark.parametrize(
    ("percentile", "label"),
    [(100, "strong"), (80.0, "strong"), (79.9, "good"), (65.0, "good"), (64.9, "partial"), (50.0, "partial")]
    + [(49.9, "poor"), (0.0, "poor")],
)
def test_it_labels_at_the_band_edges(percentile, label):
    assert types_only(percentile).label == label


def test_it_uses_configured_bands_and_names_its_version():
    config = FitConfig(version="v9", bands=(("yes", 70.0), ("no", 0.0)), hurdle_cap="no")
    result = score(percentiles={"rock": 70.0}, type_mix={"rock": 1.0}, config=config)
    assert (result.label, result.fit_version, result.to_dict()["fit_version"]) == ("yes", "v9", "v9")
    assert score(percentiles={"rock": 69.9}, type_mix={"rock": 1.0}, config=config).label == "no"


@pytest.mark.parametrize(
    "changes",
    [
        {"cover_letter_weight": 0.3},
        {"bands": (("good", 50.0), ("strong", 80.0), ("poor", 0.0))},
        {"bands": (("strong", 80.0), ("poor", 10.0))},
        {"bands": (("strong", 80.05), ("poor", 0.0))},
        {"hurdle_cap": "mediocre"},
        {"service_types_weight": 0, "competencies_weight": 0},
        {"stale_after_days": 0},
    ],
)
def test_it_refuses_a_config_that_cannot_work(changes):
    with pytest.raises(ValueError):
        FitConfig(**changes)


def test_it_caps_the_label_at_an_unmet_hurdle_and_names_it():
    result = score(**EXAMPLE, hurdles={"written_communication": 3, "empathy": 2})
    assert result.fit == 81.8  # the composite stands; only the label is capped
    assert result.label == "partial"
    assert result.to_dict()["hurdles"] == [
        {"competency": "empathy", "required_level": 2, "level": 4, "score": 70.0, "met": True},
        {"competency": "written_communication", "required_level": 3, "level": 2, "score": 30.0, "met": False},
    ]


def test_it_leaves_a_label_below_the_cap_alone():
    result = score(
        percentiles={"rock": 30.0}, type_mix={"rock": 1.0}, competency_scores={"tact": 0.0}, hurdles={"tact": 2}
    )
    assert result.label == "poor"


def test_it_counts_a_hurdle_without_a_score_as_not_met():
    result = score(percentiles={"rock": 90.0}, type_mix={"rock": 1.0}, competency_scores={}, hurdles={"tact": 2})
    assert result.label == "partial"
    assert result.hurdles[0].met is False and result.hurdles[0].level is None


def test_it_says_meeting_the_hurdle_is_what_would_change_the_label():
    change = score(**EXAMPLE, hurdles={"written_communication": 3}).to_dict()["what_would_change"]
    assert change == {
        "component": "competencies",
        "code": "written_communication",
        "from": 30.0,
        "to": 40.0,
        "amount": 10.0,
        "label": "strong",
    }


# S = .6·55 + .4·45 = 51; credits 100 and 93.75 → C = 96.875; fit = 25.5 + 48.4375 = 73.94 → 73.9, good.
# Strong needs the shown fit at 80.0, i.e. 79.95 before rounding:
#   empathizer: .3·e + 9 + 48.4375 ≥ 79.95 → e ≥ 75.04 → 75.1 (+20.1)
#   controller: .2·c + 16.5 + 48.4375 ≥ 79.95 → c ≥ 75.06 → 75.1 (+30.1)
#   any competency: C would need (79.95 − 25.5) / .5 = 108.9 > 100: impossible.
GOOD = {
    "percentiles": {"empathizer": 55.0, "controller": 45.0},
    "type_mix": {"empathizer": 0.6, "controller": 0.4},
    "competency_scores": {"empathy": 50.0, "written_communication": 50.0},
    "required_levels": {"empathy": 3, "written_communication": 4},
}


def test_it_finds_the_smallest_change_that_moves_the_label_by_hand():
    result = score(**GOOD)
    assert (result.fit, result.label) == (73.9, "good")
    change = result.what_would_change
    assert (change.component, change.code, change.current, change.to, change.amount, change.label) == (
        "service_types",
        "empathizer",
        55.0,
        75.1,
        20.1,
        "strong",
    )
    assert score(**{**GOOD, "percentiles": {"empathizer": 75.1, "controller": 45.0}}).label == "strong"
    assert score(**{**GOOD, "percentiles": {"empathizer": 75.0, "controller": 45.0}}).label == "good"


def brute_force_smallest_change(inputs):
    """Try every raise in steps of 0.1, one input at a time."""
    label_rank = CONFIG.rank(score(**inputs).label)
    best = None
    for key in ("percentiles", "competency_scores"):
        for code, current in inputs[key].items():
            for tenth in range(round(current * 10) + 1, 1001):
                changed = {**inputs, key: {**inputs[key], code: tenth / 10}}
                if CONFIG.rank(score(**changed).label) < label_rank:
                    if best is None or tenth / 10 - current < best[2] - 1e-9:
                        best = (code, tenth / 10, round(tenth / 10 - current, 1))
                    break
    return best


@pytest.mark.parametrize(
    "inputs",
    [
        GOOD,
        {**EXAMPLE, "hurdles": {"written_communication": 3}},
        {**GOOD, "competency_scores": {"empathy": 30.0, "written_communication": 10.0}},
        {**GOOD, "competency_scores": {"empathy": 15.0, "written_communication": 50.0}, "hurdles": {"empathy": 2}},
        {  # the hurdle's cap (partial) does not hold back the next label up, so its floor is not needed
            "percentiles": {"controller": 0.0, "rock": 0.0},
            "type_mix": {"controller": 0.5, "rock": 0.5},
            "competency_scores": {"a": 0.0, "b": 0.0, "c": 0.0},
            "required_levels": {"a": 1, "b": 1, "c": 3},
            "hurdles": {"c": 3},
        },
    ],
)
def test_it_agrees_with_a_brute_force_search_for_the_smallest_change(inputs):
    change = score(**inputs).what_would_change
    assert (change.code, change.to, change.amount) == brute_force_smallest_change(inputs)


def test_it_finds_no_single_change_past_two_unmet_hurdles():
    result = score(**GOOD, hurdles={"empathy": 4, "written_communication": 4})
    assert result.label == "partial"
    assert result.what_would_change is None


def test_it_scores_the_cover_letter_as_the_analysis_engine_aligns_it():
    letter = {"empathizer": 3.0, "controller": 1.0, "rock": 0.0}
    mix = {"empathizer": 0.5, "controller": 0.5}
    # shares .75/.25 against .5/.5: distance .5·(.25 + .25) = .25 → 75
    assert cover_letter_score(letter, mix) == 75.0
    full = dict.fromkeys(SERVICE_TYPES, 0.0) | letter
    assert alignment_to(full, RoleTarget("role", mix))["score"] == 75.0


def test_it_lets_the_cover_letter_pull_the_fit_by_its_small_weight():
    result = score(
        percentiles={"empathizer": 60.0, "controller": 60.0},
        type_mix={"empathizer": 0.5, "controller": 0.5},
        cover_letter={"empathizer": 3.0, "controller": 1.0},
    )
    assert result.fit == 61.5  # 60 + .1·(75 − 60)
    letter = result.to_dict()["components"]["cover_letter"]
    assert letter == {"score": 75.0, "weight": 0.1, "contribution": 1.5}
    assert "cover_letter" not in result.missing


@pytest.mark.parametrize(
    ("percentile", "letter", "fit", "label"),
    [
        (79.9, {"empathizer": 1.0}, 79.9, "good"),  # a perfect letter would make it 81.9
        (80.0, {"rock": 1.0}, 80.0, "strong"),  # a letter of the wrong type would make it 72.0
        (64.9, {"empathizer": 1.0}, 64.9, "partial"),
        (50.0, {"rock": 1.0}, 50.0, "partial"),
    ],
)
def test_it_never_lets_the_cover_letter_move_a_label_at_the_edges(percentile, letter, fit, label):
    result = score(percentiles={"empathizer": percentile}, type_mix={"empathizer": 1.0}, cover_letter=letter)
    assert (result.fit, result.label) == (fit, label)
    assert result.components["cover_letter"].contribution == 0.0


def test_it_marks_a_candidate_without_a_finished_assessment_not_scorable_never_zero():
    result = score(**{**EXAMPLE, "percentiles": None, "competency_scores": None}, assessed_on=None)
    data = result.to_dict()
    assert (data["status"], data["fit"], data["label"]) == ("not_scorable", None, None)
    assert data["missing"][:2] == ["assessment", "service_types"]
    assert data["components"]["competencies"] == {"score": None, "weight": 0.0, "contribution": None}


def test_it_marks_an_assessment_with_nothing_to_score_not_scorable():
    result = score(percentiles=None, type_mix={"rock": 1.0}, competency_scores={}, required_levels={"tact": 3})
    assert (result.status, result.fit) == ("not_scorable", None)
    assert set(result.missing) >= {"service_types", "competencies.tact"}


def test_it_marks_a_result_older_than_the_period_stale_and_still_scores_it():
    config = FitConfig(stale_after_days=30)
    on_the_day = score(**EXAMPLE, assessed_on=TODAY - timedelta(days=30), config=config)
    older = score(**EXAMPLE, assessed_on=TODAY - timedelta(days=31), config=config)
    assert on_the_day.status == "scored"
    assert (older.status, older.fit, older.label) == ("stale", 81.8, "strong")


def test_it_lists_missing_competencies_and_scores_the_rest():
    result = score(**{**EXAMPLE, "competency_scores": {"empathy": 70.0}})
    assert result.components["competencies"].score == 100.0
    assert "competencies.written_communication" in result.missing


def test_it_matches_the_ranking_item_shape():
    data = score(**EXAMPLE, cover_letter={"empathizer": 2.0}).to_dict()
    assert set(data) >= {"status", "fit", "label", "components", "hurdles", "strengths", "gaps", "fit_version"}
    assert set(data["components"]) == {"service_types", "competencies", "cover_letter"}
    for component in data["components"].values():
        assert set(component) == {"score", "weight", "contribution"}
    assert data["fit_version"] == "role-7.v3"


def test_it_is_a_frozen_result():
    result = score(**EXAMPLE)
    with pytest.raises(AttributeError):
        result.fit = 0


COMPETENCIES = ("empathy", "written_communication", "problem_solving")
TYPES = ("empathizer", "controller", "rock")
percent = st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 1))


@st.composite
def candidates(draw):
    def each(codes, values):
        return dict(zip(codes, draw(st.lists(values, min_size=len(codes), max_size=len(codes))), strict=True))

    weights = each(TYPES, st.integers(0, 10))
    if not any(weights.values()):
        weights["rock"] = 1
    return {
        "percentiles": each(TYPES, percent),
        "type_mix": {t: w / sum(weights.values()) for t, w in weights.items()},
        "competency_scores": each(COMPETENCIES, percent),
        "required_levels": each(COMPETENCIES, st.integers(1, 5)),
        "hurdles": draw(st.dictionaries(st.sampled_from(COMPETENCIES), st.integers(1, 5), max_size=2)),
        "cover_letter": draw(st.none() | st.dictionaries(st.sampled_from(SERVICE_TYPES), percent, min_size=1)),
    }


@settings(max_examples=300, deadline=None)
@given(inputs=candidates(), which=st.sampled_from(COMPETENCIES), raise_by=percent)
def test_it_never_lowers_the_fit_or_label_for_a_higher_competency_score(inputs, which, raise_by):
    before = score(**inputs)
    scores = inputs["competency_scores"]
    after = score(**{**inputs, "competency_scores": {**scores, which: min(100.0, scores[which] + raise_by)}})
    assert after.fit >= before.fit
    assert CONFIG.rank(after.label) <= CONFIG.rank(before.label)


@settings(max_examples=300, deadline=None)
@given(inputs=candidates())
def test_it_never_lets_the_cover_letter_alone_move_a_label(inputs):
    assert score(**inputs).label == score(**{**inputs, "cover_letter": None}).label


@settings(max_examples=200, deadline=None)
@given(inputs=candidates())
def test_it_reaches_the_promised_label_with_the_promised_change(inputs):
    result = score(**inputs)
    change = result.what_would_change
    if change is None:
        return
    key = "percentiles" if change.component == "service_types" else "competency_scores"
    moved = score(**{**inputs, key: {**inputs[key], change.code: change.to}})
    assert moved.label == change.label
    assert CONFIG.rank(change.label) < CONFIG.rank(result.label)
    short = score(**{**inputs, key: {**inputs[key], change.code: round(change.to - 0.1, 1)}})
    assert short.label == result.label
