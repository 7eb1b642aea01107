"""The shipped classifier v1: a file built from the corpus, copied into the database by migration 0004."""

import hashlib
import json
import shutil
import zlib

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from profiles import classifier_file
from profiles.analysis.classifier import SentenceClassifier, sentence_words
from profiles.models import ClassifierModel

DATA = classifier_file.DATA_DIR
SENTENCES = [
    ("da", "Du sørger for, at kunden går fra samtalen med en plan."),
    ("en", "You listen with warmth and patience to every caller."),
    ("nb", "Du tar styringen og finner løsningen sammen med kunden."),
    ("sv", "Du trivs i ett högt tempo och når dina mål."),
]
SMALL_CORPUS = "\n".join(
    json.dumps({"language": language, "label": label, "text": text}, ensure_ascii=False)
    for language, label, text in [
        ("da", "controller", "Du tager styringen i samtalen"),
        ("da", "controller", "Du guider kunden til den rigtige løsning"),
        ("da", "empathizer", "Du lytter til kunden med varme"),
        ("da", "empathizer", "Du viser empati for kundens situation"),
        ("da", "neutral", "Arbejdstiden er 37 timer"),
        ("da", "neutral", "Send din ansøgning i dag"),
    ]
)


@pytest.fixture(scope="module")
def trained_today():
    """What training on the shipped corpus makes with today's code (about 10 s of CPU)."""
    return classifier_file.build()


def meta() -> dict:
    return json.loads((DATA / classifier_file.META_NAME).read_text(encoding="utf-8"))


def test_it_names_the_hash_and_size_of_the_current_corpus():
    corpus = (DATA / "sentences.jsonl").read_bytes()
    shipped = meta()
    assert shipped["corpus_sha256"] == hashlib.sha256(corpus).hexdigest()
    assert shipped["sentences"] == sum(1 for line in corpus.decode().splitlines() if line.strip())
    assert shipped["model_sha256"] == hashlib.sha256((DATA / classifier_file.MODEL_NAME).read_bytes()).hexdigest()


