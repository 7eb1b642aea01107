"""Sentences, words and stems with character offsets into the text as given. Pure Python."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

SNOWBALL_NAMES = {"en": "english", "da": "danish", "nb": "norwegian", "sv": "swedish"}

# Letters and digits; a hyphen splits ("self-starter" → self, starter) so phrases and text agree.
# A soft hyphen (U+00AD, also clean()'s padding after an entity such as "s&oslash;ger") and an
# apostrophe inside a word do not split it.
WORD_RE = re.compile(r"[^\W_]+(?:(?:\xad+['’]?|['’])\xad*[^\W_]+)*")
SOFT_HYPHEN = "\xad"
BULLETS = "•▪▫●○◦►▶▸‣∙■□✓✔✗➤➢❖★☆◆◇"
# A sentence ends at . ! ? : followed by space or the end, at a line break (job ads are mostly
# bullet lists, one point per line), at a bullet, and before an inline numbered item ("… 2) kan
# lide at sælge", "… 3. Du har kørekort").
BOUNDARY_RE = re.compile(
    rf"[.!?:]+(?=\s|$)|[\n\r\u2028\u2029{BULLETS}]"
    r"|(?<=[^\W_] )(?=\d{1,2}\)\s+[^\W\d_]|\d{1,2}\.\s+[^\W\d_a-zæøåäö])"
)
# BOUNDARY_RE without its inline-number branch, for text without "<digit>. " or "<digit>) " (which
# that branch needs), written to begin with one character class so the scan skips prose quickly.
_PUNCTUATION_BOUNDARY_RE = re.compile(
    rf"[.!?:\n\r\u2028\u2029{BULLETS}](?:(?<=[.!?:])[.!?:]*(?=\s|$)|(?<=[\n\r\u2028\u2029{BULLETS}]))"
)
_INLINE_NUMBER_RE = re.compile(r"\d[.)]\s")
_STRIP = " \t\r\n\xad•·*-–—" + BULLETS
_WORD_RUN_RE = re.compile(r"(?:[^\W_]|\.)*")
_WORD_BACK = 48
# What a list item may begin with: a bullet, a dash or a number ("1)", "2.", "a)").
ITEM_MARKER_RE = re.compile(rf"(?:[{BULLETS}*·\-–—]+|\d{{1,2}}[.)]|[a-zA-Z]\))\s+")
# Abbreviations after which a full stop never ends a sentence ...
ABBREVIATIONS = frozenset(
    [
        "f.eks",
        "fx",
        "bl.a",
        "ca",
        "inkl",
        "evt",
        "jf",
        "jfr",
        "dvs",
        "d.v.s",
        "e.g",
        "i.e",
        "vs",
        "t.ex",
        "bl.a",
        "o.l",
        "kl",
        "nr",
        "tlf",
        "tel",
        "mr",
        "mrs",
        "dr",
        "f.ex",
        "t.eks",
        "eks",
        "ex",
        "p.g.a",
        "pga",
        "mht",
        "m.h.t",
        "vedr",
        "iflg",
        "ang",
        "resp",
        "st",
        "approx",
        "incl",
        "prof",
        "cand",
        "ph.d",
        "mag",
        "stud",
        "t.o.m",
        "fr.o.m",
        "ev",
        "el",
    ]
)
# ... and those that often end one: a full stop after them ends the sentence when a capital follows.
FINAL_ABBREVIATIONS = frozenset(
    ["mv", "m.v", "osv", "etc", "m.m", "m.fl", "mfl", "o.a", "kr", "sek", "dkk", "nok", "inc", "ltd", "mm"]
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
    """Sentences and list items, with offsets into `text`. Meant for clean()ed text, where markup
    and inline bullets have become line breaks; a list without full stops splits at its lines."""
    return [Sentence(start, end, sentence) for start, end, sentence in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """split_sentences() as (start, end, text) tuples."""
    sentences: list[tuple[int, int, str]] = []
    start = 0
    boundaries = BOUNDARY_RE if _INLINE_NUMBER_RE.search(text) else _PUNCTUATION_BOUNDARY_RE
    for match in boundaries.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _continues(text, match.start(), end):
            continue
        _append_sentence(sentences, text, start, end)
        start = end
    _append_sentence(sentences, text, start, len(text))
    return sentences


def _continues(text: str, stop: int, after: int) -> bool:
    """Whether the full stop at `stop` is inside the sentence: after an abbreviation ("bl.a."),
    an ordinal ("den 1. marts") or a list item's number ("1. Du har ...")."""
    if text[stop] != ".":
        return False
    # The letters, digits and full stops just before `stop` (str.isalnum() is [^\W_]): their run in
    # the last _WORD_BACK characters, read backwards.
    low = max(0, stop - _WORD_BACK)
    word_start = stop - _WORD_RUN_RE.match(text[low:stop][::-1]).end()
    if word_start == low:
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
            word_start -= 1
    word = text[word_start:stop].lower()
    following = text[after : after + 40].lstrip()
    if word in ABBREVIATIONS:
        return True
    if word in FINAL_ABBREVIATIONS:
        return not following[:1].isupper()
    if word.isdigit() and len(word) <= 2 and after - stop == 1:
        # "1. Du har ..." at the start of a line is a list item's number.
        line_start = text.rfind("\n", 0, word_start) + 1
        if not text[line_start:word_start].strip(" \t" + BULLETS):
            return True
        # "den 1. marts", "2. runde": an ordinal before a lower-case word.
        return following[:1].islower()
    return False


def _append_sentence(sentences: list[tuple[int, int, str]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip(_STRIP)
    if not stripped:
        return  # (no word in it)
    marker = ITEM_MARKER_RE.match(stripped)
    if marker:
        stripped = stripped[marker.end() :]
    if not WORD_RE.search(stripped):
        return
    offset = start + chunk.index(stripped)
    sentences.append((offset, offset + len(stripped), stripped))


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(SNOWBALL_NAMES[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def normalise(word: str, language: str) -> str:
    lowered = word.lower().replace("’", "'").replace(SOFT_HYPHEN, "")
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
