import pytest

from profiles.analysis.text import tokenize

from .conftest import compile_markers

LEXICON = compile_markers(
    [
        {"language": "da", "type": "controller", "phrase": "problemløser", "weight": 1.5},
        {"language": "da", "type": "controller", "phrase": "tage styringen", "weight": 1.0},
        {"language": "da", "type": "empathizer", "phrase": "servicemindet", "weight": 1.0},
        {"language": "da", "type": "empathizer", "phrase": "servicemindet udover det sædvanlige", "weight": 2.0},
        {"language": "nb", "type": "controller", "phrase": "ta styringen", "weight": 1.0},
        {"language": "en", "type": "hard_worker", "phrase": "customer service experience", "weight": 1.0},
    ]
)


def found(text, language="da"):
    return [
        (text[m.start : m.end], m.marker.phrase, m.negated)
        for m in LEXICON.find(text, tokenize(text, language), language)
    ]


@pytest.mark.parametrize(
    "word", ["problemløser", "problemløsere", "problemløseren", "problemløsningen", "Problemløsere"]
)
def test_a_marker_matches_its_inflections(word):
    assert found(f"Vi søger {word} til teamet.") == [(word, "problemløser", False)]


def test_multi_word_markers_match_across_inflections():
    assert found("Du tager styringen i samtalen.") == [("tager styringen", "tage styringen", False)]
    assert found("Du tar styringen i samtalen.", "nb") == [("tar styringen", "ta styringen", False)]


def test_the_longest_marker_wins():
    assert found("Er du servicemindede udover det sædvanlige?") == [
        ("servicemindede udover det sædvanlige", "servicemindet udover det sædvanlige", False)
    ]


def test_markers_do_not_match_across_sentences():
    assert found("Du skal tage. Styringen er vores.") == []


def test_markers_of_another_language_do_not_match():
    assert found("Du tager styringen", "nb") == []


@pytest.mark.parametrize(
    "text",
    [
        "Du behøver ikke være servicemindet.",
        "Ingen problemløsere her.",
        "Servicemindet er ikke et krav.",
    ],
)
def test_negated_markers_are_flagged(text):
    assert [negated for *_rest, negated in found(text)] == [True]


def test_english_negation():
    text = "No customer service experience required."
    assert [m.negated for m in LEXICON.find(text, tokenize(text, "en"), "en")] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "Du er ikke bange for at tage styringen.",  # the cue is too far before the marker
        "Vi er ikke sure, men servicemindet.",  # a clause break stands between
        "Du er servicemindet og ikke bange for travlhed.",  # "og" starts a new clause
    ],
)
def test_negation_stays_within_its_clause(text):
    assert [negated for *_rest, negated in found(text)] == [False]
