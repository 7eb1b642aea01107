"""Gender-coded wording (Gaucher, Friesen & Kay 2011), for all four languages. Pure Python.

Word lists are stems matched as word prefixes, as in the gender-decoder tool. Its English lists
are reproduced; the Danish, Norwegian and Swedish lists are ServiceFit's own
(profiles/data/gender_words.json). The verdict follows gender-decoder's thresholds.
"""

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from profiles.analysis.text import WORD_RE

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "gender_words.json"
STRONG = 3  # a difference above this is "strongly" coded


@dataclass(frozen=True)
class GenderCoding:
    masculine: int
    feminine: int
    verdict: str  # neutral | feminine-coded | strongly feminine-coded | masculine-coded | ...
    masculine_words: list[str] = field(default_factory=list)
    feminine_words: list[str] = field(default_factory=list)


class GenderCoder:
    def __init__(self, lists: dict[str, dict[str, list[str]]]):
        self._lists = {
            language: {kind: tuple(sorted(set(words), key=len, reverse=True)) for kind, words in kinds.items()}
            for language, kinds in lists.items()
            if isinstance(kinds, dict)
        }
        self._kinds: dict[tuple[str, str], str | None] = {}

    @classmethod
    def from_file(cls, path: Path = DEFAULT_PATH) -> "GenderCoder":
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def known_kinds(self) -> dict[tuple[str, str], str | None]:
        """The kinds worked out so far by (word, language), for a caller that looks many words up:
        a word missing here is asked of `coded_kind`."""
        return self._kinds

    def coded_kind(self, word: str, language: str) -> str | None:
        key = (word, language)
        if key not in self._kinds:
            if len(self._kinds) > 200_000:
                self._kinds.clear()
            lowered = word.lower()
            lists = self._lists[language]
            self._kinds[key] = next(
                (kind for kind in ("masculine", "feminine") if lowered.startswith(lists[kind])), None
            )
        return self._kinds[key]

    @lru_cache(maxsize=10_000)  # noqa: B019 (coders live as long as the process; few phrases)
    def is_masculine_coded(self, text: str, language: str) -> bool:
        return any(self.coded_kind(word, language) == "masculine" for word in WORD_RE.findall(text))


def verdict(masculine: int, feminine: int) -> str:
    difference = feminine - masculine
    if difference == 0:
        return "neutral"
    strength = "strongly " if abs(difference) > STRONG else ""
    return f"{strength}{'feminine' if difference > 0 else 'masculine'}-coded"
