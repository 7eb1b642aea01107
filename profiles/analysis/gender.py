"""Gender-coded wording (Gaucher, Friesen & Kay 2011), for all four languages. Pure Python.

Word lists are stems matched as word prefixes, as in the gender-decoder tool. Its English lists
are reproduced; the Danish, Norwegian and Swedish lists are ServiceFit's own
(profiles/data/gender_words.json). The verdict follows gender-decoder's thresholds.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from profiles.analysis.text import WORD_RE, Token

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

    @classmethod
    def from_file(cls, path: Path = DEFAULT_PATH) -> "GenderCoder":
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def coded_kind(self, word: str, language: str) -> str | None:
        lowered = word.lower()
        for kind in ("masculine", "feminine"):
            if lowered.startswith(self._lists[language][kind]):
                return kind
        return None

    def code(self, tokens: list[Token], language: str) -> GenderCoding:
        found = {"masculine": [], "feminine": []}
        for token in tokens:
            kind = self.coded_kind(token.norm, language)
            if kind:
                found[kind].append(token.text)
        masculine, feminine = len(found["masculine"]), len(found["feminine"])
        return GenderCoding(masculine, feminine, verdict(masculine, feminine), found["masculine"], found["feminine"])

    def is_masculine_coded(self, text: str, language: str) -> bool:
        return any(self.coded_kind(word, language) == "masculine" for word in WORD_RE.findall(text))


def verdict(masculine: int, feminine: int) -> str:
    difference = feminine - masculine
    if difference == 0:
        return "neutral"
    strength = "strongly " if abs(difference) > STRONG else ""
    return f"{strength}{'feminine' if difference > 0 else 'masculine'}-coded"
