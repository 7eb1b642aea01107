"""Which sentences of a job ad are about the person sought, and which are boilerplate. Pure Python.

`classify(sentences, languages)` gives every sentence a `Part`: its kind (PART_KINDS), why
(`reason`) and the heading or phrase that decided (`cue`). Only the COUNTED_KINDS take part in
the service-type mix; the others (company, benefits, application, contact) are shown greyed.

How a sentence's kind is decided, in order:

1. Heading. A short sentence (at most 8 words, not ending with a full stop) that names a section
   ("Om os", "Vi tilbyder:", "HVAD TILBYDER VI?", "About the role at Acme", "Ansøgning og
   kontakt") is a heading: reason "heading", and every following sentence belongs to its section
   until the next heading. A heading of a not-counted kind keeps that kind (it is greyed); a
   heading of a counted section (candidate, task) gets kind "other", so the engine counts it only
   when a marker is in it ("Din profil – serviceminded og struktureret").
   Headings are matched leniently: case, punctuation, leading bullets, the word order of a question
   ("Hvad tilbyder vi?" = "Vi tilbyder" = "Det tilbyder vi") and filler words ("hvad", "det",
   "what", "vad", "hva", "the") do not matter; a section name may be followed by "som …", "at …",
   a company name or anything after a colon; "Om <Name>" / "About <Name>" is the company; a short
   line such as "Dine vigtigste opgaver" / "Key responsibilities" names its section by its noun.
2. Cue in the sentence itself: an e-mail address, phone number or URL → contact; an application
   phrase ("send din ansøgning", "ansøgningsfrist", "apply now") → application; a contact phrase
   ("har du spørgsmål", "vill du veta mer", "for more information") → contact; a benefit
   ("pension", "frokostordning", "competitive salary", "bonus" when it is what we pay) →
   benefits; a company phrase ("grundlagt i", "we are a leading", "vi har 200 medarbejdere") →
   company. Cues are strong or weak. Strong cues win in every section ("god løn", "pension fra
   første dag", "frokostordning"); weak cues (words that a task or requirement may also use:
   "pension" and "sundhedsforsikring" for a pension adviser, "kantine", "gym", "fleksible
   arbejdstider", "our customers") decide only outside the candidate and task sections, and
   outside any section only when no requirement or task frame is in the sentence.
3. Inside a not-counted section, a sentence that addresses the candidate ("du er", "du har",
   "you are", "du är", "vi søger en, der", "we're looking for someone who") and names a personal
   quality or experience (a short word list: "struktureret", "serviceminded", "erfaring",
   "team player" …) is "candidate" (reason "cue"). Without a quality it stays in the section
   ("Du har mulighed for at tage på kurser" under "Vi tilbyder" is a benefit).
4. Inside a candidate or task section: the section's kind (reason "section").
5. Without any heading (reason "default"): "candidate" when the sentence speaks of the person
   ("du er", "you have", "erfaring med", "vi søger") or addresses them ("du", "dig", "you",
   "your"); "task" when it describes work ("du skal", "you will", "dine opgaver", or a bullet that
   begins with a work verb: "Help new users set up their accounts", "Hjælpe nye brugere med
   opsætning", "Besvare henvendelser", "Hantera ärenden"); else "other".

Everything is one pass over the sentences with a handful of precompiled regular expressions that
cannot backtrack catastrophically (literal alternations, and character runs anchored so that each
one is scanned once), so the time is linear in the length of the ad.
"""

import re
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import chain
from operator import itemgetter, or_

from profiles.analysis.text import WORD_RE, stem

PART_KINDS = ("candidate", "task", "company", "benefits", "application", "contact", "other")
COUNTED_KINDS = ("candidate", "task", "other")
NOT_COUNTED_KINDS = tuple(kind for kind in PART_KINDS if kind not in COUNTED_KINDS)
REASONS = ("heading", "section", "cue", "default")
LANGUAGES = ("en", "da", "nb", "sv")

MAX_HEADING_WORDS = 8
# Words beyond a section name that still leave a line a heading ("Om stillingen som sælger").
MAX_HEADING_TAIL_WORDS = 4


@dataclass(frozen=True, slots=True)
class Part:
    kind: str
    reason: str
    cue: str = ""


# ---------------------------------------------------------------------------------------------
# Headings. Per language, the section names real ads use. Written as they read; matching is on
# the lower-cased words without the filler words, in any order.

HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "da": {
        "company": (
            "Om os",
            "Om virksomheden",
            "Om firmaet",
            "Om selskabet",
            "Om arbejdspladsen",
            "Om organisationen",
            "Om koncernen",
            "Om kunden",
            "Om vores kunde",
            "Hvem er vi",
            "Det er os",
            "Virksomheden",
            "Arbejdspladsen",
            "Om teamet",
            "Om afdelingen",
            "Teamet",
            "Afdelingen",
            "Vores team",
            "Vores kultur",
            "Kort om os",
            "Lidt om os",
        ),
        "benefits": (
            "Vi tilbyder",
            "Vi kan tilbyde",
            "Det får du",
            "Det får du hos os",
            "Hos os får du",
            "Hvad får du",
            "Hvad får du hos os",
            "Du får",
            "Vi byder på",
            "Løn og ansættelsesvilkår",
            "Løn og vilkår",
            "Løn og arbejdstid",
            "Ansættelsesvilkår",
            "Ansættelsesforhold",
            "Løn",
            "Lønforhold",
            "Vilkår",
            "Goder",
            "Personalegoder",
            "Fordele",
            "Medarbejderfordele",
        ),
        "application": (
            "Ansøgning",
            "Ansøgningsfrist",
            "Søg stillingen",
            "Søg jobbet",
            "Søg nu",
            "Sådan søger du",
            "Hvordan søger du",
            "Ansøgningsproces",
            "Rekrutteringsproces",
            "Rekrutteringsforløb",
            "Interesseret",
            "Er du interesseret",
            "Lyder det interessant",
            "Lyder det som dig",
            "Lyder det som noget for dig",
            "Er du den rette",
            "Tiltrædelse",
            "Send din ansøgning",
        ),
        "contact": (
            "Kontakt",
            "Kontakt os",
            "Kontaktperson",
            "Kontaktpersoner",
            "Kontaktoplysninger",
            "Yderligere oplysninger",
            "Yderligere information",
            "Mere information",
            "Flere oplysninger",
            "Vil du vide mere",
            "Vil du høre mere",
            "Spørgsmål",
            "Har du spørgsmål",
            "Spørgsmål til stillingen",
        ),
        "task": (
            "Dine opgaver",
            "Dine arbejdsopgaver",
            "Arbejdsopgaver",
            "Opgaver",
            "Opgaverne",
            "Dine primære opgaver",
            "Om stillingen",
            "Om jobbet",
            "Om rollen",
            "Stillingen",
            "Jobbet",
            "Rollen",
            "Stillingsbeskrivelse",
            "Jobbeskrivelse",
            "Jobindhold",
            "Dit ansvar",
            "Ansvarsområder",
            "Dine ansvarsområder",
            "Hvad skal du lave",
            "Hvad skal du",
            "Du skal",
            "Din hverdag",
            "Dit job",
            "Din rolle",
            "Dit nye job",
            "Hvad indebærer jobbet",
            "Hvad indebærer stillingen",
            "Jobbet indebærer",
            "Stillingen indebærer",
        ),
        "candidate": (
            "Om dig",
            "Din profil",
            "Profil",
            "Vi forventer",
            "Vi forventer at du",
            "Vi søger",
            "Vi søger dig",
            "Vi søger dig som",
            "Vi søger dig der",
            "Vi leder efter",
            "Vi leder efter dig",
            "Vi leder efter dig som",
            "Vi leder efter en",
            "Vi tror at du",
            "Du er en der",
            "Hvem søger vi",
            "Hvem er du",
            "Kvalifikationer",
            "Dine kvalifikationer",
            "Faglige kvalifikationer",
            "Personlige kvalifikationer",
            "Personlige egenskaber",
            "Personlige kompetencer",
            "Kompetencer",
            "Dine kompetencer",
            "Krav",
            "Forudsætninger",
            "Vi ser gerne at du",
            "Du er",
            "Du har",
            "Du er og har",
            "Den rette kandidat",
            "Erfaring og uddannelse",
            "Uddannelse",
            "Erfaring",
        ),
    },
    "nb": {
        "company": (
            "Om oss",
            "Om selskapet",
            "Om virksomheten",
            "Om firmaet",
            "Om bedriften",
            "Om arbeidsplassen",
            "Om organisasjonen",
            "Om konsernet",
            "Hvem er vi",
            "Dette er oss",
            "Om teamet",
            "Om avdelingen",
            "Teamet",
            "Vårt team",
            "Vår kultur",
            "Kort om oss",
            "Litt om oss",
        ),
        "benefits": (
            "Vi tilbyr",
            "Vi kan tilby",
            "Det tilbyr vi",
            "Hva tilbyr vi",
            "Dette får du",
            "Det får du",
            "Hos oss får du",
            "Du får",
            "Lønn og betingelser",
            "Lønn og arbeidsvilkår",
            "Lønn",
            "Betingelser",
            "Arbeidsvilkår",
            "Goder",
            "Fordeler",
            "Personalgoder",
        ),
        "application": (
            "Søknad",
            "Søknadsfrist",
            "Søk stillingen",
            "Søk nå",
            "Slik søker du",
            "Hvordan søke",
            "Søknadsprosess",
            "Rekrutteringsprosess",
            "Interessert",
            "Er du interessert",
            "Høres dette interessant ut",
            "Høres dette ut som deg",
            "Tiltredelse",
        ),
        "contact": (
            "Kontakt",
            "Kontakt oss",
            "Kontaktperson",
            "Kontaktpersoner",
            "Kontaktinformasjon",
            "Kontaktinfo",
            "Mer informasjon",
            "Ytterligere informasjon",
            "Ytterligere opplysninger",
            "Vil du vite mer",
            "Spørsmål",
            "Har du spørsmål",
            "Spørsmål om stillingen",
        ),
        "task": (
            "Arbeidsoppgaver",
            "Dine arbeidsoppgaver",
            "Oppgaver",
            "Dine oppgaver",
            "Om stillingen",
            "Om jobben",
            "Om rollen",
            "Stillingen",
            "Jobben",
            "Rollen",
            "Stillingsbeskrivelse",
            "Ansvarsområder",
            "Ditt ansvar",
            "Hva skal du gjøre",
            "Din hverdag",
            "Din rolle",
            "Hva innebærer stillingen",
            "Hva innebærer jobben",
            "Stillingen innebærer",
            "Jobben innebærer",
        ),
        "candidate": (
            "Kvalifikasjoner",
            "Dine kvalifikasjoner",
            "Personlige egenskaper",
            "Egenskaper",
            "Om deg",
            "Hvem er du",
            "Hvem søker vi",
            "Vi søker",
            "Vi søker deg",
            "Vi søker deg som",
            "Vi ser etter",
            "Vi ser etter deg",
            "Vi ser etter deg som",
            "Vi ser etter en som",
            "Vi leter etter",
            "Vi leter etter deg som",
            "Vi tror du",
            "Du er en som",
            "Din profil",
            "Profil",
            "Kompetanse",
            "Ønsket kompetanse",
            "Krav",
            "Vi forventer",
            "Utdanning",
            "Erfaring",
            "Utdanning og erfaring",
            "Du er",
            "Du har",
            "Vi ser gjerne at du",
        ),
    },
    "sv": {
        "company": (
            "Om oss",
            "Om företaget",
            "Om bolaget",
            "Om verksamheten",
            "Om arbetsplatsen",
            "Om organisationen",
            "Om koncernen",
            "Vilka är vi",
            "Vem är vi",
            "Det här är vi",
            "Om teamet",
            "Om avdelingen",
            "Teamet",
            "Vårt team",
            "Vår kultur",
            "Kort om oss",
            "Lite om oss",
        ),
        "benefits": (
            "Vi erbjuder",
            "Vad vi erbjuder",
            "Vad erbjuder vi",
            "Vi kan erbjuda",
            "Detta erbjuder vi",
            "Det här erbjuder vi",
            "Hos oss får du",
            "Du får",
            "Villkor",
            "Anställningsvillkor",
            "Anställningsform",
            "Lön",
            "Lön och villkor",
            "Förmåner",
            "Våra förmåner",
            "Omfattning",
        ),
        "application": (
            "Ansökan",
            "Ansök",
            "Ansök nu",
            "Sök tjänsten",
            "Sök jobbet",
            "Så söker du",
            "Hur du söker",
            "Sista ansökningsdag",
            "Ansökningsprocess",
            "Rekryteringsprocess",
            "Intresserad",
            "Är du intresserad",
            "Låter det intressant",
            "Låter detta som du",
            "Tillträde",
        ),
        "contact": (
            "Kontakt",
            "Kontakta oss",
            "Kontaktperson",
            "Kontaktpersoner",
            "Kontaktuppgifter",
            "Mer information",
            "Ytterligare information",
            "Vill du veta mer",
            "Frågor",
            "Har du frågor",
            "Frågor om tjänsten",
        ),
        "task": (
            "Arbetsuppgifter",
            "Dina arbetsuppgifter",
            "Uppgifter",
            "Dina uppgifter",
            "Om tjänsten",
            "Om jobbet",
            "Om rollen",
            "Tjänsten",
            "Jobbet",
            "Rollen",
            "Arbetsbeskrivning",
            "Ansvarsområden",
            "Ditt ansvar",
            "Din vardag",
            "Din roll",
            "Vad ska du göra",
            "Vad innebär rollen",
            "Vad innebär tjänsten",
            "Vad innebär jobbet",
            "Rollen innebär",
            "Tjänsten innebär",
            "Jobbet innebär",
        ),
        "candidate": (
            "Kvalifikationer",
            "Dina kvalifikationer",
            "Vem är du",
            "Om dig",
            "Din profil",
            "Profil",
            "Meriterande",
            "Det är meriterande",
            "Det är meriterande om du",
            "Vi söker",
            "Vi söker dig",
            "Vi söker dig som",
            "Vi letar efter",
            "Vi letar efter dig som",
            "Vi ser efter dig som",
            "Vi tror att du",
            "Vi förväntar oss att du",
            "Du är en som",
            "Vem söker vi",
            "Krav",
            "Kompetenser",
            "Personliga egenskaper",
            "Utbildning",
            "Erfarenhet",
            "Du är",
            "Du har",
            "Vi ser gärna att du",
            "Vi ser gärna att du har",
            "Vem vi söker",
            "Vi tror att du är",
        ),
    },
    "en": {
        "company": (
            "About us",
            "About the company",
            "About the organisation",
            "About the organization",
            "About the employer",
            "About our client",
            "Who we are",
            "Our company",
            "The company",
            "Company description",
            "About the team",
            "The team",
            "Our team",
            "Meet the team",
            "Our culture",
            "Our mission",
            "Why us",
            "Why join us",
            "Why work with us",
        ),
        "benefits": (
            "What we offer",
            "We offer",
            "What you get",
            "What you'll get",
            "What's in it for you",
            "Benefits",
            "Our benefits",
            "Perks",
            "Perks and benefits",
            "Benefits and perks",
            "Salary",
            "Compensation",
            "Salary and benefits",
            "Compensation and benefits",
            "Terms",
            "Terms of employment",
        ),
        "application": (
            "How to apply",
            "Application",
            "Apply",
            "Apply now",
            "Application process",
            "Recruitment process",
            "The process",
            "Next steps",
            "Deadline",
            "Application deadline",
            "Interested",
            "Sounds interesting",
            "Sounds like you",
            "Start date",
        ),
        "contact": (
            "Contact",
            "Contact us",
            "Contact person",
            "Contact information",
            "Contact details",
            "More information",
            "Further information",
            "Questions",
            "Any questions",
            "Want to know more",
        ),
        "task": (
            "Responsibilities",
            "Your responsibilities",
            "Key responsibilities",
            "What you'll do",
            "What you will do",
            "What you will be doing",
            "What you'll be doing",
            "Your role",
            "The role",
            "About the role",
            "About the job",
            "About the position",
            "Role description",
            "Job description",
            "Tasks",
            "Your tasks",
            "Duties",
            "Your day",
            "A day in the life",
            "Your day to day",
            "The opportunity",
            "Key accountabilities",
            "Accountabilities",
            "Main duties",
            "Principal duties",
            "Principle duties",
            "Secondary duties",
            "Role purpose",
            "Job purpose",
            "Purpose of the role",
        ),
        "candidate": (
            "Requirements",
            "Qualifications",
            "Your qualifications",
            "Who you are",
            "About you",
            "Your profile",
            "Profile",
            "What we're looking for",
            "What we are looking for",
            "Who we're looking for",
            "Who we are looking for",
            "We're looking for",
            "We are looking for",
            "We're looking for someone who",
            "We are looking for someone who",
            "You might be a good fit if",
            "We'd love to hear from you if",
            "Skills",
            "Your skills",
            "Skills and experience",
            "Experience",
            "What you bring",
            "What you'll bring",
            "What you need",
            "Nice to have",
            "Must have",
            "You are",
            "You have",
        ),
    },
}

