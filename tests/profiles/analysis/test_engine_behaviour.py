"""The engine's behaviours of issue 10, end to end in en, da, nb and sv: evidence and verdict,
boilerplate left out, help as a task, inserted words, negation scope, calibration, mixed language,
HTML remnants and rewrites. Pure: no database.

Most tests compile a few markers of their own (so tuning lexicon v2 does not break them); the
tests that show the shipped lexicon's coverage use only its core cues."""

import html
from html.entities import codepoint2name

import pytest

from profiles.analysis import UnsupportedLanguage
from profiles.analysis.engine import MIN_COUNTED_SENTENCES, MIN_INDEX_CUES, VERDICT_THRESHOLD, Analyzer
from profiles.analysis.gender import GenderCoder
from profiles.analysis.text import WORD_RE

from .conftest import SMALL_GENDER, compile_markers

LANGUAGES = ("en", "da", "nb", "sv")


def markers(language: str, weight: float = 1.0, **phrases_by_type) -> list[dict]:
    return [
        {"language": language, "type": service_type, "phrase": phrase, "weight": weight}
        for service_type, phrases in phrases_by_type.items()
        for phrase in phrases
    ]


def small_analyzer(rows, examples=None) -> Analyzer:
    return Analyzer(lexicon=compile_markers(rows), gender=GenderCoder(SMALL_GENDER), examples=examples)


def ad(*lines: str) -> str:
    return "\n".join(lines)


def part_of(result, text: str, sentence: str):
    """The part of the sentence that begins with `sentence`."""
    start = text.index(sentence)
    return next(part for part in result.parts if part.start == start)


# The core cues of each language, one marker each (weight 1), for the tests with small lexicons.
CORE = {
    "en": {
        "controller": ["problem solver", "take ownership", "work independently"],
        "empathizer": ["service-minded", "smile down the phone", "helpful"],
        "competitor": ["sales targets", "commission"],
        "innovator": ["innovative"],
        "accommodator": ["accommodating", "flexible"],
    },
    "da": {
        "controller": ["problemløser", "tage ansvar", "selvstændig"],
        "empathizer": ["servicemindet", "smil i stemmen", "hjælpsom"],
        "competitor": ["salgsmål", "provision"],
        "innovator": ["innovativ"],
        "accommodator": ["fleksibel"],
    },
    "nb": {
        "controller": ["problemløser", "ta ansvar", "selvstendig"],
        "empathizer": ["serviceinnstilt", "smil i stemmen", "hjelpsom"],
        "competitor": ["salgsmål", "provisjon"],
        "innovator": ["innovativ"],
        "accommodator": ["fleksibel"],
    },
    "sv": {
        "controller": ["problemlösare", "ta ansvar", "självständig"],
        "empathizer": ["serviceinriktad", "trevligt bemötande", "hjälpsam"],
        "competitor": ["säljmål", "provision"],
        "innovator": ["innovativ"],
        "accommodator": ["flexibel"],
    },
}


def core_analyzer(language: str, examples=None) -> Analyzer:
    return small_analyzer(markers(language, **CORE[language]), examples)


# ---------------------------------------------------------------------------------------------
# 1. Evidence

THIN_ADS = {
    # Two sentences about the person, with three cues: too few sentences.
    "en": ad("We are looking for a service-minded problem solver.", "You take ownership of every case."),
    "da": ad("Vi søger en servicemindet problemløser.", "Du kan tage ansvar for kundens sag."),
    "nb": ad("Vi søker en serviceinnstilt problemløser.", "Du kan ta ansvar for kundens sak."),
    "sv": ad("Vi söker en serviceinriktad problemlösare.", "Du kan ta ansvar för kundens ärende."),
}
FEW_CUES_ADS = {
    # Four sentences about the job, one Controller/Empathizer cue.
    "en": ad(
        "We are looking for a problem solver for our customer service.",
        "You answer calls and e-mails from our customers.",
        "You register every case in our system.",
        "You work at our office in Leeds.",
    ),
    "da": ad(
        "Vi søger en problemløser til vores kundeservice.",
        "Du besvarer opkald og mails fra vores kunder.",
        "Du registrerer alle sager i vores system.",
        "Du arbejder på vores kontor i Aarhus.",
    ),
    "nb": ad(
        "Vi søker en problemløser til vår kundeservice.",
        "Du besvarer telefoner og e-poster fra våre kunder.",
        "Du registrerer alle saker i systemet vårt.",
        "Du jobber på kontoret vårt i Bergen.",
    ),
    "sv": ad(
        "Vi söker en problemlösare till vår kundtjänst.",
        "Du besvarar samtal och mejl från våra kunder.",
        "Du registrerar alla ärenden i vårt system.",
        "Du arbetar på vårt kontor i Malmö.",
    ),
}
# The person described in two sentences, the rest of the ad about the company and its benefits.
BOILERPLATE_HEAVY_ADS = {
    "en": ad(
        "We are looking for a service-minded problem solver.",
        "You take ownership of every case.",
        "About us",
        "We are one of the UK's leading insurance providers with 400 employees.",
        "Our head office is in Leeds.",
        "We offer",
        "A pension scheme and free lunch.",
    ),
    "da": ad(
        "Vi søger en servicemindet problemløser.",
        "Du kan tage ansvar for kundens sag.",
        "Om os",
        "Vi er en af Danmarks førende forsikringsvirksomheder med 400 medarbejdere.",
        "Vores hovedkontor ligger i Aarhus.",
        "Vi tilbyder",
        "Pension og frokostordning.",
    ),
    "nb": ad(
        "Vi søker en serviceinnstilt problemløser.",
        "Du kan ta ansvar for kundens sak.",
        "Om oss",
        "Vi er et av Norges ledende forsikringsselskaper med 400 ansatte.",
        "Hovedkontoret vårt ligger i Bergen.",
        "Vi tilbyr",
        "Pensjon og kantine.",
    ),
    "sv": ad(
        "Vi söker en serviceinriktad problemlösare.",
        "Du kan ta ansvar för kundens ärende.",
        "Om oss",
        "Vi är ett av Sveriges ledande försäkringsbolag med 400 medarbetare.",
        "Vårt huvudkontor ligger i Malmö.",
        "Vi erbjuder",
        "Tjänstepension och friskvårdsbidrag.",
    ),
}
ENOUGH_ADS = {
    "en": ad(
        "We are looking for a service-minded problem solver.",
        "You take ownership of every case.",
        "You work independently and are helpful to colleagues.",
    ),
    "da": ad(
        "Vi søger en servicemindet problemløser.",
        "Du kan tage ansvar for kundens sag.",
        "Du arbejder selvstændigt og er hjælpsom over for kollegerne.",
    ),
    "nb": ad(
        "Vi søker en serviceinnstilt problemløser.",
        "Du kan ta ansvar for kundens sak.",
        "Du jobber selvstendig og er hjelpsom overfor kollegene.",
    ),
    "sv": ad(
        "Vi söker en serviceinriktad problemlösare.",
        "Du kan ta ansvar för kundens ärende.",
        "Du arbetar självständigt och är hjälpsam mot kollegorna.",
    ),
}


