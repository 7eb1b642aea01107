"""Classifier v2: the shipped sentences plus real-ad sentences, installed by migration 0009.

The real sentences are never in the repository; the tests build from a small made-up set."""

import hashlib
import importlib
import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from profiles import classifier_file
from profiles.analysis.classifier import SentenceClassifier, sentence_words
from profiles.models import ClassifierModel

DATA = classifier_file.DATA_DIR
SMALL_CORPUS = [
    ("da", "controller", "Du tager styringen i samtalen"),
    ("da", "controller", "Du guider kunden til den rigtige løsning"),
    ("da", "empathizer", "Du lytter til kunden med varme"),
    ("da", "empathizer", "Du viser empati for kundens situation"),
    ("da", "neutral", "Arbejdstiden er 37 timer"),
    ("da", "neutral", "Send din ansøgning i dag"),
]
REAL = [
    ("da-1", "Du tager ejerskab for kundens sag fra start til slut.", "controller", "candidate"),
    ("da-1", "Du møder kunderne med et smil.", "empathizer", "candidate"),
    ("da-2", "Du rådgiver kunderne om den bedste løsning.", "controller", "task"),
    ("da-2", "Vi tilbyder frokostordning og pension.", "neutral", "benefits"),
]


def v2_meta() -> dict:
    return json.loads((DATA / classifier_file.V2_META_NAME).read_text(encoding="utf-8"))


def _lines(rows) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


@pytest.fixture
def small_set(tmp_path):
    corpus = tmp_path / "sentences.jsonl"
    corpus.write_text(_lines({"language": lang, "label": label, "text": text} for lang, label, text in SMALL_CORPUS))
    real = tmp_path / "real"
    real.mkdir()
    (real / "sentences_da.jsonl").write_text(
        _lines({"ad": ad, "text": text, "label": label, "part": part} for ad, text, label, part in REAL),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    return corpus, real, out


def test_it_installs_m2_as_the_newest_classifier_on_a_fresh_database(db):
    newest = ClassifierModel.objects.latest()
    assert (newest.version, newest.label, newest.corrections) == (2, "m2", 0)
    assert newest.sentences == v2_meta()["sentences"] > ClassifierModel.objects.get(version=1).sentences
    assert hashlib.sha256(bytes(newest.blob)).hexdigest() == v2_meta()["model_sha256"]
    assert newest.macro_f1 == v2_meta()["macro_f1_grouped_by_ad"]["shipped_plus_real"]
    assert SentenceClassifier.loads(bytes(newest.blob)).version == "m2"


def test_it_installs_v2_above_an_install_that_had_already_retrained(db):
    ClassifierModel.objects.filter(version=2).update(version=3)  # as if retrained once before v2 arrived
    migration = importlib.import_module("profiles.migrations.0009_classifier_v2")
    migration.load_v2(apps, None)
    newest = ClassifierModel.objects.latest()
    assert newest.version == 4
    assert SentenceClassifier.loads(bytes(newest.blob)).version == "m4"
    migration.remove_v2(apps, None)
    assert ClassifierModel.objects.latest().version == 3


def test_the_shipped_meta_records_the_real_sentence_set_and_its_counts():
    meta = v2_meta()
    assert meta["version"] == "m2" and len(meta["real_sha256"]) == 64
    assert set(meta["real_files"]) == {f"sentences_{lang}.jsonl" for lang in ("da", "en", "nb", "sv")}
    assert meta["real_sha256"] == classifier_file.real_set_sha256(meta["real_files"])
    real = sum(sum(labels.values()) for labels in meta["real_sentences"].values())
    assert meta["sentences"] == 980 + real
    assert meta["model_sha256"] == hashlib.sha256((DATA / classifier_file.V2_MODEL_NAME).read_bytes()).hexdigest()


def test_build_with_real_sentences_writes_a_model_whose_meta_records_both_hashes(small_set, capsys):
    corpus, real, out = small_set
    call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(out))
    call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(out), "--real", str(real))
    assert "Wrote classifier_v2.zlib: 10 sentences (4 real)" in capsys.readouterr().out
    meta = json.loads((out / classifier_file.V2_META_NAME).read_text(encoding="utf-8"))
    real_file = hashlib.sha256((real / "sentences_da.jsonl").read_bytes()).hexdigest()
    assert meta["corpus_sha256"] == hashlib.sha256(corpus.read_bytes()).hexdigest()
    assert meta["real_files"] == {"sentences_da.jsonl": real_file}
    assert meta["real_sha256"] == classifier_file.real_set_sha256({"sentences_da.jsonl": real_file})
    assert meta["real_sentences"] == {"da": {"controller": 2, "empathizer": 1, "neutral": 1}}
    assert (meta["version"], meta["real_ads"], meta["sentences"]) == ("m2", 2, 10)
    model = SentenceClassifier.loads((out / classifier_file.V2_MODEL_NAME).read_bytes())
    [probabilities] = model.predict([sentence_words("Du tager ejerskab for kundens sag.", "da")], "da")
    assert max(probabilities, key=probabilities.get) == "controller"
    # v1 is left as it was, and the check accepts both against the same sets.
    assert json.loads((out / classifier_file.META_NAME).read_text(encoding="utf-8"))["version"] == 1
    call_command("classifier_build", "--check", "--corpus", str(corpus), "--output-dir", str(out), "--real", str(real))
    assert "classifier_v2.zlib matches sentences.jsonl and the real sentences" in capsys.readouterr().out


