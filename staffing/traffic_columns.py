"""What a traffic export's columns and cells mean: headers, channel names, dates, times, counts and
handling times as English, Danish, Norwegian and Swedish exports write them. Pure.

Keys of CHANNELS are the staffed channels (staffing.models.STAFFED_CHANNELS; tests keep them equal).
"""

import datetime
import re
from collections.abc import Mapping

from workforce.hris_columns import date_parsed, fold

FIELDS = ("date", "start", "end", "channel", "contacts", "aht")
# Best names first: a file with both offered and answered counts is read by its offered ones.
HEADERS = {
    "date": ("date", "day", "interval date", "report date", "dato", "dag", "rapportdato", "datum", "rapportdatum"),
    "start": (
        "interval start",
        "interval",
        "start",
        "start time",
        "time",
        "time of day",
        "period",
        "period start",
        "timestamp",
        "date time",
        "datetime",
        "date and time",
        "intervalstart",
        "starttid",
        "starttidspunkt",
        "tidspunkt",
        "klokkeslæt",
        "tid",
        "periode",
        "halvtime",
        "kvarter",
        "tidsstempel",
        "dato og tid",
        "intervallstart",
        "intervall",
        "klokkeslett",
        "tidpunkt",
        "klockslag",
        "halvtimme",
        "kvart",
        "tidsstämpel",
        "datum och tid",
    ),
    "end": (
        "interval end",
        "end",
        "end time",
        "to",
        "intervalslut",
        "sluttid",
        "sluttidspunkt",
        "slut",
        "til",
        "intervallslutt",
        "slutt",
        "intervallslut",
        "till",
    ),
    "channel": (
        "channel",
        "media type",
        "media",
        "medium",
        "contact type",
        "kanal",
        "kanaltype",
        "medietype",
        "medie",
        "kontakttype",
        "kanaltyp",
        "medietyp",
        "kontakttyp",
    ),
    "contacts": (
        "contacts offered",
        "offered",
        "calls offered",
        "offered contacts",
        "offered calls",
        "contacts",
        "calls",
        "volume",
        "incoming",
        "inbound",
        "tilbudte opkald",
        "tilbudte",
        "tilbudte kontakter",
        "tilbudte henvendelser",
        "indgående opkald",
        "indgående",
        "henvendelser",
        "antal henvendelser",
        "antal opkald",
        "opkald",
        "kontakter",
        "antal kontakter",
        "tilbudte anrop",
        "tilbudte samtaler",
        "innkommende anrop",
        "innkommende",
        "antall henvendelser",
        "antall anrop",
        "anrop",
        "samtaler",
        "erbjudna samtal",
        "erbjudna",
        "erbjudna kontakter",
        "inkommande samtal",
        "inkommande",
        "inkomna ärenden",
        "antal ärenden",
        "ärenden",
        "antal samtal",
        "samtal",
        "volym",
        # Answered counts leave out the callers who gave up: a fallback when nothing offered is there.
        "answered",
        "calls answered",
        "contacts answered",
        "handled",
        "besvarede opkald",
        "besvarede",
        "besvarte anrop",
        "besvarte",
        "besvarade samtal",
        "besvarade",
        "hanterade",
    ),
    "aht": (
        "aht",
        "average handle time",
        "average handling time",
        "avg handle time",
        "avg handling time",
        "avg. handle time",
        "handle time",
        "handling time",
        "gennemsnitlig behandlingstid",
        "gns. behandlingstid",
        "gns behandlingstid",
        "gennemsnitlig håndteringstid",
        "behandlingstid",
        "håndteringstid",
        "gjennomsnittlig behandlingstid",
        "gj.snitt behandlingstid",
        "snitt behandlingstid",
        "gjennomsnittlig håndteringstid",
        "genomsnittlig hanteringstid",
        "genomsnittlig behandlingstid",
        "snitt hanteringstid",
        "medelhanteringstid",
        "hanteringstid",
    ),
}
ANSWERED_HEADERS = frozenset(HEADERS["contacts"][HEADERS["contacts"].index("answered") :])
# Keys: the staffed channels (staffing.models.STAFFED_CHANNELS; tests keep them equal).
CHANNELS = {
    "phone": ("telephone", "telephony", "voice", "call", "calls", "telefon", "telefoni", "tlf", "opkald", "anrop"),
    "email": ("e-mail", "mail", "emails", "e-mails", "e-post", "epost", "e-brev"),
    "chat": ("chatt", "webchat", "web chat", "live chat", "livechat", "messaging"),
}
AHT_UNITS = ("seconds", "minutes")
# "AHT (min)", "Behandlingstid, minutter": decimal handling times in minutes.
MINUTE_UNIT = re.compile(r"\b(min|mins|minutes|minutter|minuter)\b\.?", re.IGNORECASE)
UNIT_SUFFIX = re.compile(r"\s*(?:[(\[][^)\]]*[)\]]|,\s*\w+\.?)\s*$")

TIME = r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"
TIME_ONLY = re.compile(rf"^{TIME}$")
TIME_RANGE = re.compile(rf"^{TIME}\s*[-–—]\s*{TIME}$")
DATE_TIME = re.compile(rf"^(\S+?)(?:T|\s+)(?:kl\.?\s*)?{TIME}$")
WHOLE = re.compile(r"^[+-]?\d+$")
DECIMAL = re.compile(r"^([+-]?\d+)[.,](\d+)$")
GROUPED = re.compile(r"^([+-]?\d{1,3}(?:\.\d{3})+),(\d+)$|^([+-]?\d{1,3}(?:,\d{3})+)\.(\d+)$")
DURATION = re.compile(r"^(?:(\d+):)?(\d{1,3}):([0-5]\d)(?:[.,](\d+))?$")
GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f")