def assert_insufficient(result):
    assert result.verdict.code == "insufficient"
    assert result.controller_index is None
    assert result.evidence.enough is False
    data = result.to_dict()
    assert data["controller_index"] is None
    assert data["verdict"]["code"] == "insufficient"
    assert data["evidence"]["enough"] is False
    assert data["evidence"]["needed"] == {"cues": MIN_INDEX_CUES, "sentences": MIN_COUNTED_SENTENCES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_no_index_for_an_ad_with_too_few_sentences_about_the_person(language):
    result = core_analyzer(language).analyze(THIN_ADS[language], language)
    assert result.evidence.index_cues >= MIN_INDEX_CUES
    assert result.evidence.sentences < MIN_COUNTED_SENTENCES
    assert_insufficient(result)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_no_index_when_the_ad_has_too_few_controller_or_empathizer_cues(language):
    result = core_analyzer(language).analyze(FEW_CUES_ADS[language], language)
    assert result.evidence.sentences >= MIN_COUNTED_SENTENCES
    assert result.evidence.index_cues < MIN_INDEX_CUES
    assert_insufficient(result)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_does_not_count_company_and_benefit_sentences_as_evidence(language):
    result = core_analyzer(language).analyze(BOILERPLATE_HEAVY_ADS[language], language)
    assert result.evidence.sentences == 2
    assert result.evidence.excluded == 5
    assert_insufficient(result)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_a_number_when_the_ad_has_enough_evidence(language):
    result = core_analyzer(language).analyze(ENOUGH_ADS[language], language)
    assert result.evidence.enough is True
    assert isinstance(result.controller_index, float)
    assert result.verdict.code in ("controller", "empathizer", "balanced")
    data = result.to_dict()
    assert data["controller_index"] == result.controller_index
    assert data["evidence"]["enough"] is True
    assert data["evidence"]["sentences"] == 3


# ---------------------------------------------------------------------------------------------
# 2. Boilerplate

PROFILE_LINES = {
    "en": (
        "Customer Service Advisor",
        "We are looking for a service-minded colleague who is a natural problem solver.",
        "You take ownership of each customer's case from start to finish.",
        "You work independently and always smile down the phone.",
    ),
    "da": (
        "Kundeservicemedarbejder til vores kundecenter",
        "Vi søger en servicemindet kollega, der er en ivrig problemløser.",
        "Du tager ansvar for kundens sag fra start til slut.",
        "Du arbejder selvstændigt og har et smil i stemmen.",
    ),
    "nb": (
        "Kundeservicemedarbeider til vårt kundesenter",
        "Vi søker en serviceinnstilt kollega som er en ivrig problemløser.",
        "Du tar ansvar for kundens sak fra start til slutt.",
        "Du jobber selvstendig og har et smil i stemmen.",
    ),
    "sv": (
        "Kundtjänstmedarbetare till vårt kundcenter",
        "Vi söker en serviceinriktad kollega som är en problemlösare.",
        "Du tar ansvar för kundens ärende från start till mål.",
        "Du arbetar självständigt och har ett trevligt bemötande.",
    ),
}
# (sentence, kind) of the not-counted parts that follow the profile.
BOILERPLATE = {
    "en": (
        ("About us", "company"),
        ("We are one of the UK's leading insurance providers with 400 employees.", "company"),
        ("We are an innovative company that is growing fast.", "company"),
        ("We offer", "benefits"),
        ("A pension scheme, flexible hours and accommodation for the first month.", "benefits"),
        ("Send your application by 1 March.", "application"),
        ("If you have any questions, contact Jane Smith at jane@company.co.uk or 020 7946 0000.", "contact"),
    ),
    "da": (
        ("Om os", "company"),
        ("Vi er en af Danmarks førende forsikringsvirksomheder med 400 medarbejdere.", "company"),
        ("Vi er en innovativ virksomhed i vækst.", "company"),
        ("Vi tilbyder", "benefits"),
        ("Pension, frokostordning og fleksibel arbejdstid.", "benefits"),
        ("Send din ansøgning senest den 1. marts.", "application"),
        ("Har du spørgsmål, kan du kontakte Mette Hansen på mette@firma.dk eller 12 34 56 78.", "contact"),
    ),
    "nb": (
        ("Om oss", "company"),
        ("Vi er et av Norges ledende forsikringsselskaper med 400 ansatte.", "company"),
        ("Vi er en innovativ bedrift i vekst.", "company"),
        ("Vi tilbyr", "benefits"),
        ("Pensjon, kantine og fleksibel arbeidstid.", "benefits"),
        ("Send søknaden din innen 1. mars.", "application"),
        ("Har du spørsmål, kontakt Kari Nordmann på kari@firma.no eller 912 34 567.", "contact"),
    ),
    "sv": (
        ("Om oss", "company"),
        ("Vi är ett av Sveriges ledande försäkringsbolag med 400 medarbetare.", "company"),
        ("Vi är ett innovativt företag i tillväxt.", "company"),
        ("Vi erbjuder", "benefits"),
        ("Tjänstepension, friskvårdsbidrag och flexibel arbetstid.", "benefits"),
        ("Sista ansökningsdag är den 1 mars.", "application"),
        ("Har du frågor, kontakta Anna Svensson på anna@foretag.se eller 070-123 45 67.", "contact"),
    ),
}
# A counted sentence with the same Innovator and Accommodator cues, to show the lexicon has them.
INNOVATIVE_AND_FLEXIBLE = {
    "en": "You are innovative, flexible and accommodating.",
    "da": "Du er innovativ og fleksibel.",
    "nb": "Du er innovativ og fleksibel.",
    "sv": "Du är innovativ och flexibel.",
}


def boilerplate_ad(language: str) -> str:
    return ad(*PROFILE_LINES[language], *(sentence for sentence, _kind in BOILERPLATE[language]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_company_benefits_application_and_contact_lines_their_kind_and_does_not_count_them(language):
    text = boilerplate_ad(language)
    result = core_analyzer(language).analyze(text, language)
    kinds = [(sentence, part_of(result, text, sentence).kind) for sentence, _kind in BOILERPLATE[language]]
    assert kinds == list(BOILERPLATE[language])
    assert not any(part_of(result, text, sentence).counted for sentence, _kind in BOILERPLATE[language])
    assert all(part_of(result, text, sentence).counted for sentence in PROFILE_LINES[language])
    data = result.to_dict()
    assert {part["kind"] for part in data["parts"] if not part["counted"]} == {
        "company",
        "benefits",
        "application",
        "contact",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_keeps_cues_in_boilerplate_out_of_scores_and_verdict(language):
    analyzer = core_analyzer(language)
    text = boilerplate_ad(language)
    result = analyzer.analyze(text, language)
    profile_only = analyzer.analyze(ad(*PROFILE_LINES[language]), language)
    # "an innovative company", "flexible hours", "accommodation": not about the person sought
    assert result.scores["innovator"] == 0.0
    assert result.scores["accommodator"] == 0.0
    assert all(match.sentence < len(PROFILE_LINES[language]) for match in result.matches)
    # the ad reads exactly as its profile lines would without the boilerplate
    assert result.scores == profile_only.scores
    assert result.controller_index == profile_only.controller_index
    assert result.verdict == profile_only.verdict
    # while the same cues in a sentence about the person do count
    control = analyzer.analyze(INNOVATIVE_AND_FLEXIBLE[language], language)
    assert control.scores["innovator"] > 0
    assert control.scores["accommodator"] > 0


# ---------------------------------------------------------------------------------------------
# 3. Help as a task (shipped lexicon: its core cues only)

HELP_AS_TASK = {
    "en": "Help new users set up their accounts.",
    "da": "Hjælpe nye brugere med opsætning.",
    "nb": "Hjelpe nye brukere med oppsett.",
    "sv": "Hjälpa nya användare att komma igång.",
}
LOVES_HELPING = {
    "en": "You love helping people.",
    "da": "Du brænder for at hjælpe mennesker.",
    "nb": "Du brenner for å hjelpe mennesker.",
    "sv": "Du brinner för att hjälpa människor.",
}
TASK_HEADINGS = {"en": "Your tasks", "da": "Dine opgaver", "nb": "Dine oppgaver", "sv": "Dina arbetsuppgifter"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_adds_no_empathizer_cue_for_help_as_a_task(analyzer, language):
    text = ad(TASK_HEADINGS[language], HELP_AS_TASK[language])
    result = analyzer.analyze(text, language)
    part = part_of(result, text, HELP_AS_TASK[language])
    assert part.kind == "task"
    assert part.counted
    assert not [m for m in result.matches if m.type == "empathizer"]
    assert result.scores["empathizer"] == 0.0


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_reads_a_love_of_helping_as_an_empathizer_cue(analyzer, language):
    result = analyzer.analyze(LOVES_HELPING[language], language)
    assert [m.type for m in result.matches if not m.negated] == ["empathizer"]
    assert result.scores["empathizer"] > 0
    assert result.verdict.empathizer


# ---------------------------------------------------------------------------------------------
# 4. A word inserted into a two-word marker

OWNERSHIP_MARKER = {"en": "take ownership", "da": "tage ansvar", "nb": "ta ansvar", "sv": "ta ansvar"}
ONE_INSERTED = {
    "en": ("You take full ownership of every case.", "take full ownership"),
    "da": ("Du skal tage fuldt ansvar for kundens sag.", "tage fuldt ansvar"),
    "nb": ("Du skal ta fullt ansvar for kundens sak.", "ta fullt ansvar"),
    "sv": ("Du ska ta fullt ansvar för kundens ärende.", "ta fullt ansvar"),
}
TWO_INSERTED = {
    "en": "You take full personal ownership of every case.",
    "da": "Du skal tage fuldt personligt ansvar for kundens sag.",
    "nb": "Du skal ta fullt personlig ansvar for kundens sak.",
    "sv": "Du ska ta fullt personligt ansvar för kundens ärende.",
}
NEGATION_INSERTED = {
    "en": "You take no ownership of billing; the finance team handles it.",
    "da": "Du tager ikke ansvar alene, vi løser sagerne sammen.",
    "nb": "Du tar ikke ansvar alene, vi løser sakene sammen.",
    "sv": "Du tar inte ansvar ensam, vi löser ärendena tillsammans.",
}


def ownership_analyzer(language: str) -> Analyzer:
    return small_analyzer(markers(language, controller=[OWNERSHIP_MARKER[language]]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_matches_a_two_word_marker_with_one_word_inserted(language):
    sentence, written = ONE_INSERTED[language]
    result = ownership_analyzer(language).analyze(sentence, language)
    assert [(m.text, m.phrase, m.negated) for m in result.matches] == [(written, OWNERSHIP_MARKER[language], False)]
    assert sentence[result.matches[0].start : result.matches[0].end] == written
    assert result.verdict.controller == (written,)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_does_not_match_a_two_word_marker_with_two_words_inserted(language):
    result = ownership_analyzer(language).analyze(TWO_INSERTED[language], language)
    assert result.matches == []
    assert result.scores["controller"] == 0.0


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_does_not_read_an_inserted_negation_as_the_positive_marker(language):
    result = ownership_analyzer(language).analyze(NEGATION_INSERTED[language], language)
    assert all(m.negated for m in result.matches)
    assert result.scores["controller"] == 0.0
    assert result.verdict.controller == ()


# ---------------------------------------------------------------------------------------------
# 5. Negation scope and contrasts

# "Without a cap" governs the cap, not the commission.
UNCAPPED_IN_SALES_AD = {
    "en": ad(
        "Sales Advisor for our customer centre",
        "We are looking for a problem solver who wants to hit sales targets.",
        "Base salary and commission without a cap.",
        "You take ownership of your customers and work independently.",
    ),
    "da": ad(
        "Sælger til vores kundecenter",
        "Vi søger en problemløser, der vil nå sine salgsmål.",
        "Grundløn og provision uden loft.",
        "Du tager ansvar for dine kunder og arbejder selvstændigt.",
    ),
    "nb": ad(
        "Selger til vårt kundesenter",
        "Vi søker en problemløser som vil nå sine salgsmål.",
        "Fastlønn og provisjon uten tak.",
        "Du tar ansvar for dine kunder og jobber selvstendig.",
    ),
    "sv": ad(
        "Säljare till vårt kundcenter",
        "Vi söker en problemlösare som vill nå sina säljmål.",
        "Grundlön och provision utan tak.",
        "Du tar ansvar för dina kunder och arbetar självständigt.",
    ),
}
COMMISSION_WRITTEN = {"en": "commission", "da": "provision", "nb": "provisjon", "sv": "provision"}
MOTIVATED_BY_UNCAPPED_COMMISSION = {
    "en": "You are motivated by commission without a cap.",
    "da": "Du motiveres af provision uden loft.",
    "nb": "Du motiveres av provisjon uten tak.",
    "sv": "Du motiveras av provision utan tak.",
}
NOT_ENOUGH_TO_BE_NICE = {
    "en": ("It is not enough to be nice, but you must also take ownership of the solution.", "nice"),
    "da": ("Det er ikke nok at være sød, men du skal også tage ansvar for løsningen.", "sød"),
    "nb": ("Det er ikke nok å være hyggelig, men du må også ta ansvar for løsningen.", "hyggelig"),
    "sv": ("Det räcker inte att vara trevlig, men du måste också ta ansvar för lösningen.", "trevlig"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_keeps_the_competitor_cue_of_commission_without_a_cap_in_a_sales_ad(language):
    result = core_analyzer(language).analyze(UNCAPPED_IN_SALES_AD[language], language)
    assert COMMISSION_WRITTEN[language] in result.verdict.competitor
    commission = next(m for m in result.matches if m.text == COMMISSION_WRITTEN[language])
    assert commission.negated is False
    assert result.scores["competitor"] > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_does_not_negate_commission_by_the_without_that_follows_it(language):
    sentence = MOTIVATED_BY_UNCAPPED_COMMISSION[language]
    result = core_analyzer(language).analyze(sentence, language)
    assert [(m.text, m.type, m.negated) for m in result.matches] == [
        (COMMISSION_WRITTEN[language], "competitor", False)
    ]
    assert result.scores["competitor"] > 0
    assert result.verdict.competitor == (COMMISSION_WRITTEN[language],)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_leaves_out_the_soft_quality_a_contrast_dismisses_and_keeps_what_follows_but(language):
    sentence, soft = NOT_ENOUGH_TO_BE_NICE[language]
    rows = markers(language, empathizer=[soft], controller=[OWNERSHIP_MARKER[language]])
    result = small_analyzer(rows).analyze(sentence, language)
    assert [(m.type, m.negated) for m in result.matches] == [("empathizer", True), ("controller", False)]
    assert result.scores["empathizer"] == 0.0
    assert result.scores["controller"] > 0
    assert result.verdict.empathizer == ()
    assert result.verdict.controller == (OWNERSHIP_MARKER[language],)


# ---------------------------------------------------------------------------------------------
# 6. Calibration

# One sentence per cue: the Controller cues, then the Empathizer cues, of CORE.
CUE_SENTENCES = {
    "en": {
        "controller": (
            "You are a natural problem solver.",
            "You take ownership of each case.",
            "You work independently in a busy team.",
        ),
        "empathizer": (
            "You are service-minded.",
            "You smile down the phone.",
            "You are helpful to colleagues.",
        ),
        "competitor": ("You always hit your sales targets.", "You are motivated by commission."),
        "repeat": ("Every problem solver gets training.", "As a problem solver you find a way."),
    },
    "da": {
        "controller": (
            "Du er en god problemløser.",
            "Du kan tage ansvar for kundens sag.",
            "Du arbejder selvstændigt i et travlt team.",
        ),
        "empathizer": (
            "Du er servicemindet.",
            "Du har et smil i stemmen.",
            "Du er hjælpsom over for kollegerne.",
        ),
        "competitor": ("Du når altid dine salgsmål.", "Du motiveres af provision."),
        "repeat": ("Som problemløser finder du altid en vej.", "Vi har brug for en problemløser."),
    },
    "nb": {
        "controller": (
            "Du er en god problemløser.",
            "Du kan ta ansvar for kundens sak.",
            "Du jobber selvstendig i et travelt team.",
        ),
        "empathizer": (
            "Du er serviceinnstilt.",
            "Du har et smil i stemmen.",
            "Du er hjelpsom overfor kollegene.",
        ),
        "competitor": ("Du når alltid dine salgsmål.", "Du motiveres av provisjon."),
        "repeat": ("Som problemløser finner du alltid en vei.", "Vi trenger en problemløser."),
    },
    "sv": {
        "controller": (
            "Du är en duktig problemlösare.",
            "Du kan ta ansvar för kundens ärende.",
            "Du arbetar självständigt i ett stort team.",
        ),
        "empathizer": (
            "Du är serviceinriktad.",
            "Du har ett trevligt bemötande.",
            "Du är hjälpsam mot kollegorna.",
        ),
        "competitor": ("Du når alltid dina säljmål.", "Du motiveras av provision."),
        "repeat": ("Som problemlösare hittar du alltid en väg.", "Vi behöver en problemlösare."),
    },
}
NEUTRAL_LINES = {
    "en": ("You answer calls and e-mails from our customers.", "You work at our office in Leeds."),
    "da": ("Du besvarer opkald og mails fra vores kunder.", "Du arbejder på vores kontor i Aarhus."),
    "nb": ("Du besvarer telefoner og e-poster fra våre kunder.", "Du jobber på kontoret vårt i Bergen."),
    "sv": ("Du besvarar samtal och mejl från våra kunder.", "Du arbetar på vårt kontor i Malmö."),
}
BALANCED = {
    "en": (
        "You are service-minded and a natural problem solver.",
        "You smile down the phone and take ownership of each case.",
        "You are helpful and work independently.",
    ),
    "da": (
        "Du er servicemindet og en god problemløser.",
        "Du har et smil i stemmen og kan tage ansvar for kundens sag.",
        "Du er hjælpsom og arbejder selvstændigt.",
    ),
    "nb": (
        "Du er serviceinnstilt og en god problemløser.",
        "Du har et smil i stemmen og kan ta ansvar for kundens sak.",
        "Du er hjelpsom og jobber selvstendig.",
    ),
    "sv": (
        "Du är serviceinriktad och en duktig problemlösare.",
        "Du har ett trevligt bemötande och kan ta ansvar för kundens ärende.",
        "Du är hjälpsam och arbetar självständigt.",
    ),
}
ONE_STRONG_WORD = {
    "en": ("We are looking for an eager problem solver for our customer service.", "eager problem solver"),
    "da": ("Vi søger en ivrig problemløser til vores kundeservice.", "ivrig problemløser"),
    "nb": ("Vi søker en ivrig problemløser til vår kundeservice.", "ivrig problemløser"),
    "sv": ("Vi söker en driven problemlösare till vår kundtjänst.", "driven problemlösare"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_reads_an_ad_balanced_between_controller_and_empathizer_as_balanced(language):
    result = core_analyzer(language).analyze(ad(*BALANCED[language]), language)
    assert len(result.verdict.controller) == len(result.verdict.empathizer) == 3
    assert abs(result.controller_index) < VERDICT_THRESHOLD / 2
    assert result.verdict.code == "balanced"


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_does_not_let_one_strong_word_in_a_short_ad_pin_the_index(language):
    sentence, phrase = ONE_STRONG_WORD[language]
    rows = markers(language, weight=1.8, controller=[phrase])
    result = small_analyzer(rows).analyze(ad(sentence, *NEUTRAL_LINES[language]), language)
    assert [m.text for m in result.matches] == [phrase]
    assert result.controller_index is None or abs(result.controller_index) < 30
    assert result.verdict.code in ("insufficient", "balanced")


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_a_larger_index_for_more_distinct_cues_on_one_side(language):
    analyzer = core_analyzer(language)
    cues = CUE_SENTENCES[language]
    empathizer = cues["empathizer"][:1]
    indices = [
        analyzer.analyze(ad(*cues["controller"][:n], *empathizer, *NEUTRAL_LINES[language]), language).controller_index
        for n in (1, 2, 3)
    ]
    assert indices[0] is not None
    assert indices[0] < indices[1] < indices[2]
    assert indices[2] > VERDICT_THRESHOLD
    # and the mirror image: more Empathizer cues read further towards the Empathizer
    mirrored = analyzer.analyze(ad(*cues["empathizer"], cues["controller"][0]), language)
    assert mirrored.controller_index == -indices[2]
    assert mirrored.verdict.code == "empathizer"


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_does_not_raise_the_index_for_a_cue_repeated(language):
    analyzer = core_analyzer(language)
    cues = CUE_SENTENCES[language]
    once = analyzer.analyze(ad(*cues["controller"][:2], cues["empathizer"][0], *NEUTRAL_LINES[language]), language)
    repeated = analyzer.analyze(ad(*cues["controller"][:2], cues["empathizer"][0], *cues["repeat"]), language)
    assert len([m for m in repeated.matches if m.type == "controller"]) == 4
    assert repeated.controller_index == once.controller_index
    assert repeated.evidence.index_cues == once.evidence.index_cues == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_keeps_competitor_cues_out_of_the_index_and_lists_them(language):
    analyzer = core_analyzer(language)
    cues = CUE_SENTENCES[language]
    base = ad(*cues["controller"][:2], *cues["empathizer"][:2])
    without = analyzer.analyze(base, language)
    with_sales = analyzer.analyze(ad(base, *cues["competitor"]), language)
    assert with_sales.scores["competitor"] > 0
    assert with_sales.controller_index == without.controller_index == 0.0
    assert with_sales.verdict.code == without.verdict.code == "balanced"
    assert with_sales.verdict.competitor == tuple(CORE[language]["competitor"])
    assert with_sales.to_dict()["verdict"]["competitor"] == list(CORE[language]["competitor"])


# ---------------------------------------------------------------------------------------------
# 7. Mixed language and refused languages

ENGLISH_AD_WITH_A_SWEDISH_PARAGRAPH = (
    "Customer Service Advisor for our Nordic team",
    "We are looking for a service-minded colleague who is a natural problem solver.",
    "You take ownership of each case and work independently.",
    "Du är en serviceinriktad problemlösare som trivs med att prata med kunder.",
    "Du tar ansvar för våra svenska kunder och deras ärenden varje dag.",
    "We offer a pension scheme and free lunch.",
)
SWEDISH_LINES = (3, 4)


def words(*lines: str) -> int:
    return sum(len(WORD_RE.findall(line)) for line in lines)


def test_it_reads_a_swedish_paragraph_of_an_english_ad_as_swedish():
    rows = markers("en", **CORE["en"]) + markers("sv", **CORE["sv"])
    text = ad(*ENGLISH_AD_WITH_A_SWEDISH_PARAGRAPH)
    result = small_analyzer(rows).analyze(text)
    assert result.language == "en"
    assert [part.language for part in result.parts] == ["en", "en", "en", "sv", "sv", "en"]
    by_sentence = {}
    for match in result.matches:
        by_sentence.setdefault(match.sentence, []).append(match.phrase)
    assert by_sentence[1] == ["service-minded", "problem solver"]
    assert by_sentence[2] == ["take ownership", "work independently"]
    assert by_sentence[3] == ["serviceinriktad", "problemlösare"]
    assert by_sentence[4] == ["ta ansvar"]
    swedish = [ENGLISH_AD_WITH_A_SWEDISH_PARAGRAPH[i] for i in SWEDISH_LINES]
    english = [line for i, line in enumerate(ENGLISH_AD_WITH_A_SWEDISH_PARAGRAPH) if i not in SWEDISH_LINES]
    assert result.to_dict()["languages"] == {"en": words(*english), "sv": words(*swedish)}
    assert list(result.to_dict()["languages"]) == ["en", "sv"]  # the main language first


def test_it_refuses_nynorsk_with_its_own_code(analyzer):
    text = (
        "Vi søkjer ein serviceinnstilt medarbeidar som vil vere med i teamet vårt. "
        "Du er sjølvstendig og tek ansvar for kundane."
    )
    with pytest.raises(UnsupportedLanguage) as excinfo:
        analyzer.analyze(text)
    assert excinfo.value.code == "nynorsk"


def test_it_refuses_a_short_german_text(analyzer):
    with pytest.raises(UnsupportedLanguage) as excinfo:
        analyzer.analyze("Wir suchen einen freundlichen Mitarbeiter für unser Team.")
    assert excinfo.value.code == "unsupported"


def test_it_refuses_a_short_line_between_danish_and_norwegian_until_the_language_is_chosen(analyzer):
    line = "Du er en god kollega med et smil."
    with pytest.raises(UnsupportedLanguage) as excinfo:
        analyzer.analyze(line)
    assert excinfo.value.code == "unsure"
    assert set(excinfo.value.candidates) == {"da", "nb"}
    result = analyzer.analyze(line, language="da")
    assert result.language == "da"
    assert result.word_count == 8


# ---------------------------------------------------------------------------------------------
# 8. HTML remnants

# (tag, line) of a small ad: its plain text is the lines one per line; its HTML wraps each line in
# its tag and writes every non-ASCII letter as a named entity, "&" as "&amp;" and the first space
# of the middle bullet as "&nbsp;".
HTML_ADS = {
    "en": (
        ("h2", "Customer Service Advisor – Leeds"),
        ("p", "We’re looking for a service-minded colleague who enjoys talking to customers."),
        ("li", "You’re a natural problem solver"),
        ("li", "You take ownership and work independently"),
        ("li", "You smile down the phone"),
        ("h3", "What we offer"),
        ("p", "Pension & flexible hours"),
        ("p", "Apply by 1 March."),
    ),
    "da": (
        ("h2", "Kundeservicemedarbejder til vores team i Århus"),
        ("p", "Vi søger en servicemindet kollega, der trives med kundekontakt."),
        ("li", "Du er en ivrig problemløser"),
        ("li", "Du kan tage ansvar og arbejde selvstændigt"),
        ("li", "Du har et smil i stemmen"),
        ("h3", "Det får du"),
        ("p", "Pension & fleksibel arbejdstid"),
        ("p", "Send din ansøgning senest 1. marts."),
    ),
    "nb": (
        ("h2", "Kundeservicemedarbeider til vårt team i Tromsø"),
        ("p", "Vi søker en serviceinnstilt kollega som trives med kundekontakt."),
        ("li", "Du er en ivrig problemløser"),
        ("li", "Du kan ta ansvar og jobbe selvstendig"),
        ("li", "Du har et smil i stemmen"),
        ("h3", "Hva får du hos oss"),
        ("p", "Pensjon & fleksibel arbeidstid"),
        ("p", "Send din søknad innen 1. mars."),
    ),
    "sv": (
        ("h2", "Kundtjänstmedarbetare till vårt team i Göteborg"),
        ("p", "Vi söker en serviceinriktad kollega som trivs med kundkontakt."),
        ("li", "Du är en duktig problemlösare"),
        ("li", "Du kan ta ansvar och arbeta självständigt"),
        ("li", "Du har ett trevligt bemötande"),
        ("h3", "Förmåner"),
        ("p", "Tjänstepension & flexibel arbetstid"),
        ("p", "Sista ansökningsdag är 1 mars."),
    ),
}


def as_entities(line: str) -> str:
    return "".join(f"&{codepoint2name[ord(ch)]};" if ord(ch) > 127 else ch for ch in html.escape(line, quote=False))


def html_ad(language: str) -> str:
    out, in_list, bullets = [], False, 0
    for tag, line in HTML_ADS[language]:
        if tag == "li" and not in_list:
            out.append("<ul>")
        if tag != "li" and in_list:
            out.append("</ul>")
        in_list = tag == "li"
        encoded = as_entities(line)
        if tag == "li":
            bullets += 1
            if bullets == 2:
                encoded = encoded.replace(" ", "&nbsp;", 1)
        out.append(f"<{tag}>{encoded}</{tag}>")
    return "".join(out)


def plain_ad(language: str) -> str:
    return ad(*(line for _tag, line in HTML_ADS[language]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_reads_an_ad_pasted_as_html_as_its_plain_text(language):
    analyzer = core_analyzer(language)
    pasted = analyzer.analyze(html_ad(language), language)
    plain = analyzer.analyze(plain_ad(language), language)
    assert pasted.scores == plain.scores
    assert pasted.controller_index == plain.controller_index
    assert pasted.verdict.code == plain.verdict.code
    assert pasted.evidence == plain.evidence
    assert pasted.readability.lix == plain.readability.lix
    assert pasted.word_count == plain.word_count


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_the_parts_of_an_html_ad_the_kinds_of_its_plain_text(language):
    analyzer = core_analyzer(language)
    pasted = analyzer.analyze(html_ad(language), language)
    plain = analyzer.analyze(plain_ad(language), language)
    assert [(p.kind, p.counted) for p in pasted.parts] == [(p.kind, p.counted) for p in plain.parts]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_points_the_matches_of_an_html_ad_into_the_html(language):
    analyzer = core_analyzer(language)
    text = html_ad(language)
    pasted = analyzer.analyze(text, language)
    plain = analyzer.analyze(plain_ad(language), language)
    assert pasted.matches
    for match in pasted.matches:
        assert text[match.start : match.end] == match.text
    assert [html.unescape(m.text).replace("\xa0", " ") for m in pasted.matches] == [m.text for m in plain.matches]
    for part in pasted.parts:
        assert not text[part.start : part.end].startswith("<")


TASK_LISTS = {
    "en": (
        "Your tasks",
        "Answer customer enquiries by phone and e-mail",
        "Register every case in our customer system",
        "Follow up on dissatisfied customers within a day",
        "Work closely with colleagues in the finance department",
    ),
    "da": (
        "Dine opgaver",
        "Besvare henvendelser fra kunder på telefon og mail",
        "Registrere sager i vores kundesystem",
        "Følge op på utilfredse kunder inden for et døgn",
        "Samarbejde med kollegerne i økonomiafdelingen",
    ),
    "nb": (
        "Dine oppgaver",
        "Besvare henvendelser fra kunder på telefon og e-post",
        "Registrere saker i kundesystemet vårt",
        "Følge opp misfornøyde kunder innen et døgn",
        "Samarbeide med kollegene i økonomiavdelingen",
    ),
    "sv": (
        "Dina arbetsuppgifter",
        "Besvara kundärenden via telefon och mejl",
        "Registrera ärenden i vårt kundsystem",
        "Följa upp missnöjda kunder inom ett dygn",
        "Samarbeta med kollegorna på ekonomiavdelningen",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("bullet", ["", "• ", "- "])
def test_it_gives_a_list_without_full_stops_the_lix_of_the_same_list_with_them(analyzer, language, bullet):
    heading, *items = TASK_LISTS[language]
    without = analyzer.analyze(ad(heading, *(bullet + item for item in items)), language)
    with_stops = analyzer.analyze(ad(heading, *(bullet + item + "." for item in items)), language)
    assert without.readability.sentences == with_stops.readability.sentences == len(items) + 1
    assert abs(without.readability.lix - with_stops.readability.lix) <= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_splits_an_inline_bullet_list_into_its_items(analyzer, language):
    heading, *items = TASK_LISTS[language]
    inline = analyzer.analyze(heading + "\n• " + " • ".join(items), language)
    one_per_line = analyzer.analyze(ad(heading, *items), language)
    assert len(inline.parts) == len(one_per_line.parts) == len(items) + 1
    assert abs(inline.readability.lix - one_per_line.readability.lix) <= 3


# ---------------------------------------------------------------------------------------------
# 9. Rewrites

# An Empathizer noun with an adjective and a whole-sentence rewrite: no word-level rewrite fits.
NOUN_MARKER = {
    "en": ("empathy", "solution-focused", "You take ownership of each case and see it through to a solution."),
    "da": ("empati", "løsningsorienteret", "Du tager ejerskab for kundens sag og finder den rette løsning."),
    "nb": ("empati", "løsningsorientert", "Du tar eierskap til kundens sak og finner den riktige løsningen."),
    "sv": ("empati", "lösningsorienterad", "Du tar ägarskap för kundens ärende och hittar rätt lösning."),
}
NOUN_SENTENCE = {
    "en": "You have empathy and patience with every caller.",
    "da": "Du har empati og tålmodighed med alle, der ringer.",
    "nb": "Du har empati og tålmodighet med alle som ringer.",
    "sv": "Du har empati och tålamod med alla som ringer.",
}
# An Empathizer adjective in its base and an inflected form, with an adjective and a clause rewrite.
ADJECTIVE_MARKER = {
    "da": ("servicemindet", "løsningsorienteret", "Du tager ejerskab for kundens sag og finder den rette løsning."),
    "nb": ("serviceinnstilt", "løsningsorientert", "Du tar eierskap til kundens sak og finner den riktige løsningen."),
    "sv": ("serviceinriktad", "lösningsorienterad", "Du tar ägarskap för kundens ärende och hittar rätt lösning."),
}
BASE_AND_INFLECTED = {
    "da": (
        "Vi søger en servicemindet medarbejder til kundeservice.",
        "Vi søger servicemindede medarbejdere til kundeservice.",
    ),
    "nb": (
        "Vi søker en serviceinnstilt medarbeider til kundeservice.",
        "Vi søker serviceinnstilte medarbeidere til kundeservice.",
    ),
    "sv": (
        "Vi söker en serviceinriktad medarbetare till kundtjänst.",
        "Vi söker serviceinriktade medarbetare till kundtjänst.",
    ),
}


def rewrite_analyzer(language: str, phrase: str, pos: str, adjective: str, clause: str, examples=None) -> Analyzer:
    row = {
        "language": language,
        "type": "empathizer",
        "phrase": phrase,
        "weight": 1.0,
        "pos": pos,
        "suggestions": (
            {"type": "controller", "text": adjective, "pos": "adj"},
            {"type": "controller", "text": clause, "pos": "clause"},
        ),
    }
    return small_analyzer([row], examples)


def rewrites(result) -> list:
    return [s for s in result.suggestions if s.kind == "rewrite"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_rewrites_the_whole_sentence_of_a_noun_that_only_has_an_adjective_rewrite(language):
    phrase, adjective, clause = NOUN_MARKER[language]
    text = ad("Kundeservice" if language != "en" else "Customer service", NOUN_SENTENCE[language])
    result = rewrite_analyzer(language, phrase, "noun", adjective, clause).analyze(text, language)
    assert [m.phrase for m in result.matches] == [phrase]
    part = part_of(result, text, NOUN_SENTENCE[language])
    [rewrite] = rewrites(result)
    assert rewrite.scope == "sentence"
    assert (rewrite.start, rewrite.end) == (part.start, part.end)
    assert rewrite.original == NOUN_SENTENCE[language] == text[rewrite.start : rewrite.end]
    assert rewrite.replacement == clause
    assert rewrite.type == "controller"
    assert [s for s in result.to_dict()["suggestions"] if s["kind"] == "rewrite"][0]["scope"] == "sentence"


@pytest.mark.parametrize("language", ["da", "nb", "sv"])
def test_it_rewrites_a_base_form_adjective_word_for_word_and_an_inflected_one_whole(language):
    phrase, adjective, clause = ADJECTIVE_MARKER[language]
    analyzer = rewrite_analyzer(language, phrase, "adj", adjective, clause)
    base, inflected = BASE_AND_INFLECTED[language]

    [word] = rewrites(analyzer.analyze(base, language))
    assert word.scope is None
    assert base[word.start : word.end] == phrase
    assert word.replacement == adjective
    applied = base[: word.start] + word.replacement + base[word.end :]
    assert applied == base.replace(phrase, adjective)

    [whole] = rewrites(analyzer.analyze(inflected, language))
    assert whole.scope == "sentence"
    assert (whole.start, whole.end) == (0, len(inflected))
    assert whole.original == inflected
    assert whole.replacement == clause


# An ad whose profile lines end before the benefits: the "add" suggestion goes right after them.
ADD_ADS = {
    "en": (
        ("Customer Service Advisor", "We are looking for a service-minded colleague.", "You smile down the phone."),
        ("You are helpful to colleagues.",),
        ("We offer", "A pension scheme and free lunch.", "Send your application by 1 March."),
    ),
    "da": (
        ("Kundeservicemedarbejder", "Vi søger en servicemindet kollega.", "Du har et smil i stemmen."),
        ("Du er hjælpsom over for kollegerne.",),
        ("Vi tilbyder", "Pension og frokostordning.", "Send din ansøgning senest 1. marts."),
    ),
    "nb": (
        ("Kundeservicemedarbeider", "Vi søker en serviceinnstilt kollega.", "Du har et smil i stemmen."),
        ("Du er hjelpsom overfor kollegene.",),
        ("Vi tilbyr", "Pensjon og kantine.", "Send din søknad innen 1. mars."),
    ),
    "sv": (
        ("Kundtjänstmedarbetare", "Vi söker en serviceinriktad kollega.", "Du har ett trevligt bemötande."),
        ("Du är hjälpsam mot kollegorna.",),
        ("Vi erbjuder", "Tjänstepension och friskvårdsbidrag.", "Sista ansökningsdag är 1 mars."),
    ),
}
ADD_EXAMPLE = {
    "en": "You take ownership of each case and see it through.",
    "da": "Du tager ansvar for kundens sag fra start til slut.",
    "nb": "Du tar ansvar for kundens sak fra start til slutt.",
    "sv": "Du tar ansvar för kundens ärende från start till mål.",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("bullet", ["", "- "])
def test_it_inserts_an_added_requirement_after_the_last_profile_line(language, bullet):
    head, last, tail = ADD_ADS[language]
    profile = (*head[:1], *(bullet + line for line in (*head[1:], *last)))
    text = ad(*profile, *tail)
    analyzer = core_analyzer(language, examples={(language, "controller"): [ADD_EXAMPLE[language]]})
    result = analyzer.analyze(text, language)
    [add] = [s for s in result.suggestions if s.kind == "add"]
    assert add.type == "controller"
    assert add.start == add.end
    last_line = profile[-1]
    assert text[: add.start].rstrip("\n").endswith(last_line)
    assert text.index(tail[0]) >= add.start
    applied = text[: add.start] + add.replacement + text[add.start :]
    lines = applied.split("\n")
    at = lines.index(last_line)
    assert lines[at + 1].endswith(ADD_EXAMPLE[language])
    assert lines[at + 1] in (ADD_EXAMPLE[language], bullet + ADD_EXAMPLE[language])
    assert lines[at + 2] == tail[0]
    assert lines[: at + 1] == list(profile) and lines[at + 2 :] == list(tail)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_writes_an_added_requirement_in_a_bulleted_list_as_a_bullet(language):
    head, last, tail = ADD_ADS[language]
    profile = (*head[:1], *("- " + line for line in (*head[1:], *last)))
    text = ad(*profile, *tail)
    analyzer = core_analyzer(language, examples={(language, "controller"): [ADD_EXAMPLE[language]]})
    [add] = [s for s in analyzer.analyze(text, language).suggestions if s.kind == "add"]
    applied = text[: add.start] + add.replacement + text[add.start :]
    assert "- " + ADD_EXAMPLE[language] in applied.split("\n")


@pytest.mark.parametrize(
    "language,sentence,number",
    [
        ("en", "You are welcome to call Jane Smith on 020 7946 0000 to hear more.", "020 7946 0000"),
        ("da", "Du er velkommen til at ringe til Mette Hansen på 12 34 56 78 og høre mere.", "12 34 56 78"),
        ("nb", "Du er velkommen til å ringe Kari Nordmann på 912 34 567 for å høre mer.", "912 34 567"),
        ("sv", "Du är välkommen att ringa Anna Svensson på 070-123 45 67 för att höra mer.", "070-123 45 67"),
    ],
)
@pytest.mark.parametrize("blank", ["\t", "\xa0", " \t "])
def test_it_reads_a_contact_line_typed_with_tabs_or_no_break_spaces_as_a_contact_line(
    analyzer, language, sentence, number, blank
):
    # Text pasted from a spreadsheet or a web form keeps its tabs; such a contact line used to be
    # read as a sentence about the candidate ("Du\ter") and counted in the type mix.
    text = sentence.replace(" ", blank)
    result = analyzer.analyze(text, language)
    [part] = result.parts
    assert (part.kind, part.counted, part.cue) == ("contact", False, number)
