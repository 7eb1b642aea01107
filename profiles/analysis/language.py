"""Which of en / da / nb / sv a text is written in. Pure Python.

Two signals, both explainable: the share of each language's common words in the text, and
spellings that only one of the Scandinavian languages uses. Danish and Norwegian Bokmål share most
function words, so the pair is decided by the words they spell differently (af/av, efter/etter,
nogle/noen, medarbejder/medarbeider, -hed/-het, -tion/-sjon ...).
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

SUPPORTED = ("da", "nb", "sv", "en")
LANGUAGE_NAMES = {"en": "English", "da": "Danish", "nb": "Norwegian Bokmål", "sv": "Swedish"}

COMMON = {
    "en": """the and to of a in is you for with on as are be will at your our we have this that an or by
        from it can work who about team customer customers job role us all their more if not they has
        would do what when which also experience skills our you'll we're new help other good""",
    "da": """og i at er det en til på med for af som du vi de har den ikke der kan være eller os fra
        et vil skal også kunne hos din dine jeres jer vores samt man når ved over efter hvor mere
        nogle meget bliver blive gør får får hvis har hvad godt sig dig mig mellem både""",
    "nb": """og i å at er det en til på med for av som du vi de har den ikke der kan være eller oss fra
        et vil skal også kunne hos din dine deres vår våre samt man når ved over etter hvor mer
        noen mye blir bli gjør får hvis hva godt seg deg meg mellom både""",
    "sv": """och i att är det en till på med för av som du vi de har den inte där kan vara eller oss
        från ett vill ska också kunna hos din dina er vår våra samt man när vid över efter var mer
        några mycket blir bli gör får om vad bra sig dig mig mellan både arbeta söker""",
}
COMMON = {language: frozenset(words.split()) for language, words in COMMON.items()}

# Words (or endings) that one of the Scandinavian languages spells and the others do not.
DISTINCTIVE = {
    "da": """af nogle noget meget bliver hvad ud op medarbejder medarbejdere arbejde arbejder arbejdet
        virksomhed virksomheden løn ansøgning ansøgningsfrist spørgsmål hjælpe hjælp gerne tilbyder
        jeres vores ugen uddannelse blandt tager""",
    "nb": """av etter noen noe mye blir hva meg deg seg opp medarbeider medarbeidere arbeid arbeider
        arbeidet virksomhet virksomheten lønn søknad søknadsfrist spørsmål hjelpe hjelp gjerne
        tilbyr våre nå igjen uken utdanning blant kundesenter""",
    "sv": """och att inte är från ska också några mycket hur upp kund medarbetare arbete arbetar
        företag företaget lön ansökan frågor hjälpa hjälp gärna erbjuder tjänst tjänsten kollegor
        veckan våra tillsammans erfarenhet utbildning bland""",
}
DISTINCTIVE = {language: frozenset(words.split()) for language, words in DISTINCTIVE.items()}
# Spellings inside words: Norwegian sj/kj/gj/øy/-ktig/inn- where Danish writes ti/k/g/øj/-gtig/ind-,
# and Swedish ck/tj/vilk-. Counted once per word.
PATTERNS = {
    "da": re.compile(r"tion|hed$|heder$|øj|ej$|gtig|^ind|^ud[a-zæøå]|ede$|æ|c|^sådan$"),
    "nb": re.compile(r"sjon|het$|heter$|øy|ei|ktig|^inn|^ut[a-zæøå]|kj|gj|kk$|tt$|^dersom$|^slik$|^å$"),
    "sv": re.compile(r"ck|tj|^vilk|ning$|ningar$|^kund[a-zåäö]|^och$|ä|ö"),
}

WORD_RE = re.compile(r"[^\W\d_]+")
# A text with fewer of a language's common words than this share is not written in it.
MIN_COMMON_SHARE = 0.10
MIN_WORDS_TO_REFUSE = 8


class UnsupportedLanguage(ValueError):
    def __init__(self, detected_hint: str = ""):
        names = ", ".join(f"{LANGUAGE_NAMES[c]} ({c})" for c in SUPPORTED)
        super().__init__(f"The text does not look like a supported language. Supported: {names}.{detected_hint}")


@dataclass(frozen=True)
class Detection:
    language: str
    confidence: float
    scores: dict


def detect(text: str) -> Detection:
    return detect_from([signals(text)])


@lru_cache(maxsize=50_000)
def signals(text: str) -> tuple[int, tuple[float, ...], tuple[float, ...]]:
    """(words, common-word counts, evidence) of a piece of text, per language in SUPPORTED order.

    Additive, so a text's signals are the sum of its sentences' (which the analyzer caches)."""
    counts = Counter(WORD_RE.findall(text.lower()))
    common = [0.0] * len(SUPPORTED)
    evidence = [0.0] * len(SUPPORTED)
    for word, n in counts.items():
        word_common, word_evidence = _word_signals(word)
        for i in range(len(SUPPORTED)):
            common[i] += n * word_common[i]
            evidence[i] += n * word_evidence[i]
    return sum(counts.values()), tuple(common), tuple(evidence)


def detect_from(parts: list[tuple[int, tuple[float, ...], tuple[float, ...]]]) -> Detection:
    total = sum(part[0] for part in parts)
    if not total:
        raise UnsupportedLanguage()
    common = [sum(part[1][i] for part in parts) for i in range(len(SUPPORTED))]
    evidence = [sum(part[2][i] for part in parts) for i in range(len(SUPPORTED))]
    if total >= MIN_WORDS_TO_REFUSE and max(common) / total < MIN_COMMON_SHARE:
        raise UnsupportedLanguage()
    score = {lang: (10.0 * common[i] + evidence[i]) / total for i, lang in enumerate(SUPPORTED)}
    best = max(score, key=score.get)
    # Softmax over the scores: near 1 when one language stands out, about 0.5 for a da/nb tie.
    exp = {lang: math.exp(3.0 * (score[lang] - score[best])) for lang in SUPPORTED}
    confidence = exp[best] / sum(exp.values())
    return Detection(best, round(confidence, 2), {k: round(v, 3) for k, v in score.items()})


@lru_cache(maxsize=50_000)
def _word_signals(word: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """What one word says about each language: (is a common word, weighted evidence)."""
    common = tuple(int(word in COMMON[lang]) for lang in SUPPORTED)
    evidence = dict.fromkeys(SUPPORTED, 0.0)
    for lang in DISTINCTIVE:
        evidence[lang] += 3.0 * (word in DISTINCTIVE[lang]) + 2.0 * bool(PATTERNS[lang].search(word))
    # Letters: ä/ö are Swedish, æ/ø Danish or Norwegian, and none of them English.
    swedish = word.count("ä") + word.count("ö")
    dano_norwegian = word.count("æ") + word.count("ø")
    evidence["sv"] += 4.0 * swedish
    evidence["da"] += 2.0 * dano_norwegian
    evidence["nb"] += 2.0 * dano_norwegian
    evidence["en"] -= 4.0 * (swedish + dano_norwegian + word.count("å"))
    return common, tuple(evidence[lang] for lang in SUPPORTED)
