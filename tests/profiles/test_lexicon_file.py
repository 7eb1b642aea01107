import pytest

from profiles import lexicon_file
from profiles.lexicon_file import LexiconFileError


def row(**overrides):
    base = {"language": "da", "type": "empathizer", "phrase": "servicemindet", "weight": 1.0}
    return {**base, **overrides}


def errors_of(markers):
    with pytest.raises(LexiconFileError) as excinfo:
        lexicon_file.validate({"markers": markers})
    return [str(e) for e in excinfo.value.errors]


def test_it_reads_a_valid_file():
    lexicon = lexicon_file.validate(
        {
            "note": "ok",
            "markers": [
                row(suggestions=[{"type": "controller", "text": "  ivrig   problemløser "}]),
                row(language="sv", phrase="serviceinriktad"),
            ],
        }
    )
    assert len(lexicon.markers) == 2
    assert lexicon.note == "ok"
    assert lexicon.markers[0].suggestions == ({"type": "controller", "text": "ivrig problemløser"},)


def test_it_refuses_an_unknown_type_with_the_row_number():
    assert errors_of([row(), row(type="salesman", phrase="sælger")]) == ["row 2, type: unknown service type 'salesman'"]


def test_it_refuses_an_unknown_language():
    assert errors_of([row(language="de")]) == ["row 1, language: unknown language 'de'; use one of en, da, nb, sv"]


@pytest.mark.parametrize("phrase", ["", "   ", None, 7])
def test_it_refuses_an_empty_phrase(phrase):
    assert errors_of([row(phrase=phrase)]) == ["row 1, phrase: empty phrase"]


def test_it_refuses_a_duplicate_ignoring_case_and_spacing():
    assert errors_of([row(phrase="Smile i telefonen"), row(phrase="smile  i telefonen", type="rock")]) == [
        "row 2, phrase: duplicate of row 1 ('smile i telefonen', da)"
    ]


def test_the_same_phrase_in_two_languages_is_not_a_duplicate():
    lexicon = lexicon_file.validate({"markers": [row(phrase="robust"), row(phrase="robust", language="nb")]})
    assert len(lexicon.markers) == 2


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        (0, "row 1, weight: 0 is outside 0.1–5.0"),
        (9.5, "row 1, weight: 9.5 is outside 0.1–5.0"),
        ("heavy", "row 1, weight: not a number: 'heavy'"),
        (True, "row 1, weight: not a number: True"),
        (float("nan"), "row 1, weight: not a number: nan"),
    ],
)
def test_it_refuses_a_bad_weight(weight, message):
    assert errors_of([row(weight=weight)]) == [message]


def test_it_refuses_suggestions_towards_the_same_type_or_without_text():
    assert errors_of([row(suggestions=[{"type": "empathizer", "text": "x"}, {"type": "controller", "text": ""}])]) == [
        "row 1, suggestions[1]: a rewrite must point to another type",
        "row 1, suggestions[2]: empty suggestion text",
    ]


def test_it_reports_every_bad_row_not_just_the_first():
    messages = errors_of([row(language="xx"), row(phrase="ok"), row(type="boss", phrase=""), "not an object"])
    assert messages == [
        "row 1, language: unknown language 'xx'; use one of en, da, nb, sv",
        "row 3, type: unknown service type 'boss'",
        "row 3, phrase: empty phrase",
        "row 4, row: expected an object",
    ]


def test_it_refuses_unknown_fields_so_typos_do_not_pass_silently():
    assert errors_of([row(wieght=2)]) == ["row 1, row: unknown fields: wieght"]


@pytest.mark.parametrize("data", [[], {"markers": "x"}, {"markers": []}, None])
def test_it_refuses_a_file_without_markers(data):
    with pytest.raises(LexiconFileError) as excinfo:
        lexicon_file.validate(data)
    assert excinfo.value.errors[0].row is None


def test_it_reads_yaml_with_nordic_letters():
    text = "markers:\n  - {language: nb, type: rock, phrase: tåler press, weight: 1.5}\n"
    lexicon = lexicon_file.load(text, "yaml")
    assert lexicon.markers[0].phrase == "tåler press"
    assert lexicon.markers[0].weight == 1.5


@pytest.mark.parametrize(("text", "fmt"), [("{not json", "json"), ("markers: [unclosed", "yaml")])
def test_it_reports_a_syntax_error(text, fmt):
    with pytest.raises(LexiconFileError) as excinfo:
        lexicon_file.load(text, fmt)
    assert str(excinfo.value).startswith(f"file, syntax: not valid {fmt.upper()}")


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_dump_and_load_round_trip(fmt):
    rows = [row(phrase="glad og imødekommende", suggestions=[{"type": "controller", "text": "tager styringen"}])]
    text = lexicon_file.dump(rows, version="3", note="n", fmt=fmt)
    assert "imødekommende" in text  # written as UTF-8, not escaped
    lexicon = lexicon_file.load(text, fmt)
    assert lexicon.markers[0].phrase == "glad og imødekommende"
    assert lexicon.markers[0].suggestions == ({"type": "controller", "text": "tager styringen"},)
