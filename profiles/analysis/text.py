"""Sentences, words and stems with character offsets into the text as given. Pure Python."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

SNOWBALL_NAMES = {"en": "english", "da": "danish", "nb": "norwegian", "sv": "swedish"}

# Letters and digits; a hyphen splits ("self-starter" → self, starter) so phrases and text agree.
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# A sentence ends at . ! ? : followed by space or the end, at a blank line, or at a line break
# (job ads are mostly bullet lists, one point per line).
BOUNDARY_RE = re.compile(r"[.!?:]+(?=\s|$)|\n")
ABBREVIATIONS = frozenset(
    [
        "f.eks",
        "fx",
        "bl.a",
        "mv",
        "osv",
        "ca",
        "inkl",
        "evt",
        "jf",
        "dvs",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "t.ex",
        "m.m",
        "bl.a",
        "o.l",
        "kl",
        "nr",
        "tlf",
        "tel",
        "mr",
        "mrs",
        "dr",
    ]
)

# Short verbs whose present tense Snowball leaves apart from the infinitive, and reflexive
# pronouns that ads write in the second person ("danne dig et overblik" ~ "danne sig et overblik").
LEMMAS = {
    "da": {"går": "gå", "får": "få", "står": "stå", "ser": "se", "dig": "sig", "mig": "sig"},
    "nb": {
        "tar": "ta",
        "gir": "gi",
        "sier": "si",
        "står": "stå",
        "går": "gå",
        "får": "få",
        "ser": "se",
        "deg": "seg",
        "meg": "seg",
    },
    "sv": {"tar": "ta", "ger": "ge", "ler": "le", "går": "gå", "får": "få", "står": "stå", "dig": "sig", "mig": "sig"},
    "en": {"yourself": "oneself", "themselves": "oneself", "myself": "oneself"},
}

# Endings left on a Snowball stem by inflection and by the derivations a job ad uses for the same
# idea (problemløser / problemløsere / problemløsningen). A text stem matches a marker stem when it
# is the marker stem plus one of these.
SUFFIXES = {
    "da": ("e", "er", "ere", "en", "et", "ne", "s", "r", "ed", "ede", "de", "ende", "ning", "ninger", "ningen"),
    "nb": ("e", "er", "ere", "en", "et", "ene", "s", "r", "ing", "ingen", "inger", "ning", "ningen", "te", "ende"),
    "sv": ("a", "e", "ar", "er", "are", "en", "et", "na", "s", "r", "ning", "ningen", "ande", "ade", "t"),
    "en": ("s", "er", "ers", "ing", "ed", "e", "es", "ion", "ions", "ive"),
}
MIN_STEM_FOR_SUFFIX = 4


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str  # lower-cased, lemma-mapped
    stem: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    start = 0
    for match in BOUNDARY_RE.finditer(text):
        end = match.end()
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        _append_sentence(sentences, text, start, end)
        start = end
    _append_sentence(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    return text[word_start:dot].lower() in ABBREVIATIONS


def _append_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip(" \t\r\n•·*-–—")
    if not WORD_RE.search(stripped):
        return
    offset = start + chunk.index(stripped)
    sentences.append(Sentence(offset, offset + len(stripped), stripped))


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(SNOWBALL_NAMES[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def normalise(word: str, language: str) -> str:
    lowered = word.lower().replace("’", "'")
    return LEMMAS[language].get(lowered, lowered)


@lru_cache(maxsize=200_000)
def word_forms(word: str, language: str) -> tuple[str, str]:
    """(normalised word, stem) of a word as written: one cached lookup per token."""
    norm = normalise(word, language)
    return norm, stem(norm, language)


def tokenize(text: str, language: str, sentences: list[Sentence] | None = None) -> list[Token]:
    sentences = split_sentences(text) if sentences is None else sentences
    tokens = []
    append = tokens.append
    for index, sentence in enumerate(sentences):
        for match in WORD_RE.finditer(text, sentence.start, sentence.end):
            word = match.group()
            norm, word_stem = word_forms(word, language)
            append(Token(match.start(), match.end(), word, norm, word_stem, index))
    return tokens


def phrase_stems(phrase: str, language: str) -> tuple[str, ...]:
    return tuple(stem(normalise(word, language), language) for word in WORD_RE.findall(phrase))


def stem_candidates(token_stem: str, language: str) -> list[str]:
    """The stem itself and every shorter stem it could be an inflection of."""
    candidates = [token_stem]
    for suffix in SUFFIXES[language]:
        if token_stem.endswith(suffix) and len(token_stem) - len(suffix) >= MIN_STEM_FOR_SUFFIX:
            candidates.append(token_stem[: -len(suffix)])
    return candidates


@lru_cache(maxsize=200_000)
def is_long_word(word: str) -> bool:
    """LIX counts words of more than six letters."""
    return sum(ch.isalpha() for ch in word) > 6
