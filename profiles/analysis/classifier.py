"""Sentence classifier: which service type a sentence signals, when no marker names it. Pure Python.

Trained with scikit-learn (TF-IDF over word stems and stem bigrams + multinomial logistic
regression, one model per language). The fitted model is exported as plain numbers (vocabulary,
idf, coefficients) and stored as compressed JSON, never as a pickle, so loading a model from the
database cannot execute code. Inference is the same linear algebra done directly with numpy,
which keeps one ad's analysis to a single small matrix product.
"""

import json
import warnings
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from profiles.analysis.sections import PART_KINDS
from profiles.analysis.text import WORD_RE, normalise, stem
from profiles.service_types import SENTENCE_LABELS
from servicefit.core.languages import LANGUAGE_CODES

WORD_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class LabelledSentence:
    language: str
    label: str
    text: str


def sentence_words(text: str, language: str) -> tuple[list[str], list[str]]:
    """(stems, normalised words) of a sentence, as the analyzer's tokenizer makes them."""
    words = [normalise(word, language) for word in WORD_RE.findall(text)]
    return [stem(word, language) for word in words], words


def features(stems: list[str], words: list[str]) -> list[str]:
    """Stems, adjacent stem pairs and the 3-5 letter pieces of each word.

    Stem pairs: "tag styring" carries more than "tag" and "styring" apart. Letter pieces catch
    compounds and spellings the stemmer leaves apart ("kundeoplevelse", "kundeopplevelse"); with
    them the cross-validated macro-F1 rose by about 0.08 in every language.
    """
    result = stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]
    for word in words:
        padded = f" {word} "
        for n in (3, 4, 5):
            result += ["#" + padded[i : i + n] for i in range(len(padded) - n + 1)]
    return result


def _identity(doc):
    return doc


def make_pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=1)),
            ("lr", LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")),
        ]
    )


