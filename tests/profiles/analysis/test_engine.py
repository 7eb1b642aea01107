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


def test_it_scores_marker_weights_per_100_counted_words():
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


def test_it_gives_no_index_for_one_sentence_however_clear():
    analyzer = make_analyzer(
        [
            {"language": "da", "type": "controller", "phrase": "problemløser", "weight": 1.5},
            {"language": "da", "type": "controller", "phrase": "tage styringen", "weight": 1.0},
        ]
    )
    result = analyzer.analyze("Vi søger en problemløser, der kan tage styringen.", "da")
    assert result.verdict.code == "insufficient"
    assert result.controller_index is None
    assert (result.evidence.index_cues, result.evidence.sentences, result.evidence.enough) == (2, 1, False)
    assert result.to_dict()["evidence"]["needed"] == {"cues": 2, "sentences": 3}


def test_it_counts_a_cue_once_however_often_the_ad_repeats_it():
    analyzer = make_analyzer(
        [
            {"language": "en", "type": "controller", "phrase": "problem solver", "weight": 1.0},
            {"language": "en", "type": "controller", "phrase": "take ownership", "weight": 1.0},
            {"language": "en", "type": "empathizer", "phrase": "friendly", "weight": 1.0},
        ]
    )
    text = (
        "You are a problem solver.\n"
        "You take full ownership of every case.\n"
        "Problem solvers thrive here, and you are a problem solver at heart.\n"
        "You are friendly on the phone."
    )
    result = analyzer.analyze(text, "en")
    # distinct cues: controller 1 + 1, empathizer 1 → 100 × (2 − 1) / (2 + 1 + 2) = 20.0
    assert result.controller_index == 20.0
    assert result.verdict.code == "controller"
    assert result.verdict.controller == ("problem solver", "take full ownership")
    assert result.verdict.empathizer == ("friendly",)


def test_negated_markers_are_shown_but_not_scored():
    analyzer = make_analyzer([{"language": "da", "type": "empathizer", "phrase": "servicemindet", "weight": 1.0}])
    result = analyzer.analyze("Du behøver ikke at være servicemindet.", "da")
    assert [m.negated for m in result.matches] == [True]
    assert result.scores["empathizer"] == 0.0


def test_it_draws_the_index_towards_zero_by_the_prior_and_keeps_it_in_bounds():
    assert controller_index(0.0, 0.0) == 0.0
    assert controller_index(1.0, 0.0) == 33.3  # 100 × 1 / (1 + 2): one word cannot pin it
    assert controller_index(5.0, 0.0) == 71.4  # 100 × 5 / 7
    assert controller_index(3.0, 3.0) == 0.0  # balanced cues read 0
    assert -100 <= controller_index(0.0, 1e9) < -99.99


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


def test_it_does_not_count_a_heading_as_a_sentence_about_the_person():
    analyzer = make_analyzer(
        [
            {"language": "da", "type": "controller", "phrase": "problemløser", "weight": 1.0},
            {"language": "da", "type": "controller", "phrase": "tage styringen", "weight": 1.0},
        ]
    )
    text = "Dine opgaver\nDu besvarer opkald fra kunder.\nOm dig\nDu er en problemløser, der kan tage styringen."
    result = analyzer.analyze(text, "da")
    assert [part.reason for part in result.parts].count("heading") == 2
    assert (result.evidence.sentences, result.evidence.excluded) == (2, 0)
    assert result.verdict.code == "insufficient"  # two sentences, whatever the headings around them
