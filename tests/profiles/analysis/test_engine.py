import pytest

from profiles.analysis import AnalysisInputError, RoleTarget, UnsupportedLanguage, analyze_text
from profiles.analysis.engine import Analyzer, alignment_to, controller_index
from profiles.analysis.gender import GenderCoder, verdict

from .conftest import SMALL_GENDER, compile_markers

TYPES = ("accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock")


def scores(**values):
    return {t: values.get(t, 0.0) for t in TYPES}


def make_analyzer(rows, gender=SMALL_GENDER):
    return Analyzer(lexicon=compile_markers(rows), gender=GenderCoder(gender))


def test_scores_are_marker_weights_per_100_words():
    analyzer = make_analyzer(
        [
            {"language": "da", "type": "controller", "phrase": "problemløser", "weight": 1.5},
            {"language": "da", "type": "empathizer", "phrase": "servicemindet", "weight": 1.0},
        ]
    )
    # 8 words; controller 1.5 → 100 × 1.5 / 8 = 18.75; empathizer 1.0 → 12.5
    result = analyzer.analyze("Vi søger en problemløser, der også er servicemindet.", "da")
    assert result.word_count == 8
    assert result.scores["controller"] == 18.75
    assert result.scores["empathizer"] == 12.5
    # index = 100 × (18.75 − 12.5) / (18.75 + 12.5 + 1) = 625 / 32.25 = 19.379…
    assert result.controller_index == 19.4


def test_negated_markers_are_shown_but_not_scored():
    analyzer = make_analyzer([{"language": "da", "type": "empathizer", "phrase": "servicemindet", "weight": 1.0}])
    result = analyzer.analyze("Du behøver ikke at være servicemindet.", "da")
    assert [m.negated for m in result.matches] == [True]
    assert result.scores["empathizer"] == 0.0


def test_controller_index_bounds_and_smoothing():
    assert controller_index(scores()) == 0.0
    assert controller_index(scores(controller=99.0)) == 99.0  # 100 × 99 / 100
    assert controller_index(scores(empathizer=4.0)) == -80.0  # 100 × −4 / 5
    assert -100 <= controller_index(scores(empathizer=1e9)) < -99.99


def test_alignment_is_one_minus_total_variation_distance():
    target = RoleTarget("advisor", {"controller": 0.5, "empathizer": 0.3, "rock": 0.2})
    # actual mix: controller 0.6, empathizer 0.4 → |0.1| + |0.1| + |0.2| = 0.4 → TVD 0.2 → 80
    result = alignment_to(scores(controller=3.0, empathizer=2.0), target)
    assert result["score"] == 80.0
    assert [(g["type"], g["gap"]) for g in result["gaps"]] == [("rock", -0.2), ("controller", 0.1), ("empathizer", 0.1)]


def test_alignment_of_a_text_without_signals_is_zero():
    result = alignment_to(scores(), RoleTarget("x", {"controller": 1.0}))
    assert result["score"] == 0.0
    assert result["gaps"][0]["type"] == "controller"


def test_rewrites_prefer_wording_that_is_not_masculine_coded():
    analyzer = make_analyzer(
        [
            {
                "language": "da",
                "type": "empathizer",
                "phrase": "servicemindet",
                "weight": 1.0,
                "suggestions": (
                    {"type": "controller", "text": "dominerende i samtalen"},
                    {"type": "controller", "text": "tager ansvar for løsningen"},
                ),
            }
        ]
    )
    result = analyzer.analyze("Vi søger en servicemindet kollega.", "da")
    rewrite = next(s for s in result.suggestions if s.kind == "rewrite")
    assert rewrite.replacement == "tager ansvar for løsningen"
    assert rewrite.type == "controller"
    assert "Vi søger en servicemindet kollega."[rewrite.start : rewrite.end] == "servicemindet"


def test_a_masculine_coded_ad_gets_no_masculine_rewrites_and_is_told_so():
    analyzer = make_analyzer(
        [
            {
                "language": "da",
                "type": "empathizer",
                "phrase": "omsorgsfuld",
                "weight": 1.0,
                "suggestions": ({"type": "controller", "text": "dominerende"},),
            }
        ]
    )
    result = analyzer.analyze("Aggressiv og konkurrencepræget, men omsorgsfuld.", "da")
    assert "masculine" in result.gender_coding.verdict
    assert not [s for s in result.suggestions if s.kind == "rewrite"]
    assert {s.reason for s in result.suggestions} == {"masculine_coded"}


@pytest.mark.parametrize(
    ("masculine", "feminine", "expected"),
    [
        (0, 0, "neutral"),
        (2, 2, "neutral"),
        (1, 3, "feminine-coded"),
        (0, 5, "strongly feminine-coded"),
        (6, 1, "strongly masculine-coded"),
        (2, 1, "masculine-coded"),
    ],
)
def test_gender_verdicts_follow_gender_decoder_thresholds(masculine, feminine, expected):
    assert verdict(masculine, feminine) == expected


def test_match_offsets_index_the_text_as_given(shipped_lexicon):
    analyzer = Analyzer(lexicon=shipped_lexicon, gender=GenderCoder(SMALL_GENDER))
    text = "  Er du servicemindet?\r\n\r\n•  Du tager styringen i samtalen og er en ivrig problemløser!  "
    result = analyzer.analyze(text)
    assert result.language == "da"
    assert result.matches
    for match in result.matches:
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(("text", "code"), [("", "empty"), ("   \n\t", "empty"), ("ord " * 12_501, "too_long")])
def test_bad_text_is_refused(analyzer, text, code):
    with pytest.raises(AnalysisInputError) as excinfo:
        analyzer.analyze(text)
    assert excinfo.value.code == code


def test_an_unknown_explicit_language_is_refused(analyzer):
    with pytest.raises(UnsupportedLanguage):
        analyzer.analyze("Hello there", language="de")


def test_analyze_text_takes_an_analyzer_and_a_target(analyzer):
    data = analyze_text(
        "We need an eager problem solver who takes ownership.",
        role_profile=RoleTarget("r", {"controller": 1.0}),
        analyzer=analyzer,
    ).to_dict()
    assert data["language"] == "en"
    assert data["alignment"]["role_profile"] == "r"
    assert set(data) >= {
        "language_confidence",
        "word_count",
        "lexicon_version",
        "scores",
        "controller_index",
        "readability",
        "gender_coding",
        "matches",
        "suggestions",
    }
