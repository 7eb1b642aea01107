"""What a negation or a contrast takes back in a job ad, word by word. Pure Python.

A negator governs only what it scopes over:

- a prepositional negator (without, uden, uten, utan) negates the words after it in its clause, never
  the ones before: in "provision uden loft" the commission stays, only the cap is gone;
- an adverbial negator (not, ikke, inte, ingen, no, …) a few words before a marker in the same clause
  negates it ("du behøver ikke at være servicemindet");
- after a marker only a predicate that says it is not required negates it ("erfaring med salg er
  ikke et krav", "experience in sales is not required"), not any negator that merely follows
  ("du er servicemindet og ikke bange for travlhed");
- a contrast that dismisses a quality negates the words it dismisses ("det er ikke nok at være sød",
  "being friendly is not enough", "vi søger ikke en, der bare smiler", "mer än ett leende") and
  leaves the positive part after "men/but/utan" alone.

The engine asks `is_negated` once per marker match; the work that depends only on the sentence is
done once per token list and reused for every marker in it.
"""

from dataclasses import dataclass

from profiles.analysis.text import Token

# Every negation cue per language. The engine uses this set to tell whether a sentence holds a
# negation at all (then the classifier, which cannot see its scope, leaves the sentence alone).
NEGATIONS = {
    "en": frozenset(
        ["no", "not", "never", "without", "none", "nor", "n't", "isn't", "aren't", "don't", "doesn't", "needn't"]
    ),
    "da": frozenset(["ikke", "ingen", "intet", "aldrig", "uden", "hverken"]),
    "nb": frozenset(["ikke", "ingen", "intet", "ingenting", "aldri", "uten", "hverken", "ikkje"]),
    "sv": frozenset(["inte", "ingen", "inget", "inga", "aldrig", "utan", "ej", "varken"]),
}
# Prepositional negators govern the words after them only.
PREPOSITIONS = {
    "en": frozenset(["without"]),
    "da": frozenset(["uden"]),
    "nb": frozenset(["uten"]),
    "sv": frozenset(["utan"]),
}
ADVERBIALS = {language: cues - PREPOSITIONS[language] for language, cues in NEGATIONS.items()}
NEGATION_BEFORE = 3  # words, not counting the fillers below
# How far after a marker a "… is not required" predicate may begin.
NEGATION_AFTER = 6
# Auxiliaries between a cue and what it negates ("you do not need to be empathetic", "du behøver
# ikke at være servicemindet") do not count towards the window. Infinitive markers do count, so
# "ikke bange for at tage styringen" (not afraid to take charge) stays positive.
FILLERS = {
    "en": frozenset(["be", "have", "has", "need", "needs", "do", "does", "going", "required", "expected"]),
    "da": frozenset(["være", "have", "behøver", "skal", "skulle"]),
    "nb": frozenset(["være", "ha", "trenger", "skal", "skulle"]),
    "sv": frozenset(["vara", "ha", "behöver", "ska", "skulle"]),
}
CLAUSE_BREAKS = frozenset(",;:()–—")
CLAUSE_WORDS = {
    "en": frozenset(["but", "and", "or", "while", "whereas"]),
    "da": frozenset(["men", "og", "eller", "mens"]),
    "nb": frozenset(["men", "og", "eller", "mens"]),
    "sv": frozenset(["men", "och", "eller", "medan"]),
}
# Clause words that end a negation's reach even inside the subject of "… is not required" (a list
# joined by "og" may be the subject: "erfaring med salg og kundeservice er ikke et krav").
HARD_CLAUSE_WORDS = {
    "en": frozenset(["but", "while", "whereas"]),
    "da": frozenset(["men", "mens"]),
    "nb": frozenset(["men", "mens"]),
    "sv": frozenset(["men", "medan"]),
}
SOFT_CLAUSE_WORDS = {language: CLAUSE_WORDS[language] - HARD_CLAUSE_WORDS[language] for language in CLAUSE_WORDS}
# "not only / ikke kun / inte bara X (but also Y)" affirms X.
NOT_ONLY = {
    "en": frozenset(["only", "just", "merely", "simply"]),
    "da": frozenset(["kun", "bare", "blot", "alene"]),
    "nb": frozenset(["kun", "bare", "blott", "alene"]),
    "sv": frozenset(["bara", "enbart", "endast", "blott"]),
}
# "not afraid to take the lead" says the candidate does take the lead.
UNAFRAID = {
    "en": frozenset(["afraid", "scared", "shy", "hesitant", "reluctant"]),
    "da": frozenset(["bange", "nervøs", "genert", "tilbageholdende", "sky"]),
    "nb": frozenset(["redd", "nervøs", "sjenert", "tilbakeholden", "sky"]),
    "sv": frozenset(["rädd", "nervös", "blyg", "främmande", "skygg"]),
}

