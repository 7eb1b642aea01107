"""The shipped classifier v1: built from the sentence corpus, checked against it. Pure Python.

Migration 0004 loads `classifier_v1.zlib` as it is, without training and without importing this
module, so what a migration does never depends on today's code. Training is deterministic, so the
file equals what `SentenceClassifier.train` makes today; `classifier_build --check` and a test
keep the file, its metadata and the corpus in step.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from profiles.analysis.classifier import SentenceClassifier, read_corpus

DATA_DIR = Path(__file__).resolve().parent / "data"
CORPUS_PATH = DATA_DIR / "sentences.jsonl"
MODEL_NAME = "classifier_v1.zlib"
META_NAME = "classifier_v1.json"
VERSION = 1


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


def write(result: Build, directory: Path = DATA_DIR) -> None:
    (directory / MODEL_NAME).write_bytes(result.blob)
    (directory / META_NAME).write_text(json.dumps(result.meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


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
