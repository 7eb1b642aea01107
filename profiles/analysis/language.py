"""Which of en / da / nb / sv a text is written in. Pure Python.

Two signals, both explainable: the share of each language's common words in the text, and
spellings that only one of the Scandinavian languages uses. Danish and Norwegian Bokmål share most
function words, so the pair is decided by the words they spell differently (af/av, efter/etter,
nogle/noen, medarbejder/medarbeider, -hed/-het, -tion/-sjon ...).
"""

import math
import re
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
        jeres vores ugen uddannelse blandt tager os jer ansøgningen""",
    "nb": """av etter noen noe mye blir hva meg deg seg opp medarbeider medarbeidere arbeid arbeider
        arbeidet virksomhet virksomheten lønn søknad søknadsfrist spørsmål hjelpe hjelp gjerne
        tilbyr våre nå igjen uken utdanning blant kundesenter oss liker jobbe jobber søknaden""",
    "sv": """och att inte är från ska också några mycket hur upp kund medarbetare arbete arbetar
        företag företaget lön ansökan frågor hjälpa hjälp gärna erbjuder tjänst tjänsten kollegor
        veckan våra tillsammans erfarenhet utbildning bland""",
}
DISTINCTIVE = {language: frozenset(words.split()) for language, words in DISTINCTIVE.items()}
# Spellings inside words: Norwegian sj/kj/gj/øy/-ktig/inn- where Danish writes ti/k/g/øj/-gtig/ind-,
# and Swedish ck/tj/vilk-. Counted once per word.
PATTERNS = {
    "da": re.compile(r"tion|hed$|heder$|øj|ej$|gtig|^ind|^ud[a-zæøå]|ede$|æ|c|^sådan$|søg|løb"),
    "nb": re.compile(r"sjon|het$|heter$|øy|ei|ktig|^inn|^ut[a-zæøå]|kj|gj|kk$|tt$|^dersom$|^slik$|^å$|søk|løp"),
    "sv": re.compile(r"ck|tj|^vilk|ningar$|^kund[a-zåäö]|^och$|ä|ö"),
}

# Common words of languages the analysis does not support. When one of them accounts for more of a
# text than the best supported language's common words do, the text is refused with its name.
UNSUPPORTED_COMMON = {
    "de": """und der die das ist nicht wir sie mit für auf ein eine einen zu den dem von sich auch bei werden
        ihre ihr ihren suchen unser unsere unseren im des wird sind haben oder als sowie freude""",
    "nl": """het een van dat op te zijn voor met wij je niet ook naar bij worden onze jouw bent heb wat
        zoeken zoek werken ons jij heeft zijn hebt""",
    "fr": """le la les des du et est un une pour dans avec vous nous sur au aux qui que ne pas par votre notre
        ce cette sont être vos nos""",
    "es": """el la los las del y es un una para con por que se su sus nuestro nuestra somos buscamos al lo como
        más tu tus estamos""",
    "fi": """ja on että ei se olet olla joka jossa kanssa sinä me meidän sinun tai myös kuin hän mutta etsimme
        haemme sekä meillä sinulla voit ovat jos työ työtä hyvä""",
}
UNSUPPORTED_COMMON = {language: frozenset(words.split()) for language, words in UNSUPPORTED_COMMON.items()}
UNSUPPORTED = tuple(UNSUPPORTED_COMMON)
OTHER_NAMES = {
    "de": "German",
    "nl": "Dutch",
    "fr": "French",
    "es": "Spanish",
    "fi": "Finnish",
    "nn": "Norwegian Nynorsk",
}
# Nynorsk words Bokmål (and Danish) spell otherwise, and those other spellings. A text with at least
# NYNORSK_MIN of the first and more of them than of the second is Nynorsk.
NYNORSK = frozenset(
    [
        "ikkje",
        "eg",
        "kva",
        "korleis",
        "kvifor",
        "kven",
        "kvar",
        "vere",
        "vore",
        "verte",
        "vert",
        "ein",
        "eit",
        "dei",
        "deira",
        "desse",
        "frå",
        "berre",
        "òg",
        "noko",
        "nokon",
        "mykje",
        "heile",
        "medan",
        "sidan",
        "difor",
        "ho",
        "hjå",
        "dykk",
        "dykkar",
        "sjølv",
        "sjølvstendig",
        "saman",
        "heime",
        "fleire",
        "gjere",
        "seie",
        "ynskjer",
        "ønskjer",
        "søkjer",
        "søkjar",
        "søkjarar",
        "medarbeidar",
        "medarbeidarar",
        "tilsette",
        "tilsett",
        "oppgåver",
        "arbeidsoppgåver",
        "mogleg",
        "moglegheit",
        "moglegheiter",
        "vanleg",
        "røynsle",
        "eigen",
        "eige",
        "eigne",
        "gjev",
        "gje",
    ]
)
NOT_NYNORSK = frozenset(
    [
        "ikke",
        "jeg",
        "hva",
        "hvordan",
        "hvorfor",
        "hvem",
        "hvor",
        "være",
        "vært",
        "blir",
        "en",
        "et",
        "de",
        "deres",
        "disse",
        "fra",
        "bare",
        "også",
        "noe",
        "noen",
        "mye",
        "hele",
        "mens",
        "siden",
        "derfor",
        "hun",
        "hos",
        "dere",
        "selv",
        "sammen",
        "hjemme",
        "flere",
        "gjøre",
        "si",
        "ønsker",
        "søker",
        "søkere",
        "medarbeider",
        "medarbeidere",
        "ansatte",
        "oppgaver",
        "arbeidsoppgaver",
        "mulig",
        "mulighet",
        "muligheter",
        "vanlig",
        "erfaring",
        "egen",
        "eget",
        "egne",
    ]
)
NYNORSK_MIN = 2
# The extra signals, after the supported languages': the unsupported languages' common words, then
# Nynorsk words and their Bokmål spellings.
EXTRA = (*UNSUPPORTED, "nn", "not_nn")

WORD_RE = re.compile(r"[^\W\d_]+")
# A text with fewer of a language's common words than this share is not written in it.
MIN_COMMON_SHARE = 0.10
MIN_WORDS_TO_REFUSE = 8
# Below this confidence the text is refused as unsure: the user chooses the language. A da/nb tie
# is 0.5; one distinctive spelling in a ten-word sentence lifts it above 0.6.
MIN_CONFIDENCE = 0.6
CONFIDENCE_SCALE = 3.0
# A sentence is read in another supported language than the ad's when it has this many words and
# that language's score beats the main language's by SENTENCE_MARGIN (score units: 10 × common-word
# share + distinctive evidence per word; an English sentence in a Danish ad wins by 3 or more) and
# its confidence is at least SENTENCE_CONFIDENCE.
SENTENCE_MIN_WORDS = 6
SENTENCE_MARGIN = 1.5
SENTENCE_CONFIDENCE = 0.9
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_WWW_RE = re.compile(r"[wW][wW][wW]\.")


# The refusal messages, by UnsupportedLanguage.message_key; callers translate them (the msgids are
# in locale/pending/clean.json) and fill in UnsupportedLanguage.params.
MESSAGES = {
    "unsupported": "The text does not look like a supported language. Supported: %(supported)s.",
    "unsupported_named": (
        "The text does not look like a supported language. It looks like %(language)s. Supported: %(supported)s."
    ),
    "nynorsk": (
        "The text looks like Norwegian Nynorsk, which is not supported yet. "
        "Write the ad in Bokmål, or choose the language explicitly."
    ),
    "unsure": (
        "The language of the text is unclear: it reads as %(first)s or %(second)s. Choose the language explicitly."
    ),
}


class UnsupportedLanguage(ValueError):
    """Text the analysis cannot read. `code` says why, for callers that translate the message:

    - "unsupported": another language (`detected` names it when known: "de", "fi" …) or no words;
    - "nynorsk": Norwegian Nynorsk (`detected` == "nn"), not supported yet;
    - "unsure": between two supported languages (`candidates`, best first); the user chooses.
    The message is MESSAGES[`message_key`] % `params` (English language names in "language",
    "first", "second"; "supported" lists the supported languages)."""

    def __init__(
        self, detected_hint: str = "", *, code: str = "unsupported", detected: str = "", candidates: tuple = ()
    ):
        self.code = code
        self.detected = detected
        self.candidates = tuple(candidates)
        supported = ", ".join(f"{LANGUAGE_NAMES[c]} ({c})" for c in SUPPORTED)
        self.params = {"supported": supported, "language": OTHER_NAMES.get(detected, "")}
        if code == "unsure":
            first, second = (LANGUAGE_NAMES[c] for c in self.candidates[:2])
            self.params.update(first=first, second=second)
            self.message_key = "unsure"
        elif code == "nynorsk":
            self.message_key = "nynorsk"
        else:
            self.message_key = "unsupported_named" if detected in OTHER_NAMES else "unsupported"
        message = MESSAGES[self.message_key] % self.params + detected_hint
        super().__init__(message)


@dataclass(frozen=True)
class Detection:
    language: str
    confidence: float
    scores: dict


def detect(text: str) -> Detection:
    return detect_from([signals(text)])


# Each word's signals as one flat record (common, evidence, extra), for every text.
_WORD_RECORDS: dict[str, tuple] = {}
WORD_RECORDS_SIZE = 200_000
_ZERO_FLOATS = (0.0,) * len(SUPPORTED)
_ZERO_EXTRA = (0,) * len(EXTRA)


@lru_cache(maxsize=50_000)
def signals(text: str) -> tuple[int, tuple[float, ...], tuple[float, ...], tuple[int, ...]]:
    """(words, common-word counts, evidence, extra counts) of a piece of text: the first two per
    language in SUPPORTED order, the extra counts in EXTRA order (unsupported languages' common
    words, Nynorsk words, their Bokmål spellings).

    Additive, so a text's signals are the sum of its sentences' (which the analyzer caches).
    Every signal is a whole number, so the sums are exact in any order: each word's record is
    looked up once per process and the columns of the sentence's records are summed."""
    words = WORD_RE.findall(text.lower().replace("\xad", ""))
    if not words:
        return 0, _ZERO_FLOATS, _ZERO_FLOATS, _ZERO_EXTRA
    records = _WORD_RECORDS
    rows = list(map(records.get, words))
    if None in rows:
        for index, record in enumerate(rows):
            if record is None:
                word = words[index]
                if len(records) > WORD_RECORDS_SIZE:
                    records.clear()
                common, evidence, extra = _word_signals(word)
                rows[index] = records[word] = (*common, *evidence, *extra)
    sums = list(map(sum, zip(*rows, strict=True)))
    size = len(SUPPORTED)
    return (
        len(words),
        tuple(map(float, sums[:size])),
        tuple(map(float, sums[size : 2 * size])),
        tuple(sums[2 * size :]),
    )