# "… is not required": words that, a few words after a negator, make it deny a requirement.
REQUIREMENTS = {
    "en": frozenset(
        [
            "required",
            "requirement",
            "necessary",
            "needed",
            "essential",
            "mandatory",
            "prerequisite",
            "must",
            "expected",
            "important",
            "obligatory",
            "condition",
        ]
    ),
    "da": frozenset(
        [
            "krav",
            "påkrævet",
            "påkrævede",
            "nødvendig",
            "nødvendigt",
            "nødvendige",
            "forudsætning",
            "betingelse",
            "must",
            "afgørende",
            "vigtig",
            "vigtigt",
            "obligatorisk",
            "forventet",
        ]
    ),
    "nb": frozenset(
        [
            "krav",
            "påkrevd",
            "påkrevet",
            "nødvendig",
            "nødvendigt",
            "nødvendige",
            "forutsetning",
            "betingelse",
            "must",
            "avgjørende",
            "viktig",
            "viktigt",
            "obligatorisk",
            "forventet",
        ]
    ),
    "sv": frozenset(
        [
            "krav",
            "nödvändig",
            "nödvändigt",
            "nödvändiga",
            "förutsättning",
            "villkor",
            "måste",
            "avgörande",
            "viktig",
            "viktigt",
            "obligatorisk",
            "obligatoriskt",
            "förväntat",
        ]
    ),
}
REQUIREMENT_REACH = 3  # "er ikke et absolut krav": the requirement word within 3 words of the negator
# Passive verbs that say the same when the negator follows them: "kræves ikke", "krävs inte".
REQUIRED_VERBS = {
    "en": frozenset(),
    "da": frozenset(["kræves", "behøves", "forventes", "forlanges"]),
    "nb": frozenset(["kreves", "trengs", "behøves", "forventes"]),
    "sv": frozenset(["krävs", "behövs", "förväntas", "fordras"]),
}
# Words that show a marker is not the subject of a "… is not required" predicate further on: a
# person or a finite verb before it in its clause ("du er servicemindet og erfaring er ikke et krav").
NOT_A_SUBJECT = {
    "en": frozenset(
        ["you", "we", "i", "they", "he", "she", "you're", "we're", "is", "are", "am", "have", "has", "must", "will"]
    ),
    "da": frozenset(["du", "vi", "jeg", "de", "han", "hun", "man", "er", "har", "skal", "kan", "bør", "vil", "må"]),
    "nb": frozenset(["du", "vi", "jeg", "dere", "de", "han", "hun", "man", "er", "har", "skal", "kan", "bør", "vil"]),
    "sv": frozenset(["du", "vi", "jag", "ni", "de", "han", "hon", "man", "är", "har", "ska", "kan", "bör", "vill"]),
}

