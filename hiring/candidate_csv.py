"""Candidates from a CSV file as an ATS or a job board exports it: read, map, validate. Pure.

Every row is checked and every error returned with its line, so a file is fixed in one go; the
service imports nothing unless there are none. Errors are codes with the value that caused them:
the service words them in the user's language.
"""

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from hiring.pipeline_matching import phone_normalize
from servicefit.core.unsafe_text import has_unsafe_text

FIELDS = ("name", "email", "phone", "language", "source")
REQUIRED = ("name", "email")
MAX_LENGTHS = {"name": 200, "email": 254}
# Headers as English, Danish, Norwegian and Swedish exports write them, compared in lower case.
HEADERS = {
    "name": ("name", "full name", "candidate", "candidate name", "navn", "fulde navn", "fullt navn", "namn"),
    "email": ("email", "e-mail", "e-mail address", "email address", "mail", "e-post", "epost", "e-postadresse"),
    "phone": (
        "phone",
        "phone number",
        "mobile",
        "telephone",
        "telefon",
        "telefonnummer",
        "tlf",
        "mobil",
        "mobilnummer",
    ),
    "language": ("language", "sprog", "språk", "sprak"),
    "source": ("source", "kilde", "källa", "kalla"),
}
# Keys: servicefit.core.languages.LANGUAGE_CODES; values: names a spreadsheet may hold instead.
LANGUAGE_NAMES = {
    "en": ("english", "engelsk", "engelska"),
    "da": ("danish", "dansk", "danska"),
    "nb": ("norwegian", "norsk", "norska", "bokmål", "norsk bokmål", "no"),
    "sv": ("swedish", "svensk", "svenska", "se"),
}
# Keys: hiring.models.Candidate.Source values (tests/hiring/test_candidate_csv.py keeps them equal).
SOURCE_NAMES = {
    "job_board": ("job board", "jobboard", "jobbank", "jobportal", "jobbportal", "stillingsportal", "finn.no"),
    "referral": ("referral", "henvisning", "anbefaling", "tips", "rekommendation", "anbefalt"),
    "internal_move": ("internal", "internal move", "intern", "internt", "intern flytning", "intern rekruttering"),
    "other": ("other", "andet", "annet", "annat"),
}
EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}$")


@dataclass(frozen=True)
class RowError:
    line: int  # 1 is the header line; a row's line is where it starts
    field: str  # one of FIELDS, or "file" for the whole file
    code: str
    value: str = ""


@dataclass(frozen=True)
class CandidateRow:
    line: int
    name: str
    email: str
    phone: str
    language: str
    source: str


@dataclass
class Parsed:
    rows: list[CandidateRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _lookup(names: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {alias: key for key, aliases in names.items() for alias in (key, *aliases)}


LANGUAGES = _lookup(LANGUAGE_NAMES)
SOURCES = _lookup({key: (key.replace("_", " "), *aliases) for key, aliases in SOURCE_NAMES.items()})


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def delimiter_of(header_line: str) -> str:
    """Nordic Excel writes semicolons (the comma is the decimal sign); others commas or tabs."""
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def columns_map(header: list[str], mapping: Mapping[str, str] | None) -> tuple[dict[str, int], list[RowError]]:
    """Our field → column index. A field mapped by hand must be found; the others are looked up
    among the known headers."""
    found = {_fold(name): index for index, name in reversed(list(enumerate(header)))}
    columns, errors = {}, []
    mapping = mapping or {}
    for ours in sorted(set(mapping) - set(FIELDS)):
        errors.append(RowError(1, "file", "unknown_field", ours))
    for ours in FIELDS:
        if mapping.get(ours):
            index = found.get(_fold(mapping[ours]))
            if index is None:
                errors.append(RowError(1, ours, "column_missing", mapping[ours]))
                continue
        else:
            index = next((found[_fold(a)] for a in (ours, *HEADERS[ours]) if _fold(a) in found), None)
        if index is not None:
            columns[ours] = index
        elif ours in REQUIRED:
            errors.append(RowError(1, ours, "column_missing", HEADERS[ours][0]))
    return columns, errors


def _row_checked(line: int, values: dict[str, str], emails: dict[str, int], default_language: str | None):
    errors = [RowError(line, name, "unsafe") for name in FIELDS if has_unsafe_text(values[name])]
    for name in REQUIRED:
        if not values[name]:
            errors.append(RowError(line, name, "required"))
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            errors.append(RowError(line, name, "too_long", str(limit)))
    email = values["email"]
    if email and not EMAIL.match(email):
        errors.append(RowError(line, "email", "email", email))
    elif email:
        first = emails.setdefault(email.casefold(), line)
        if first != line:
            errors.append(RowError(line, "email", "duplicate", str(first)))
    phone = phone_normalize(values["phone"])
    if phone is None:
        errors.append(RowError(line, "phone", "phone", values["phone"]))
    language = LANGUAGES.get(_fold(values["language"])) if values["language"] else default_language
    if language is None:
        errors.append(RowError(line, "language", "language" if values["language"] else "required", values["language"]))
    source = SOURCES.get(_fold(values["source"]).replace("_", " ")) if values["source"] else "other"
    if source is None:
        errors.append(RowError(line, "source", "source", values["source"]))
    if errors:
        return None, errors
    row = CandidateRow(line, " ".join(values["name"].split()), email, phone, language, source)
    return row, []


def candidates_parse(
    text: str,
    *,
    mapping: Mapping[str, str] | None = None,
    default_language: str | None = None,
    max_rows: int | None = None,
) -> Parsed:
    """Rows, or every error. With `max_rows`, a longer file stops at one "too_many_rows" error.
    `default_language` (a code) fills an empty language cell; without it the cell is required."""
    text = text.removeprefix("\ufeff")
    parsed = Parsed()
    if not text.strip():
        parsed.errors.append(RowError(1, "file", "empty"))
        return parsed
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter_of(text.split("\n", 1)[0]))
    start, count = 1, 0
    try:
        header = next(reader)
        columns, parsed.errors = columns_map(header, mapping)
        if parsed.errors:
            return parsed
        emails: dict[str, int] = {}
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue  # blank lines, and the empty rows a spreadsheet leaves at the end
            count += 1
            if max_rows is not None and count > max_rows:
                return Parsed(errors=[RowError(line, "file", "too_many_rows", str(max_rows))])
            values = {f: record[i].strip() if i < len(record) else "" for f, i in columns.items()}
            values = {f: values.get(f, "") for f in FIELDS}
            row, errors = _row_checked(line, values, emails, default_language)
            parsed.errors.extend(errors)
            if row is not None:
                parsed.rows.append(row)
    except csv.Error:  # a cell over the csv module's 128 KB limit: mostly a quotation mark never closed
        return Parsed(errors=[RowError(start, "file", "unreadable")])
    if not count:
        parsed.errors.append(RowError(2, "file", "no_rows"))
    return parsed


def header_of(text: str) -> list[str]:
    """The first line's column names, as the import reads them (for the column-mapping step)."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    return [cell.strip() for cell in next(csv.reader([first], delimiter=delimiter_of(first)), [])]
