"""An HRIS export (CSV or XLSX) read into a plain table of strings. Pure: bytes in, table out.

The limits here are what stands between a hostile file and the server: its size, its row count,
what an .xlsx unpacks to (a zip bomb), macros and encryption. Cells come back as stripped strings;
an Excel date cell becomes an ISO date, a whole number 12.0 becomes "12" (employee numbers typed
into Excel as numbers). Characters a database cannot store (NUL, lone surrogates) are kept, so the
importer can name the line they are on instead of silently dropping them.
"""

import codecs
import csv
import datetime
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

logger = logging.getLogger(__name__)

MAX_BYTES = 10_000_000
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_UNPACKED = 100_000_000  # all of an .xlsx's parts together
MAX_ZIP_ENTRIES = 1_000
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx",)
MACRO_EXTENSIONS = (".xlsm", ".xltm", ".xlsb")
ZIP_MAGIC = b"PK\x03\x04"
# An old .xls, and an encrypted .xlsx, are OLE compound files, not zips.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DELIMITERS = (";", ",", "\t")
UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class FileError(Exception):
    """The file as a whole cannot be read; `code` says why (see hris_import.file_error_message)."""

    def __init__(self, code: str, params: dict | None = None):
        super().__init__(code)
        self.code = code
        self.params = params or {}


@dataclass
class Table:
    header: list[str]
    # (line, cells): the line as the user sees it in their editor or spreadsheet (the header is 1).
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"header": self.header, "rows": [[line, cells] for line, cells in self.rows]}

    @classmethod
    def from_json(cls, data: dict) -> "Table":
        return cls(header=list(data["header"]), rows=[(int(line), list(cells)) for line, cells in data["rows"]])


def table_read(filename: str, data: bytes) -> Table:
    """The file's first sheet (or its CSV text) as a table, or FileError."""
    extension = PurePath(filename or "").suffix.lower()
    if extension in MACRO_EXTENSIONS:
        raise FileError("macros")
    if not data:
        raise FileError("empty")
    if len(data) > MAX_BYTES:
        raise FileError("too_large", {"limit": MAX_BYTES // 1_000_000})
    if data.startswith(OLE_MAGIC):
        raise FileError("old_excel")
    if extension in XLSX_EXTENSIONS or data.startswith(ZIP_MAGIC):
        return _xlsx_table(data)
    if extension and extension not in CSV_EXTENSIONS:
        raise FileError("type")
    return csv_table(text_decoded(data))


def text_decoded(data: bytes) -> str:
    """UTF-16 (with or without a BOM), UTF-8 (with or without a BOM), else Windows-1252 as Nordic Excel
    saves "CSV" by default."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if bomless := _utf16_without_bom(data):
        return data.decode(bomless, errors="replace")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-8 with an encoded lone surrogate is still UTF-8: keep it, the row check reports it.
    try:
        return data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileError("encoding") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 written without a byte-order mark (some HR systems,
    PowerShell): a header of Latin letters then has a NUL in every second byte, which no UTF-8 or
    Windows-1252 export has."""
    sample = data[:200]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) == len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) == len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def delimiter_of(header_line: str) -> str:
    """Nordic Excel writes semicolons (the comma is the decimal sign); others commas or tabs."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def csv_table(text: str) -> Table:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FileError("empty")
    first = text.split("\n", 1)[0]
    records = csv_records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(first)))
    try:
        _line, header = next(records)
        table = Table(header=_header(header))
        for line, record in records:
            _row_add(table, line, record)
    except UnreadableCsv as exc:
        raise FileError("unreadable", {"line": exc.line}) from exc
    return table


class UnreadableCsv(Exception):
    """A record the csv module cannot read: a cell over its 128 KB limit, mostly a quotation mark
    never closed. `line` is where the record starts."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def csv_records(reader) -> Iterator[tuple[int, list[str]]]:
    """(the line a record starts on, its cells) from a csv.reader, the header first; UnreadableCsv
    instead of csv.Error, so the importer can name the line."""
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UnreadableCsv(start) from exc
        yield start, record
        start = reader.line_num + 1


def _header(cells: list) -> list[str]:
    # Column names are not data: characters no one can see or store are dropped from them.
    header = [UNWANTED.sub("", _cell(cell)) for cell in cells]
    while header and not header[-1]:
        header.pop()
    if not any(header):
        raise FileError("empty")
    if len(header) > MAX_COLUMNS:
        raise FileError("too_many_columns", {"limit": MAX_COLUMNS})
    return header


def _row_add(table: Table, line: int, record) -> None:
    cells = [_cell(cell) for cell in record[: len(table.header)]]
    if not any(cells):
        return  # blank lines, and the empty rows a spreadsheet leaves at the end
    if len(table.rows) >= MAX_ROWS:
        raise FileError("too_many_rows", {"limit": MAX_ROWS})
    table.rows.append((line, cells))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()  # an HR export's date and time cells are days
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _xlsx_table(data: bytes) -> Table:
    import openpyxl

    if not data.startswith(ZIP_MAGIC):
        raise FileError("not_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise FileError("broken") from exc
    # The sizes a zip declares bound what zipfile will unpack, so checking them before opening is enough.
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise FileError("zip_bomb", {"limit": MAX_UNPACKED // 1_000_000})
    names = {entry.filename for entry in entries}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise FileError("macros")
    if "xl/workbook.xml" not in names:
        raise FileError("not_xlsx")
    workbook = None
    # openpyxl raises many kinds of exceptions on a malformed part (its own, KeyError, lxml's, ...);
    # each becomes the same message for the user, and is logged.
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        sheet = workbook.worksheets[0]
        # A sheet may claim a huge used range; without it rows are as long as their last cell.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise FileError("empty")
        table = Table(header=_header(list(first)))
        for line, record in enumerate(rows, start=2):
            _row_add(table, line, record)
    except FileError:
        raise
    except Exception as exc:
        logger.info("unreadable XLSX: %s: %s", type(exc).__name__, exc)
        raise FileError("broken") from exc
    finally:
        if workbook is not None:
            workbook.close()
    return table