@dataclass
class LanguageModel:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # classes × features
    intercept: np.ndarray
    classes: tuple[str, ...]
    coef_t: np.ndarray = field(init=False, repr=False)  # features × classes, for row gathers
    _word_ids: dict[str, bytes] = field(init=False, repr=False, default_factory=dict)
    # The stem-pair features by (stem, next stem): a stem holds no blank, so "a b" is the pair
    # (a, b), and zip() of a sentence's stems is looked up without joining a string per pair.
    _pair_ids: dict[tuple[str, ...], int] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self):
        self.coef_t = np.ascontiguousarray(self.coef.T)
        self._pair_ids = {
            tuple(feature.split(" ")): j
            for feature, j in self.vocabulary.items()
            if feature.count(" ") == 1 and not feature.startswith("#")
        }

    def _word_features(self, word: str, word_stem: str) -> bytes:
        """The feature ids of a word on its own (its stem and letter pieces), packed; kept per process."""
        word_ids = self._word_ids
        if len(word_ids) > WORD_CACHE_SIZE:
            word_ids.clear()
        ids = [j for j in map(self.vocabulary.get, features([word_stem], [word])) if j is not None]
        packed = word_ids[word] = array("q", ids).tobytes()
        return packed

    def predict_proba(self, sentences: list[tuple[list[str], list[str]]]) -> np.ndarray:
        """Rows of class probabilities, one per sentence given as (stems, words).

        Sparse by hand: only the features present are touched, and each word's features are
        looked up once per process. Sublinear tf, idf weighting and l2 normalisation reproduce
        TfidfVectorizer; the tests compare the result with scikit-learn's own predict_proba.
        """
        get_ids, get_pair = self._word_ids.get, self._pair_ids.get
        lengths: list[int] = []  # features of each sentence, in order
        # The feature ids as machine integers, each word's packed once per process, so the array
        # is read without converting a Python int per feature.
        columns = array("q")
        add_packed, extend = columns.frombytes, columns.extend
        for stems, words in sentences:
            before = len(columns)
            packed = list(map(get_ids, words))
            if None in packed:
                packed = [
                    ids if ids is not None else self._word_features(word, word_stem)
                    for ids, word, word_stem in zip(packed, words, stems, strict=True)
                ]
            add_packed(b"".join(packed))
            extend([j for j in map(get_pair, zip(stems, stems[1:], strict=False)) if j is not None])
            lengths.append(len(columns) - before)
        scores = np.tile(self.intercept, (len(sentences), 1))
        if columns:
            width = len(self.idf)
            rows = np.repeat(np.arange(len(sentences), dtype=np.int64), lengths)
            keys = rows * width + np.frombuffer(columns, dtype=np.int64)
            # np.unique(keys, return_counts=True), without its generality: sort, mark each run's first.
            keys.sort()
            first = np.empty(len(keys), dtype=bool)
            first[0] = True
            np.not_equal(keys[1:], keys[:-1], out=first[1:])
            at = np.flatnonzero(first)
            counts = np.diff(np.append(at, len(keys)))
            row_index, column_index = np.divmod(keys[at], width)
            weights = (1.0 + np.log(counts)) * self.idf[column_index]
            norms = np.sqrt(np.bincount(row_index, weights * weights, minlength=len(sentences)))
            weights /= norms[row_index]
            # Each present row's first entry (row_index is sorted).
            starts = np.flatnonzero(np.concatenate(([True], row_index[1:] != row_index[:-1])))
            present = row_index[starts]
            scores[present] += np.add.reduceat(self.coef_t[column_index] * weights[:, None], starts, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        return scores / scores.sum(axis=1, keepdims=True)


class SentenceClassifier:
    def __init__(self, models: dict[str, LanguageModel], version: str):
        self.models = models
        self.version = version

    @classmethod
    def train(cls, rows: Iterable[LabelledSentence], version: str) -> "SentenceClassifier":
        by_language: dict[str, list[LabelledSentence]] = {}
        for row in rows:
            by_language.setdefault(row.language, []).append(row)
        models = {}
        for language, items in by_language.items():
            pipeline = make_pipeline()
            pipeline.fit([features(*sentence_words(r.text, language)) for r in items], [r.label for r in items])
            tfidf, lr = pipeline.named_steps["tfidf"], pipeline.named_steps["lr"]
            models[language] = LanguageModel(
                vocabulary={feature: int(j) for feature, j in tfidf.vocabulary_.items()},
                idf=tfidf.idf_.copy(),
                coef=lr.coef_.copy(),
                intercept=lr.intercept_.copy(),
                classes=tuple(str(c) for c in lr.classes_),
            )
        return cls(models, version)

    def predict(self, sentences: list[tuple[list[str], list[str]]], language: str) -> list[dict[str, float]]:
        """For each sentence, given as (stems, words), the probability of each label."""
        model = self.models.get(language)
        if model is None or not sentences:
            return [{} for _ in sentences]
        probabilities = model.predict_proba(sentences)
        # tolist(): the same Python floats as float() of each entry, without a view per row.
        return [dict(zip(model.classes, row, strict=True)) for row in probabilities.tolist()]

    def dumps(self) -> bytes:
        data = {
            "version": self.version,
            "models": {
                language: {
                    "vocabulary": model.vocabulary,
                    "idf": model.idf.tolist(),
                    "coef": model.coef.tolist(),
                    "intercept": model.intercept.tolist(),
                    "classes": list(model.classes),
                }
                for language, model in self.models.items()
            },
        }
        return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), level=6)

    @classmethod
    def loads(cls, blob: bytes) -> "SentenceClassifier":
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
        models = {
            language: LanguageModel(
                vocabulary=m["vocabulary"],
                idf=np.asarray(m["idf"]),
                coef=np.asarray(m["coef"]),
                intercept=np.asarray(m["intercept"]),
                classes=tuple(m["classes"]),
            )
            for language, m in data["models"].items()
        }
        return cls(models, data["version"])