def test_the_check_notices_another_real_sentence_set(small_set, capsys):
    corpus, real, out = small_set
    call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(out))
    call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(out), "--real", str(real))
    with (real / "sentences_da.jsonl").open("a", encoding="utf-8") as extra:
        extra.write(_lines([{"ad": "da-3", "text": "Du bevarer roen.", "label": "rock", "part": "candidate"}]))
    with pytest.raises(CommandError, match="does not match"):
        call_command(
            "classifier_build", "--check", "--corpus", str(corpus), "--output-dir", str(out), "--real", str(real)
        )
    assert "not the set classifier_v2.zlib was trained on" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"ad": "da-3", "text": "Du bestemmer.", "label": "boss", "part": "candidate"}, "row 6: unknown label 'boss'"),
        ({"ad": "da-3", "text": "Du bestemmer.", "label": "rock", "part": "footer"}, "row 6: unknown part 'footer'"),
        ({"ad": "da-3", "label": "rock", "part": "candidate"}, "row 6: not a sentence row"),
    ],
)
def test_build_refuses_a_bad_real_sentence_row_naming_its_row_and_writes_nothing(small_set, row, message):
    corpus, real, out = small_set
    with (real / "sentences_da.jsonl").open("a", encoding="utf-8") as extra:
        extra.write("\n" + _lines([row]))  # a blank line counts: the row number is the line in an editor
    with pytest.raises(CommandError, match=f"sentences_da.jsonl {message}"):
        call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(out), "--real", str(real))
    assert not (out / classifier_file.V2_MODEL_NAME).exists()
    assert not (out / classifier_file.V2_META_NAME).exists()


def test_build_refuses_a_directory_without_real_sentences(small_set):
    corpus, real, out = small_set
    (real / "sentences_da.jsonl").unlink()
    with pytest.raises(CommandError, match="has no real sentences"):
        call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(out), "--real", str(real))


@pytest.fixture(scope="module")
def shipped_v2():
    return SentenceClassifier.loads((DATA / classifier_file.V2_MODEL_NAME).read_bytes())


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("da", "Du tager ejerskab for kundens sag fra start til slut.", "controller"),
        ("da", "Du møder kunderne med et smil og et godt humør.", "empathizer"),
        ("da", "Vi tilbyder en god pensionsordning og frokostordning.", "neutral"),
        ("nb", "Du tar eierskap til kundens sak fra start til slutt.", "controller"),
        ("nb", "Du møter kundene med et smil og godt humør.", "empathizer"),
        ("sv", "Du ger kunderna råd och hittar rätt lösning.", "controller"),
        ("sv", "Du möter kunderna med ett leende och ett gott humör.", "empathizer"),
        ("en", "You advise customers and resolve their issues.", "controller"),
        ("en", "You listen to callers with patience and warmth.", "empathizer"),
    ],
)
def test_it_reads_short_real_looking_sentences_in_each_language_sensibly(shipped_v2, language, sentence, expected):
    [probabilities] = shipped_v2.predict([sentence_words(sentence, language)], language)
    assert max(probabilities, key=probabilities.get) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Om jobbet\nDu får kunderne til at føle sig hørt og godt behandlet."),
        ("sv", "Om tjänsten\nDu får kunderna att känna sig sedda och väl omhändertagna."),
        ("en", "About the job\nYou make callers feel heard and cared for."),
    ],
)
def test_the_shipped_m2_types_a_sentence_about_the_job_that_no_marker_names(shipped_v2, language, text):
    from profiles.analysis.engine import Analyzer
    from profiles.analysis.gender import GenderCoder
    from profiles.analysis.lexicon import CompiledLexicon

    analyzer = Analyzer(
        lexicon=CompiledLexicon([], version="none"),
        gender=GenderCoder({lang: {"masculine": [], "feminine": []} for lang in ("da", "en", "nb", "sv")}),
        classifier=shipped_v2,
    )
    matches = analyzer.analyze(text, language).to_dict()["matches"]
    assert [(m["source"], m["type"], m["text"]) for m in matches] == [("model", "empathizer", text.split("\n")[1])]
