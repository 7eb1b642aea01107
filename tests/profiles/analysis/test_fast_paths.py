"""The engine's shortcuts give the answers the full searches give: they only skip work that finds nothing."""

import pytest

from profiles.analysis import sections
from profiles.analysis.classifier import SentenceClassifier, sentence_words
from profiles.analysis.engine import Analyzer
from profiles.analysis.gender import GenderCoder
from profiles.analysis.negation import contrast_spans, is_negated
from profiles.analysis.text import Sentence, tokenize

from .conftest import SMALL_GENDER

SENTENCES = [
    ("Send din ansøgning og CV senest den 1. marts.", "da"),
    ("Ansøgningsfristen er fredag, og vi holder løbende samtaler.", "da"),
    ("Vi tilbyder en god løn, pensionsordning og frokostordning.", "da"),
    ("Du får en attraktiv bonusordning oveni grundlønnen.", "da"),
    ("Du er motiveret af provision og kan lide at sælge.", "da"),
    ("Vi har 250 medarbejdere fordelt på tre kontorer.", "da"),
    ("Har du spørgsmål, så ring til Mette på 12 34 56 78.", "da"),
    ("Läs mer på www.exempel.se eller mejla jobb@exempel.se.", "sv"),
    ("Vi erbjuder kollektivavtal, friskvårdsbidrag och tjänstepension.", "sv"),
    ("Sista ansökningsdag är den 30 juni.", "sv"),
    ("Du er strukturert og trives med mange baller i luften.", "nb"),
    ("Søknadsfrist: 15. mai. Søk på stillingen via lenken.", "nb"),
    ("We're looking for someone who is caring and a great listener.", "en"),
    ("We offer a competitive salary and uncapped commission.", "en"),
    ("Founded in 1998, we are a leading provider of telecom services.", "en"),
    ("APPLY NOW and join our award-winning team!", "en"),
    ("Help new users set up their accounts.", "en"),
    # Letters that IGNORECASE reads as s and i though str.lower() does not.
    ("Vi tilbyder god løn og penſion.", "da"),
    ("SEND DIN ANSØGNİNG I DAG", "da"),
    ("Hvad tilbyder vi?", "da"),
    ("Om os", "da"),
]


@pytest.mark.parametrize(("sentence", "_language"), SENTENCES)
def test_it_finds_every_phrase_cue_the_full_search_finds(sentence, _language):
    alternations = [pattern for table in sections.CUE_PATTERNS.values() for pattern in table.values()]
    alternations += [sections.CANDIDATE_RE, sections.TASK_RE, sections.ADDRESS_FRAME_RE, sections.QUALITY_RE]
    alternations.append(sections.PAY_WORDS)
    for alternation in alternations:
        fast, full = alternation.search(sentence), alternation.pattern.search(sentence)
        assert (fast and (fast.span(), fast.group())) == (full and (full.span(), full.group()))


def test_it_reads_a_cue_in_an_inflected_or_capitalised_word():
    assert sections.find_cue("ANSØGNINGSFRISTEN ER 1. JUNI").kind == "application"
    assert sections.find_cue("Vi har en god pensionsordning.").kind == "benefits"
    assert sections.find_cue("Du skal arbejde med kunder.") is None


def _tokens(sentence, language):
    return tokenize(sentence, language, [Sentence(0, len(sentence), sentence)])


@pytest.mark.parametrize(
    ("sentence", "language", "word", "negated"),
    [
        ("Du er servicemindet og glad for kunder.", "da", "servicemindet", False),
        ("Du behøver ikke at være servicemindet.", "da", "servicemindet", True),
        ("Det er ikke nok at være sød.", "da", "sød", True),
        ("We need more than a friendly voice.", "en", "friendly", True),
        ("You are friendly and calm under pressure.", "en", "friendly", False),
    ],
)
def test_it_negates_only_sentences_with_a_negation_or_contrast_word(sentence, language, word, negated):
    tokens = _tokens(sentence, language)
    position = next(i for i, token in enumerate(tokens) if token.norm == word)
    assert is_negated(sentence, tokens, position, position, language) is negated


def test_it_finds_no_contrast_in_a_plain_sentence():
    sentence = "Du er struktureret, serviceminded og glad for telefonen."
    assert contrast_spans(_tokens(sentence, "da"), sentence, "da") == []


@pytest.mark.parametrize(("sentence", "_language"), SENTENCES)
def test_it_finds_the_full_searchs_cue_however_often_a_sentence_comes_back(sentence, _language):
    # The first search of a mix of phrases uses the full pattern, a later one a pattern of the mix.
    alternations = [pattern for table in sections.CUE_PATTERNS.values() for pattern in table.values()]
    alternations += [sections.CANDIDATE_RE, sections.TASK_RE, sections.ADDRESS_FRAME_RE]
    for alternation in alternations:
        full = alternation.pattern.search(sentence)
        for _ in range(3):
            fast = alternation.search(sentence)
            assert (fast and (fast.span(), fast.group())) == (full and (full.span(), full.group()))


