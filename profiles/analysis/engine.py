"""Scores a text against the seven service types. Pure Python: everything it needs is passed in."""

from collections import defaultdict
from dataclasses import asdict, dataclass

from profiles.analysis import language as language_detection
from profiles.analysis.classifier import SentenceClassifier
from profiles.analysis.gender import GenderCoder, GenderCoding, verdict
from profiles.analysis.lexicon import NEGATIONS, CompiledLexicon
from profiles.analysis.readability import Readability, lix
from profiles.analysis.text import Sentence, is_long_word, split_sentences, tokenize
from profiles.service_types import SERVICE_TYPES

MAX_CHARACTERS = 50_000
# A sentence the classifier is at least this sure of counts for its type when no marker did.
MODEL_THRESHOLD = 0.55
MODEL_WEIGHT = 1.0
MODEL_MIN_WORDS = 3
# Smoothing of the controller index, in score units (per 100 words): one stray marker in a long
# ad should lean the index, not pin it to ±100.
INDEX_SMOOTHING = 1.0
GAP_THRESHOLD = 0.05
MAX_SUGGESTIONS = 8
SENTENCE_CACHE_SIZE = 20_000


class AnalysisInputError(ValueError):
    """Text that cannot be analysed. `code` tells the API which status to answer with."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class RoleTarget:
    slug: str
    weights: dict[str, float]


@dataclass
class Match:
    start: int
    end: int
    text: str
    type: str
    source: str  # "marker" | "model"
    weight: float
    negated: bool = False
    phrase: str | None = None
    sentence: int = -1
    # The lexicon's rewrites of this phrase: (text, the type it moves towards).
    rewrites: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        data = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "source": self.source,
            "weight": self.weight,
            "negated": self.negated,
            "suggestions": [text for text, _type in self.rewrites],
        }
        if self.phrase is not None:
            data["phrase"] = self.phrase
        return data


@dataclass
class Suggestion:
    kind: str  # rewrite | add | remove
    text: str
    why: str
    reason: str
    type: str | None = None
    start: int | None = None
    end: int | None = None
    replacement: str | None = None
    original: str | None = None  # the words a rewrite replaces, or the word flagged
    from_type: str | None = None  # the type a rewrite moves away from


@dataclass
class Analysis:
    language: str
    language_confidence: float
    word_count: int
    lexicon_version: str
    model_version: str | None
    scores: dict[str, float]
    controller_index: float
    alignment: dict | None
    readability: Readability
    gender_coding: GenderCoding
    matches: list[Match]
    suggestions: list[Suggestion]

    def to_dict(self) -> dict:
        data = {
            "language": self.language,
            "language_confidence": self.language_confidence,
            "word_count": self.word_count,
            "lexicon_version": self.lexicon_version,
            "model_version": self.model_version,
            "scores": self.scores,
            "controller_index": self.controller_index,
            "readability": {"lix": self.readability.lix, "band": self.readability.band, **_band(self.readability)},
            "gender_coding": asdict(self.gender_coding),
            "matches": [m.to_dict() for m in self.matches],
            "suggestions": [_drop_none(asdict(s)) for s in self.suggestions],
        }
        if self.alignment is not None:
            data["alignment"] = self.alignment
        return data


def _band(readability: Readability) -> dict:
    return {
        "band_code": readability.band_code,
        "sentences": readability.sentences,
        "long_words": readability.long_words,
    }


def _drop_none(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


@dataclass
class SentenceResult:
    tokens: list
    markers: list
    long_words: int
    masculine: list[str]
    feminine: list[str]
    negated: bool
    model_label: str | None = None
    model_probability: float = 0.0

    def set_model(self, probabilities: dict[str, float]) -> None:
        """Count the classifier's type for this sentence unless a marker of that type already
        does, the sentence holds a negation (the model cannot see its scope) or it is unsure."""
        if not probabilities or self.negated:
            return
        label = max(probabilities, key=probabilities.get)
        probability = probabilities[label]
        typed = {m.marker.type for m in self.markers if not m.negated}
        if label != "neutral" and probability >= MODEL_THRESHOLD and label not in typed:
            self.model_label, self.model_probability = label, probability


class Analyzer:
    def __init__(
        self,
        *,
        lexicon: CompiledLexicon,
        gender: GenderCoder,
        classifier: SentenceClassifier | None = None,
        examples: dict[tuple[str, str], list[str]] | None = None,
    ):
        self.lexicon = lexicon
        self.gender = gender
        self.classifier = classifier
        self.examples = examples or {}
        self._cache: dict[tuple[str, str], SentenceResult] = {}

    def analyze(self, text: str, language: str | None = None, target: RoleTarget | None = None) -> Analysis:
        if not isinstance(text, str) or not text.strip():
            raise AnalysisInputError("The text is empty.", "empty")
        if len(text) > MAX_CHARACTERS:
            raise AnalysisInputError(
                f"The text is {len(text):,} characters long; the limit is {MAX_CHARACTERS:,}.", "too_long"
            )
        sentences = split_sentences(text)
        if language is None:
            detection = language_detection.detect_from([language_detection.signals(s.text) for s in sentences])
            language, confidence = detection.language, detection.confidence
        elif language not in language_detection.SUPPORTED:
            raise language_detection.UnsupportedLanguage()
        else:
            confidence = 1.0
        parts = self._sentence_results(sentences, language)
        word_count = sum(len(part.tokens) for part in parts)
        matches: list[Match] = []
        for index, (sentence, part) in enumerate(zip(sentences, parts, strict=True)):
            matches += [self._marker_match(text, sentence.start, index, found) for found in part.markers]
            if part.model_label is not None:
                matches.append(
                    Match(
                        start=sentence.start,
                        end=sentence.end,
                        text=sentence.text,
                        type=part.model_label,
                        source="model",
                        weight=round(MODEL_WEIGHT * part.model_probability, 3),
                        sentence=index,
                    )
                )
        matches.sort(key=lambda m: m.start)

        raw = defaultdict(float)
        for match in matches:
            if not match.negated:
                raw[match.type] += match.weight
        scores = {t: round(100.0 * raw[t] / word_count, 2) if word_count else 0.0 for t in SERVICE_TYPES}
        masculine = [word for part in parts for word in part.masculine]
        feminine = [word for part in parts for word in part.feminine]
        gender = GenderCoding(
            len(masculine), len(feminine), verdict(len(masculine), len(feminine)), masculine, feminine
        )
        alignment = alignment_to(scores, target) if target else None
        suggestions = self._suggest(text, matches, scores, target, gender, language)
        return Analysis(
            language=language,
            language_confidence=confidence,
            word_count=word_count,
            lexicon_version=self.lexicon.version,
            model_version=self.classifier.version if self.classifier else None,
            scores=scores,
            controller_index=controller_index(scores),
            alignment=alignment,
            readability=lix(
                words=word_count,
                sentences=len(sentences),
                long_words=sum(part.long_words for part in parts),
                language=language,
            ),
            gender_coding=gender,
            matches=matches,
            suggestions=suggestions,
        )

    def _sentence_results(self, sentences: list[Sentence], language: str) -> list["SentenceResult"]:
        """Each sentence analysed on its own: markers, negation and the classifier never look past
        a sentence, so a sentence's result depends only on its text. Results are kept, so the
        studio's re-analysis while typing only works on the sentence being edited."""
        cache = self._cache
        keys = [(language, sentence.text) for sentence in sentences]
        missing = [key for key in dict.fromkeys(keys) if key not in cache]
        if missing:
            if len(cache) + len(missing) > SENTENCE_CACHE_SIZE:
                cache.clear()
            fresh = [self._sentence_analyse(text, language) for _language, text in missing]
            # The model only judges sentences it may count: not negated, not a bare heading.
            judged = [part for part in fresh if not part.negated and len(part.tokens) >= MODEL_MIN_WORDS]
            if self.classifier is not None and judged:
                words = [([t.stem for t in part.tokens], [t.norm for t in part.tokens]) for part in judged]
                for part, probabilities in zip(judged, self.classifier.predict(words, language), strict=True):
                    part.set_model(probabilities)
            cache.update(zip(missing, fresh, strict=True))
        return [cache[key] for key in keys]

    def _sentence_analyse(self, sentence: str, language: str) -> "SentenceResult":
        tokens = tokenize(sentence, language, [Sentence(0, len(sentence), sentence)])
        markers = self.lexicon.find(sentence, tokens, language)
        masculine, feminine = [], []
        for token in tokens:
            kind = self.gender.coded_kind(token.norm, language)
            if kind == "masculine":
                masculine.append(token.text)
            elif kind == "feminine":
                feminine.append(token.text)
        negations = NEGATIONS[language]
        return SentenceResult(
            tokens=tokens,
            markers=markers,
            long_words=sum(is_long_word(t.text) for t in tokens),
            masculine=masculine,
            feminine=feminine,
            negated=any(t.norm in negations for t in tokens),
        )

    @staticmethod
    def _marker_match(text: str, offset: int, sentence_index: int, found) -> Match:
        marker = found.marker
        start, end = offset + found.start, offset + found.end
        return Match(
            start=start,
            end=end,
            text=text[start:end],
            type=marker.type,
            source="marker",
            weight=marker.weight,
            negated=found.negated,
            phrase=marker.phrase,
            sentence=sentence_index,
            rewrites=tuple((s["text"], s["type"]) for s in marker.suggestions),
        )

    def _suggest(self, text, matches, scores, target, gender, language) -> list[Suggestion]:
        wanted = wanted_types(scores, target)
        masculine_ad = "masculine" in gender.verdict
        suggestions: list[Suggestion] = []
        for match in matches:
            if match.source != "marker" or match.negated or match.type in wanted or not match.rewrites:
                continue
            # Towards a wanted type first, then neutral wording before masculine-coded wording;
            # masculine-coded wording is dropped when the ad is masculine-coded already.
            options = [
                (text, rewrite_type, self.gender.is_masculine_coded(text, language))
                for text, rewrite_type in match.rewrites
            ]
            options = [o for o in options if not (o[2] and masculine_ad)]
            if not options:
                continue
            options.sort(key=lambda o: (o[1] not in wanted, o[2]))
            text_, target_type, _masculine = options[0]
            replacement = _match_case(text_, match.text)
            suggestions.append(
                Suggestion(
                    kind="rewrite",
                    text=f"Replace “{match.text}” with “{replacement}”.",
                    why=f"“{match.text}” attracts the {match.type.replace('_', ' ')} type; "
                    f"the role needs more {target_type.replace('_', ' ')} language.",
                    reason="towards_type",
                    type=target_type,
                    start=match.start,
                    end=match.end,
                    replacement=replacement,
                    original=match.text,
                    from_type=match.type,
                )
            )
        for service_type in wanted[:2]:
            example = self._example(service_type, language)
            if example and example not in text:
                suggestions.append(
                    Suggestion(
                        kind="add",
                        text=example,
                        why=f"The ad has little {service_type.replace('_', ' ')} language for this role.",
                        reason="missing_type",
                        type=service_type,
                        replacement=example,
                    )
                )
        if masculine_ad:
            for word in dict.fromkeys(gender.masculine_words):
                suggestions.append(
                    Suggestion(
                        kind="remove",
                        text=f"Consider a neutral word for “{word}”.",
                        why="Masculine-coded wording can put women off applying (Gaucher, Friesen & Kay 2011).",
                        reason="masculine_coded",
                        original=word,
                    )
                )
        return suggestions[:MAX_SUGGESTIONS]

    def _example(self, service_type: str, language: str) -> str | None:
        for sentence in self.examples.get((language, service_type), ()):
            if not self.gender.is_masculine_coded(sentence, language):
                return sentence
        return None


