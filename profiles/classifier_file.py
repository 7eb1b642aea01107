"""The shipped classifiers: built from sentence corpora, checked against them. Pure Python.

v1 learns from the shipped, synthetic sentences (profiles/data/sentences.jsonl). v2
(`classifier_build --real DIR`) learns from those plus the real-ad sentences of a copy of the ad
corpus (DIR/sentences_<lang>.jsonl, see bench/adcorpus.py). The real sentences come from public ads
whose licences forbid committing them, so only the model (numbers) is shipped, with the SHA-256 of
the real-sentence set it was trained on; it cannot be rebuilt without a copy of that set.

Migrations 0004 and 0009 load `classifier_v1.zlib` and `classifier_v2.zlib` as they are, without
training and without importing this module, so what a migration does never depends on today's code.
Training is deterministic, so the v1 file equals what `SentenceClassifier.train` makes today;
`classifier_build --check` and a test keep the file, its metadata and the corpus in step.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from profiles.analysis.classifier import (
    RealSentence,
    SentenceClassifier,
    grouped_macro_f1,
    read_corpus,
    read_real_sentences,
)
from servicefit.core.languages import LANGUAGE_CODES

DATA_DIR = Path(__file__).resolve().parent / "data"
CORPUS_PATH = DATA_DIR / "sentences.jsonl"
MODEL_NAME = "classifier_v1.zlib"
META_NAME = "classifier_v1.json"
VERSION = 1
V2_MODEL_NAME = "classifier_v2.zlib"
V2_META_NAME = "classifier_v2.json"
V2_VERSION = "m2"
# Which parts of a real ad v2 learns from. Measured (bench/adcorpus.py, cross-fitted by ad): training
# on every part and only on the counted parts gave the same ad-level figures, so the company and
# benefits sentences stay in (they teach the model what "neutral" looks like in a real ad). Contact
# and application lines are left out: they name real people, e-mail addresses and phone numbers of
# the ads' employers, and a shipped model's vocabulary must not carry them.
REAL_TRAINING_PARTS = ("candidate", "task", "company", "benefits")
REAL_FOLDS = 5


class ClassifierFileError(ValueError):
    pass


@dataclass(frozen=True)
class Build:
    blob: bytes
    meta: dict


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(corpus_path: Path = CORPUS_PATH) -> Build:
    try:
        raw = corpus_path.read_bytes()
    except FileNotFoundError as exc:
        raise ClassifierFileError(f"No such corpus: {corpus_path}") from exc
    try:
        rows = read_corpus(raw.decode("utf-8").splitlines())
    except UnicodeDecodeError as exc:
        raise ClassifierFileError(f"{corpus_path.name} is not UTF-8 text (byte {exc.start}).") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        # json.JSONDecodeError is a ValueError; a line that is not an object or lacks a key is the rest.
        raise ClassifierFileError(f"{corpus_path.name}: {exc}") from exc
    if not rows:
        raise ClassifierFileError(f"{corpus_path.name} has no sentences.")
    labels: dict[str, set[str]] = {}
    for row in rows:
        labels.setdefault(row.language, set()).add(row.label)
    # With two labels scikit-learn fits one coefficient row, a model shape the classifier cannot load.
    thin = sorted(language for language, seen in labels.items() if len(seen) < 3)
    if thin:
        raise ClassifierFileError(f"{corpus_path.name}: each language needs at least three labels ({', '.join(thin)}).")
    blob = SentenceClassifier.train(rows, version=f"m{VERSION}").dumps()
    meta = {
        "version": VERSION,
        "corpus": corpus_path.name,
        "corpus_sha256": sha256(raw),
        "sentences": len(rows),
        "languages": sorted(labels),
        "model": MODEL_NAME,
        "model_sha256": sha256(blob),
    }
    return Build(blob=blob, meta=meta)


def read_real(directory: Path) -> tuple[list[RealSentence], dict[str, str]]:
    """The real-ad sentences of DIR/sentences_<lang>.jsonl and the SHA-256 of each file read."""
    rows: list[RealSentence] = []
    hashes: dict[str, str] = {}
    if not directory.is_dir():
        raise ClassifierFileError(f"No such directory: {directory}")
    for language in LANGUAGE_CODES:
        path = directory / f"sentences_{language}.jsonl"
        if not path.exists():
            continue
        raw = path.read_bytes()
        try:
            rows += read_real_sentences(raw.decode("utf-8").splitlines(), language, path.name)
        except UnicodeDecodeError as exc:
            raise ClassifierFileError(f"{path.name} is not UTF-8 text (byte {exc.start}).") from exc
        except ValueError as exc:
            raise ClassifierFileError(str(exc)) from exc
        hashes[path.name] = sha256(raw)
    if not rows:
        raise ClassifierFileError(f"{directory} has no real sentences (sentences_<language>.jsonl).")
    return rows, hashes


def real_set_sha256(hashes: dict[str, str]) -> str:
    """One hash for the set: of the lines "<file name> <its sha256>", sorted by name."""
    return sha256("".join(f"{name} {digest}\n" for name, digest in sorted(hashes.items())).encode("utf-8"))


def build_v2(real_directory: Path, corpus_path: Path = CORPUS_PATH, measure: bool = True) -> Build:
    """Classifier v2: the shipped sentences plus the real-ad sentences of `real_directory`, labels as
    given. With `measure`, the meta records macro-F1 on the real sentences, cross-validated with
    folds grouped by ad (no ad's sentences are both learnt and tested)."""
    shipped_build = build(corpus_path)  # validates the shipped corpus the same way v1 does
    shipped = read_corpus(corpus_path.read_bytes().decode("utf-8").splitlines())
    real, hashes = read_real(real_directory)
    used = [r for r in real if REAL_TRAINING_PARTS is None or r.part in REAL_TRAINING_PARTS]
    rows = shipped + [r.labelled() for r in used]
    blob = SentenceClassifier.train(rows, version=V2_VERSION).dumps()
    counts: dict[str, dict[str, int]] = {}
    for row in used:
        counts.setdefault(row.language, {}).setdefault(row.label, 0)
        counts[row.language][row.label] += 1
    meta = {
        "version": V2_VERSION,
        "corpus": corpus_path.name,
        "corpus_sha256": shipped_build.meta["corpus_sha256"],
        "real_sha256": real_set_sha256(hashes),
        "real_files": hashes,
        "real_parts": "all" if REAL_TRAINING_PARTS is None else list(REAL_TRAINING_PARTS),
        "real_ads": len({row.ad for row in used}),
        "real_sentences": {language: dict(sorted(labels.items())) for language, labels in sorted(counts.items())},
        "sentences": len(rows),
        "languages": sorted({row.language for row in rows}),
        "model": V2_MODEL_NAME,
        "model_sha256": sha256(blob),
    }
    if measure:
        meta["macro_f1_grouped_by_ad"] = {
            "folds": REAL_FOLDS,
            "shipped_plus_real": {
                language: round(value, 3)
                for language, value in grouped_macro_f1(
                    shipped, real, REAL_FOLDS, train_parts=REAL_TRAINING_PARTS
                ).items()
            },
        }
    return Build(blob=blob, meta=meta)


def write(result: Build, directory: Path = DATA_DIR) -> None:
    v2 = result.meta["version"] == V2_VERSION
    model_name, meta_name = (V2_MODEL_NAME, V2_META_NAME) if v2 else (MODEL_NAME, META_NAME)
    (directory / model_name).write_bytes(result.blob)
    (directory / meta_name).write_text(json.dumps(result.meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def check(directory: Path = DATA_DIR, corpus_path: Path = CORPUS_PATH) -> list[str]:
    """What is out of step between the shipped file, its metadata and the corpus (empty: nothing)."""
    try:
        meta = json.loads((directory / META_NAME).read_text(encoding="utf-8"))
        blob = (directory / MODEL_NAME).read_bytes()
        corpus = corpus_path.read_bytes()
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        return [str(exc)]
    problems = []
    if meta.get("corpus_sha256") != sha256(corpus):
        problems.append(f"{corpus_path.name} has changed since {MODEL_NAME} was built; run classifier_build.")
    if meta.get("model_sha256") != sha256(blob):
        problems.append(f"{MODEL_NAME} does not match the hash in {META_NAME}.")
    lines = sum(1 for line in corpus.decode("utf-8", errors="replace").splitlines() if line.strip())
    if meta.get("sentences") != lines:
        problems.append(f"{META_NAME} names {meta.get('sentences')} sentences; the corpus has {lines}.")
    return problems


def check_v2(
    directory: Path = DATA_DIR, corpus_path: Path = CORPUS_PATH, real_directory: Path | None = None
) -> list[str]:
    """What is out of step between the shipped v2 file, its metadata, the shipped corpus and (when
    given) a copy of the real-sentence set. No v2 file at all is not a problem: v2 is optional."""
    meta_path = directory / V2_META_NAME
    if not meta_path.exists() and not (directory / V2_MODEL_NAME).exists():
        return []
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        blob = (directory / V2_MODEL_NAME).read_bytes()
        corpus = corpus_path.read_bytes()
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        return [str(exc)]
    problems = []
    if meta.get("model_sha256") != sha256(blob):
        problems.append(f"{V2_MODEL_NAME} does not match the hash in {V2_META_NAME}.")
    if meta.get("corpus_sha256") != sha256(corpus):
        problems.append(f"{corpus_path.name} has changed since {V2_MODEL_NAME} was built; run classifier_build --real.")
    if real_directory is not None:
        try:
            _rows, hashes = read_real(real_directory)
        except ClassifierFileError as exc:
            return [*problems, str(exc)]
        if meta.get("real_sha256") != real_set_sha256(hashes):
            problems.append(f"The real sentences in {real_directory} are not the set {V2_MODEL_NAME} was trained on.")
    return problems