# Dropped before matching so a question and a statement of the same heading agree.
FILLER_WORDS = frozenset(["hvad", "hva", "vad", "what", "det", "dette", "detta", "här", "the", "what's"])
# Words that join two section names in one heading ("Ansøgning og kontakt", "Salary & benefits").
JOINERS = frozenset(["og", "and", "och", "samt"])
# A section name may go on with these ("Om stillingen som sælger", "About the role at Acme").
TAIL_STARTS = frozenset(["som", "at", "as", "in", "hos", "i", "på", "for", "til", "of", "with", "ved", "vid", "within"])
ABOUT_WORDS = frozenset(["om", "about"])
# "Dine vigtigste opgaver", "Key responsibilities", "Faglige kvalifikationer": a short line that
# begins with one of these words and ends with a section noun.
SECTION_NOUNS = {
    **dict.fromkeys(
        ["opgaver", "arbejdsopgaver", "oppgaver", "arbeidsoppgaver", "uppgifter", "arbetsuppgifter", "ansvarsområder"]
        + ["ansvarsområden", "responsibilities", "tasks", "duties"],
        "task",
    ),
    **dict.fromkeys(
        ["kvalifikationer", "kvalifikasjoner", "qualifications", "requirements", "krav", "kompetencer", "kompetanse"]
        + ["kompetenser", "egenskaber", "egenskaper", "skills", "forudsætninger", "förutsättningar"],
        "candidate",
    ),
    **dict.fromkeys(["fordele", "fordeler", "goder", "förmåner", "benefits", "perks"], "benefits"),
}
SECTION_NOUN_LEADS = frozenset(
    ["dine", "din", "dit", "ditt", "dina", "your", "key", "main", "primary", "core", "typical", "typiske", "typiska"]
    + ["vigtigste", "viktigste", "viktigaste", "primære", "primära", "faglige", "personlige", "personliga", "formelle"]
    + ["professional", "personal", "essential", "required", "ønskede", "ønsket", "önskade", "the", "our", "vores"]
    + ["våre", "våra", "centrale", "sentrale", "centrala", "nøgle", "mine", "relevante", "relevanta", "krav", "kravs"]
)


def _heading_key(words: list[str]) -> frozenset[str]:
    return frozenset(word for word in words if word not in FILLER_WORDS)


def _words(text: str) -> list[str]:
    return [word.lower().replace("’", "'") for word in WORD_RE.findall(text)]


def _build_heading_tables():
    by_language: dict[str, dict[frozenset[str], tuple[str, tuple[str, ...]]]] = {}
    for language, kinds in HEADINGS.items():
        table = by_language.setdefault(language, {})
        for kind, names in kinds.items():
            for name in names:
                words = tuple(_words(name))
                table.setdefault(_heading_key(list(words)), (kind, words))
    merged: dict[frozenset[str], tuple[str, tuple[str, ...]]] = {}
    for language in ("da", "nb", "sv", "en"):
        for key, value in by_language[language].items():
            merged.setdefault(key, value)
    return by_language, merged


HEADING_TABLES, ALL_HEADINGS = _build_heading_tables()
# Section names by their words in order, for "name + tail" headings; longest first.
HEADING_PREFIXES = sorted(
    {words: kind for table in HEADING_TABLES.values() for kind, words in table.values()}.items(),
    key=lambda item: -len(item[0]),
)


# The same, by first word (each list keeps the longest-first order): a heading is tried only against
# the names it begins with.
HEADING_PREFIXES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _name, _kind in HEADING_PREFIXES:
    if not _name:
        raise ValueError("a heading name without words")
    HEADING_PREFIXES_BY_FIRST.setdefault(_name[0], []).append((_name, _kind))


def _lookup(words: list[str], language: str) -> str | None:
    key = _heading_key(words)
    if not key:
        return None
    found = HEADING_TABLES.get(language, {}).get(key) or ALL_HEADINGS.get(key)
    return found[0] if found else None


def heading_kind(sentence: str, language: str) -> str | None:
    """The section kind a sentence names when it is a heading, else None."""
    stripped = sentence.strip()
    if not stripped or stripped.endswith(".") or "@" in stripped:
        return None
    # _words(stripped with "&", "/", "+" read as " and "), chunk by chunk: most sentences are too
    # long to be a heading, which their chunks' word counts tell.
    got = _view(sentence)[0]
    if not 0 < sum(map(len, map(_HEADING_WORDS, got))) <= MAX_HEADING_WORDS:
        return None
    words = list(chain.from_iterable(map(_HEADING_WORDS, got)))
    kind = _lookup(words, language)
    if kind:
        return kind
    # "Ansøgning og kontakt", "Løn og pension" (only when every part names a section).
    parts, current = [], []
    if not JOINERS.isdisjoint(words):
        for word in words:
            if word in JOINERS:
                parts.append(current)
                current = []
            else:
                current.append(word)
    parts.append(current)
    if len(parts) > 1 and all(parts):
        kinds = [_lookup(part, language) for part in parts]
        if all(kinds):
            return kinds[0]
    ends_with_colon = stripped.endswith(":")
    for name, kind in HEADING_PREFIXES_BY_FIRST.get(words[0], ()):
        size = len(name)
        if size >= len(words) or tuple(words[:size]) != name:
            continue
        tail = words[size:]
        # After a colon anything goes ("Vi søger dig, der:"); otherwise the tail must read as a
        # continuation of the name ("Om stillingen som …", "About the role at Acme").
        if ends_with_colon or (len(tail) <= MAX_HEADING_TAIL_WORDS and tail[0] in TAIL_STARTS and size >= 2):
            return kind
    if 2 <= len(words) <= 4 and words[0] in SECTION_NOUN_LEADS and words[-1] in SECTION_NOUNS:
        return SECTION_NOUNS[words[-1]]
    # "Om Novo Nordisk", "About Acme": about + a name.
    if (
        words[0] in ABOUT_WORDS
        and 1 < len(words) <= 5
        and all(word[:1].isupper() or word[:1].isdigit() for word in WORD_RE.findall(stripped)[1:])
    ):
        return "company"
    return None


# ---------------------------------------------------------------------------------------------
# Cues inside a sentence. "*" at either end of a phrase lets the word go on there (a compound or
# an ending): "pension*" matches "pensionsordning", "*pension" matches "tjenestepensjon"...

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(
    r"https?://\S+|(?<![\w.-])www\.[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.@-])[a-z0-9][\w-]*\.(?:dk|no|se|com|org|net|io|eu|nu|fi|co\.uk)(?![\w-])(?:/\S*)?",
    re.IGNORECASE,
)
# What every URL_RE match holds besides "://": "www." or a dot before a top-level domain's letter.
_URL_HINT_RE = re.compile(r"www\.|\.[dnscoief]", re.IGNORECASE)
# A phone number: "+45 12 34 56 78", "+47 987 65 432", "12345678", "12 34 56 78", "070-123 45 67",
# "08-123 456 78", "(555) 123-4567". Digits with single spaces/hyphens, at least 8 of them, and not
# a thousands-grouped amount ("35 000-40 000 kr" is excluded by the separate amount check).
PHONE_INTERNATIONAL_RE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ -]?\(?\d\)?){6,12}(?!\d)")
PHONE_LOCAL_RE = re.compile(r"(?<!\d)(?<!\d[.,])(?:\(?\d\)?[ -]?){7,11}\d(?!\d|[.,]\d)")
PHONE_WORDS_RE = re.compile(
    r"(?<!\w)(?:tlf|tel|telefon|telefonnummer|telefonnr|mobil|mob|phone|call|ring|ringe|ringa|nås på|kontakt|kontakta|"
    r"contact|reach)(?!\w)",
    re.IGNORECASE,
)
PHONE_SHAPE_RE = re.compile(r"(?<!\d)(?<!\d[.,])(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})(?!\d|[.,]\d)")
AMOUNT_WORDS_RE = re.compile(r"(?<!\w)(?:kr|dkk|nok|sek|eur|usd|€|\$|kroner|kronor|timer|hours|%)(?!\w)", re.IGNORECASE)

STRONG, WEAK = "strong", "weak"

CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "application": {
        STRONG: (
            # da
            "send din ansøgning",
            "send os din ansøgning",
            "send ansøgning",
            "søg stillingen",
            "søg jobbet",
            "søg via",
            "søg nu",
            "ansøg nu",
            "ansøg via",
            "ansøgningsfrist*",
            "løbende samtaler",
            "samtaler afholdes løbende",
            "samtaler løbende",
            "vi behandler ansøgninger løbende",
            "ansøgninger behandles løbende",
            "ansøgningerne behandles løbende",
            "indkalder løbende",
            "vi glæder os til at modtage din ansøgning",
            "vi glæder os til at høre fra dig",
            "motiveret ansøgning",
            "ansøgning og cv",
            "ansøgning og cv",
            "tiltrædelse",
            # nb
            "send din søknad",
            "send søknaden din",
            "send inn søknaden din",
            "send søknad",
            "søk på stillingen",
            "søk stillingen",
            "søk nå",
            "søknadsfrist*",
            "søknader behandles fortløpende",
            "vi behandler søknader fortløpende",
            "intervjuer fortløpende",
            "fortløpende intervjuer",
            "vi gleder oss til å motta din søknad",
            "søknad og cv",
            "tiltredelse",
            # sv
            "skicka din ansökan",
            "sök tjänsten",
            "sök jobbet",
            "ansök nu",
            "ansök senast",
            "ansök via",
            "sista ansökningsdag*",
            "sista ansökningsdatum",
            "urval sker löpande",
            "urvalet sker löpande",
            "vi tillämpar löpande urval",
            "löpande urval",
            "intervjuer sker löpande",
            "vi ser fram emot din ansökan",
            "ansökan och cv",
            "tillträde",
            # en
            "apply now",
            "apply via",
            "apply online",
            "apply today",
            "apply by",
            "send your cv",
            "send us your cv",
            "send your application",
            "submit your application",
            "application deadline",
            "interviews are held on an ongoing basis",
            "interviews will be held on an ongoing basis",
            "applications are reviewed on an ongoing basis",
            "we review applications on a rolling basis",
            "on a rolling basis",
            "cover letter",
            "we look forward to receiving your application",
            "we look forward to hearing from you",
            "start date",
            "søk via",
            "søk innen",
            "søk på",
            "søg senest",
            "søg inden",
            "ansøg senest",
            "sök senast",
            "sök via",
            "apply with",
            "apply using",
            "we review applications",
            "review applications",
            "applications are reviewed",
            "interview every",
            "ansökningar löpande",
            "går igenom ansökningar",
            "behandlas löpande",
            "intervjuer löpande",
            "vi håller intervjuer",
            "intervjuer fortløpende",
            "samtaler fortløpende",
            "vi ser frem til å høre fra deg",
            "vi ser fram emot att höra från dig",
            "vi glæder os til at høre fra dig",
            "välkommen med din ansökan",
            "send gjerne søknaden",
            "skicka in din ansökan",
            "oppstart etter avtale",
            "tiltredelse etter avtale",
            "tiltrædelse efter aftale",
            "start enligt överenskommelse",
            "tillträde enligt överenskommelse",
            "tillträde snarast",
            "politiattest",
            "straffeattest",
            "børneattest",
            "belastningsregister",
            "background check",
            "closing date",
            "advert will close",
            "advert closes",
            "vacancy closes",
            "vacancy will close",
            "applications close",
        ),
        WEAK: ("cv", "ansøgning", "søknad", "ansökan", "apply", "application", "deadline"),
    },
    "contact": {
        STRONG: (
            "har du spørgsmål",
            "har du spørsmål",
            "har du frågor",
            "har du några frågor",
            "spørgsmål til stillingen",
            "spørgsmål om stillingen",
            "spørsmål om stillingen",
            "spørsmål til stillingen",
            "frågor om tjänsten",
            "frågor om rollen",
            "er du velkommen til at kontakte",
            "er du velkommen til at ringe",
            "kan du kontakte",
            "kontakt gerne",
            "kontakt gjerne",
            "kontakta gärna",
            "kontaktperson*",
            "yderligere oplysninger",
            "yderligere information",
            "mer informasjon",
            "ytterligere informasjon",
            "mer information",
            "ytterligare information",
            "vil du vide mere",
            "vil du vite mer",
            "vill du veta mer",
            "for more information",
            "for further information",
            "if you have any questions",
            "if you have questions",
            "questions about the role",
            "feel free to contact",
            "feel free to reach out",
        ),
        WEAK: ("spørgsmål kan rettes", "spørsmål kan rettes", "frågor besvaras", "questions can be"),
    },
    "benefits": {
        STRONG: (
            # da
            "pensionsordning*",
            "god pension",
            "løn og pension",
            "pension fra første dag",
            "pension fra dag ét",
            "arbejdsgiverbetalt",
            "lønn og pensjon",
            "god pensjon",
            "lön och pension",
            "salary and pension",
            "pension from day one",
            "pension scheme",
            "company pension",
            "employer contribution",
            "private health insurance",
            "mulighed for efteruddannelse",
            "pensionsopsparing*",
            "arbejdsgiverbetalt pension",
            "fuld løn under barsel",
            "sundhedsordning",
            "forsikringsordning*",
            "frokostordning",
            "hjemmearbejdsdag*",
            "personalegoder",
            "personaleforening",
            "firmafest*",
            "julefrokost*",
            "fredagsbar",
            "konkurrencedygtig løn",
            "god løn",
            "attraktiv løn",
            "løn efter kvalifikationer",
            "løn efter overenskomst",
            "efter gældende overenskomst",
            "lønnen fastsættes",
            "grundløn",
            "fast løn",
            "frit valg på alle hylder",
            "massageordning",
            "motionsfaciliteter",
            "betalt frokost",
            "medarbejderrabat*",
            "personalerabat*",
            "firmabil",
            "fri bil",
            "fri telefon",
            "6. ferieuge",
            "sjette ferieuge",
            "feriefridage",
            "uddannelsesmuligheder",
            "udviklingsmuligheder",
            "karrieremuligheder",
            "gode muligheder for",
            # nb
            "pensjonsordning*",
            "pensjonsavtale*",
            "tjenestepensjon",
            "gode forsikringer",
            "forsikringer og pensjon",
            "konkurransedyktig lønn",
            "god lønn",
            "konkurransedyktige betingelser",
            "gode betingelser",
            "lønn etter avtale",
            "fastlønn",
            "grunnlønn",
            "firmafester",
            "sosiale arrangementer",
            "treningsstudio",
            "utviklingsmuligheter",
            "karrieremuligheter",
            "hjemmekontor",
            # sv
            "friskvårdsbidrag",
            "friskvård*",
            "kollektivavtal",
            "tjänstepension",
            "konkurrenskraftig lön",
            "bra lön",
            "fast lön",
            "grundlön",
            "fastlön",
            "lön enligt överenskommelse",
            "individuell lönesättning",
            "förmån*",
            "personalrabatt",
            "kompetensutveckling",
            "utvecklingsmöjligheter",
            "karriärmöjligheter",
            "afterwork",
            # en
            "competitive salary",
            "competitive pay",
            "attractive salary",
            "salary according to",
            "base salary",
            "pension plan",
            "dental insurance",
            "dental plan",
            "relocation package",
            "relocation support",
            "paid holiday*",
            "paid vacation",
            "paid time off",
            "annual leave",
            "parental leave",
            "free lunch",
            "lunch scheme",
            "company car",
            "employee discount*",
            "stock options",
            "share options",
            "work-life balance",
            "work life balance",
            "career opportunities",
            "development opportunities",
            "training budget",
            "learning budget",
            "hybrid working",
            "remote working",
            "social events",
            "company events",
            "benefits package",
            "tillsvidareanställning",
            "provanställning",
            "visstidsanställning",
            "fast stilling",
            "fast ansettelse",
            "fastansættelse",
            "fastansat",
            "fuldtidsstilling",
            "deltidsstilling",
            "heltidsstilling",
            "permanent position",
            "permanent contract",
            "full-time position",
            "part-time position",
            "fixed-term contract",
        ),
        WEAK: (
            "kantine",
            "pension",
            "pensjon",
            "sundhedsforsikring",
            "helseforsikring",
            "sjukvårdsförsäkring",
            "health insurance",
            "efteruddannelse",
            "diversity",
            "mangfoldighed",
            "mangfold",
            "mångfald",
            "fuldtid",
            "deltid",
            "heltid",
            "full-time",
            "part-time",
            "fast 100",
            "fleksible arbejdstider",
            "fleksibel arbejdstid",
            "fleksibel arbeidstid",
            "fleksitid",
            "flexibla arbetstider",
            "flextid",
            "flexible working hours",
            "flexible hours",
            "fitness",
            "canteen",
            "gym",
            "fitnessrum",
            "accommodation",
            "frugtordning",
            "frukt",
            "fleksible arbejdstider",
            "overenskomst",
            "tariffavtale",
            "løn",
            "lønn",
            "lön",
            "salary",
            "hjemmearbejde",
            "distansarbete",
            "hemarbete",
        ),
    },
    "company": {
        STRONG: (
            "we are a leading",
            "we're a leading",
            "is a leading",
            "one of the leading",
            "world's leading",
            "our mission",
            "our vision",
            "founded in",
            "was founded",
            "established in",
            "headquartered",
            "equal opportunit*",
            "we welcome applicants",
            "we encourage all",
            "uanset køn",
            "uanset alder",
            "uanset baggrund",
            "uavhengig av kjønn",
            "uavhengig av alder",
            "uavhengig av bakgrunn",
            "oavsett kön",
            "oavsett bakgrund",
            "vi opfordrer alle",
            "vi oppfordrer alle",
            "vi välkomnar sökande",
            "our headquarters",
            "innovative company",
            "fast-growing company",
            "fast growing company",
            "we are a company",
            "we're a company",
            "vi er en af danmarks",
            "en af danmarks førende",
            "en af danmarks største",
            "er danmarks førende",
            "danmarks største",
            "markedsledende",
            "vi er en førende",
            "er en førende",
            "grundlagt i",
            "blev grundlagt",
            "etableret i",
            "vores mission",
            "vores vision",
            "hovedkontor*",
            "vi er en virksomhed",
            "vi er et firma",
            "vi er en familieejet",
            "familieejet",
            "vi er en av norges",
            "en av norges ledende",
            "en av norges største",
            "norges største",
            "er norges ledende",
            "markedsleder",
            "ledende aktør",
            "etablert i",
            "grunnlagt i",
            "vår visjon",
            "vi är ett av sveriges",
            "ett av sveriges",
            "en av sveriges",
            "sveriges största",
            "sveriges ledande",
            "är marknadsledande",
            "marknadsledande",
            "ledande inom",
            "grundades",
            "grundat",
            "etablerat",
            "huvudkontor*",
            "vår vision",
            "vi är ett företag",
            "vi är en del av",
            "employees worldwide",
            "vision is",
            "mission is",
            "vision er",
            "visionen er",
            "mission er",
            "missionen er",
            "visjon er",
            "visjonen er",
            "misjon er",
            "vision är",
            "visionen är",
            "missionen är",
            "med missionen att",
            "vår mission",
            "ett av nordens",
            "en av nordens",
            "nordens ledande",
            "nordens största",
            "en af nordens",
            "nordens førende",
            "nordens største",
            "en av nordens ledende",
            "nordens ledende",
            "europas ledande",
            "europas ledende",
            "europas førende",
            "one of europe's leading",
            "one of the uk's leading",
        ),
        WEAK: (
            "our customers are",
            "en del af et",
            "en del af en",
            "en del av et",
            "en del av ett",
            "part of a",
            "del av ett",
            "del av en",
            "koncern*",
            "konsern*",
            "our clients are",
            "vores kunder er",
            "våre kunder er",
            "våra kunder är",
            "our team consists",
            "teamet består",
            "afdelingen består",
            "avdelingen består",
            "vi holder til",
            "vi holder til i",
            "vi har kontor",
            "vi har kontorer",
            "antalet anställda",
            "antal ansatte",
            "antall ansatte",
            "omsättning*",
            "omsætning*",
            "omsetning*",
            "annual turnover",
        ),
    },
}

