"""Scores a text against the seven service types. Pure Python: everything it needs is passed in."""

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from itertools import chain
from operator import itemgetter

from profiles.analysis import language as language_detection
from profiles.analysis import sections
from profiles.analysis.classifier import SentenceClassifier
from profiles.analysis.clean import clean
from profiles.analysis.gender import GenderCoder, GenderCoding, verdict
from profiles.analysis.lexicon import CLAUSE, NEGATIONS, CompiledLexicon
from profiles.analysis.negation import MORE_THAN, TRIGGERS, contrast_spans
from profiles.analysis.readability import Readability, lix
from profiles.analysis.text import WORD_RE, Token, is_long_word, sentence_spans, word_forms
from profiles.service_types import SERVICE_TYPES

MAX_CHARACTERS = 50_000
# A sentence the classifier is at least this sure of counts for its type when no marker did. At 0.55
# the model was rarely that sure of a real sentence (10 %) and added nothing; 0.4 (cross-fitted on real
# ads, bench/adcorpus.py) lifts sign agreement from 70 % to 83 % and Spearman from +0.60 to +0.72.
MODEL_THRESHOLD = 0.4
MODEL_WEIGHT = 1.0
MODEL_MIN_WORDS = 3
# The controller index weighs the distinct cues of the two types, each phrase once however often
# it recurs, and starts from this many cue-weights of doubt: one word in a short ad leans the index
# (±33 at most), it cannot pin it to ±100; five cues against none read +71.
INDEX_PRIOR = 2.0
# A verdict needs this much evidence: distinct Controller or Empathizer cues, and counted
# sentences about the person or the job. Below either, the analysis says what to add instead.
MIN_INDEX_CUES = 2
MIN_COUNTED_SENTENCES = 3
# |index| below this reads "balanced": the evidence leans neither way enough to call it.
VERDICT_THRESHOLD = 20.0
# The bullet a list line starts with, which an added requirement copies.
BULLET_RE = re.compile(r"[ \t]*(?:[-–•*·▪●✓]|\d+[.)])[ \t]+")
VERDICTS = ("controller", "empathizer", "balanced", "insufficient")
GAP_THRESHOLD = 0.05
MAX_SUGGESTIONS = 8
SENTENCE_CACHE_SIZE = 20_000
# Per (lexicon, gender coder, language): each word as written -> its record (see _word_record), and
# each blank-free chunk of text -> its words' records (_chunk_record). The lexicon and coder are held
# with their records, so their ids stay theirs.
_RECORDS: dict[tuple[int, int, str], tuple[CompiledLexicon, GenderCoder, tuple[dict, dict]]] = {}
WORD_CACHE_SIZE = 200_000
_new_token = tuple.__new__
# A chunk's counts, packed in one int so a sentence's are one sum: words, long words, gender-coded
# words, words that begin a marker, negation words, negation/contrast words (negation.TRIGGERS);
# _FIELD bits each (a sentence of at most MAX_CHARACTERS has fewer words than that).
_FIELD_BITS = 16
_FIELD = (1 << _FIELD_BITS) - 1
_LONG, _GENDERED, _STARTS, _NEGATORS, _TRIGGERS = (_FIELD_BITS * k for k in range(1, 6))
_ROWS, _COUNTS = itemgetter(0), itemgetter(1)
_NORM, _STEM, _ROOTS, _STARTS_MARKER = itemgetter(0), itemgetter(1), itemgetter(4), itemgetter(5)


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
    # The lexicon's rewrites of this phrase: (text, the type it moves towards, part of speech).
    rewrites: tuple[tuple[str, str, str], ...] = ()
    pos: str = ""  # the marker's part of speech
    base: bool = True  # the ad uses the marker's own (uninflected) form

    def to_dict(self) -> dict:
        data = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "source": self.source,
            "weight": self.weight,
            "negated": self.negated,
            "sentence": self.sentence,
            "suggestions": [text for text, _type, _pos in self.rewrites],
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
    scope: str | None = None  # "sentence" when a rewrite replaces the whole sentence


@dataclass(frozen=True)
class Part:
    """What one sentence of the ad is, and whether it counts towards the type mix."""

    sentence: int
    start: int
    end: int
    kind: str
    reason: str
    cue: str
    language: str
    counted: bool


_new_object = object.__new__
_COUNTED = frozenset(sections.COUNTED_KINDS)