def test_it_reads_each_sentences_type_the_same_alone_or_in_a_batch():
    from .test_classifier import ROWS

    model = SentenceClassifier.train(ROWS, version="t").models["da"]
    texts = ["Du guider kunden til den rigtige løsning", "Løn efter aftale", "Du smiler og lytter", "Ja"]
    together = model.predict_proba([sentence_words(text, "da") for text in texts])
    for row, text in zip(together, texts, strict=True):
        assert model.predict_proba([sentence_words(text, "da")])[0].tobytes() == row.tobytes()


def test_it_types_a_sentence_first_seen_in_the_company_text_once_it_describes_the_job(shipped_lexicon):
    from .test_classifier import ROWS

    classifier = SentenceClassifier.train(ROWS, version="t")

    def new_analyzer():
        return Analyzer(lexicon=shipped_lexicon, gender=GenderCoder(SMALL_GENDER), classifier=classifier)

    sentence = "Du viser kunden vejen"  # no marker: only the classifier types it
    job = f"Dine opgaver\n{sentence}\nDu har kørekort"
    analyzer = new_analyzer()
    company = analyzer.analyze(f"Om os\n{sentence}\nVi holder til i Aarhus", "da").to_dict()
    assert not any(match["source"] == "model" for match in company["matches"])
    seen_before = analyzer.analyze(job, "da").to_dict()
    assert any(match["source"] == "model" and match["text"] == sentence for match in seen_before["matches"])
    assert seen_before == new_analyzer().analyze(job, "da").to_dict()


# Texts that stress the per-chunk shortcuts: soft hyphens, apostrophes, digits that are not decimal
# ("²"), case that lower() reads with context ("Σ"), characters IGNORECASE and lower() disagree on,
# non-breaking and thin spaces, tabs, inline numbers and bullets.
TRICKY = [
    "Du er servicemindet og glad for kunder.",
    "Vi søger ikke en, der bare smiler – vi søger en, der tager ansvar.",
    "s\xadøger en kollega, der don't give up; R&D/IT + salg",
    "ΣΑΣ ÄR bäst: 10² kunder, 12 34 56 78, job@firma.dk og www.firma.dk",
    "SEND DIN ANSØGNİNG I DAG\u00a0til  os\tnu\u2009tak",
    "We need more than a friendly voice. It is not enough to be nice.",
    "Opgaver: 1) besvare kunder 2) sælge abonnementer 3. Du har kørekort",
    "Om os • Vi tilbyder: god løn · pension ▪ frokostordning",
    "Du är självgående, social och har erfarenhet av försäljning i stället för kundtjänst.",
    "Hva tilbyr vi? Gode betingelser, 250 medarbeidere og en uten_underscore",
]


def test_it_splits_at_the_same_boundaries_without_the_inline_number_search():
    from profiles.analysis.text import _INLINE_NUMBER_RE, _PUNCTUATION_BOUNDARY_RE, BOUNDARY_RE

    for text in TRICKY + [text.replace("1) ", "").replace("2) ", "").replace("3. ", "") for text in TRICKY]:
        if _INLINE_NUMBER_RE.search(text):
            continue  # the full search is used then
        expected = [match.span() for match in BOUNDARY_RE.finditer(text)]
        assert [match.span() for match in _PUNCTUATION_BOUNDARY_RE.finditer(text)] == expected


def test_it_splits_sentences_into_the_same_spans_as_sentence_objects():
    from profiles.analysis.text import sentence_spans, split_sentences

    for text in TRICKY:
        assert sentence_spans(text) == [(s.start, s.end, s.text) for s in split_sentences(text)]


def test_it_finds_markup_where_the_three_branch_trigger_search_does():
    import re

    from profiles.analysis.clean import _BLANKS, _LINES, TRIGGER_RE

    branches = re.compile(rf"<(?=[A-Za-z/!?])|&(?=[#A-Za-z])|[{_BLANKS}{_LINES}]")
    for text in [*TRICKY, "<p>a &amp; b</p><!-- x --> a < b &#8226;\u200b\x00 R&D;\u2028&"]:
        assert [m.start() for m in TRIGGER_RE.finditer(text)] == [m.start() for m in branches.finditer(text)]


def test_it_reads_a_sentences_language_signals_from_its_chunks():
    from profiles.analysis.language import packed_signals, signals, unpack

    for text, pack in zip(TRICKY, packed_signals(TRICKY), strict=True):
        assert unpack(pack) == signals(text)


