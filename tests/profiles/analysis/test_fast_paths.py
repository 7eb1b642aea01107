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
