"""Interval traffic from an ACD, telephony or ticketing export (CSV): read, map, validate. Pure.

A row is one interval of one channel: its date, its start time, the contacts offered and their
average handling time (AHT). Headers and cells are read as staffing.traffic_columns knows them; a
mapping chosen by the user overrides the guess. Every row is checked. Errors are codes with the
value that caused them (the service words them in the user's language); a file with any error is
imported by no one.

The limits are what stands between a hostile file and the server: its size, its row and column
counts, its cell sizes (the csv module's field limit), binary content. Whole-file problems raise
workforce.hris_files.FileError; the decoding (UTF-8 with or without BOM, UTF-16 with BOM, else
Windows-1252, else Latin-1) and the delimiter sniffing are the HRIS import's.
"""

import csv
import datetime
import io
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from staffing.traffic_columns import (
    CHANNEL_LOOKUP,
    CHANNELS,
    FIELDS,
    aht_parsed,
    aht_unit_guess,
    columns_map,
    moment_parsed,
    number_parsed,
)
from workforce.hris_columns import fold
from workforce.hris_files import UNWANTED, FileError, UnreadableCsv, csv_records, delimiter_of
from workforce.hris_files import text_decoded as hris_text_decoded

MAX_BYTES = 20_000_000
MAX_ROWS = 400_000
MAX_COLUMNS = 100
MAX_HEADER_LENGTH = 200  # characters of a column name
MAX_PROBLEMS = 50  # problems kept (the first by row); every bad row is still counted
MAX_CONTACTS = 1_000_000  # in one interval
MAX_AHT_SECONDS = 86_400
QUOTED = 60  # characters of a bad value a problem repeats
INTERVAL_MINUTES = (15, 30)
# A channel-day with this many rows, none of them at :15 or :45, is 30-minute data.
MIXED_EVIDENCE_ROWS = 8


class Interval(NamedTuple):
    """One checked row (a NamedTuple: a file holds up to MAX_ROWS of them)."""

    line: int
    channel: str
    day: datetime.date
    start: int  # minutes after midnight
    contacts: int
    aht_seconds: float


@dataclass(frozen=True)
class Problem:
    row: int  # the line as the user's editor numbers it; 1 is the header
    column: str  # one of FIELDS, or "file"
    code: str
    value: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Preview:
    header: list[str]
    rows: list[list[str]]
    row_count: int


@dataclass
class Parsed:
    intervals: list[Interval] = field(default_factory=list)
    interval_minutes: int | None = None
    problems: list[Problem] = field(default_factory=list)  # the first MAX_PROBLEMS, by row
    problem_rows: int = 0  # rows (the header counts as one) with any problem

    @property
    def channels(self) -> list[str]:
        found = {interval.channel for interval in self.intervals}
        return [channel for channel in CHANNELS if channel in found]

    @property
    def first_day(self) -> datetime.date | None:
        return min((interval.day for interval in self.intervals), default=None)

    @property
    def last_day(self) -> datetime.date | None:
        return max((interval.day for interval in self.intervals), default=None)


def cut(value: str) -> str:
    """A cell's value as a problem quotes it: a huge cell does not make a huge message."""
    return value if len(value) <= QUOTED else value[: QUOTED - 1] + "…"


# Reading ---------------------------------------------------------------------------------------