# "Vi har 250 medarbejdere", "with 1,200 employees", "vi er 40 ansatte", "över 300 anställda".
HEADCOUNT_RE = re.compile(
    r"(?<!\w)(?:vi har|vi er|vi är|we have|we are|we're|with|med|over|more than|mere end|mer enn|mer än|över|omkring|"
    r"cirka|ca\.?|around|about|approximately|nearly|almost|næsten|nesten|nästan|knap|beskæftiger|sysselsætter|"
    r"sysselsetter|sysselsätter|employs|er|är)\s\d[\d.,]*(?: \d{3})*\+? ?\s"
    r"(?:medarbejdere|ansatte|medarbeidere|anställda|medarbetare|employees|people|kolleger|"
    r"kollegaer|colleagues)(?!\w)",
    re.IGNORECASE,
)
# Bonus and commission are a benefit when they are what we pay, a Competitor marker when they are
# what drives the candidate ("motiveret af provision"): benefits only next to a word of paying.
PAY_WORDS_RE = re.compile(r"(?<!\w)(?:bonus\w*|provision\w*|provisjon\w*|commission\w*|resultatlön\w*)", re.IGNORECASE)
# (searched behind the word test of _Phrases, defined below)
PAY_CONTEXT_RE = re.compile(
    r"(?<!\w)(?:vi tilbyder|vi tilbyr|vi erbjuder|we offer|du får|du tilbydes|du tilbys|du erbjuds|you get|you'll get|"
    r"you will get|you'll receive|you will receive|attraktiv\w*|attractive|competitive|konkurrencedygtig\w*|"
    r"konkurransedyktig\w*|konkurrenskraftig\w*|ordning\w*|system|uncapped|grundløn|grunnlønn|fastlønn|grundlön|"
    r"base salary|fast løn|fast lön|plus|\+|oveni|i tillegg til|utöver)(?!\w)",
    re.IGNORECASE,
)


def _phrase_pattern(phrase: str) -> str:
    core = re.escape(phrase.strip("*")).replace(r"\ ", r"\s+")
    return ("\\w*" if phrase.startswith("*") else "") + core + ("\\w*" if phrase.endswith("*") else "(?!\\w)")


def _compile(phrases) -> "_Phrases":
    """One search for many phrases, each beginning at a word start.

    The word-start test is outside the alternation, so a position inside a word costs one check;
    longest first, so the cue reported is the whole phrase ("send din ansøgning", not "ansøgning").
    """
    ordered = sorted(set(phrases), key=lambda p: -len(p))
    pattern = re.compile("(?<!\\w)(?:" + "|".join(_phrase_pattern(p) for p in ordered) + ")", re.IGNORECASE)
    return _Phrases(pattern, ordered, alternatives=True)


# Characters that IGNORECASE matches to a Latin letter although str.lower() does not make them that
# letter (ı ~ i, ſ ~ s, İ lowers to two characters): a sentence with one is searched without the
# word test below.
_CASE_EXCEPTIONS = frozenset("\u0130\u0131\u017f")
_WORD_CHUNK = re.compile(r"\w+")
_last_words: tuple = (None, None)
# Every phrase alternation's "word*" keys, by their first three letters (shorter ones apart), and
# its "*word" keys: a sentence's words are looked up here once for all the alternations.
_PREFIXES_BY_HEAD: dict[str, set[str]] = {}
_SHORT_PREFIXES: set[str] = set()
_INFIXES: set[str] = set()
_HEAD = 3
# Compiled sub-alternations kept per phrase table (see _Phrases._subpattern).
_MAX_SUBPATTERNS = 4096


def _sentence_words(sentence: str):
    """(words, "word*" keys begun, "*word" keys found) of a sentence for the word test, or None
    when it holds a character that IGNORECASE and str.lower() disagree on. The last one is kept.

    A sentence's words are its blank-separated chunks' words (a word never holds a blank, and
    str.lower() reads no context across one), and each chunk's are worked out once (_chunk)."""
    global _last_words
    last_sentence, found = _last_words
    if last_sentence is sentence or last_sentence == sentence:
        return found
    if not sentence.isascii() and ("\u0130" in sentence or "\u0131" in sentence or "\u017f" in sentence):
        _last_words = (sentence, None)
        return None
    got = _view(sentence)[0]
    words = frozenset(chain.from_iterable(map(_LOWERED, got)))
    found = (words, set().union(*map(_BEGUN, got)), set().union(*map(_INSIDE, got)))
    _last_words = (sentence, found)
    return found


# Per blank-free chunk of text: (its heading words (heading_kind's _words after "&", "/", "+" became
# " and "), its _words, its lower-cased \w+ runs, "word*" keys begun in them, "*word" keys in them,
# whether it holds a digit (str.isdigit), the bits of the alternations with a key in it). Cleared when
# a phrase alternation adds keys.
_CHUNKS: dict[str, tuple] = {}
_CHUNK_CACHE_SIZE = 200_000
_HEADING_WORDS, _PLAIN_WORDS, _LOWERED, _BEGUN, _INSIDE, _DIGIT, _MASK = map(itemgetter, range(7))
_last_chunks: tuple = (None, None)
_last_view: tuple = (None, None)
# Every phrase alternation, in the order of their bits.
_TABLES: list = []


def _chunks(sentence: str) -> list[tuple]:
    """The _chunk records of a sentence's chunks. The last sentence's are kept."""
    global _last_chunks
    last_sentence, got = _last_chunks
    if last_sentence is sentence or last_sentence == sentence:
        return got
    chunks = sentence.split()
    got = list(map(_CHUNKS.get, chunks))
    if None in got:
        got = [item if item is not None else _chunk(chunk) for item, chunk in zip(got, chunks, strict=True)]
    _last_chunks = (sentence, got)
    return got


def _chunk(chunk: str) -> tuple:
    if len(_CHUNKS) > _CHUNK_CACHE_SIZE:
        _CHUNKS.clear()
    lowered = _WORD_CHUNK.findall(chunk.lower())
    begun, inside = set(), set()
    for word in lowered:
        for prefix in _PREFIXES_BY_HEAD.get(word[:_HEAD], ()):
            if word.startswith(prefix):
                begun.add(prefix)
        for size in range(1, _HEAD):
            if word[:size] in _SHORT_PREFIXES:
                begun.add(word[:size])
        inside.update(infix for infix in _INFIXES if infix in word)
    item = _CHUNKS[chunk] = (
        tuple(_words(chunk.replace("&", " and ").replace("/", " and ").replace("+", " and "))),
        tuple(_words(chunk)),
        tuple(lowered),
        frozenset(begun),
        frozenset(inside),
        any(map(str.isdigit, chunk)),
        _mask(frozenset(lowered), begun, inside),
    )
    return item


def _mask(words, begun, inside) -> int:
    """The bits of the alternations with a key among these words, begun keys and inside keys."""
    mask = 0
    for table in _TABLES:
        disjoint = table.exact.isdisjoint(words) and table.prefixes.isdisjoint(begun)
        if not (disjoint and table.infixes.isdisjoint(inside)):
            mask |= table.bits
    return mask


def _sentence_mask(sentence: str) -> int | None:
    """The bits of the alternations whose word test a sentence passes (its chunks' masks together),
    or None when it holds a character that IGNORECASE and str.lower() disagree on."""
    return _view(sentence)[1]


