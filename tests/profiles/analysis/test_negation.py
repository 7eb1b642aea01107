"""A negator governs only what it scopes over; contrasts negate the quality they dismiss."""

import pytest

from profiles.analysis import lexicon
from profiles.analysis.negation import contrast_spans, is_negated
from profiles.analysis.text import tokenize

from .conftest import compile_markers


def rows(language, type_, *phrases):
    return [{"language": language, "type": type_, "phrase": phrase, "weight": 1.0} for phrase in phrases]


LEXICON = compile_markers(
    rows("en", "competitor", "commission", "sales")
    + rows("en", "hard_worker", "experience")
    + rows("en", "empathizer", "nice", "friendly", "smile", "empathetic", "friendly voice")
    + rows("en", "controller", "take the lead")
    + rows("da", "competitor", "provision", "salg")
    + rows("da", "hard_worker", "erfaring")
    + rows("da", "empathizer", "servicemindet", "sød", "smilende", "smil")
    + rows("da", "controller", "tage styringen")
    + rows("nb", "competitor", "provisjon", "salg")
    + rows("nb", "hard_worker", "erfaring")
    + rows("nb", "empathizer", "hyggelig", "smil", "serviceinnstilt")
    + rows("nb", "controller", "ta styringen")
    + rows("sv", "competitor", "provision", "försäljning")
    + rows("sv", "hard_worker", "erfarenhet")
    + rows("sv", "empathizer", "trevlig", "le", "leende", "serviceinriktad")
    + rows("sv", "controller", "ta initiativ")
)


def negated(text: str, language: str) -> dict[str, bool]:
    """Each marker found, as written, and whether it is negated."""
    tokens = tokenize(text, language)
    return {text[m.start : m.end].lower(): m.negated for m in LEXICON.find(text, tokens, language)}


# 1. Prepositional negators govern the words after them only.


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("sv", "Vi erbjuder grundlön och provision utan tak.", "provision"),
        ("da", "Du får fast løn plus provision uden loft.", "provision"),
        ("nb", "Du får fastlønn og provisjon uten tak.", "provisjon"),
        ("en", "We offer a base salary plus commission without a cap.", "commission"),
    ],
)
def test_it_keeps_the_commission_that_comes_without_a_cap(language, text, word):
    assert negated(text, language)[word] is False


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "You can apply without experience in sales.", "experience"),
        ("da", "Du kan sagtens søge uden erfaring.", "erfaring"),
        ("nb", "Du kan søke uten erfaring fra bransjen.", "erfaring"),
        ("sv", "Du kan söka utan erfarenhet av branschen.", "erfarenhet"),
    ],
)
def test_it_negates_what_comes_right_after_without(language, text, word):
    assert negated(text, language)[word] is True


# 2. Adverbial negators before the marker, within a few words and the same clause.


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("da", "Du behøver ikke at være servicemindet.", "servicemindet"),
        ("nb", "Du trenger ikke være serviceinnstilt.", "serviceinnstilt"),
        ("sv", "Du behöver inte vara serviceinriktad.", "serviceinriktad"),
        ("en", "You do not need to be empathetic.", "empathetic"),
        ("en", "No experience with customers? No problem.", "experience"),
        ("da", "Ingen erfaring med telefonsalg er nødvendig.", "erfaring"),
    ],
)
def test_it_negates_a_marker_a_negator_stands_just_before(language, text, word):
    assert negated(text, language)[word] is True


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("da", "Du er ikke bange for at tage styringen.", "tage styringen"),
        ("nb", "Du er ikke redd for å ta styringen.", "ta styringen"),
        ("sv", "Du är inte rädd för att ta initiativ.", "ta initiativ"),
        ("en", "You are not afraid to take the lead.", "take the lead"),
    ],
)
def test_it_keeps_a_marker_that_a_negator_before_does_not_reach(language, text, word):
    assert negated(text, language)[word] is False


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("da", "Du er ikke kun servicemindet, men også en, der tager styringen.", "servicemindet"),
        ("en", "You are not only friendly but also take the lead.", "friendly"),
        ("sv", "Du är inte bara trevlig utan tar också initiativ.", "trevlig"),
    ],
)
def test_it_keeps_the_quality_of_not_only_x_but_also_y(language, text, word):
    assert negated(text, language)[word] is False