def controller_index(scores: dict[str, float]) -> float:
    """-100 (all Empathizer) … +100 (all Controller), smoothed towards 0 when both are rare."""
    controller, empathizer = scores["controller"], scores["empathizer"]
    return round(100.0 * (controller - empathizer) / (controller + empathizer + INDEX_SMOOTHING), 1)


def alignment_to(scores: dict[str, float], target: RoleTarget) -> dict:
    """100 × (1 − total variation distance) between the text's type mix and the role's target mix."""
    total = sum(scores.values())
    actual = {t: (scores[t] / total if total else 0.0) for t in SERVICE_TYPES}
    wanted = {t: float(target.weights.get(t, 0.0)) for t in SERVICE_TYPES}
    distance = 0.5 * sum(abs(actual[t] - wanted[t]) for t in SERVICE_TYPES) if total else 1.0
    gaps = [
        {
            "type": t,
            "target": round(wanted[t], 3),
            "actual": round(actual[t], 3),
            "gap": round(actual[t] - wanted[t], 3),
        }
        for t in SERVICE_TYPES
        if abs(actual[t] - wanted[t]) >= GAP_THRESHOLD
    ]
    gaps.sort(key=lambda gap: -abs(gap["gap"]))
    return {"role_profile": target.slug, "score": round(100.0 * (1.0 - distance), 1), "gaps": gaps}


def wanted_types(scores: dict[str, float], target: RoleTarget | None) -> list[str]:
    """Types the text should say more of: the role's under-represented ones, or Controller."""
    if target is None:
        return ["controller"] if scores["controller"] <= scores["empathizer"] else []
    total = sum(scores.values())
    shortfall = {t: w - (scores[t] / total if total else 0.0) for t, w in target.weights.items() if w >= GAP_THRESHOLD}
    return [t for t, gap in sorted(shortfall.items(), key=lambda item: -item[1]) if gap >= GAP_THRESHOLD]


def _match_case(replacement: str, original: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
