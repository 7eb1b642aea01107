import pytest

from profiles.analysis.clean import clean
from profiles.analysis.readability import lix
from profiles.analysis.text import is_long_word, phrase_stems, split_sentences, stem_candidates, tokenize


def test_sentences_split_at_stops_and_lines_but_not_abbreviations():
    text = "Vi søger bl.a. en rådgiver. Du tager styringen!\n• Løn efter aftale\n\nSøg nu"
    assert [s.text for s in split_sentences(text)] == [
        "Vi søger bl.a. en rådgiver.",
        "Du tager styringen!",
        "Løn efter aftale",
        "Søg nu",
    ]


def test_sentence_offsets_point_into_the_text_as_given():
    text = "  Første sætning.   Anden sætning  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_tokens_keep_offsets_and_split_hyphens():
    text = "En self-starter, der tager ansvar."
    tokens = tokenize(text, "en")
    assert [t.text for t in tokens] == ["En", "self", "starter", "der", "tager", "ansvar"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_it_reads_a_soft_hyphen_as_part_of_the_word():
    tokens = tokenize("Vi søger en kunde\xadservice\xadmedarbejder.", "da")
    assert [t.norm for t in tokens] == ["vi", "søger", "en", "kundeservicemedarbejder"]


def test_short_verbs_and_reflexives_are_normalised():
    assert phrase_stems("tar styringen", "nb") == phrase_stems("ta styringen", "nb")
    assert phrase_stems("danne dig et overblik", "da") == phrase_stems("danne sig et overblik", "da")


def test_an_inflected_stem_leads_back_to_its_base():
    assert "problemløs" in stem_candidates("problemløsning", "da")
    assert "problemløs" in stem_candidates("problemløser", "nb")
    assert stem_candidates("gå", "da") == ["gå"]  # too short to strip


def sentence_texts(text):
    return [s.text for s in split_sentences(clean(text))]


def test_it_splits_every_line_of_a_list_without_full_stops():
    text = "Om dig\nDu har erfaring med salg\nDu er glad og positiv\nDu har kørekort"
    assert sentence_texts(text) == ["Om dig", "Du har erfaring med salg", "Du er glad og positiv", "Du har kørekort"]


def test_it_splits_numbered_items_and_drops_their_numbers():
    text = "Dine opgaver:\n1. Du rådgiver kunder\n2. Du sælger forsikringer\n3) Du følger op"
    assert sentence_texts(text) == ["Dine opgaver:", "Du rådgiver kunder", "Du sælger forsikringer", "Du følger op"]
    inline = "Du skal: 1) kunne sælge 2) kunne lytte 3) kunne smile"
    assert sentence_texts(inline) == ["Du skal:", "kunne sælge", "kunne lytte", "kunne smile"]


def test_it_keeps_ordinals_and_abbreviations_inside_the_sentence():
    assert sentence_texts("Start den 1. marts. Vi søger bl.a. en sælger, f.eks. med erfaring.") == [
        "Start den 1. marts.",
        "Vi søger bl.a. en sælger, f.eks. med erfaring.",
    ]
    assert sentence_texts("Du har t.ex. körkort. We use e.g. Excel and Teams.") == [
        "Du har t.ex. körkort.",
        "We use e.g. Excel and Teams.",
    ]


def test_it_ends_a_sentence_after_osv_when_a_new_one_begins():
    assert sentence_texts("Vi har kaffe, frugt osv. og gode kolleger.") == [
        "Vi har kaffe, frugt osv. og gode kolleger."
    ]
    assert sentence_texts("Vi har kaffe, frugt osv. Du får også frokost.") == [
        "Vi har kaffe, frugt osv.",
        "Du får også frokost.",
    ]


def test_sentence_offsets_of_cleaned_html_point_into_the_original():
    original = "<ul><li>Du er glad</li><li>Du er positiv</li></ul><p>S&oslash;g nu!</p>"
    for sentence in split_sentences(clean(original)):
        assert original[sentence.start] == sentence.text[0]
        assert original[sentence.end - 1] == sentence.text[-1]


BULLETS = {
    "da": [
        "Du har erfaring med kundeservice eller salg",
        "Du er positiv og udadvendt",
        "Du kan lide at hjælpe andre",
        "Du taler og skriver flydende dansk",
        "Du er god til at lytte",
        "Du har styr på dine opgaver",
        "Du trives med mange kundekontakter",
        "Du tager ansvar for kundens oplevelse",
        "Du er mødestabil og omhyggelig",
        "Du kan arbejde i et travlt miljø",
        "Du er nysgerrig og vil gerne lære",
        "Du samarbejder godt med dine kolleger",
        "Du har kendskab til Microsoft Office",
        "Du kan arbejde hver anden weekend",
        "Du har en god telefonstemme",
    ],
    "sv": [
        "Du har erfarenhet av kundtjänst eller försäljning",
        "Du är positiv och utåtriktad",
        "Du tycker om att hjälpa andra",
        "Du talar och skriver flytande svenska",
        "Du är en god lyssnare",
        "Du har koll på dina uppgifter",
        "Du trivs med många kundkontakter",
        "Du tar ansvar för kundens upplevelse",
        "Du är pålitlig och noggrann",
        "Du kan arbeta i en stressig miljö",
        "Du är nyfiken och vill lära dig mer",
        "Du samarbetar bra med dina kollegor",
        "Du har kunskap om Microsoft Office",
        "Du kan arbeta varannan helg",
        "Du har en trevlig telefonröst",
    ],
}
INTRO = {"da": "Om dig:", "sv": "Om dig:"}


def ad_lix(text, language):
    sentences = split_sentences(clean(text))
    tokens = tokenize(clean(text), language, sentences)
    return lix(
        words=len(tokens),
        sentences=len(sentences),
        long_words=sum(is_long_word(t.text) for t in tokens),
        language=language,
    ).lix


@pytest.mark.parametrize("language", BULLETS)
def test_it_gives_a_bulleted_ad_without_full_stops_the_lix_of_the_same_ad_with_them(language):
    items = BULLETS[language]
    with_stops = INTRO[language] + "\n" + " ".join(item + "." for item in items)
    html_list = "<p>" + INTRO[language] + "</p><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    inline = INTRO[language] + " • " + " • ".join(items)
    plain_lines = INTRO[language] + "\n" + "\n".join("- " + item for item in items)
    reference = ad_lix(with_stops, language)
    assert reference < 40  # short sentences: an easy read
    for variant in (html_list, inline, plain_lines):
        assert abs(ad_lix(variant, language) - reference) <= 5