def detect_from(parts: list[tuple]) -> Detection:
    """The language of a text from its sentences' signals; refuses Nynorsk, unsupported languages
    and a reading that is not sure enough (UnsupportedLanguage with code "nynorsk", "unsupported",
    "unsure")."""
    total, common, evidence, extra = _sum(parts)
    if not total:
        raise UnsupportedLanguage()
    score = _scores(total, common, evidence)
    best = max(score, key=score.get)
    nynorsk, not_nynorsk = extra[EXTRA.index("nn")], extra[EXTRA.index("not_nn")]
    if best in ("nb", "da") and nynorsk >= NYNORSK_MIN and nynorsk > not_nynorsk:
        raise UnsupportedLanguage(code="nynorsk", detected="nn")
    other = max(UNSUPPORTED, key=lambda lang: extra[EXTRA.index(lang)])
    other_common = extra[EXTRA.index(other)]
    if other_common > max(common) and other_common >= 2:
        raise UnsupportedLanguage(detected=other)
    if total >= MIN_WORDS_TO_REFUSE and max(common) / total < MIN_COMMON_SHARE:
        raise UnsupportedLanguage()
    confidence = _confidence(score, best, total)
    if confidence < MIN_CONFIDENCE:
        second = max((lang for lang in SUPPORTED if lang != best), key=score.get)
        raise UnsupportedLanguage(code="unsure", candidates=(best, second))
    return Detection(best, round(confidence, 2), {k: round(v, 3) for k, v in score.items()})