def _view(sentence: str) -> tuple[list[tuple], int | None, bool]:
    """(the sentence's _chunk records, _sentence_mask, whether it holds a digit). The last is kept."""
    global _last_view
    last_sentence, view = _last_view
    if last_sentence is sentence or last_sentence == sentence:
        return view
    got = _chunks(sentence)
    if not sentence.isascii() and ("\u0130" in sentence or "\u0131" in sentence or "\u017f" in sentence):
        mask = None
    else:
        mask = reduce(or_, map(_MASK, got), 0)
    view = (got, mask, any(map(_DIGIT, got)))
    _last_view = (sentence, view)
    return view


class _Phrases:
    """A compiled phrase alternation that first asks whether any phrase can occur in the sentence.

    A phrase (see _phrase_pattern) is runs of word characters between blanks or other non-word
    characters; a run with such a character or the phrase's edge on both sides (the phrase begins
    at a word start) must be a whole word of the sentence, a run that ends the phrase before its
    "*" must begin one, and a run after a leading "*" must be in one. Each phrase is keyed by its
    longest whole word (else its beginning or inner run): a sentence with no phrase's key cannot
    match, and the alternation, which costs a test of every phrase at every word start, is not
    searched at all. The answer is always the pattern's own.
    """

    __slots__ = (
        "pattern",
        "exact",
        "prefixes",
        "infixes",
        "always",
        "phrases",
        "by_key",
        "subpatterns",
        "pending",
        "bits",
    )

    def __init__(self, pattern: re.Pattern, phrases, alternatives: bool = False):
        """`alternatives`: the pattern is _compile's, one alternative per phrase in this order, so a
        search may use an alternation of only the phrases whose key the sentence holds."""
        self.pattern = pattern
        exact, prefixes, infixes = set(), set(), set()
        self.always = False
        # Each phrase's index under its key (("exact"|"prefix"|"infix", key) -> indices), for the
        # sub-alternations; None when the pattern is not one alternative per phrase.
        by_key: dict[tuple[str, str], list[int]] | None = {} if alternatives else None
        self.phrases = list(phrases)
        self.subpatterns: dict[tuple[int, ...], re.Pattern] = {}
        self.pending: set[tuple[int, ...]] = set()  # combinations of keys met once
        for index, phrase in enumerate(self.phrases):
            core = phrase.strip("*").lower()
            runs = list(_WORD_CHUNK.finditer(core))
            whole: list[str] = []  # runs that are whole words of the sentence
            prefix = infix = ""
            for run in runs:
                if run.start() == 0 and phrase.startswith("*"):
                    infix = run.group()  # "*pension": anywhere in a word
                elif run.end() == len(core) and phrase.endswith("*"):
                    prefix = run.group()  # "pension*": a word beginning with it
                else:
                    whole.append(run.group())  # blanks, an apostrophe or the phrase's end around it
            if whole:
                key = ("exact", max(whole, key=len))  # the longest is the rarest, as a rule
                exact.add(key[1])
            elif prefix:
                key = ("prefix", prefix)
                prefixes.add(prefix)
            elif infix:
                key = ("infix", infix)
                infixes.add(infix)
            else:
                key = None
                self.always = True
            if by_key is not None and key is not None:
                by_key.setdefault(key, []).append(index)
        self.by_key = None if self.always else by_key
        self.exact = frozenset(exact)
        self.prefixes = frozenset(prefixes)
        self.infixes = frozenset(infixes)
        for prefix in prefixes:
            if len(prefix) < _HEAD:
                _SHORT_PREFIXES.add(prefix)
            else:
                _PREFIXES_BY_HEAD.setdefault(prefix[:_HEAD], set()).add(prefix)
        _INFIXES.update(infixes)
        # This alternation's bit in a chunk's mask (_chunk): set when the chunk holds one of its keys.
        self.bits = 1 << len(_TABLES)
        _TABLES.append(self)
        # The chunks' keys and masks were worked out with the keys known before.
        global _last_words, _last_chunks, _last_view
        _CHUNKS.clear()
        _last_words = _last_chunks = _last_view = (None, None)

    @classmethod
    def union(cls, alternations: list["_Phrases"]) -> "_Phrases":
        """A word test for several alternations at once (it has no pattern to search)."""
        union = cls.__new__(cls)
        union.pattern = None
        union.phrases, union.by_key, union.subpatterns, union.pending = [], None, {}, set()
        union.always = any(each.always for each in alternations)
        union.exact = frozenset().union(*(each.exact for each in alternations))
        union.prefixes = frozenset().union(*(each.prefixes for each in alternations))
        union.infixes = frozenset().union(*(each.infixes for each in alternations))
        union.bits = 0
        for each in alternations:
            union.bits |= each.bits
        return union

    def possible(self, sentence: str) -> bool:
        """False when no phrase can be in the sentence (the word test of `search`)."""
        if self.always:
            return True
        mask = _sentence_mask(sentence)
        return mask is None or bool(mask & self.bits)

    def search(self, sentence: str, pos: int = 0):
        if not self.always:
            last_sentence, view = _last_view
            mask = view[1] if last_sentence is sentence else _view(sentence)[1]
            if mask is not None:
                # (mask & bits: the word test, on the sentence's words, "word*" keys and "*word" keys)
                if not mask & self.bits:
                    return None
                if self.by_key is not None:
                    return self._subpattern(*_sentence_words(sentence)).search(sentence, pos)
        return self.pattern.search(sentence, pos)

    def _subpattern(self, words, begun, inside) -> re.Pattern:
        """The alternation of only the phrases whose key the sentence holds, in the full pattern's
        order: a phrase without its key cannot match, so at every position the first alternative
        that matches is the full pattern's, and the match is the same."""
        by_key = self.by_key
        chosen: list[int] = []
        keys = 0
        for word in self.exact.intersection(words):
            chosen += by_key["exact", word]
            keys += 1
        for prefix in self.prefixes.intersection(begun):
            chosen += by_key["prefix", prefix]
            keys += 1
        for infix in self.infixes.intersection(inside):
            chosen += by_key["infix", infix]
            keys += 1
        key = tuple(sorted(chosen))
        pattern = self.subpatterns.get(key)
        if pattern is None:
            if len(self.subpatterns) >= _MAX_SUBPATTERNS:
                self.subpatterns.clear()
                self.pending.clear()
            if keys > 1 and key not in self.pending:
                if len(self.pending) >= _MAX_SUBPATTERNS:
                    self.pending.clear()
                # A combination of keys is compiled when it recurs (one key's phrases at once: there
                # are few keys): a new ad's rare mixes are searched with the full pattern instead.
                self.pending.add(key)
                return self.pattern
            self.pending.discard(key)
            alternatives = "|".join(_phrase_pattern(self.phrases[index]) for index in key)
            pattern = self.subpatterns[key] = re.compile("(?<!\\w)(?:" + alternatives + ")", re.IGNORECASE)
        return pattern


PAY_WORDS = _Phrases(PAY_WORDS_RE, ["bonus*", "provision*", "provisjon*", "commission*", "resultatlön*"])
CUE_PATTERNS = {
    kind: {strength: _compile(phrases) for strength, phrases in table.items()} for kind, table in CUES.items()
}
CUE_ORDER = ("application", "contact", "benefits", "company")
# Every cue alternation's keys together: a sentence with none of them has no phrase cue at all.
_ALL_CUES = [pattern for table in CUE_PATTERNS.values() for pattern in table.values()] + [PAY_WORDS]
_ANY_CUE = _Phrases.union(_ALL_CUES)


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    strong: bool
    text: str


def _has_digit(sentence: str) -> bool:
    """any(map(str.isdigit, sentence)), chunk by chunk (a blank is no digit)."""
    return _view(sentence)[2]


def _phone(sentence: str) -> str:
    if not _has_digit(sentence):
        return ""
    match = PHONE_INTERNATIONAL_RE.search(sentence)
    if match:
        return match.group().strip()
    if PHONE_WORDS_RE.search(sentence):
        match = PHONE_LOCAL_RE.search(sentence)
        if match and sum(ch.isdigit() for ch in match.group()) >= 8:
            return match.group().strip()
    match = PHONE_SHAPE_RE.search(sentence)
    if match and not AMOUNT_WORDS_RE.search(sentence):
        return match.group()
    return ""


def _pay_for_results(sentence: str) -> str:
    """The commission word of a pay line ("grundløn og provision uden loft"), or "". Pay for results
    is part of what the job asks of the person: it attracts the Competitor, so such a line counts
    (with its Competitor cue); a bonus scheme is a benefit like the others."""
    for match in PAY_WORDS_RE.finditer(sentence):
        if not match.group().casefold().startswith("bonus"):
            return match.group()
    return ""