def cross_validated_macro_f1(rows: Iterable[LabelledSentence], folds: int = 5, seed: int = 0) -> dict[str, float]:
    """Stratified k-fold macro-F1 per language, with the same pipeline `train` fits."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    by_language: dict[str, list[LabelledSentence]] = {}
    for row in rows:
        by_language.setdefault(row.language, []).append(row)
    result = {}
    for language, items in sorted(by_language.items()):
        x = [features(*sentence_words(r.text, language)) for r in items]
        y = [r.label for r in items]
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        result[language] = float(cross_val_score(make_pipeline(), x, y, cv=splitter, scoring="f1_macro").mean())
    return result


@dataclass(frozen=True)
class RealSentence:
    """A sentence of a real job ad, labelled by a person: which ad, and what part of it it is."""

    ad: str
    language: str
    label: str
    text: str
    part: str

    def labelled(self) -> LabelledSentence:
        return LabelledSentence(self.language, self.label, self.text)


def read_real_sentences(lines: Iterable[str], language: str, name: str = "") -> list[RealSentence]:
    """Rows {"ad", "text", "label", "part"} of one language's real-ad sentences; a bad row raises
    ValueError naming its row number (blank lines count, so it is the line in an editor)."""
    prefix = f"{name} " if name else ""
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            ad, text, label, part = item["ad"], item["text"], item["label"], item.get("part", "other")
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{prefix}row {number}: not a sentence row ({exc})") from exc
        if label not in SENTENCE_LABELS:
            raise ValueError(f"{prefix}row {number}: unknown label {label!r}")
        if part not in PART_KINDS:
            raise ValueError(f"{prefix}row {number}: unknown part {part!r}")
        if not isinstance(text, str) or not text.strip() or not isinstance(ad, str) or not ad:
            raise ValueError(f"{prefix}row {number}: the sentence or its ad is empty")
        rows.append(RealSentence(ad, language, label, text.strip(), part))
    return rows


def grouped_macro_f1(
    base: Iterable[LabelledSentence], real: Iterable[RealSentence], folds: int = 5, seed: int = 0, train_parts=None
) -> dict[str, float]:
    """Macro-F1 per language on real-ad sentences, cross-validated with folds grouped by ad: each
    fold's sentences are predicted by a model trained on `base` plus the real sentences of the other
    folds' ads (only those of `train_parts`, when given), so no ad is ever seen in training and test.
    """
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold

    base, real = list(base), list(real)
    result = {}
    for language in sorted({r.language for r in real}):
        items = [r for r in real if r.language == language]
        if len({r.ad for r in items}) < folds:
            continue
        x_base = [features(*sentence_words(r.text, language)) for r in base if r.language == language]
        y_base = [r.label for r in base if r.language == language]
        x = [features(*sentence_words(r.text, language)) for r in items]
        y = [r.label for r in items]
        predicted: list[str] = [""] * len(items)
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        with warnings.catch_warnings():  # a label with fewer sentences than folds is expected here
            warnings.filterwarnings("ignore", "The least populated class", UserWarning)
            splits = list(splitter.split(x, y, groups=[r.ad for r in items]))
        for train, test in splits:
            train = [i for i in train if train_parts is None or items[i].part in train_parts]
            fitted = make_pipeline().fit(x_base + [x[i] for i in train], y_base + [y[i] for i in train])
            for i, label in zip(test, fitted.predict([x[i] for i in test]), strict=True):
                predicted[i] = label
        result[language] = float(f1_score(y, predicted, labels=sorted(set(y)), average="macro", zero_division=0))
    return result


def read_corpus(lines: Iterable[str]) -> list[LabelledSentence]:
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        if item["language"] not in LANGUAGE_CODES or item["label"] not in SENTENCE_LABELS or not item["text"].strip():
            raise ValueError(f"line {number}: bad sentence {item!r}")
        rows.append(LabelledSentence(item["language"], item["label"], item["text"].strip()))
    return rows