# Contrast constructions.
# "not enough": a negator then one of these ("ikke nok", "not enough") …
ENOUGH = {
    "en": frozenset(["enough", "sufficient"]),
    "da": frozenset(["nok", "tilstrækkeligt", "tilstrækkelig"]),
    "nb": frozenset(["nok", "tilstrekkelig", "tilstrekkelig"]),
    "sv": frozenset(["nog", "tillräckligt", "tillräcklig"]),
}
# … or one of these then a negator ("det räcker inte").
ENOUGH_VERBS = {
    "en": frozenset(),
    "da": frozenset(["rækker"]),
    "nb": frozenset(["holder", "strekker"]),
    "sv": frozenset(["räcker"]),
}
# Words allowed between the negator and "enough": "not quite enough", "ikke længere nok".
ENOUGH_GAP = frozenset(["quite", "always", "simply", "just", "helt", "altid", "længere", "alltid", "lenger", "längre"])
# Words that open the dismissed part after "not enough": "… to be nice", "… at være sød", "… med et smil".
DISMISSED_OPENERS = {
    "en": frozenset(["to", "that", "being", "just", "only", "simply", "merely"]),
    "da": frozenset(["at", "med", "bare", "kun", "blot"]),
    "nb": frozenset(["å", "at", "med", "bare", "kun"]),
    "sv": frozenset(["att", "med", "bara", "enbart"]),
}
# A "not enough" clause whose subject is only these ("det er ikke nok", "it's not enough") dismisses
# what follows; with a real subject ("being friendly is not enough") it dismisses the subject.
EXPLETIVES = frozenset(
    ["it", "it's", "this", "det", "er", "is", "är", "was", "var", "simply", "just", "really", "bare", "jo", "ju"]
)
COPULAS = frozenset(
    ["is", "are", "was", "it's", "that's", "isn't", "aren't", "wasn't", "er", "var", "är", "blir", "bliver", "becomes"]
)
# A subject that points back ("du er sød, men det er ikke nok") dismisses the clause before.
ANAPHORS = frozenset(
    ["it", "it's", "that", "that's", "this", "det", "dette", "detta", "den", "er", "is", "är", "was", "var"]
)
# "we're not looking for someone who …": a search verb next to a negator.
SEEK_VERBS = {
    "en": frozenset(["looking", "seeking", "searching", "want", "hiring"]),
    "da": frozenset(["søger", "leder", "ønsker", "vil", "eftersøger"]),
    "nb": frozenset(["søker", "se", "leter", "ønsker", "vil"]),
    "sv": frozenset(["söker", "letar", "önskar", "vill", "eftersöker"]),
}
# Search verbs that only search with their particle: "leder efter", "ser etter", "vill ha".
SEEK_PARTICLES = {
    "en": {"looking": "for"},
    "da": {"leder": "efter", "vil": "have"},
    "nb": {"se": "etter", "leter": "etter", "vil": "ha"},
    "sv": {"letar": "efter", "vill": "ha"},
}
OPTIONAL_PARTICLES = frozenset(["for", "efter", "etter", "after"])
SUBJECT_PRONOUNS = frozenset(["vi", "we", "jeg", "jag", "i", "man"])
# "more than a friendly voice", "mere end et smil", "rather than …": the words after are dismissed.
MORE_THAN = {
    "en": (("more", "than"), ("rather", "than"), ("instead", "of")),
    "da": (("mere", "end"), ("mer", "end"), ("snarere", "end"), ("i", "stedet", "for")),
    "nb": (("mer", "enn"), ("mere", "enn"), ("snarere", "enn"), ("heller", "enn"), ("i", "stedet", "for")),
    "sv": (("mer", "än"), ("mera", "än"), ("snarare", "än"), ("istället", "för"), ("i", "stället", "för")),
}
# … but not "more than 3 years", "more than happy to", "mer än gärna", "more than ever".
NOT_DISMISSED_AFTER_MORE = {
    "en": frozenset(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several"]
        + ["happy", "willing", "welcome", "glad", "ever", "before", "anything", "double", "twice", "half"]
    ),
    "da": frozenset(
        ["to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "flere", "halvdelen", "dobbelt"]
        + ["gerne", "glad", "velkommen", "nogensinde", "før", "tidligere", "alt", "noget"]
    ),
    "nb": frozenset(
        ["to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "flere", "halvparten", "dobbelt"]
        + ["gjerne", "glad", "velkommen", "noensinne", "før", "tidligere", "alt", "noe"]
    ),
    "sv": frozenset(
        ["två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "flera", "hälften", "dubbelt"]
        + ["gärna", "glad", "välkommen", "någonsin", "förr", "tidigare", "allt", "något"]
    ),
}
# After a comma these start a new clause, which ends a dismissed part ("det er ikke nok at være
# sød, du skal også tage styringen"); a relative pronoun ("en, der bare smiler") does not.
CLAUSE_STARTERS = {
    "en": frozenset(
        ["i", "you", "we", "they", "he", "she", "it", "it's", "you're", "you'll", "we're", "we'll", "they're"]
        + ["this", "there", "here", "also", "so", "because", "since", "as", "then", "instead", "rather"]
    ),
    "da": frozenset(
        ["du", "vi", "de", "han", "hun", "man", "det", "dette", "her", "så", "for", "fordi", "da", "også"]
        + ["derfor", "samtidig", "desuden", "derudover", "snarere", "tværtimod"]
    ),
    "nb": frozenset(
        ["du", "vi", "dere", "de", "han", "hun", "man", "det", "dette", "her", "så", "for", "fordi", "da"]
        + ["også", "derfor", "samtidig", "dessuten", "snarere", "tvert"]
    ),
    "sv": frozenset(
        ["du", "vi", "ni", "de", "han", "hon", "man", "det", "detta", "här", "så", "för", "eftersom", "då"]
        + ["också", "även", "därför", "samtidigt", "dessutom", "snarare", "tvärtom"]
    ),
}
SPAN_LIMIT = 14  # tokens a dismissed part reaches at most


# Words without which a token list holds neither a negation nor a contrast: every negator, every
# "… is not required" and every contrast cue needs a negation word, except "more than" (its first
# word). A sentence without any of them is settled by one set test.
TRIGGERS = {language: NEGATIONS[language] | frozenset(cue[0] for cue in MORE_THAN[language]) for language in NEGATIONS}


def is_negated(text: str, tokens: list[Token], first: int, last: int, language: str) -> bool:
    """Whether the marker at tokens[first..last] (inclusive) is negated or dismissed."""
    scope = _scope(text, tokens, language)
    if scope.plain:
        return False
    if scope.dismissed[first]:
        return True
    return _negated_before(scope, tokens, first, language) or _required_not_after(scope, tokens, first, last, language)


def contrast_spans(tokens: list[Token], text: str, language: str) -> list[tuple[int, int]]:
    """The token index ranges (first, last), inclusive, that a contrast construction dismisses."""
    return list(_scope(text, tokens, language).spans)


@dataclass(slots=True)
class _Scope:
    hard: list[bool]  # hard[i]: a clause ends between tokens i-1 and i (punctuation, "but", …)
    soft: list[bool]  # soft[i]: token i is "and"/"or", which starts a clause of its own
    comma: list[bool]  # comma[i]: the clause break before token i is only a comma (a relative clause may follow)
    negator: list[bool]  # token i negates the words after it
    required_not: list[bool]  # token i begins "… is not required"
    spans: tuple[tuple[int, int], ...]
    dismissed: list[bool]
    plain: bool = False  # no negation or contrast word at all: nothing is negated


# The last token list's scope: the engine asks once per marker of the same sentence. Holding the
# list itself (not its id) makes the identity check safe; the tuple is swapped atomically.
_last: tuple = (None, None, None, None)


def _scope(text: str, tokens: list[Token], language: str) -> _Scope:
    global _last
    last_tokens, last_text, last_language, scope = _last
    same_text = last_text is text or last_text == text
    if last_tokens is tokens and last_language == language and same_text and len(scope.hard) == len(tokens):
        return scope
    norms = [token.norm for token in tokens]
    if TRIGGERS[language].isdisjoint(norms):
        n = len(tokens)
        scope = _Scope([False] * n, [False] * n, [False] * n, [False] * n, [False] * n, (), [False] * n, True)
    else:
        scope = _build_scope(text, tokens, language)
    _last = (tokens, text, language, scope)
    return scope


def _build_scope(text: str, tokens: list[Token], language: str) -> _Scope:
    n = len(tokens)
    norms = [token.norm for token in tokens]
    hard_words, soft_words = HARD_CLAUSE_WORDS[language], SOFT_CLAUSE_WORDS[language]
    adverbials, prepositions, not_only = ADVERBIALS[language], PREPOSITIONS[language], NOT_ONLY[language]
    hard, soft, comma = [False] * n, [False] * n, [False] * n
    negator = [False] * n
    negation_in_sentence = False
    for i, token in enumerate(tokens):
        norm = norms[i]
        if i == 0 or tokens[i - 1].sentence != token.sentence:
            hard[i] = True
            negation_in_sentence = False
        else:
            between = text[tokens[i - 1].end : token.start]
            if any(ch in CLAUSE_BREAKS for ch in between):
                hard[i] = True
                comma[i] = all(ch not in CLAUSE_BREAKS or ch == "," for ch in between)
            if norm in hard_words:
                hard[i] = True
                comma[i] = False
        soft[i] = norm in soft_words
        if norm in prepositions:
            following = norms[i + 1] if i + 1 < n else ""
            # Swedish "inte X utan Y" (not X but Y): after a negation "utan" is "but", not "without".
            if language == "sv" and negation_in_sentence and following != "att":
                hard[i], comma[i] = True, False
            else:
                negator[i] = True
        elif norm in adverbials:
            negation_in_sentence = True
            # "ikke kun X, men også Y", "not only X": X is affirmed; so is what "not afraid to"
            # / "ikke bange for at" introduces.
            negator[i] = not (i + 1 < n and (norms[i + 1] in not_only or norms[i + 1] in UNAFRAID[language]))
    required_not = _required_not(norms, hard, language)
    spans = _contrast_spans(tokens, norms, hard, soft, comma, language)
    dismissed = [False] * n
    for first, last in spans:
        for i in range(first, last + 1):
            dismissed[i] = True
    return _Scope(hard, soft, comma, negator, required_not, tuple(spans), dismissed)


def _required_not(norms: list[str], hard: list[bool], language: str) -> list[bool]:
    n = len(norms)
    adverbials, requirements, verbs = ADVERBIALS[language], REQUIREMENTS[language], REQUIRED_VERBS[language]
    found = [False] * n
    for i, norm in enumerate(norms):
        if norm in verbs and i + 1 < n and not hard[i + 1] and norms[i + 1] in adverbials:
            found[i] = True  # "kræves ikke"
        elif norm in adverbials:
            for j in range(i + 1, min(n, i + 1 + REQUIREMENT_REACH)):
                if hard[j]:
                    break
                if norms[j] in requirements:
                    found[i] = True  # "er ikke et krav", "is not required"
                    break
    return found


def _negated_before(scope: _Scope, tokens: list[Token], first: int, language: str) -> bool:
    fillers = FILLERS[language]
    counted = 0
    for i in range(first - 1, -1, -1):
        if scope.hard[i + 1] or scope.soft[i + 1]:
            break
        if scope.negator[i]:
            return True
        if tokens[i].norm not in fillers:
            counted += 1
            if counted >= NEGATION_BEFORE:
                break
    return False


def _required_not_after(scope: _Scope, tokens: list[Token], first: int, last: int, language: str) -> bool:
    subject = _is_subject(scope, tokens, first, language)
    for i in range(last + 1, min(len(tokens), last + 1 + NEGATION_AFTER)):
        if scope.hard[i] or (scope.soft[i] and not subject):
            break
        if scope.required_not[i]:
            return True
    return False


def _is_subject(scope: _Scope, tokens: list[Token], first: int, language: str) -> bool:
    """Whether nothing before the marker in its clause shows it is not the subject."""
    words = NOT_A_SUBJECT[language]
    for i in range(first - 1, -1, -1):
        if scope.hard[i + 1]:
            break
        if tokens[i].norm in words:
            return False
    return True


# The words a contrast cue can begin with (see _Contrasts): a negation adverb, "räcker"/"holder",
# a verb of seeking, the first word of "more than".
CONTRAST_TRIGGERS = {
    language: ADVERBIALS[language]
    | ENOUGH_VERBS[language]
    | SEEK_VERBS[language]
    | frozenset(cue[0] for cue in MORE_THAN[language])
    for language in NEGATIONS
}


def _contrast_spans(tokens, norms, hard, soft, comma, language) -> list[tuple[int, int]]:
    triggers = CONTRAST_TRIGGERS[language]
    cues = [i for i, norm in enumerate(norms) if norm in triggers]
    if not cues:
        return []
    reader = _Contrasts(tokens, norms, hard, soft, comma, language)
    spans = []
    for i in cues:
        span = reader.not_enough(i) or reader.not_looking_for(i) or reader.more_than(i)
        if span is not None:
            spans.append(span)
    return spans


class _Contrasts:
    """Finds the parts of one token list that a contrast construction dismisses."""

    def __init__(self, tokens, norms, hard, soft, comma, language):
        self.n = len(norms)
        self.norms, self.hard, self.soft, self.comma = norms, hard, soft, comma
        self.new_sentence = [i == 0 or tokens[i - 1].sentence != tokens[i].sentence for i in range(self.n)]
        self.language = language
        self.adverbials = ADVERBIALS[language]
        self.starters = CLAUSE_STARTERS[language]
        self.hard_words = HARD_CLAUSE_WORDS[language]
        self.not_only = NOT_ONLY[language]

    def _ends_before(self, k: int) -> bool:
        """A dismissed part read forward ends before token k: at a sentence or clause end, at
        "but", at a comma that starts a new clause ("…, du skal også"), at "og du …"."""
        if self.hard[k] and not self.comma[k]:
            return True
        if self.comma[k] and self.norms[k] in self.starters:
            return True
        return self.soft[k] and k + 1 < self.n and self.norms[k + 1] in self.starters

    def _opens_clause(self, k: int) -> bool:
        """A clause read backward from a cue begins at token k."""
        if self.hard[k]:
            return True
        return self.soft[k] and k + 1 < self.n and self.norms[k + 1] in self.starters

    def forward(self, start: int) -> tuple[int, int] | None:
        if start >= self.n or (self.hard[start] and not self.comma[start]):
            return None
        end = start
        while end + 1 < self.n and end + 1 - start < SPAN_LIMIT and not self._ends_before(end + 1):
            end += 1
        return (start, end)

    def clause_start(self, end: int) -> int:
        """The first word of the clause that holds token `end`, not counting a leading "but"/"and"."""
        start = end
        while not self._opens_clause(start) and end - start < SPAN_LIMIT:
            start -= 1
        norms = self.norms
        if start < end and (norms[start] in self.hard_words or self.soft[start]):
            start += 1
        return start

    def not_enough(self, i: int) -> tuple[int, int] | None:
        """ "det er ikke nok at være sød", "being friendly is not enough", "det räcker inte att …"."""
        norms, hard, n, language = self.norms, self.hard, self.n, self.language
        cue_end = None
        if norms[i] in self.adverbials:
            j = i + 1
            if j < n and norms[j] in ENOUGH_GAP and not hard[j]:
                j += 1
            if j < n and norms[j] in ENOUGH[language] and not hard[j]:
                cue_end = j
        elif norms[i] in ENOUGH_VERBS[language] and i + 1 < n and norms[i + 1] in self.adverbials and not hard[i + 1]:
            cue_end = i + 1
            if cue_end + 1 < n and norms[cue_end + 1] in ("till", "til") and not hard[cue_end + 1]:
                cue_end += 1
        if cue_end is None:
            return None
        before_start = i if hard[i] else self.clause_start(i)
        before = norms[before_start:i]
        after = cue_end + 1
        opens = after < n and norms[after] in DISMISSED_OPENERS[language] and (not hard[after] or self.comma[after])
        if opens and not before and norms[after] == "med":
            return None  # "ikke nok med at …, du får også …", "inte nog med att …" mean "not only"
        if opens and len(before) <= 3 and all(word in EXPLETIVES for word in before):
            return self.forward(after)  # "it is not enough to be nice"
        if norms[i] in ENOUGH_VERBS[language] and language == "nb":
            return None  # "holder ikke" dismisses only as "det holder ikke å …"
        if not before:
            return None
        if norms[i] in self.adverbials and norms[i] not in COPULAS and before[-1] not in COPULAS:
            return None  # "X is not enough" needs its verb; "… og ikke nok med det" dismisses nothing
        if all(word in ANAPHORS for word in before):
            # "du er sød, men det er ikke nok": the clause before is what is not enough.
            if self.new_sentence[before_start]:
                return None
            end = before_start - 1
            if (norms[end] in self.hard_words or self.soft[end]) and not self.new_sentence[end]:
                end -= 1
            return (self.clause_start(end), end)
        return (before_start, i - 1)  # "being friendly is not enough"

    def not_looking_for(self, i: int) -> tuple[int, int] | None:
        """ "we're not looking for someone who just smiles", "vi søger ikke en, der bare smiler"."""
        norms, hard, n = self.norms, self.hard, self.n
        seek = SEEK_VERBS[self.language]
        verb = None
        if norms[i] in self.adverbials and i + 1 < n and norms[i + 1] in seek and not hard[i + 1]:
            verb, cue_end = i + 1, i + 1  # "not looking", "don't want", "som ikke søger"
        elif norms[i] in seek:
            j = i + 1
            if j < n and norms[j] in SUBJECT_PRONOUNS and not hard[j]:
                j += 1  # "i dag søger vi ikke …"
            if j < n and norms[j] in self.adverbials and not hard[j]:
                verb, cue_end = i, j
        if verb is None:
            return None
        after = cue_end + 1
        particle = SEEK_PARTICLES[self.language].get(norms[verb])
        if particle is not None:
            if after >= n or norms[after] != particle or hard[after]:
                return None
            after += 1
        elif after < n and norms[after] in OPTIONAL_PARTICLES and not hard[after]:
            after += 1
        if after < n and norms[after] in self.not_only:
            return None  # "vi søger ikke kun en, der smiler (men også …)" affirms
        return self.forward(after)

    def more_than(self, i: int) -> tuple[int, int] | None:
        """ "more than a friendly voice", "mere end et smil", "mer än ett leende"."""
        norms, hard, n = self.norms, self.hard, self.n
        for cue in MORE_THAN[self.language]:
            end = i + len(cue)
            if end > n or tuple(norms[i:end]) != cue or any(hard[k] for k in range(i + 1, end)):
                continue
            start = end
            if start < n and norms[start] in self.not_only and not hard[start]:
                start += 1
            if start >= n or hard[start]:
                return None
            word = norms[start]
            if any(ch.isdigit() for ch in word) or word in NOT_DISMISSED_AFTER_MORE[self.language]:
                return None
            return self.forward(start)
        return None