def detect_sentences(texts: list[str], main: str) -> list[str]:
    """Each sentence's language: `main`, unless the sentence has SENTENCE_MIN_WORDS words or more
    and surely reads as another supported language (its score beats main's by SENTENCE_MARGIN and
    its confidence is SENTENCE_CONFIDENCE or more). A sentence that leans the same way but is not
    sure on its own follows its neighbours when they and it read surely as that language together:
    a paragraph is decided as a whole. Short sentences, names, URLs and e-mail addresses keep `main`."""
    return _languages([signals(_without_urls(text)) for text in texts], main)


def _without_urls(text: str) -> str:
    # (every URL_RE match holds "://", "www." in any case, or "@"; no other letter lowers to "w")
    if "@" in text or "://" in text or ("." in text and _WWW_RE.search(text)):
        return URL_RE.sub(" ", text)
    return text


def _languages(parts: list[tuple], main: str) -> list[str]:
    """detect_sentences from the sentences' signals (of their text without URLs)."""
    alone = [_sure_other(part, main) for part in parts]
    languages = []
    for index, part in enumerate(parts):
        if part[0] < SENTENCE_MIN_WORDS:
            languages.append(main)
        elif alone[index]:
            languages.append(alone[index])
        else:
            languages.append(_with_neighbours(parts, alone, index, main) or main)
    return languages


