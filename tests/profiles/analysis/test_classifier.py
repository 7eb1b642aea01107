import numpy as np
import pytest

from profiles.analysis.classifier import (
    LabelledSentence,
    SentenceClassifier,
    features,
    make_pipeline,
    read_corpus,
    sentence_words,
)

from .conftest import DATA

ROWS = (
    [
        LabelledSentence("da", "controller", text)
        for text in [
            "Du tager styringen i samtalen",
            "Du guider kunden til den rigtige løsning",
            "Du rådgiver kunden fagligt",
            "Du tager initiativ og løser problemet",
        ]
    ]
    + [
        LabelledSentence("da", "empathizer", text)
        for text in [
            "Du lytter til kunden med varme",
            "Du smiler i telefonen",
            "Du er omsorgsfuld og forstående",
            "Du viser empati for kundens situation",
        ]
    ]
    + [
        LabelledSentence("da", "neutral", text)
        for text in [
            "Arbejdstiden er 37 timer",
            "Send din ansøgning i dag",
            "Vi holder til i Aarhus",
            "Løn efter aftale",
        ]
    ]
)


def test_our_inference_equals_scikit_learns_predict_proba():
    """The exported model gives the same probabilities as the fitted scikit-learn pipeline."""
    classifier = SentenceClassifier.train(ROWS, version="t")
    pipeline = make_pipeline()
    pipeline.fit([features(*sentence_words(r.text, "da")) for r in ROWS], [r.label for r in ROWS])
    texts = [
        "Du tager styringen og guider kunden",
        "Vi tilbyder frokostordning",
        "Helt nye ord her",
        "kunden kunden kunden lytter lytter",
    ]
    ours = classifier.models["da"].predict_proba([sentence_words(t, "da") for t in texts])
    theirs = pipeline.predict_proba([features(*sentence_words(t, "da")) for t in texts])
    assert list(classifier.models["da"].classes) == list(pipeline.classes_)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)


def test_a_model_survives_dumping_and_loading():
    classifier = SentenceClassifier.train(ROWS, version="m7")
    loaded = SentenceClassifier.loads(classifier.dumps())
    sentence = sentence_words("Du tager styringen", "da")
    assert loaded.version == "m7"
    assert loaded.predict([sentence], "da") == classifier.predict([sentence], "da")


def test_it_learns_the_training_labels():
    classifier = SentenceClassifier.train(ROWS, version="t")
    [probabilities] = classifier.predict([sentence_words("Du tager styringen i samtalen", "da")], "da")
    assert max(probabilities, key=probabilities.get) == "controller"


def test_a_language_without_a_model_predicts_nothing():
    classifier = SentenceClassifier.train(ROWS, version="t")
    assert classifier.predict([sentence_words("Hello", "en")], "en") == [{}]


def test_the_shipped_corpus_is_valid_and_covers_every_label_in_every_language():
    with (DATA / "sentences.jsonl").open(encoding="utf-8") as lines:
        rows = read_corpus(lines)
    counts = {}
    for row in rows:
        counts[(row.language, row.label)] = counts.get((row.language, row.label), 0) + 1
    assert len(counts) == 4 * 8
    assert min(counts.values()) >= 20


def test_a_bad_corpus_line_names_its_number():
    with pytest.raises(ValueError, match="line 2"):
        read_corpus(
            ['{"language": "da", "label": "rock", "text": "Rolig"}', '{"language": "de", "label": "rock", "text": "x"}']
        )