def _part(sentence: int, start: int, end: int, kind: str, reason: str, cue: str, language: str) -> Part:
    """Part(...) for every sentence of an ad: the same frozen object, its fields set in one update
    instead of one object.__setattr__ each (a third of the cost, and an ad has dozens of parts)."""
    part = _new_object(Part)
    part.__dict__.update(
        sentence=sentence,
        start=start,
        end=end,
        kind=kind,
        reason=reason,
        cue=cue,
        language=language,
        counted=kind in _COUNTED,
    )
    return part


@dataclass(frozen=True)
class Evidence:
    cues: int  # distinct cue phrases (and classifier sentences) counted, of any type
    index_cues: int  # of them, Controller or Empathizer
    sentences: int  # counted sentences: about the person sought or the job
    excluded: int  # company, benefits, application and contact sentences
    enough: bool

    def to_dict(self) -> dict:
        return {
            **asdict(self),
            "needed": {"cues": MIN_INDEX_CUES, "sentences": MIN_COUNTED_SENTENCES},
        }


@dataclass(frozen=True)
class Verdict:
    code: str  # one of VERDICTS
    controller: tuple[str, ...]  # the distinct cues behind it, as written in the ad
    empathizer: tuple[str, ...]
    competitor: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "controller": list(self.controller),
            "empathizer": list(self.empathizer),
            "competitor": list(self.competitor),
        }


