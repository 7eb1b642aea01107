"""Finding language markers in tokenised text, with inflections and negation. Pure Python."""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from profiles.analysis.negation import CLAUSE_WORDS, NEGATIONS, is_negated
from profiles.analysis.text import WORD_RE, Token, phrase_stems, stem_candidates

# Parts of speech of a marker and of a word-level rewrite; a "clause" rewrite replaces the whole
# sentence, for phrases no word of the same part of speech and inflection can replace.
PARTS_OF_SPEECH = ("adj", "noun", "verb", "phrase")
CLAUSE = "clause"
# A multi-word marker still matches with this many words inserted between its own.
MAX_INSERTED_WORDS = 1
STEM_CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class Marker:
    language: str
    type: str
    phrase: str
    weight: float
    suggestions: tuple = ()
    pos: str = ""  # adj | noun | verb | phrase; "" in lexicons written before v2


@dataclass(frozen=True, slots=True)
class MarkerMatch:
    start: int
    end: int
    first_token: int
    last_token: int
    marker: Marker
    negated: bool


class CompiledLexicon:
    """The markers of one lexicon version, indexed by the roots of their first word.

    A word matches a marker word when the two share a root: a stem, or a stem less one of the
    language's inflection endings. That works both ways, so the marker "servicemindede" finds
    "servicemindet" and the marker "problemløser" finds "problemløsningen".
    """

    def __init__(self, markers: list[Marker], version: str):
        self.version = version
        self._index: dict[str, dict[str, list[tuple[tuple[frozenset, ...], Marker]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.count = 0
        # Per language, a token stem's (roots, whether a marker begins with one of them).
        self._stems: dict[str, dict[str, tuple[frozenset[str], bool]]] = {}
        for marker in markers:
            stems = phrase_stems(marker.phrase, marker.language)
            if not stems:
                continue
            roots = tuple(frozenset(stem_candidates(s, marker.language)) for s in stems)
            for root in roots[0]:
                self._index[marker.language][root].append((roots, marker))
            self.count += 1
        for by_root in self._index.values():
            for entries in by_root.values():
                entries.sort(key=lambda entry: -len(entry[0]))  # longest phrase first

    def find(self, text: str, tokens: list[Token], language: str) -> list[MarkerMatch]:
        """Longest non-overlapping marker matches, left to right."""
        roots, starts = [], []
        for token in tokens:
            token_root, starts_marker = self.stem_record(token.stem, language)
            roots.append(token_root)
            starts.append(starts_marker)
        if not any(starts):  # most words start no marker
            return []
        return self.find_from(text, tokens, roots, starts, language)

    def stem_record(self, token_stem: str, language: str) -> tuple[frozenset[str], bool]:
        """A token stem's roots, and whether a marker of the language begins with one of them."""
        stems = self._stems.get(language)
        if stems is None:
            stems = self._stems[language] = {}
        record = stems.get(token_stem)
        if record is None:
            if len(stems) > STEM_CACHE_SIZE:
                stems.clear()
            index = self._index.get(language, {})
            token_root = token_roots(token_stem, language)
            record = stems[token_stem] = (token_root, any(root in index for root in token_root))
        return record

    def find_from(self, text, tokens, roots, starts, language) -> list[MarkerMatch]:
        """`find` with each token's roots and marker-start flag (stem_record) already looked up."""
        index = self._index.get(language, {})
        matches = []
        position = 0
        while position < len(tokens):
            if not starts[position]:
                position += 1
                continue
            match = self._match_at(text, tokens, roots, position, index, language)
            if match is None:
                position += 1
                continue
            matches.append(match)
            position = match.last_token + 1
        return matches

    def find_plain(self, text, norms, roots, starts, language) -> list[MarkerMatch]:
        """`find_from` for one sentence without a negation or contrast word (negation.TRIGGERS),
        given its words' norms: no match is negated, and only a match needs the words' offsets."""
        index = self._index.get(language, {})
        matches = []
        spans = None
        position = 0
        for first in compress(range(len(starts)), starts):
            if first < position:
                continue
            found = self._best_plain(norms, roots, first, index, language)
            if found is None:
                continue
            marker, last = found
            if spans is None:
                spans = [match.span() for match in WORD_RE.finditer(text)]
            matches.append(MarkerMatch(spans[first][0], spans[last][1], first, last, marker, False))
            position = last + 1
        return matches

    def _best_plain(self, norms, roots, position, index, language) -> tuple[Marker, int] | None:
        """_match_at's choice within one sentence: (marker, last word) or None."""
        best = None  # (length in marker words, -inserted words, marker, last token)
        for root in _ordered(roots[position]):
            for marker_roots, marker in index.get(root, ()):
                length = len(marker_roots)
                if best is not None and length < best[0]:
                    break
                if length == 1:
                    last = position
                else:
                    last = self._phrase_end_plain(norms, roots, position, marker_roots, language)
                    if last is None:
                        continue
                candidate = (length, -(last - position + 1 - length), marker, last)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
        return None if best is None else (best[2], best[3])

    @staticmethod
    def _phrase_end_plain(norms, roots, position, marker_roots, language) -> int | None:
        """_phrase_end within one sentence (every word is of it)."""
        length = len(marker_roots)
        stop = NEGATIONS[language] | CLAUSE_WORDS[language]
        n = len(norms)
        i, gaps = position, 0
        for j in range(1, length):
            nxt = i + 1
            if nxt < n and roots[nxt] & marker_roots[j]:
                i = nxt
                continue
            skip = nxt + 1
            if gaps < MAX_INSERTED_WORDS and skip < n and norms[nxt] not in stop and roots[skip] & marker_roots[j]:
                i, gaps = skip, gaps + 1
                continue
            return None
        return i

    def _match_at(self, text, tokens, roots, position, index, language) -> MarkerMatch | None:
        sentence = tokens[position].sentence
        best = None  # (length in marker words, -inserted words, marker, last token)
        for root in _ordered(roots[position]):
            for marker_roots, marker in index.get(root, ()):
                length = len(marker_roots)
                if best is not None and length < best[0]:
                    break
                last = self._phrase_end(tokens, roots, position, marker_roots, sentence, language)
                if last is None:
                    continue
                candidate = (length, -(last - position + 1 - length), marker, last)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
        if best is None:
            return None
        _length, _gap, marker, last = best
        return MarkerMatch(
            start=tokens[position].start,
            end=tokens[last].end,
            first_token=position,
            last_token=last,
            marker=marker,
            negated=is_negated(text, tokens, position, last, language),
        )

    @staticmethod
    def _phrase_end(tokens, roots, position, marker_roots, sentence, language) -> int | None:
        """The last token of the marker's words from `position`, allowing one inserted word
        ("take full ownership" is "take ownership"), or None. The inserted word may not be a
        negation or a clause break, which change what the phrase says."""
        length = len(marker_roots)
        if length == 1:
            return position
        stop = NEGATIONS[language] | CLAUSE_WORDS[language]
        i, gaps = position, 0
        for j in range(1, length):
            nxt = i + 1
            if nxt < len(tokens) and tokens[nxt].sentence == sentence and roots[nxt] & marker_roots[j]:
                i = nxt
                continue
            skip = nxt + 1
            if (
                gaps < MAX_INSERTED_WORDS
                and skip < len(tokens)
                and tokens[skip].sentence == sentence
                and tokens[nxt].norm not in stop
                and roots[skip] & marker_roots[j]
            ):
                i, gaps = skip, gaps + 1
                continue
            return None
        return i


def _ordered(token_root: frozenset[str]):
    """A word's roots, its fullest first: of two markers that match as well (words, gaps), the one
    sharing the longer root with the word wins ("problemlösning" is the marker "problemlösning", not
    "problemlösare" through "problemlös"), the same in every process. A set's order follows the
    string hash, which differs between processes."""
    if len(token_root) < 2:
        return token_root
    return sorted(token_root, key=_root_order)


def _root_order(root: str) -> tuple[int, str]:
    return -len(root), root


@lru_cache(maxsize=100_000)
def token_roots(token_stem: str, language: str) -> frozenset[str]:
    return frozenset(stem_candidates(token_stem, language))
