"""What an HRIS export's columns and cells mean: headers, dates and coded values as English,
Danish, Norwegian and Swedish exports write them. Pure.

Keys of the coded vocabularies are the values of workforce.models (ExitType, ExitReason, Channel,
EmploymentStatus); tests/workforce/test_hris_import_columns.py keeps them equal.
"""

import datetime
import re
from collections.abc import Mapping

FIELDS = (
    "employee_number",
    "name",
    "team",
    "hire_date",
    "exit_date",
    "exit_type",
    "email",
    "manager",
    "role_profile",
    "channels",
    "exit_reason",
    "source",
    "employment_status",
)
REQUIRED = ("employee_number", "name", "team", "hire_date", "exit_date", "exit_type")
HEADERS = {
    "employee_number": (
        "employee number",
        "employee no",
        "employee id",
        "emp no",
        "staff number",
        "personnel number",
        "medarbejdernummer",
        "medarbejdernr",
        "medarbejder nr",
        "medarbejder-id",
        "lønnummer",
        "ansattnummer",
        "ansattnr",
        "ansatt nr",
        "ansatt-id",
        "anställningsnummer",
        "anställningsnr",
        "medarbetarnummer",
        "medarbetar-id",
        "personalnummer",
    ),
    "name": ("name", "full name", "employee name", "navn", "fulde navn", "fullt navn", "namn", "fullständigt namn"),
    "team": ("team", "department", "afdeling", "avdeling", "avdelning", "gruppe", "grupp", "enhed", "enhet"),
    "hire_date": (
        "hire date",
        "start date",
        "date of hire",
        "employment date",
        "ansættelsesdato",
        "tiltrædelsesdato",
        "startdato",
        "ansettelsesdato",
        "tiltredelsesdato",
        "anställningsdatum",
        "startdatum",
        "tillträdesdatum",
    ),
    "exit_date": (
        "exit date",
        "termination date",
        "leaving date",
        "end date",
        "fratrædelsesdato",
        "fratrædelse",
        "slutdato",
        "sidste arbejdsdag",
        "sluttdato",
        "fratredelsesdato",
        "siste arbeidsdag",
        "slutdatum",
        "avgångsdatum",
        "sista arbetsdag",
    ),
    "exit_type": (
        "exit type",
        "termination type",
        "type of exit",
        "fratrædelsestype",
        "opsigelsestype",
        "sluttype",
        "oppsigelsestype",
        "avgångstyp",
        "uppsägningstyp",
    ),
    "email": ("e-mail", "email address", "work email", "mail", "e-post", "epost", "e-mailadresse", "e-postadresse"),
    "manager": (
        "manager",
        "team lead",
        "team leader",
        "line manager",
        "leder",
        "nærmeste leder",
        "teamleder",
        "chef",
        "närmaste chef",
        "teamledare",
    ),
    "role_profile": ("role profile", "role", "job title", "position", "rolle", "stilling", "roll", "befattning"),
    "channels": ("channel", "kanaler", "kanal"),
    "exit_reason": (
        "exit reason",
        "termination reason",
        "reason for leaving",
        "fratrædelsesårsag",
        "opsigelsesårsag",
        "årsag",
        "sluttårsak",
        "oppsigelsesårsak",
        "årsak",
        "avgångsorsak",
        "orsak",
    ),
    "source": ("source", "recruitment source", "kilde", "rekrutteringskilde", "källa", "rekryteringskälla"),
    "employment_status": (
        "employment status",
        "status",
        "ansættelsesstatus",
        "ansettelsesstatus",
        "anställningsstatus",
    ),
}
EXIT_TYPES = {
    "voluntary": (
        "frivillig",
        "frivilligt",
        "egen opsigelse",
        "egen oppsigelse",
        "egen uppsägning",
        "opsagt selv",
        "sagt op",
        "sagt opp",
        "resigned",
        "resignation",
    ),
    "involuntary": (
        "ufrivillig",
        "ufrivilligt",
        "ofrivillig",
        "ofrivilligt",
        "opsagt",
        "oppsagt",
        "uppsagd",
        "afskediget",
        "bortvist",
        "avskjediget",
        "avskedad",
        "arbejdsgivers opsigelse",
        "arbeidsgivers oppsigelse",
        "arbetsgivarens uppsägning",
        "dismissed",
        "terminated",
    ),
}
EXIT_REASONS = {
    "career": ("career move elsewhere", "career", "new job", "nyt job", "karriere", "ny jobb", "nytt jobb", "karriär"),
    "studies": ("studies", "study", "uddannelse", "studier", "utdanning", "studie", "utbildning"),
    "pay": ("pay", "salary", "løn", "lønn", "lön"),
    "workload": ("workload or stress", "workload", "stress", "arbejdspres", "arbeidspress", "arbetsbelastning"),
    "schedule": ("working hours", "hours", "arbejdstid", "arbeidstid", "arbetstid"),
    "manager": ("manager or team", "manager", "leder", "ledelse", "chef", "ledning"),
    "no_development": (
        "lack of development",
        "no development",
        "manglende udvikling",
        "manglende utvikling",
        "mangel på utvikling",
        "brist på utveckling",
        "ingen utveckling",
    ),
    "relocation": ("moving away", "relocation", "flytning", "fraflytning", "flytting", "flytt", "flyttning"),
    "performance": ("performance", "præstation", "præstationer", "prestasjon", "prestasjoner", "prestation"),
    "conduct": ("conduct", "misconduct", "adfærd", "opførsel", "atferd", "oppførsel", "uppförande"),
    "redundancy": ("redundancy", "layoff", "nedskæring", "arbejdsmangel", "nedbemanning", "arbetsbrist"),
    "end_of_contract": (
        "end of fixed-term contract",
        "end of contract",
        "tidsbegrænset ansættelse udløbet",
        "kontrakt udløbet",
        "midlertidig ansettelse utløpt",
        "kontrakt utløpt",
        "visstidsanställning upphört",
        "visstid",
    ),
    "other": ("other", "andet", "annet", "annat", "øvrigt", "övrigt"),
}
CHANNELS = {
    "phone": ("phone", "telefon", "tlf", "voice"),
    "email": ("email", "e-mail", "mail", "e-post", "epost"),
    "chat": ("chat", "chatt"),
    "social": ("social", "social media", "sociale medier", "sosiale medier", "sociala medier", "some"),
    "back_office": ("back office", "backoffice", "sagsbehandling", "saksbehandling", "ärendehantering"),
}
EMPLOYMENT_STATUSES = {
    "active": ("active", "aktiv", "ansat", "ansatt", "anställd", "employed"),
    "on_leave": ("on leave", "leave", "orlov", "permisjon", "tjenestefri", "tjänstledig", "föräldraledig", "barsel"),
    "exited": ("exited", "left", "fratrådt", "fratrådt", "sluttet", "slutat", "avgått", "fratrædt"),
}
DATE_FORMATS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), (1, 2, 3)),
    # Day first, as every Nordic country writes it: 05-03-2024, 5.3.2024, 05/03/2024.
    (re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$"), (3, 2, 1)),
)
LIST_SEPARATORS = re.compile(r"[,;/|]")
MIN_YEAR, MAX_YEAR = 1900, 2100