def find_cue(sentence: str) -> Cue | None:
    """The strongest cue in a sentence: contact, then application, benefits, company; strong first."""
    if "@" in sentence:
        match = EMAIL_RE.search(sentence)
        if match:
            return Cue("contact", True, match.group())
    if "." in sentence and ("://" in sentence or _URL_HINT_RE.search(sentence)):
        match = URL_RE.search(sentence)
        if match:
            return Cue("contact", True, match.group())
    phone = _phone(sentence)
    if phone:
        return Cue("contact", True, phone)
    mask = _view(sentence)[1]
    if mask is None:
        mask = -1  # every word test passes
    phrases = _ANY_CUE.possible(sentence)
    if phrases:
        for kind in CUE_ORDER:
            table = CUE_PATTERNS[kind][STRONG]
            if not (table.always or mask & table.bits):
                continue  # (the word test of its search)
            match = table.search(sentence)
            if match:
                if kind == "benefits" and (commission := _pay_for_results(sentence)):
                    return Cue("other", True, commission)
                return Cue(kind, True, match.group())
        pay = PAY_WORDS.search(sentence)
        if pay and PAY_CONTEXT_RE.search(sentence):
            return Cue("other", True, pay.group()) if _pay_for_results(sentence) else Cue("benefits", True, pay.group())
    # (a headcount has digits, and \d is a kind of str.isdigit)
    match = HEADCOUNT_RE.search(sentence) if _has_digit(sentence) else None
    if match:
        return Cue("company", True, match.group().strip())
    if not phrases:
        return None
    for kind in CUE_ORDER:
        table = CUE_PATTERNS[kind][WEAK]
        if not (table.always or mask & table.bits):
            continue
        match = table.search(sentence)
        if match:
            return Cue(kind, False, match.group())
    return None


# ---------------------------------------------------------------------------------------------
# The person sought and the work.

# Phrases that describe the candidate: the requirement frames of each language.
CANDIDATE_PHRASES = (
    "du er",
    "du har",
    "du skal være",
    "du skal have",
    "du skal kunne",
    "du bør",
    "du må være",
    "du må ha",
    "du skal ha",
    "du bør ha",
    "du bør være",
    "du är",
    "du ska vara",
    "du ska ha",
    "du bör",
    "du trives",
    "du brænder for",
    "du brenner for",
    "du brinner för",
    "du motiveres",
    "du motiveras",
    "du evner",
    "du formår",
    "du sætter",
    "du tar",
    "du tager",
    "du tar",
    "du elsker",
    "du liker",
    "du gillar",
    "du taler",
    "du snakker",
    "du talar",
    "du behersker",
    "du behärskar",
    "you are",
    "you're",
    "you have",
    "you've",
    "you should",
    "you must",
    "you need",
    "you thrive",
    "you enjoy",
    "you love",
    "you take",
    "you speak",
    "you bring",
    "vi søger en",
    "vi søger dig",
    "vi søker en",
    "vi søker deg",
    "vi söker en",
    "vi söker dig",
    "søger vi",
    "søker vi",
    "söker vi",
    "vi söker nu",
    "vi søger nu",
    "vi søker nå",
    "we're looking for",
    "we are looking for",
    "we are seeking",
    "we're seeking",
    "we seek",
    "someone who",
    "en der",
    "en, der",
    "en som",
    "en, som",
    "vi ser gerne",
    "vi ser gjerne",
    "vi ser gärna",
    "det er en fordel",
    "det er en fordel",
    "det är meriterande",
    "meriterande",
    "meritterende",
    "erfaring med",
    "erfaring fra",
    "erfaring innen",
    "erfarenhet av",
    "erfarenhet från",
    "experience with",
    "experience in",
    "experience of",
    "work experience",
    "erhvervserfaring",
    "arbejdserfaring",
    "arbeidserfaring",
    "arbetslivserfarenhet",
    "years of experience",
    "års erfaring",
    "års erfarenhet",
    "uddannelse som",
    "uddannelse inden",
    "relevant uddannelse",
    "utdanning innen",
    "relevant utdanning",
    "utbildning inom",
    "relevant utbildning",
    "degree in",
    "a degree",
    "kendskab til",
    "kjennskap til",
    "kunskap om",
    "kunskaper i",
    "knowledge of",
    "flydende",
    "flytende",
    "flytande",
    "fluent",
    "god til",
    "god på",
    "bra på",
    "good at",
    "flair for",
    "sans for",
    "evne til",
    "evnen til",
    "förmåga att",
    "ability to",
    "stærke kommunikative",
    "sterke kommunikative",
    "strong communication",
    "excellent communication",
)
TASK_PHRASES = (
    "du skal",
    "du kommer til at",
    "du kommer til å",
    "du kommer att",
    "du vil",
    "du ska",
    "du får ansvar",
    "du får ansvaret",
    "du bliver ansvarlig",
    "du blir ansvarlig",
    "du ansvarar",
    "du arbejder",
    "du jobber",
    "du arbetar",
    "du hjælper",
    "du hjelper",
    "du hjälper",
    "du håndterer",
    "du hanterar",
    "you will",
    "you'll",
    "you'll be responsible",
    "in this role",
    "in the role",
    "i rollen",
    "i stillingen",
    "i jobbet",
    "i tjänsten",
    "your role",
    "your tasks",
    "your responsibilities",
    "dine opgaver",
    "dine arbeidsoppgaver",
    "dina arbetsuppgifter",
    "arbetet innebär",
    "jobbet består",
    "jobben består",
    "opgaverne består",
    "oppgavene består",
    "arbetsuppgifterna består",
    "ansvar for",
    "ansvarlig for",
    "ansvarig för",
    "responsible for",
    "ansvara för",
)
# Work verbs that begin a task bullet ("Help new users …", "Hjælpe nye brugere …"), by language.
TASK_VERBS = {
    "en": (
        "help",
        "handle",
        "answer",
        "support",
        "assist",
        "manage",
        "coordinate",
        "develop",
        "sell",
        "advise",
        "ensure",
        "maintain",
        "process",
        "resolve",
        "respond",
        "serve",
        "greet",
        "plan",
        "prepare",
        "follow up",
        "drive",
        "build",
        "lead",
        "work",
        "take care",
        "own",
        "contribute",
        "collaborate",
        "be responsible",
        "book",
        "register",
        "update",
        "deliver",
        "install",
        "guide",
        "onboard",
        "train",
        "operate",
        "monitor",
        "document",
        "analyse",
        "analyze",
        "report",
        "negotiate",
        "identify",
        "create",
        "design",
        "implement",
        "test",
        "troubleshoot",
        "set up",
        "welcome",
        "participate",
        "take part",
        "solve",
        "review",
        "write",
        "run",
        "organise",
        "organize",
        "schedule",
        "close",
    ),
    "da": (
        "hjælpe",
        "håndtere",
        "besvare",
        "rådgive",
        "sælge",
        "betjene",
        "koordinere",
        "udvikle",
        "planlægge",
        "sikre",
        "vejlede",
        "løse",
        "følge op",
        "tage imod",
        "tage hånd om",
        "modtage",
        "registrere",
        "opdatere",
        "behandle",
        "servicere",
        "supportere",
        "varetage",
        "deltage",
        "samarbejde",
        "arbejde",
        "drive",
        "bidrage",
        "lede",
        "styre",
        "ekspedere",
        "booke",
        "fakturere",
        "yde",
        "understøtte",
        "ringe",
        "tale med",
        "kontakte",
        "oplære",
        "undervise",
        "installere",
        "opsætte",
        "sætte op",
        "bistå",
        "administrere",
        "dokumentere",
        "analysere",
        "rapportere",
        "forhandle",
        "skabe",
        "byde velkommen",
        "pakke",
        "levere",
        "gennemføre",
    ),
    "nb": (
        "hjelpe",
        "håndtere",
        "besvare",
        "rådgi",
        "selge",
        "betjene",
        "koordinere",
        "utvikle",
        "planlegge",
        "sikre",
        "veilede",
        "løse",
        "følge opp",
        "ta imot",
        "ta hånd om",
        "motta",
        "registrere",
        "oppdatere",
        "behandle",
        "bidra",
        "jobbe",
        "arbeide",
        "delta",
        "samarbeide",
        "ha ansvar",
        "yte",
        "lede",
        "styre",
        "ekspedere",
        "booke",
        "fakturere",
        "støtte",
        "ringe",
        "kontakte",
        "lære opp",
        "installere",
        "sette opp",
        "bistå",
        "administrere",
        "dokumentere",
        "analysere",
        "rapportere",
        "forhandle",
        "skape",
        "ønske velkommen",
        "levere",
        "gjennomføre",
    ),
    "sv": (
        "hjälpa",
        "hantera",
        "besvara",
        "ge råd",
        "sälja",
        "betjäna",
        "koordinera",
        "utveckla",
        "planera",
        "säkerställa",
        "vägleda",
        "lösa",
        "följa upp",
        "ta emot",
        "ta hand om",
        "registrera",
        "uppdatera",
        "behandla",
        "bidra",
        "arbeta",
        "jobba",
        "delta",
        "samarbeta",
        "ansvara",
        "ge service",
        "stötta",
        "supporta",
        "leda",
        "styra",
        "expediera",
        "boka",
        "fakturera",
        "ringa",
        "kontakta",
        "lära upp",
        "utbilda",
        "installera",
        "sätta upp",
        "bistå",
        "administrera",
        "dokumentera",
        "analysera",
        "rapportera",
        "förhandla",
        "skapa",
        "välkomna",
        "leverera",
        "genomföra",
    ),
}
ADDRESS_WORDS = frozenset(
    [
        "du",
        "dig",
        "deg",
        "din",
        "dine",
        "dit",
        "ditt",
        "dina",
        "you",
        "your",
        "you're",
        "you'll",
        "you've",
        "yours",
        "yourself",
    ]
)
# The words that make a sentence under a company/benefits/application/contact heading about the
# person sought: personal qualities and experience, as prefixes of the words ads write.
QUALITY_WORDS = (
    # da
    "ansvarsbevidst",
    "struktureret",
    "udadvendt",
    "empatisk",
    "empati",
    "selvstændig",
    "positiv",
    "engageret",
    "nysgerrig",
    "proaktiv",
    "serviceminded",
    "servicemindet",
    "omhyggelig",
    "grundig",
    "fleksibel",
    "initiativrig",
    "pålidelig",
    "ambitiøs",
    "målrettet",
    "løsningsorienteret",
    "robust",
    "smilende",
    "imødekommende",
    "venlig",
    "tålmodig",
    "detaljeorienteret",
    "kvalitetsbevidst",
    "resultatorienteret",
    "erfaren",
    "erfaring",
    "uddannet",
    "uddannelse",
    "holdspiller",
    "teamplayer",
    "samarbejdsvillig",
    "kommunikativ",
    "motiveret",
    "vedholdende",
    "mødestabil",
    "godt humør",
    "god til",
    "sans for",
    "flair for",
    "evne",
    # nb
    "ansvarsbevisst",
    "strukturert",
    "utadvendt",
    "selvstendig",
    "engasjert",
    "nysgjerrig",
    "serviceinnstilt",
    "nøyaktig",
    "initiativrik",
    "pålitelig",
    "ambisiøs",
    "løsningsorientert",
    "imøtekommende",
    "vennlig",
    "detaljeorientert",
    "kvalitetsbevisst",
    "resultatorientert",
    "utdannet",
    "utdanning",
    "lagspiller",
    "motivert",
    "god på",
    # sv
    "ansvarstagande",
    "strukturerad",
    "utåtriktad",
    "självständig",
    "engagerad",
    "nyfiken",
    "serviceinriktad",
    "servicemedveten",
    "noggrann",
    "flexibel",
    "pålitlig",
    "ambitiös",
    "målinriktad",
    "lösningsorienterad",
    "driven",
    "lyhörd",
    "vänlig",
    "detaljorienterad",
    "kvalitetsmedveten",
    "resultatorienterad",
    "erfarenhet",
    "utbildad",
    "utbildning",
    "lagspelare",
    "motiverad",
    "prestigelös",
    "social",
    "bra på",
    "förmåga",
    # en
    "responsible",
    "structured",
    "organised",
    "organized",
    "outgoing",
    "empathetic",
    "empathic",
    "empathy",
    "independent",
    "positive",
    "engaged",
    "curious",
    "proactive",
    "service-minded",
    "service minded",
    "customer-focused",
    "meticulous",
    "thorough",
    "flexible",
    "reliable",
    "ambitious",
    "goal-oriented",
    "solution-oriented",
    "friendly",
    "patient",
    "detail-oriented",
    "results-driven",
    "result-oriented",
    "experienced",
    "experience",
    "degree",
    "team player",
    "communicat",
    "motivated",
    "self-starter",
    "passionate",
    "people person",
    "caring",
    "confident",
    "persuasive",
    "competitive",
    "good at",
    "ability",
)
ADDRESS_FRAMES = (
    "du er",
    "du har",
    "du är",
    "du skal være",
    "du ska vara",
    "du må være",
    "you are",
    "you're",
    "you have",
    "you've",
    "vi søger en",
    "vi søger dig",
    "vi søker en",
    "vi søker deg",
    "vi söker en",
    "vi söker dig",
    "we're looking for",
    "we are looking for",
    "someone who",
)
CANDIDATE_RE = _compile(CANDIDATE_PHRASES)
TASK_RE = _compile(TASK_PHRASES)
ADDRESS_FRAME_RE = _compile(ADDRESS_FRAMES)
QUALITY_RE = _Phrases(
    re.compile("(?<!\\w)(?:" + "|".join(re.escape(word) for word in QUALITY_WORDS) + ")", re.IGNORECASE),
    # No end test after a quality word: it may go on ("struktureret" finds "strukturerede").
    [word + "*" for word in QUALITY_WORDS],
)