def test_it_reads_each_sentences_language_the_same_from_packed_signals():
    from profiles.analysis.language import (
        detect_from,
        detect_packed,
        detect_sentences,
        detect_sentences_packed,
        packed_signals,
        signals,
    )

    from .test_language import EN_AD_WITH_SWEDISH

    for texts in (EN_AD_WITH_SWEDISH, TRICKY):
        packs = packed_signals(texts)
        for main in ("en", "da", "nb", "sv"):
            assert detect_sentences_packed(texts, packs, main) == detect_sentences(texts, main)
    packs = packed_signals(EN_AD_WITH_SWEDISH)
    assert detect_packed(packs) == detect_from([signals(text) for text in EN_AD_WITH_SWEDISH])


@pytest.mark.parametrize("sentence", TRICKY)
def test_it_passes_the_word_test_of_exactly_the_alternations_the_sentence_has_keys_of(sentence):
    view_mask = sections._view(sentence)[1]
    found = sections._sentence_words(sentence)
    if found is None:
        assert view_mask is None
        return
    words, begun, inside = found
    lowered = sentence.lower()
    assert words == frozenset(sections._WORD_CHUNK.findall(lowered))
    assert inside == {infix for infix in sections._INFIXES if infix in lowered}
    for table in sections._TABLES:
        keyed = not (table.exact.isdisjoint(words) and table.prefixes.isdisjoint(begun))
        keyed = keyed or not table.infixes.isdisjoint(inside)
        assert bool(view_mask & table.bits) is keyed


@pytest.mark.parametrize("sentence", TRICKY)
def test_it_reads_headings_and_digits_chunk_by_chunk_as_from_the_whole_sentence(sentence):
    stripped = sentence.strip().replace("&", " and ").replace("/", " and ").replace("+", " and ")
    from itertools import chain

    got = sections._view(sentence)[0]
    assert list(chain.from_iterable(item[0] for item in got)) == sections._words(stripped)
    assert list(chain.from_iterable(item[1] for item in got)) == sections._words(sentence)
    assert sections._has_digit(sentence) is any(map(str.isdigit, sentence))


@pytest.mark.parametrize("sentence", TRICKY)
@pytest.mark.parametrize("language", ["da", "en"])
def test_it_reads_a_sentences_words_chunk_by_chunk_as_the_tokenizer_does(sentence, language, shipped_lexicon):
    analyzer = Analyzer(lexicon=shipped_lexicon, gender=GenderCoder(SMALL_GENDER))
    result = analyzer._sentence_results([sentence], [language])[0]
    tokens = _tokens(sentence, language)
    assert [(row[0], row[1], row[7]) for row in result.rows] == [(t.norm, t.stem, t.text) for t in tokens]
    expected = shipped_lexicon.find(sentence, tokens, language)
    assert [(m.start, m.end, m.marker, m.negated) for m in result.markers] == [
        (m.start, m.end, m.marker, m.negated) for m in expected
    ]


def test_it_finds_the_same_markers_without_offsets_when_nothing_can_negate_them(shipped_lexicon):
    sentence = "Du er servicemindet, løsningsorienteret og tager ansvar for kundens oplevelse"
    tokens = _tokens(sentence, "da")
    roots_and_starts = [shipped_lexicon.stem_record(token.stem, "da") for token in tokens]
    roots, starts = [r for r, _s in roots_and_starts], [s for _r, s in roots_and_starts]
    plain = shipped_lexicon.find_plain(sentence, [t.norm for t in tokens], roots, starts, "da")
    assert plain == shipped_lexicon.find_from(sentence, tokens, roots, starts, "da")
    assert plain


def test_it_looks_stem_pairs_up_as_the_joined_feature():
    from .test_classifier import ROWS

    model = SentenceClassifier.train(ROWS, version="t").models["da"]
    stems, _words = sentence_words("Du guider kunden til den rigtige løsning og tager ansvar", "da")
    for pair in zip(stems, stems[1:], strict=False):
        assert model._pair_ids.get(pair) == model.vocabulary.get(" ".join(pair))


@pytest.mark.parametrize(("kind", "counted"), [("candidate", True), ("other", True), ("company", False)])
def test_it_makes_each_part_as_the_dataclass_does(kind, counted):
    from profiles.analysis.engine import Part, _part

    made = _part(3, 10, 20, kind, "default", "du er", "da")
    expected = Part(
        sentence=3, start=10, end=20, kind=kind, reason="default", cue="du er", language="da", counted=counted
    )
    assert made == expected
    assert vars(made) == vars(expected)  # every field, and no other