def _lookup(names: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    """Folded alias → (key, rank); a lower rank is a better name."""
    found: dict[str, tuple[str, int]] = {}
    for key, aliases in names.items():
        for rank, alias in enumerate((key, *aliases)):
            found.setdefault(fold(alias), (key, rank))
    return found


HEADER_LOOKUP = _lookup(HEADERS)
CHANNEL_LOOKUP = {alias: key for alias, (key, _rank) in _lookup(CHANNELS).items()}


# Headers ---------------------------------------------------------------------------------------


def _header_key(name: str) -> tuple[str, int] | None:
    """A header's field and rank; a unit in brackets or after a comma ("AHT (sek.)") is ignored."""
    folded = fold(name)
    return HEADER_LOOKUP.get(folded) or HEADER_LOOKUP.get(fold(UNIT_SUFFIX.sub("", folded)))


def columns_guess(header: list[str]) -> dict[str, int]:
    """Our field → the index of the column with the best of that field's names."""
    best: dict[str, tuple[int, int]] = {}
    for index, name in enumerate(header):
        found = _header_key(name)
        if found is not None:
            ours, rank = found
            if ours not in best or rank < best[ours][0]:
                best[ours] = (rank, index)
    return {ours: index for ours, (_rank, index) in best.items()}


def is_answered_header(name: str) -> bool:
    """True for a count of answered contacts: it leaves out the callers who gave up."""
    folded = fold(name)
    return folded in ANSWERED_HEADERS or fold(UNIT_SUFFIX.sub("", folded)) in ANSWERED_HEADERS


def aht_unit_guess(header_name: str) -> str:
    return "minutes" if MINUTE_UNIT.search(header_name) else "seconds"


def columns_map(
    header: list[str], mapping: Mapping[str, str] | None
) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    """Our field → column index: the mapping given by hand first ("" for a field not in the file),
    the guess for the others; and the problems with the mapping as (field or "file", code, value)."""
    mapping = mapping or {}
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        found.setdefault(fold(name), index)
    problems = [("file", "unknown_field", str(ours)) for ours in sorted(set(mapping) - set(FIELDS))]
    guessed = columns_guess(header)
    columns = {}
    for ours in FIELDS:
        wanted = mapping.get(ours)
        if wanted:
            index = found.get(fold(wanted))
            if index is None:
                problems.append((ours, "column_missing", wanted))
                continue
            columns[ours] = index
        elif ours in guessed and ours not in mapping:
            columns[ours] = guessed[ours]
    return columns, problems


# Cells -----------------------------------------------------------------------------------------


def _minutes(hour: str, minute: str, second: str | None) -> int | None:
    """Minutes after midnight, or None; an interval starts on a whole minute."""
    h, m = int(hour), int(minute)
    if h > 23 or m > 59 or (second and int(second) != 0):
        return None
    return h * 60 + m


def moment_parsed(text: str) -> tuple[datetime.date | None, int | None, int | None] | None:
    """(day, start minutes, length minutes) from a date, a time, a time range (08:00-08:30) or a date
    and time (2024-03-01 08:00, 2024-03-01T08:00:00); None when the text is none of them. A range
    ending at 00:00 ends at midnight."""
    match = TIME_ONLY.match(text)
    if match:
        start = _minutes(*match.groups())
        return None if start is None else (None, start, None)
    match = TIME_RANGE.match(text)
    if match:
        start, end = _minutes(*match.groups()[:3]), _minutes(*match.groups()[3:])
        if start is None or end is None:
            return None
        return None, start, (end or 1440) - start
    day = date_parsed(text)
    if day is not None:
        return day, None, None
    match = DATE_TIME.match(text)
    if match:
        day, start = date_parsed(match[1]), _minutes(*match.groups()[1:])
        if day is not None and start is not None:
            return day, start, None
    return None


def number_parsed(text: str) -> tuple[float, int] | None:
    """The number and how many digits follow its decimal sign (a comma or a point); thousands
    grouped with spaces, or with the other sign when both are there (1.234,5 and 1,234.5)."""
    text = text.translate(GROUP_SPACES)
    if WHOLE.match(text):
        return float(text), 0
    match = DECIMAL.match(text)
    if match:
        return float(f"{match[1]}.{match[2]}"), len(match[2])
    match = GROUPED.match(text)
    if match:
        whole, fraction = (match[1], match[2]) if match[1] else (match[3], match[4])
        return float(f"{whole.replace('.', '').replace(',', '')}.{fraction}"), len(fraction)
    return None


def aht_parsed(text: str, unit: str) -> float | None:
    """Seconds from a number (in `unit`) or a duration: m:ss, mm:ss or h:mm:ss."""
    number = number_parsed(text)
    if number is not None:
        return number[0] * 60 if unit == "minutes" else number[0]
    match = DURATION.match(text)
    if match:
        hours, minutes, seconds, fraction = match.groups()
        if hours is not None and int(minutes) > 59:
            return None
        value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        return value + float(f"0.{fraction}") if fraction else float(value)
    return None