@lru_cache(maxsize=8)
def _task_verb_stems(language: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    singles, phrases = set(), []
    for verb in TASK_VERBS[language]:
        words = verb.split()
        if len(words) == 1:
            singles.add(stem(verb, language))
        else:
            phrases.append(tuple(words))
    return frozenset(singles), tuple(phrases)


@lru_cache(maxsize=8)
def _task_verb_phrases_by_first(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """_task_verb_stems' phrases by their first word, each list in the same order."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _task_verb_stems(language)[1]:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


def _begins_with_work_verb(words: list[str], language: str) -> str:
    """The work verb a bullet begins with ("Help …", "Hjælpe …", "Handles …"), or ""."""
    if not words:
        return ""
    for lang in dict.fromkeys((language, "en")):
        singles, _phrases = _task_verb_stems(lang)
        for phrase in _task_verb_phrases_by_first(lang).get(words[0], ()):
            if tuple(words[: len(phrase)]) == phrase:
                return " ".join(phrase)
        if stem(words[0], lang) in singles:
            return words[0]
    return ""


def _default_part(sentence: str, language: str, weak: Cue | None) -> Part:
    """A sentence outside any section and without a strong cue.

    A requirement or task frame ("du har erfaring med", "you will", "Help new users …") wins over a
    weak cue ("Du skal kunne arbejde fleksible arbejdstider" is a requirement); then the weak cue;
    then addressing the candidate ("du", "you") makes it "candidate"; else "other".
    """
    match = CANDIDATE_RE.search(sentence)
    if match:
        return Part("candidate", "default", match.group())
    match = TASK_RE.search(sentence)
    if match:
        return Part("task", "default", match.group())
    words = list(chain.from_iterable(map(_PLAIN_WORDS, _view(sentence)[0])))  # _words(sentence)
    verb = _begins_with_work_verb(words, language)
    if verb:
        return Part("task", "default", verb)
    if weak:
        return Part(weak.kind, "cue", weak.text)
    for word in words:
        if word in ADDRESS_WORDS:
            return Part("candidate", "default", word)
    return Part("other", "default", "")


def _about_candidate(sentence: str) -> str:
    """The phrase that makes a sentence about the person sought (address + a quality), or ""."""
    frame = ADDRESS_FRAME_RE.search(sentence)
    if frame and QUALITY_RE.search(sentence, frame.end()):
        return frame.group()
    return ""


def _heading_text(sentence: str) -> str:
    return sentence.strip().strip(" \t•·*-–—:?!").strip()


def classify(sentences: list[str], languages: list[str]) -> list[Part]:
    """One Part per sentence. `languages[i]` is sentence i's language ("en", "da", "nb", "sv")."""
    parts: list[Part] = []
    section: str | None = None
    section_cue = ""
    in_section = None  # the (frozen) Part of every sentence that belongs to the current section
    for index, sentence in enumerate(sentences):
        language = languages[index] if index < len(languages) and languages[index] in LANGUAGES else "en"
        kind = heading_kind(sentence, language)
        if kind:
            section, section_cue = kind, _heading_text(sentence)
            in_section = Part(section, "section", section_cue)
            parts.append(Part(kind if kind in NOT_COUNTED_KINDS else "other", "heading", section_cue))
            continue
        cue = find_cue(sentence)
        strong = cue if cue and cue.strong else None
        if strong and (section is None or strong.kind != section):
            parts.append(Part(strong.kind, "cue", strong.text))
        elif section is None:
            parts.append(_default_part(sentence, language, cue))
        elif section in COUNTED_KINDS or strong:
            parts.append(in_section)
        elif phrase := _about_candidate(sentence):
            parts.append(Part("candidate", "cue", phrase))
        else:
            parts.append(in_section)
    return parts


def is_counted(part: Part) -> bool:
    return part.kind in COUNTED_KINDS


def insertion_sentence(parts: list[Part]) -> int:
    """Index of the sentence after which an "add" suggestion goes; -1 when there are no sentences.

    The last sentence of the last candidate section (the profile/requirements list), so the
    addition lands before benefits, application and contact; without a candidate section, of the
    last task section. Without sections, after the last sentence about the candidate (else about
    the work), which in an ad of running text is before the closing offer and application lines;
    the last sentence of the ad when there is none.
    """
    for wanted, reasons in (
        ("candidate", ("section",)),
        ("task", ("section",)),
        ("candidate", ("default", "cue")),
        ("task", ("default",)),
    ):
        for index in range(len(parts) - 1, -1, -1):
            if parts[index].kind == wanted and parts[index].reason in reasons:
                return index
    return len(parts) - 1