def _parameters(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


@pytest.mark.slow
def test_it_ships_what_training_makes_today(trained_today):
    # A fresh install copies the file; an install migrated before trained in the migration. The same
    # model: the same words and classes and the same weights. The weights agree to rounding only:
    # BLAS takes other SIMD paths on other CPUs, so the last bits (and the file's bytes) may differ.
    today, shipped = _parameters(trained_today.blob), _parameters((DATA / classifier_file.MODEL_NAME).read_bytes())
    assert today["version"] == shipped["version"] and sorted(today["models"]) == sorted(shipped["models"])
    for language, model in shipped["models"].items():
        assert today["models"][language]["vocabulary"] == model["vocabulary"]
        assert today["models"][language]["classes"] == model["classes"]
        for weights in ("idf", "coef", "intercept"):
            np.testing.assert_allclose(today["models"][language][weights], model[weights], rtol=1e-7, atol=1e-9)
    assert {**trained_today.meta, "model_sha256": ""} == {**meta(), "model_sha256": ""}


@pytest.mark.slow
def test_the_migrated_model_predicts_like_a_freshly_trained_one(db, trained_today):
    stored = ClassifierModel.objects.get(version=1)
    assert stored.sentences == meta()["sentences"] == 980
    from_database = SentenceClassifier.loads(bytes(stored.blob))
    fresh = SentenceClassifier.loads(trained_today.blob)
    for language, text in SENTENCES:
        [got] = from_database.predict([sentence_words(text, language)], language)
        [expected] = fresh.predict([sentence_words(text, language)], language)
        assert list(got) == list(expected) and len(got) == 8
        np.testing.assert_allclose(list(got.values()), list(expected.values()), rtol=1e-7, atol=1e-9)
        assert sum(got.values()) == pytest.approx(1.0)


def test_check_passes_on_the_shipped_files(capsys):
    call_command("classifier_build", "--check")
    assert "classifier_v1.zlib matches sentences.jsonl" in capsys.readouterr().out


@pytest.fixture
def shipped_copy(tmp_path):
    for name in ("sentences.jsonl", classifier_file.MODEL_NAME, classifier_file.META_NAME):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def check(directory):
    call_command(
        "classifier_build", "--check", "--output-dir", str(directory), "--corpus", str(directory / "sentences.jsonl")
    )


def test_check_fails_when_the_corpus_was_edited_without_rebuilding(shipped_copy, capsys):
    with (shipped_copy / "sentences.jsonl").open("a", encoding="utf-8") as corpus:
        corpus.write('{"language": "da", "label": "rock", "text": "Du bevarer roen."}\n')
    with pytest.raises(CommandError, match="does not match the corpus"):
        check(shipped_copy)
    err = capsys.readouterr().err
    assert "sentences.jsonl has changed since classifier_v1.zlib was built" in err
    assert "names 980 sentences; the corpus has 981" in err


def test_check_fails_when_the_model_file_was_altered(shipped_copy, capsys):
    blob = (shipped_copy / classifier_file.MODEL_NAME).read_bytes()
    (shipped_copy / classifier_file.MODEL_NAME).write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    with pytest.raises(CommandError):
        check(shipped_copy)
    assert "classifier_v1.zlib does not match the hash" in capsys.readouterr().err


def test_check_fails_when_the_files_are_missing(tmp_path):
    (tmp_path / "sentences.jsonl").write_text(SMALL_CORPUS, encoding="utf-8")
    with pytest.raises(CommandError):
        check(tmp_path)


def test_build_writes_a_model_and_metadata_that_then_pass_the_check(tmp_path, capsys):
    corpus = tmp_path / "sentences.jsonl"
    corpus.write_text(SMALL_CORPUS + "\n", encoding="utf-8")
    call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(tmp_path))
    written = json.loads((tmp_path / classifier_file.META_NAME).read_text(encoding="utf-8"))
    assert written["corpus_sha256"] == hashlib.sha256(corpus.read_bytes()).hexdigest()
    assert (written["sentences"], written["languages"], written["version"]) == (6, ["da"], 1)
    model = SentenceClassifier.loads((tmp_path / classifier_file.MODEL_NAME).read_bytes())
    [probabilities] = model.predict([sentence_words("Du tager styringen i samtalen", "da")], "da")
    assert max(probabilities, key=probabilities.get) == "controller"
    check(tmp_path)
    assert "Wrote classifier_v1.zlib: 6 sentences" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No such corpus"),
        (b"", "has no sentences"),
        (b'{"language": "da", "label": "rock"\n', "sentences.jsonl: "),
        (b'{"language": "fi", "label": "rock", "text": "Rauhallinen"}\n', "line 1: bad sentence"),
        (b'{"language": "da", "label": "boss", "text": "Du bestemmer"}\n', "line 1: bad sentence"),
        (b'{"language": "da", "label": "rock"}\n', "sentences.jsonl: 'text'"),
        (b"[1, 2]\n", "sentences.jsonl: "),
        (SMALL_CORPUS.rsplit("\n", 2)[0].encode(), "each language needs at least three labels \\(da\\)"),
        ('{"language": "da", "label": "rock", "text": "blå"}'.encode("latin-1"), "not UTF-8"),
    ],
)
def test_build_refuses_a_bad_corpus_and_writes_nothing(tmp_path, content, message):
    corpus = tmp_path / "sentences.jsonl"
    if content is not None:
        corpus.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("classifier_build", "--corpus", str(corpus), "--output-dir", str(tmp_path))
    assert not (tmp_path / classifier_file.MODEL_NAME).exists()
    assert not (tmp_path / classifier_file.META_NAME).exists()


def test_build_refuses_a_missing_output_directory(tmp_path):
    with pytest.raises(CommandError, match="No such directory"):
        call_command("classifier_build", "--output-dir", str(tmp_path / "nowhere"))