@dataclass
class Analysis:
    language: str
    language_confidence: float
    word_count: int
    lexicon_version: str
    model_version: str | None
    scores: dict[str, float]
    controller_index: float | None  # None when the evidence is too thin for a verdict
    alignment: dict | None
    readability: Readability
    gender_coding: GenderCoding
    matches: list[Match]
    suggestions: list[Suggestion]
    verdict: Verdict
    evidence: Evidence
    parts: list[Part]
    languages: dict[str, int]  # words per language, the main language first

    def to_dict(self) -> dict:
        data = {
            "language": self.language,
            "language_confidence": self.language_confidence,
            "word_count": self.word_count,
            "languages": self.languages,
            "lexicon_version": self.lexicon_version,
            "model_version": self.model_version,
            "scores": self.scores,
            "controller_index": self.controller_index,
            "verdict": self.verdict.to_dict(),
            "evidence": self.evidence.to_dict(),
            "parts": [asdict(part) for part in self.parts],
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
    rows: list  # each word's record (see _word_record)
    size: int  # words
    markers: list
    long_words: int
    masculine: list[str]
    feminine: list[str]
    negated: bool
    model_label: str | None = None
    model_probability: float = 0.0
    judged: bool = False  # the classifier has seen it (set_model)

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
        # HTML remnants and inline bullets become blanks and line breaks of the same length, so
        # every offset below is an offset into the text as given.
        cleaned = clean(text)
        sentences = sentence_spans(cleaned)  # (start, end, text)
        if not sentences:
            raise AnalysisInputError("The text has no words.", "empty")
        texts = [sentence[2] for sentence in sentences]
        # What was an entity or a tag in pasted HTML is padding now: soft hyphens inside words and
        # runs of blanks. Headings, cue phrases and language words are read without it, and with
        # every blank a space ("Du\tfår", a phone number with no-break spaces, a wrapped line).
        plain = [_plain(t) if _IRREGULAR_BLANK_RE.search(t) else t for t in texts]
        packs = language_detection.packed_signals(plain)
        if language is None:
            detection = language_detection.detect_packed(packs)
            language, confidence = detection.language, detection.confidence
        elif language not in language_detection.SUPPORTED:
            raise language_detection.UnsupportedLanguage()
        else:
            confidence = 1.0
        # A paragraph in another supported language is read in that language.
        languages = language_detection.detect_sentences_packed(plain, packs, language)
        kinds = sections.classify(plain, languages)
        results = self._sentence_results(texts, languages, [kind.kind in sections.COUNTED_KINDS for kind in kinds])
        parts = [
            _part(index, sentence[0], sentence[1], kind.kind, kind.reason, kind.cue, sentence_language)
            for index, (sentence, kind, sentence_language) in enumerate(zip(sentences, kinds, languages, strict=True))
        ]
        word_count = sum(result.size for result in results)
        counted_words = sum(result.size for result, part in zip(results, parts, strict=True) if part.counted)
        matches: list[Match] = []
        for part, result in zip(parts, results, strict=True):
            if not part.counted:
                continue  # company text, benefits, how to apply: not about the person sought
            matches += [self._marker_match(text, part.start, part.sentence, found) for found in result.markers]
            if result.model_label is not None:
                matches.append(
                    Match(
                        start=part.start,
                        end=part.end,
                        text=text[part.start : part.end],
                        type=result.model_label,
                        source="model",
                        weight=round(MODEL_WEIGHT * result.model_probability, 3),
                        sentence=part.sentence,
                    )
                )
        matches.sort(key=lambda m: m.start)

        raw = defaultdict(float)
        for match in matches:
            if not match.negated:
                raw[match.type] += match.weight
        scores = {t: round(100.0 * raw[t] / counted_words, 2) if counted_words else 0.0 for t in SERVICE_TYPES}
        evidence, verdict_, index = weigh_evidence(matches, parts)
        masculine = [word for result in results for word in result.masculine]
        feminine = [word for result in results for word in result.feminine]
        gender = GenderCoding(
            len(masculine), len(feminine), verdict(len(masculine), len(feminine)), masculine, feminine
        )
        alignment = alignment_to(scores, target) if target else None
        suggestions = self._suggest(text, matches, scores, target, gender, language, parts)
        words_per_language: dict[str, int] = {language: 0}
        for result, part in zip(results, parts, strict=True):
            words_per_language[part.language] = words_per_language.get(part.language, 0) + result.size
        return Analysis(
            language=language,
            language_confidence=confidence,
            word_count=word_count,
            lexicon_version=self.lexicon.version,
            model_version=self.classifier.version if self.classifier else None,
            scores=scores,
            controller_index=index,
            alignment=alignment,
            readability=lix(
                words=word_count,
                sentences=len(sentences),
                long_words=sum(result.long_words for result in results),
                language=language,
            ),
            gender_coding=gender,
            matches=matches,
            suggestions=suggestions,
            verdict=verdict_,
            evidence=evidence,
            parts=parts,
            languages={lang: n for lang, n in words_per_language.items() if n or lang == language},
        )

    def _sentence_results(
        self, texts: list[str], languages: list[str], counted: list[bool] | None = None
    ) -> list["SentenceResult"]:
        """Each sentence analysed on its own, in its own language: markers, negation and the
        classifier never look past a sentence, so a sentence's result depends only on its text.
        Results are kept, so the studio's re-analysis while typing only works on the sentence
        being edited. The classifier judges only the sentences `counted` marks (all without it):
        its type is read of counted sentences only, and each sentence's probabilities are its own
        whatever else is in the batch, so a sentence first met outside the counted parts is judged
        when it is met inside them."""
        cache = self._cache
        keys = list(zip(languages, texts, strict=True))
        missing = [key for key in dict.fromkeys(keys) if key not in cache]
        if missing:
            if len(cache) + len(missing) > SENTENCE_CACHE_SIZE:
                cache.clear()
            by_language: dict[str, dict] = {}
            for key in missing:
                chunks = by_language.get(key[0])
                if chunks is None:
                    chunks = by_language[key[0]] = _word_records(self.lexicon, self.gender, key[0])[1]
                cache[key] = self._sentence_analyse(key[1], key[0], chunks)
        if self.classifier is not None:
            wanted = keys if counted is None else [key for key, count in zip(keys, counted, strict=True) if count]
            # The model only judges sentences it may count: not negated, not a bare heading.
            by_language: dict[str, list[SentenceResult]] = defaultdict(list)
            for key in dict.fromkeys(wanted):
                result = cache[key]
                if result.judged:
                    continue
                result.judged = True
                if not result.negated and result.size >= MODEL_MIN_WORDS:
                    by_language[key[0]].append(result)
            for sentence_language, judged in by_language.items():
                words = [(list(map(_STEM, r.rows)), list(map(_NORM, r.rows))) for r in judged]
                predicted = self.classifier.predict(words, sentence_language)
                for result, probabilities in zip(judged, predicted, strict=True):
                    result.set_model(probabilities)
        return [cache[key] for key in keys]

    def _sentence_analyse(self, sentence: str, language: str, chunks: dict) -> "SentenceResult":
        # The words of a sentence are the words of its blank-separated chunks (a word never holds
        # a blank), and each chunk's word records and counts are worked out once per process
        # (_chunk_record, in `chunks`): the sentence costs a split, a look-up per chunk and one sum.
        got = list(map(chunks.get, sentence.split()))
        if None in got:
            for index, chunk in enumerate(sentence.split()):
                if got[index] is None:
                    got[index] = _chunk_record(chunks, chunk, language, self.lexicon, self.gender)
        counts = sum(map(_COUNTS, got))
        rows = list(chain.from_iterable(map(_ROWS, got)))
        masculine, feminine = [], []
        if (counts >> _GENDERED) & _FIELD:
            for row in rows:
                if row[3] == "masculine":
                    masculine.append(row[7])
                elif row[3] == "feminine":
                    feminine.append(row[7])
        markers = []
        negated = False
        # Negation and contrast need the words' offsets (clause breaks); a sentence whose only
        # trigger is the first word of an incomplete "more than" ("i", "more") has neither.
        tokens = None
        if (counts >> _NEGATORS) & _FIELD or (counts >> _TRIGGERS and _has_more_than(rows, language)):
            tokens = _tokens(sentence, rows)
        if (counts >> _STARTS) & _FIELD:
            roots, starts = list(map(_ROOTS, rows)), list(map(_STARTS_MARKER, rows))
            if tokens is not None:
                markers = self.lexicon.find_from(sentence, tokens, roots, starts, language)
            else:
                # Without a negation or contrast word no marker is negated (negation.TRIGGERS), and
                # only a match needs the words' offsets.
                markers = self.lexicon.find_plain(sentence, list(map(_NORM, rows)), roots, starts, language)
        if tokens is not None:
            # The classifier cannot see what a negation or a contrast ("mere end et smil") dismisses,
            # so it stays out of such sentences. A sentence without a negation or contrast word
            # (negation.TRIGGERS) has neither: no marker of it is negated and no span dismissed.
            negated = (
                not NEGATIONS[language].isdisjoint([row[0] for row in rows])
                or any(m.negated for m in markers)
                or bool(contrast_spans(tokens, sentence, language))
            )
        return SentenceResult(
            rows=rows,
            size=counts & _FIELD,
            markers=markers,
            long_words=(counts >> _LONG) & _FIELD,
            masculine=masculine,
            feminine=feminine,
            negated=negated,
        )

    @staticmethod
    def _marker_match(text: str, offset: int, sentence_index: int, found) -> Match:
        marker = found.marker
        start, end = offset + found.start, offset + found.end
        written = text[start:end]
        return Match(
            start=start,
            end=end,
            text=written,
            type=marker.type,
            source="marker",
            weight=marker.weight,
            negated=found.negated,
            phrase=marker.phrase,
            sentence=sentence_index,
            rewrites=tuple((s["text"], s["type"], s.get("pos", "")) for s in marker.suggestions),
            pos=marker.pos,
            base=" ".join(written.split()).casefold() == marker.phrase.casefold(),
        )

    def _suggest(self, text, matches, scores, target, gender, language, parts) -> list[Suggestion]:
        wanted = wanted_types(scores, target)
        masculine_ad = "masculine" in gender.verdict
        suggestions: list[Suggestion] = []
        rewritten: set[int] = set()  # sentences already rewritten whole
        for match in matches:
            if match.source != "marker" or match.negated or match.type in wanted or not match.rewrites:
                continue
            if match.sentence in rewritten:
                continue
            option = self._rewrite_option(match, wanted, masculine_ad, parts[match.sentence].language)
            if option is None:
                continue
            replacement, target_type, whole_sentence = option
            if whole_sentence:
                part = parts[match.sentence]
                start, end, original = part.start, part.end, text[part.start : part.end]
                rewritten.add(match.sentence)
            else:
                start, end, original = match.start, match.end, match.text
                replacement = _match_case(replacement, match.text)
            suggestions.append(
                Suggestion(
                    kind="rewrite",
                    text=f"Replace “{original}” with “{replacement}”.",
                    why=f"“{match.text}” attracts the {match.type.replace('_', ' ')} type; "
                    f"the role needs more {target_type.replace('_', ' ')} language.",
                    reason="towards_type",
                    type=target_type,
                    start=start,
                    end=end,
                    replacement=replacement,
                    original=original,
                    from_type=match.type,
                    scope="sentence" if whole_sentence else None,
                )
            )
        at = insertion_point(text, parts)
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
                        start=at,
                        end=at,
                        replacement=_as_line(text, at, example),
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

    def _rewrite_option(self, match: Match, wanted, masculine_ad: bool, language: str):
        """(replacement, type, replaces the whole sentence) for a marker, or None.

        A word-for-word rewrite must keep the sentence grammatical: same part of speech, and the
        ad must use the marker's own form (an inflected "servicemindede" is not replaced by a base
        form). Otherwise a whole-sentence rewrite of the lexicon is offered, if it has one."""
        options = []
        for text, rewrite_type, pos in match.rewrites:
            if pos == CLAUSE:
                whole = True
            elif not match.pos or not pos or (pos == match.pos and match.base):
                whole = False  # (a lexicon without parts of speech: word for word, as before v2)
            else:
                continue
            masculine = self.gender.is_masculine_coded(text, language)
            if masculine and masculine_ad:
                continue
            options.append((rewrite_type not in wanted, masculine, whole, text, rewrite_type))
        if not options:
            return None
        # Towards a wanted type first, then neutral before masculine-coded wording, then the
        # smallest change.
        _unwanted, _masculine, whole, text, rewrite_type = min(options)
        return text, rewrite_type, whole

    def _example(self, service_type: str, language: str) -> str | None:
        for sentence in self.examples.get((language, service_type), ()):
            if not self.gender.is_masculine_coded(sentence, language):
                return sentence
        return None


def weigh_evidence(matches: list[Match], parts: list[Part]) -> tuple[Evidence, Verdict, float | None]:
    """How much the type mix rests on, the verdict it supports, and the controller index.

    A cue counts once however often the ad repeats it (a phrase, or a sentence the classifier
    typed), so the index follows the breadth of the evidence, not one word said three times.
    Competitor cues (targets, commission, sales drive) are reported but stay out of the index: in
    the CEB/HBR definitions the Controller directs the customer interaction with expertise, the
    Competitor is driven by performance against peers.
    """
    cues: dict[tuple[str, str], tuple[float, str]] = {}
    for match in matches:
        if match.negated:
            continue
        key = (match.type, (match.phrase or "").casefold() if match.source == "marker" else f"#{match.sentence}")
        written = match.text if match.source == "marker" else _first_words(match.text)
        if key not in cues or cues[key][0] < match.weight:
            cues[key] = (match.weight, written)
    weight = defaultdict(float)
    written: dict[str, list[str]] = defaultdict(list)
    for (service_type, _phrase), (cue_weight, cue_text) in cues.items():
        weight[service_type] += cue_weight
        written[service_type].append(cue_text)
    index_cues = sum(1 for service_type, _phrase in cues if service_type in ("controller", "empathizer"))
    counted = sum(1 for part in parts if part.counted and part.reason != "heading")  # a heading says nothing
    enough = index_cues >= MIN_INDEX_CUES and counted >= MIN_COUNTED_SENTENCES
    evidence = Evidence(
        cues=len(cues),
        index_cues=index_cues,
        sentences=counted,
        excluded=sum(1 for part in parts if not part.counted),
        enough=enough,
    )
    index = controller_index(weight["controller"], weight["empathizer"]) if enough else None
    if index is None:
        code = "insufficient"
    elif index >= VERDICT_THRESHOLD:
        code = "controller"
    elif index <= -VERDICT_THRESHOLD:
        code = "empathizer"
    else:
        code = "balanced"
    verdict_ = Verdict(
        code=code,
        controller=tuple(dict.fromkeys(written["controller"])),
        empathizer=tuple(dict.fromkeys(written["empathizer"])),
        competitor=tuple(dict.fromkeys(written["competitor"])),
    )
    return evidence, verdict_, index


def controller_index(controller: float, empathizer: float) -> float:
    """-100 (all Empathizer) … +100 (all Controller) from the two types' distinct-cue weights,
    drawn towards 0 by a prior of INDEX_PRIOR cue-weights: balance of evidence, not one word."""
    return round(100.0 * (controller - empathizer) / (controller + empathizer + INDEX_PRIOR), 1)


def insertion_point(text: str, parts: list[Part]) -> int:
    """Where a new requirement belongs: after the last sentence about the person sought, else
    before the first benefits/application/contact sentence, else at the end of the text."""
    candidates = [part for part in parts if part.kind == "candidate" and part.reason != "heading"]
    if candidates:
        end = candidates[-1].end
        line_end = text.find("\n", end)
        return len(text.rstrip()) if line_end == -1 else line_end
    tail = next((part for part in parts if part.kind in ("benefits", "application", "contact")), None)
    if tail is not None:
        return text.rfind("\n", 0, tail.start) + 1 if "\n" in text[: tail.start] else tail.start
    return len(text.rstrip())


def _as_line(text: str, at: int, sentence: str) -> str:
    """`sentence` as its own line at offset `at`: a line break before it unless the insertion
    starts a line, after it when text follows on the same line, and the bullet of the line above
    ("- ", "• ") when the requirements are a list."""
    line_start = text.rfind("\n", 0, at if at == 0 or text[at - 1] != "\n" else at - 1) + 1
    bullet = BULLET_RE.match(text, line_start)
    before = "" if at == 0 or text[at - 1] == "\n" else "\n"
    after = "\n" if at < len(text) and text[at] != "\n" else ""
    return f"{before}{bullet.group() if bullet else ''}{sentence}{after}"


def _word_records(lexicon: CompiledLexicon, gender: GenderCoder, language: str) -> tuple[dict, dict]:
    """The word and chunk records of one lexicon, gender coder and language (kept for the few in a
    process): ({word: record}, {chunk: (records, counts)})."""
    key = (id(lexicon), id(gender), language)
    entry = _RECORDS.get(key)
    if entry is None or entry[0] is not lexicon or entry[1] is not gender:
        if len(_RECORDS) >= 16:
            _RECORDS.clear()
        entry = _RECORDS[key] = (lexicon, gender, ({}, {}))
    return entry[2]


def _word_record(records: dict, word: str, language: str, lexicon: CompiledLexicon, gender: GenderCoder) -> tuple:
    """(norm, stem, is a long word, gender kind, marker roots, begins a marker, negation/contrast
    word, the word as written)."""
    if len(records) > WORD_CACHE_SIZE:
        records.clear()
    norm, word_stem = word_forms(word, language)
    roots, starts_marker = lexicon.stem_record(word_stem, language)
    record = records[word] = (
        norm,
        word_stem,
        int(is_long_word(word)),
        gender.coded_kind(norm, language),
        roots,
        starts_marker,
        norm in TRIGGERS[language],
        word,
    )
    return record


def _chunk_record(chunks: dict, chunk: str, language: str, lexicon: CompiledLexicon, gender: GenderCoder) -> tuple:
    """(the records of the words in a blank-free chunk of text, their counts packed in one int:
    words, long words, gender-coded words, marker starts and negation/contrast words, _FIELD bits each)."""
    if len(chunks) > WORD_CACHE_SIZE:
        chunks.clear()
    records = _word_records(lexicon, gender, language)[0]
    rows = []
    counts = 0
    for word in WORD_RE.findall(chunk):
        record = records.get(word) or _word_record(records, word, language, lexicon, gender)
        rows.append(record)
        counts += (
            1
            + (record[2] << _LONG)
            + ((record[3] is not None) << _GENDERED)
            + (bool(record[5]) << _STARTS)
            + ((record[0] in NEGATIONS[language]) << _NEGATORS)
            + (bool(record[6]) << _TRIGGERS)
        )
    result = chunks[chunk] = (tuple(rows), counts)
    return result


def _has_more_than(rows: list[tuple], language: str) -> bool:
    """Whether the words hold a whole "more than" cue (negation.MORE_THAN), in order."""
    norms = list(map(_NORM, rows))
    for cue in MORE_THAN[language]:
        first, size = cue[0], len(cue)
        at = -1
        while True:
            try:
                at = norms.index(first, at + 1)
            except ValueError:
                break
            if tuple(norms[at : at + size]) == cue:
                return True
    return False


def _tokens(sentence: str, rows: list[tuple]) -> list[Token]:
    """The sentence's tokens (text.tokenize of the sentence alone), from its word records."""
    return [
        _new_token(Token, (match.start(), match.end(), match.group(), row[0], row[1], 0))
        for match, row in zip(WORD_RE.finditer(sentence), rows, strict=True)
    ]


_IRREGULAR_BLANK_RE = re.compile(r"[^\S ]| \s|\xad")


def _plain(sentence: str) -> str:
    return " ".join(sentence.replace("\xad", "").split())


def _first_words(sentence: str, count: int = 6) -> str:
    words = sentence.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


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