def _sure_other(part: tuple, main: str) -> str | None:
    """The other supported language a sentence surely reads as, or None."""
    total, common, evidence, extra = _sum([part])
    if total < SENTENCE_MIN_WORDS:
        return None
    score = _scores(total, common, evidence)
    best = max(score, key=score.get)
    if best == main or score[best] - score[main] < SENTENCE_MARGIN:
        return None
    if (
        _confidence(score, best, total) < SENTENCE_CONFIDENCE
        or common[SUPPORTED.index(best)] / total < MIN_COMMON_SHARE
    ):
        return None
    if max(extra[: len(UNSUPPORTED)]) > common[SUPPORTED.index(best)]:
        return None
    return best


def _with_neighbours(parts: list[tuple], alone: list[str | None], index: int, main: str) -> str | None:
    """The language of a sentence's sure neighbours, if the sentence leans that way and reads
    surely as it together with them."""
    for language in dict.fromkeys(alone[max(index - 1, 0) : index + 2]):
        if language is None:
            continue
        total, common, evidence, _extra = _sum([parts[index]])
        own = _scores(total, common, evidence)
        if own[language] <= own[main]:
            continue
        window = [
            parts[i] for i in range(max(index - 1, 0), min(index + 2, len(parts))) if alone[i] in (language, None)
        ]
        if _sure_other(_sum_part(window), main) == language:
            return language
    return None


def _sum(parts: list[tuple]) -> tuple[int, list[float], list[float], list[int]]:
    if len(parts) == 1:  # (0 + x is x: the same as the sums below)
        part = parts[0]
        extra = list(part[3]) if len(part) > 3 else [0] * len(EXTRA)
        return part[0], list(part[1]), list(part[2]), extra
    total = sum(part[0] for part in parts)
    common = [sum(part[1][i] for part in parts) for i in range(len(SUPPORTED))]
    evidence = [sum(part[2][i] for part in parts) for i in range(len(SUPPORTED))]
    # Signals of an older shape (words, common, evidence) carry no extra counts.
    extra = [sum(part[3][i] for part in parts if len(part) > 3) for i in range(len(EXTRA))]
    return total, common, evidence, extra


def _sum_part(parts: list[tuple]) -> tuple:
    total, common, evidence, extra = _sum(parts)
    return total, tuple(common), tuple(evidence), tuple(extra)


def _scores(total: int, common: list[float], evidence: list[float]) -> dict[str, float]:
    return {lang: (10.0 * common[i] + evidence[i]) / total for i, lang in enumerate(SUPPORTED)}


def _confidence(score: dict[str, float], best: str, total: int) -> float:
    """Softmax over the scores: near 1 when one language stands out, about 0.5 for a da/nb tie.

    The scores are per word, so the same lead means more in a longer text: the gap is weighed by
    the square root of the words in tens (a ten-word sentence counts it once, a 40-word paragraph
    twice)."""
    weight = CONFIDENCE_SCALE * math.sqrt(max(total, 1) / 10.0)
    exp = {lang: math.exp(weight * (score[lang] - score[best])) for lang in SUPPORTED}
    return exp[best] / sum(exp.values())


@lru_cache(maxsize=50_000)
def _word_signals(word: str) -> tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...]]:
    """What one word says about each language: (is a common word, weighted evidence, extra counts)."""
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
    extra = (
        *(int(word in UNSUPPORTED_COMMON[lang]) for lang in UNSUPPORTED),
        int(word in NYNORSK),
        int(word in NOT_NYNORSK),
    )
    return common, tuple(evidence[lang] for lang in SUPPORTED), extra