# 3. After the marker only "… is not required" negates it.


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("da", "Erfaring med salg er ikke et krav.", "erfaring"),
        ("da", "Erfaring med salg er ikke et krav.", "salg"),
        ("nb", "Erfaring er ikke et krav, vi lærer deg opp.", "erfaring"),
        ("nb", "Erfaring med salg kreves ikke.", "erfaring"),
        ("sv", "Erfarenhet av försäljning är inget krav.", "erfarenhet"),
        ("sv", "Erfarenhet av försäljning krävs inte.", "försäljning"),
        ("en", "Experience in sales is not required.", "experience"),
        ("en", "Experience in sales is not a must.", "sales"),
        ("da", "Erfaring med salg og kundeservice er ikke nødvendig.", "salg"),
    ],
)
def test_it_negates_a_marker_the_ad_says_is_not_required(language, text, word):
    assert negated(text, language)[word] is True


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("da", "Du er servicemindet og ikke bange for travlhed.", "servicemindet"),
        ("nb", "Du er hyggelig og ikke redd for travle dager.", "hyggelig"),
        ("sv", "Du är trevlig och inte rädd för att ha mycket att göra.", "trevlig"),
        ("en", "You are friendly and never afraid of a busy day.", "friendly"),
        ("da", "Du er servicemindet, og erfaring er ikke et krav.", "servicemindet"),
        ("da", "Du er servicemindet og erfaring er ikke et krav.", "servicemindet"),
        ("sv", "Erfarenhet av försäljning är meriterande men inget krav.", "erfarenhet"),
    ],
)
def test_it_keeps_a_marker_that_a_later_negator_does_not_govern(language, text, word):
    assert negated(text, language)[word] is False


# 4. Contrasts negate the soft quality they dismiss, and leave the positive part alone.


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "It is not enough to be nice.", ["nice"]),
        ("en", "It's not enough to be nice and friendly.", ["nice", "friendly"]),
        ("en", "Being friendly is not enough.", ["friendly"]),
        ("en", "Being friendly isn't enough in this job.", ["friendly"]),
        ("en", "We're not looking for someone who just smiles.", ["smiles"]),
        ("en", "We do not want someone who is only friendly.", ["friendly"]),
        ("en", "This job takes more than a friendly voice.", ["friendly voice"]),
        ("da", "Det er ikke nok at være sød og smilende.", ["sød", "smilende"]),
        ("da", "At være sød er ikke nok.", ["sød"]),
        ("da", "Vi søger ikke en, der bare smiler i telefonen.", ["smiler"]),
        ("da", "Kundeservice hos os er mere end et smil.", ["smil"]),
        ("da", "Du er sød, men det er ikke nok.", ["sød"]),
        ("en", "You are nice, but that's not enough.", ["nice"]),
        ("da", "Et smil er ikke nok, du skal kunne tage styringen.", ["smil"]),
        ("nb", "Det er ikke nok å være hyggelig.", ["hyggelig"]),
        ("nb", "Vi ser ikke etter en som bare smiler.", ["smiler"]),
        ("nb", "Kundeservice hos oss er mer enn et smil.", ["smil"]),
        ("nb", "Det holder ikke å være hyggelig.", ["hyggelig"]),
        ("sv", "Det räcker inte att vara trevlig.", ["trevlig"]),
        ("sv", "Att vara trevlig räcker inte.", ["trevlig"]),
        ("sv", "Vi söker inte någon som bara ler.", ["ler"]),
        ("sv", "Kundservice hos oss är mer än ett leende.", ["leende"]),
        ("sv", "Det räcker inte med att vara trevlig.", ["trevlig"]),
    ],
)
def test_it_negates_the_quality_a_contrast_dismisses(language, text, words):
    found = negated(text, language)
    assert {word: found.get(word) for word in words} == dict.fromkeys(words, True)