def fold(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def _lookup(names: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(alias): key for key, aliases in names.items() for alias in (key, *aliases)}


HEADER_LOOKUP = _lookup(HEADERS)
EXIT_TYPE_LOOKUP = _lookup(EXIT_TYPES)
EXIT_REASON_LOOKUP = _lookup(EXIT_REASONS)
CHANNEL_LOOKUP = _lookup(CHANNELS)
STATUS_LOOKUP = _lookup(EMPLOYMENT_STATUSES)


def columns_guess(header: list[str]) -> dict[str, int]:
    """Our field → the index of the first column whose header is one of that field's names."""
    guessed: dict[str, int] = {}
    for index, name in enumerate(header):
        ours = HEADER_LOOKUP.get(fold(name))
        if ours is not None:
            guessed.setdefault(ours, index)
    return guessed


def columns_map(header: list[str], mapping: Mapping[str, str] | None) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Our field → column index, the mapping given by hand first, the guess for the rest; and the
    problems as (field, code): "unknown_field", "column_missing"."""
    mapping = mapping or {}
    found = {}
    for index, name in enumerate(header):
        found.setdefault(fold(name), index)
    problems = [(ours, "unknown_field") for ours in sorted(set(mapping) - set(FIELDS))]
    guessed = columns_guess(header)
    columns = {}
    for ours in FIELDS:
        wanted = mapping.get(ours)
        if wanted:
            index = found.get(fold(wanted))
            if index is None:
                problems.append((ours, "column_missing"))
                continue
            columns[ours] = index
        elif ours in guessed and ours not in mapping:
            columns[ours] = guessed[ours]
    return columns, problems


def date_parsed(text: str) -> datetime.date | None:
    """An ISO or day-first date, or None when the text is not one."""
    for pattern, (y, m, d) in DATE_FORMATS:
        match = pattern.match(text)
        if match:
            try:
                value = datetime.date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                return None
            return value if MIN_YEAR <= value.year <= MAX_YEAR else None
    return None


def coded(text: str, lookup: Mapping[str, str]) -> str | None:
    return lookup.get(fold(text))


def channels_parsed(text: str) -> tuple[list[str], list[str]]:
    """The channels named in a comma or semicolon list, in our order, and the words not understood."""
    found, unknown = set(), []
    for word in LIST_SEPARATORS.split(text):
        if not word.strip():
            continue
        code = CHANNEL_LOOKUP.get(fold(word))
        if code is None:
            unknown.append(word.strip())
        else:
            found.add(code)
    return [code for code in CHANNELS if code in found], unknown