# The signals of a blank-free chunk of text, packed in one int (_PACK_BITS bits a field, in the order
# of signals(): words, common words per language, evidence per language with English's negated (it is
# never positive), extra counts), so a sentence's are one sum of its chunks'. Every signal is a whole
# number, so the sums are exact and unpack() gives what signals() of the sentence gives.
_PACK_BITS = 24  # a sentence of at most 50,000 characters stays below 2**24 in every field
_PACK_MASK = (1 << _PACK_BITS) - 1
_PACK_FIELDS = 1 + 2 * len(SUPPORTED) + len(EXTRA)
_ENGLISH = SUPPORTED.index("en")
_CHUNK_PACKS: dict[str, int] = {}


def packed_signals(texts: list[str]) -> list[int]:
    """Each text's signals, packed (see unpack): a look-up per blank-separated chunk, once per
    process per chunk. A word never holds a blank, and str.lower() reads no context across one."""
    packs = _CHUNK_PACKS
    result = []
    for text in texts:
        chunks = text.split()
        try:
            result.append(sum(map(packs.__getitem__, chunks)))
        except KeyError:
            result.append(sum(packs.get(chunk) if chunk in packs else _chunk_pack(chunk) for chunk in chunks))
    return result


def _chunk_pack(chunk: str) -> int:
    if len(_CHUNK_PACKS) > WORD_RECORDS_SIZE:
        _CHUNK_PACKS.clear()
    total = 0
    for word in WORD_RE.findall(chunk.lower().replace("\xad", "")):
        common, evidence, extra = _word_signals(word)
        values = (1, *common, *evidence[:_ENGLISH], -evidence[_ENGLISH], *evidence[_ENGLISH + 1 :], *extra)
        for field, value in enumerate(values):
            total += int(value) << (_PACK_BITS * field)
    _CHUNK_PACKS[chunk] = total
    return total


def unpack(pack: int) -> tuple[int, tuple[float, ...], tuple[float, ...], tuple[int, ...]]:
    """The signals() tuple of packed signals."""
    fields = [(pack >> (_PACK_BITS * field)) & _PACK_MASK for field in range(_PACK_FIELDS)]
    size = len(SUPPORTED)
    if not fields[0]:
        return 0, _ZERO_FLOATS, _ZERO_FLOATS, _ZERO_EXTRA
    evidence = fields[1 + size : 1 + 2 * size]
    evidence[_ENGLISH] = -evidence[_ENGLISH]
    common = tuple(map(float, fields[1 : 1 + size]))
    return fields[0], common, tuple(map(float, evidence)), tuple(fields[1 + 2 * size :])


def detect_packed(packs: list[int]) -> Detection:
    """detect_from() of the sentences' packed signals."""
    return detect_from([unpack(sum(packs))])


def detect_sentences_packed(texts: list[str], packs: list[int], main: str) -> list[str]:
    """detect_sentences(texts, main), given packed_signals(texts).

    A sentence reads as another language only when that language's score beats main's by
    SENTENCE_MARGIN; the scores are whole numbers over the sentence's words, so a sentence whose
    best other total is below main's by a clear margin (1.4 per word instead of 1.5: no rounding can
    bridge that) is main's, and when every sentence is, the answer is main for all of them without
    the per-sentence arithmetic."""
    packs = [
        packed_signals([cleaned])[0] if (cleaned := _without_urls(text)) is not text else pack
        for text, pack in zip(texts, packs, strict=True)
    ]
    index = SUPPORTED.index(main)
    bits, mask = _PACK_BITS, _PACK_MASK
    for pack in packs:
        total = pack & mask
        if total < SENTENCE_MIN_WORDS:
            continue
        scores = [
            10 * ((pack >> (bits * (1 + k))) & mask) + ((pack >> (bits * (1 + len(SUPPORTED) + k))) & mask)
            for k in range(len(SUPPORTED))
        ]
        scores[_ENGLISH] = 10 * ((pack >> (bits * (1 + _ENGLISH))) & mask) - (
            (pack >> (bits * (1 + len(SUPPORTED) + _ENGLISH))) & mask
        )
        lead = max(score for k, score in enumerate(scores) if k != index) - scores[index]
        if 10 * lead >= 14 * total:
            return _languages([unpack(pack) for pack in packs], main)
    return [main] * len(texts)