@pytest.mark.parametrize(
    ("language", "text", "dismissed", "kept"),
    [
        ("da", "Det er ikke nok at være sød, du skal også tage styringen.", "sød", "tage styringen"),
        ("da", "Det er ikke nok at være sød og smilende – du skal tage styringen.", "smilende", "tage styringen"),
        ("da", "Vi søger ikke en, der bare smiler, men en der tager styringen.", "smiler", "tager styringen"),
        ("nb", "Det er ikke nok å være hyggelig, du må også ta styringen.", "hyggelig", "ta styringen"),
        ("nb", "Vi ser ikke etter en som bare smiler, men en som tar styringen.", "smiler", "tar styringen"),
        ("sv", "Det räcker inte att vara trevlig, utan du ska också ta initiativ.", "trevlig", "ta initiativ"),
        ("sv", "Vi söker inte någon som bara ler, utan någon som tar initiativ.", "ler", "tar initiativ"),
        ("en", "It is not enough to be nice, you also take the lead.", "nice", "take the lead"),
        (
            "en",
            "We are not looking for someone who just smiles, but a person who can take the lead.",
            "smiles",
            "take the lead",
        ),
    ],
)
def test_it_keeps_the_positive_part_after_the_contrast(language, text, dismissed, kept):
    found = negated(text, language)
    assert (found[dismissed], found[kept]) == (True, False)


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "You have more than three years of sales experience.", "experience"),
        ("en", "We are more than happy to help you get friendly with the product.", "friendly"),
        ("da", "Du har mere end 2 års erfaring med salg.", "erfaring"),
        ("sv", "Vi hjälper mer än gärna till, du är trevlig och glad.", "trevlig"),
        ("da", "Du er sød og smilende, og du tager styringen.", "smilende"),
        ("da", "Vi søger ikke kun en, der smiler, men også en, der tager styringen.", "smiler"),
        ("sv", "Du är trevlig och inte nog med att du tar initiativ, du får också provision.", "trevlig"),
        ("sv", "Inte nog med att du tar initiativ, du är också trevlig.", "tar initiativ"),
        ("da", "Ikke nok med at du tager styringen, du er også sød.", "tager styringen"),
        ("da", "Du får ikke nok af at være sød over for kunderne.", "sød"),
        ("da", "Et smil er ikke nok, du skal kunne tage styringen.", "tage styringen"),
    ],
)
def test_it_keeps_markers_near_look_alikes_of_a_contrast(language, text, word):
    assert negated(text, language)[word] is False


def test_it_reports_the_dismissed_words_as_token_ranges():
    text = "Det er ikke nok at være sød, du skal også tage styringen."
    tokens = tokenize(text, "da")
    assert [" ".join(t.text for t in tokens[a : b + 1]) for a, b in contrast_spans(tokens, text, "da")] == [
        "at være sød"
    ]


def test_it_answers_each_marker_of_a_sentence_from_one_reading():
    text = "Det er ikke nok at være sød, du skal også tage styringen."
    tokens = tokenize(text, "da")
    sod = next(i for i, t in enumerate(tokens) if t.norm == "sød")
    tage = next(i for i, t in enumerate(tokens) if t.norm == "tage")
    assert is_negated(text, tokens, sod, sod, "da") is True
    assert is_negated(text, tokens, tage, tage + 1, "da") is False
    # Another token list of another text is read afresh, not from the previous one's answer.
    other = "Du skal tage styringen og være sød."
    other_tokens = tokenize(other, "da")
    assert is_negated(other, other_tokens, 0, 0, "da") is False
    assert is_negated(other, other_tokens, len(other_tokens) - 1, len(other_tokens) - 1, "da") is False


def test_it_keeps_the_negation_names_importable_from_the_lexicon():
    assert lexicon.is_negated is is_negated
    assert "ikke" in lexicon.NEGATIONS["da"]