def text_read(data: bytes) -> str:
    """The file's text, or FileError: empty, too large, binary."""
    if not data:
        raise FileError("empty")
    if len(data) > MAX_BYTES:
        raise FileError("too_large", {"limit": MAX_BYTES // 1_000_000})
    sample = data[:8192]
    # UTF-16 text is half NUL bytes; any other text has none to speak of (a stray one is a row's problem).
    if not sample.startswith((b"\xff\xfe", b"\xfe\xff")) and sample.count(b"\x00") > max(16, len(sample) // 100):
        raise FileError("binary")
    try:
        text = hris_text_decoded(data)
    except FileError:
        # Latin-1 reads any byte: a file that is neither UTF-8 nor Windows-1252 still shows its rows.
        text = data.decode("latin-1")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FileError("empty")
    return text


def _records(text: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and the rows as (line, cells) with blank rows skipped; the rows are read lazily
    and raise FileError when there are too many or a cell is beyond the csv module's field limit."""
    first = text.split("\n", 1)[0]
    records = csv_records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(first)))
    try:
        header = [UNWANTED.sub("", cell).strip() for cell in next(records)[1]]
    except UnreadableCsv as exc:
        raise FileError("broken", {"line": exc.line}) from exc
    while header and not header[-1]:
        header.pop()
    if not any(header):
        raise FileError("empty")
    if len(header) > MAX_COLUMNS:
        raise FileError("too_many_columns", {"limit": MAX_COLUMNS})
    if any(len(name) > MAX_HEADER_LENGTH for name in header):
        raise FileError("header", {"limit": MAX_HEADER_LENGTH})

    def rows() -> Iterator[tuple[int, list[str]]]:
        count = 0
        try:
            for line, record in records:
                cells = [cell.strip() for cell in record[: len(header)]]
                if not any(cells):
                    continue  # blank lines, and the empty rows a spreadsheet leaves at the end
                count += 1
                if count > MAX_ROWS:
                    raise FileError("too_many_rows", {"limit": MAX_ROWS})
                yield line, cells
        except UnreadableCsv as exc:
            raise FileError("broken", {"line": exc.line}) from exc

    return header, rows()


def preview(data: bytes, *, rows: int = 5) -> Preview:
    """The header, the first rows (cells cut short, unprintable characters as �) and the number of
    rows: what the mapping step shows."""
    header, records = _records(text_read(data))
    first, count = [], 0
    for _line, cells in records:
        count += 1
        if len(first) < rows:
            shown = [cut(UNWANTED.sub("\ufffd", cell)) for cell in cells]
            first.append(shown + [""] * (len(header) - len(cells)))
    return Preview(header=header, rows=first, row_count=count)


# Rows ------------------------------------------------------------------------------------------


class _Problems:
    """The first MAX_PROBLEMS problems by row, and every row that had one."""

    def __init__(self):
        self.kept: list[Problem] = []
        self.rows: set[int] = set()

    def add(self, row: int, column: str, code: str, value: str = "", params: dict | None = None):
        self.rows.add(row)
        self.kept.append(Problem(row, column, code, cut(value), params or {}))
        if len(self.kept) > 4 * MAX_PROBLEMS:
            self._trim()

    def _trim(self):
        self.kept = sorted(self.kept, key=lambda p: (p.row, FIELDS.index(p.column) if p.column in FIELDS else -1))
        self.kept = self.kept[:MAX_PROBLEMS]

    def result(self) -> tuple[list[Problem], int]:
        self._trim()
        return self.kept, len(self.rows)


@dataclass(slots=True)
class _Row:
    line: int
    channel: str
    day: datetime.date
    start: int
    length: int | None
    contacts: int
    aht: float


class _Reader:
    """One file's rows read cell by cell; the same text in a column is parsed once."""

    def __init__(self, *, columns, channel_default, aht_unit, latest_day, problems: _Problems):
        self.columns, self.channel_default, self.aht_unit = columns, channel_default, aht_unit
        self.latest_day, self.problems = latest_day, problems
        self.moments: dict[str, tuple | None] = {}
        self.channels: dict[str, str | None] = {}

    def _moment(self, text: str):
        if text not in self.moments:
            self.moments[text] = moment_parsed(text)
        return self.moments[text]

    def row(self, line: int, cells: list[str]) -> _Row | None:
        width = len(cells)
        values = {ours: cells[index] if index < width else "" for ours, index in self.columns.items()}
        if UNWANTED.search("".join(values.values())):
            for ours, value in values.items():
                if UNWANTED.search(value):
                    self.problems.add(line, ours, "characters")
            return None
        day, start, length = self._when(line, values)
        channel = self._channel(line, values.get("channel", ""))
        contacts = self._contacts(line, values.get("contacts", ""))
        aht = self._aht(line, values.get("aht", ""), contacts)
        if line in self.problems.rows:
            return None
        return _Row(line, channel, day, start, length, contacts, 0.0 if contacts == 0 else aht)

    def _when(self, line: int, values: dict[str, str]):
        """(day, start, length) from the date, start and end cells; either of the first two may hold a
        date and time."""
        add, bad = self.problems.add, set()
        day = start = length = None
        date_text, start_text, end_text = values.get("date", ""), values.get("start", ""), values.get("end", "")
        if date_text:
            moment = self._moment(date_text)
            if moment is None or moment[0] is None:
                add(line, "date", "date", date_text)
                bad.add("date")
            else:
                day, start = moment[0], moment[1]
        if start_text:
            moment = self._moment(start_text)
            if moment is None or moment[1] is None:
                add(line, "start", "time", start_text)
                bad.add("start")
            else:
                day, start, length = day or moment[0], moment[1], moment[2]
        if day is None and "date" not in bad:
            add(line, "date", "required")
        if start is None and not bad:
            add(line, "start", "required")
        if end_text and start is not None:
            moment = self._moment(end_text)
            if moment is None or moment[1] is None or moment[2] is not None:
                add(line, "end", "time", end_text)
            else:
                length = (moment[1] or 1440) - start
        if day is not None and self.latest_day is not None and day > self.latest_day:
            add(line, "date", "future", date_text or start_text)
        if length is not None and length not in INTERVAL_MINUTES:
            add(line, "end" if end_text else "start", "length", end_text or start_text, {"minutes": length})
        return day, start, length

    def _channel(self, line: int, text: str) -> str | None:
        if not text:
            if self.channel_default is None:
                self.problems.add(line, "channel", "required")
            return self.channel_default
        if text not in self.channels:
            self.channels[text] = CHANNEL_LOOKUP.get(fold(text))
        channel = self.channels[text]
        if channel is None:
            self.problems.add(line, "channel", "channel", text)
        return channel

    def _contacts(self, line: int, text: str) -> int | None:
        add = self.problems.add
        if text.isascii() and text.isdigit():
            value = int(text)
        elif not text:
            add(line, "contacts", "required")
            return None
        else:
            number = number_parsed(text)
            if number is None:
                add(line, "contacts", "number", text)
                return None
            value, decimals = number
            if value < 0:
                add(line, "contacts", "negative", text)
                return None
            if decimals == 3:
                add(line, "contacts", "thousands", text)  # 1,000 and 1.500: a thousands sign or decimals?
                return None
            if not value.is_integer():
                add(line, "contacts", "whole", text)
                return None
            value = int(value)
        if value > MAX_CONTACTS:
            add(line, "contacts", "too_many", text, {"limit": MAX_CONTACTS})
            return None
        return value

    def _aht(self, line: int, text: str, contacts: int | None) -> float | None:
        add = self.problems.add
        if not text:
            if contacts:
                add(line, "aht", "aht_missing")
            return 0.0
        value = aht_parsed(text, self.aht_unit)
        if value is None:
            add(line, "aht", "aht", text)
        elif value < 0:
            add(line, "aht", "negative", text)
        elif value > MAX_AHT_SECONDS:
            add(line, "aht", "aht_too_long", text)
        elif value == 0 and contacts:
            add(line, "aht", "aht_missing")
        else:
            return value
        return None


def _columns_required(columns, problems: _Problems, first_cells, *, channel_default, mapped_wrong) -> None:
    """A required field without a column (and not already mapped to a missing one): the date and the
    start may share one (a date and time)."""

    def holds(ours: str, part: int) -> bool:
        index = columns.get(ours)
        if index is None or first_cells is None or index >= len(first_cells):
            return False
        moment = moment_parsed(first_cells[index])
        return moment is not None and moment[part] is not None

    missing = []
    if "date" not in columns and not holds("start", 0):
        missing.append("date")
    if "start" not in columns and not holds("date", 1):
        missing.append("start")
    if "channel" not in columns and channel_default is None:
        missing.append("channel")
    missing += [ours for ours in ("contacts", "aht") if ours not in columns]
    for ours in missing:
        if ours not in mapped_wrong:
            problems.add(1, ours, "no_column")


def _length_decided(rows: list[_Row], interval_minutes: int | None, problems: _Problems) -> int | None:
    """The file's interval length: chosen by the user, else the first row's own length (a range or
    an end time), else 15 when any start is at :15 or :45, else 30. Rows of another length, starts
    off the grid and a channel that is 30-minute data in a 15-minute file are problems."""
    if not rows:
        return interval_minutes
    given = [row for row in rows if row.length is not None]
    length = interval_minutes or (given[0].length if given else None)
    if length is None:
        # Starts off every grid (08:10) do not vote; they are reported below.
        length = 15 if any(row.start % 30 == 15 for row in rows) else 30
        if length == 30 and not any(row.start % 60 for row in rows) and _has_a_full_day(rows):
            problems.add(1, "start", "hourly")
            return None
    for row in given:
        if row.length != length:
            code = "length_chosen" if interval_minutes else "mixed"
            problems.add(row.line, "start", code, params={"minutes": row.length, "length": length})
    for row in rows:
        if row.start % length:
            problems.add(row.line, "start", "grid", _clock(row.start), {"minutes": length})
    if length == 15 and not given:
        _channels_at_half_hours(rows, problems)
    return length


def _has_a_full_day(rows: list[_Row]) -> bool:
    seen = set()
    for row in rows:
        key = (row.channel, row.day)
        if key in seen:
            return True
        seen.add(key)
    return False


def _channels_at_half_hours(rows: list[_Row], problems: _Problems) -> None:
    """In a 15-minute file, a channel with no start at :15 or :45 on a day of MIXED_EVIDENCE_ROWS rows
    or more is 30-minute data."""
    quarter: set[str] = set()
    per_day: dict[tuple[str, datetime.date], int] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        first_line.setdefault(row.channel, row.line)
        if row.start % 30 == 15:
            quarter.add(row.channel)
        per_day[(row.channel, row.day)] = per_day.get((row.channel, row.day), 0) + 1
    for (channel, _day), count in per_day.items():
        if channel not in quarter and count >= MIXED_EVIDENCE_ROWS:
            quarter.add(channel)  # report each channel once
            problems.add(first_line[channel], "start", "mixed_channel", channel, {"channel": channel})


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def traffic_parse(
    data: bytes,
    *,
    mapping: Mapping[str, str] | None = None,
    channel_default: str | None = None,
    interval_minutes: int | None = None,
    aht_unit: str | None = None,
    latest_day: datetime.date | None = None,
) -> Parsed:
    """Every row checked; the intervals, or the problems. `channel_default` stands for an empty or
    missing channel column; `interval_minutes` (15 or 30) overrides the length read from the file;
    `aht_unit` ("seconds" or "minutes") says what a plain AHT number counts, by default guessed from
    the AHT column's header; days after `latest_day` are refused. Raises FileError for the file."""
    if channel_default is not None and channel_default not in CHANNELS:
        raise ValueError(f"unknown channel {channel_default!r}")
    if interval_minutes is not None and interval_minutes not in INTERVAL_MINUTES:
        raise ValueError(f"interval_minutes must be one of {INTERVAL_MINUTES}")
    header, records = _records(text_read(data))
    problems = _Problems()
    for key, value in (mapping or {}).items():
        if UNWANTED.search(str(key)) or UNWANTED.search(str(value)):
            problems.add(1, "file", "characters")
    if problems.rows:
        return _result(Parsed(), problems)
    columns, mapping_problems = columns_map(header, mapping)
    for column, code, value in mapping_problems:
        problems.add(1, column, code, value)
    first = next(records, None)  # a look at the first row: do the date and start share a column?
    _columns_required(
        columns,
        problems,
        first[1] if first else None,
        channel_default=channel_default,
        mapped_wrong={column for column, _code, _value in mapping_problems},
    )
    if problems.rows:
        return _result(Parsed(), problems)
    if aht_unit is None:
        aht_unit = aht_unit_guess(header[columns["aht"]])
    reader = _Reader(
        columns=columns,
        channel_default=channel_default,
        aht_unit=aht_unit,
        latest_day=latest_day,
        problems=problems,
    )
    rows: list[_Row] = []
    for line, cells in itertools.chain([first] if first else [], records):
        row = reader.row(line, cells)
        if row is not None:
            rows.append(row)
    if not rows and not problems.rows:
        problems.add(2, "file", "no_rows")
    length = _length_decided(rows, interval_minutes, problems)
    seen: dict[tuple[str, datetime.date, int], int] = {}
    for row in rows:
        first_line = seen.setdefault((row.channel, row.day, row.start), row.line)
        if first_line != row.line:
            problems.add(row.line, "start", "duplicate", _clock(row.start), {"row": first_line})
    if problems.rows:
        return _result(Parsed(), problems)
    intervals = [Interval(row.line, row.channel, row.day, row.start, row.contacts, row.aht) for row in rows]
    return Parsed(intervals=intervals, interval_minutes=length)


def _result(parsed: Parsed, problems: _Problems) -> Parsed:
    parsed.problems, parsed.problem_rows = problems.result()
    return parsed
