"""What the import reads in headers, dates and coded cells (pure; no database)."""

import datetime

import pytest

from workforce import hris_columns
from workforce.hris_files import FileError, csv_table, table_read, text_decoded
from workforce.models import Channel, EmploymentStatus, ExitReason, ExitType


def test_the_vocabularies_name_exactly_the_models_codes():
    assert set(hris_columns.EXIT_TYPES) == set(ExitType.values)
    assert set(hris_columns.EXIT_REASONS) == set(ExitReason.values)
    assert set(hris_columns.CHANNELS) == set(Channel.values)
    assert set(hris_columns.EMPLOYMENT_STATUSES) == set(EmploymentStatus.values)


def test_every_english_label_of_an_exit_reason_is_understood():
    for code, label in ExitReason.choices:
        assert hris_columns.coded(str(label), hris_columns.EXIT_REASON_LOOKUP) == code


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["Medarbejdernummer", "Navn", "Afdeling", "Ansættelsesdato", "Fratrædelsesdato", "Fratrædelsestype"],
            "da",
        ),
        (["Ansattnummer", "Navn", "Avdeling", "Ansettelsesdato", "Sluttdato", "Sluttype"], "nb"),
        (["Anställningsnummer", "Namn", "Avdelning", "Anställningsdatum", "Slutdatum", "Avgångstyp"], "sv"),
        (["Employee Number", "Name", "Team", "Hire date", "Exit date", "Exit type"], "en"),
        (["employee_number", "name", "team", "hire_date", "exit_date", "exit_type"], "keys"),
    ],
)
def test_it_guesses_the_required_columns_in_four_languages(header, expected):
    assert hris_columns.columns_guess(header) == dict(zip(hris_columns.REQUIRED, range(6), strict=True)), expected


def test_a_field_mapped_to_nothing_is_not_guessed_and_a_missing_header_is_named():
    columns, problems = hris_columns.columns_map(["Navn", "E-post"], {"email": "", "team": "Afdeling", "x": "y"})
    assert columns == {"name": 0}
    assert problems == [("x", "unknown_field"), ("team", "column_missing")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-31", datetime.date(2024, 3, 31)),
        ("31-03-2024", datetime.date(2024, 3, 31)),
        ("31.03.2024", datetime.date(2024, 3, 31)),
        ("31/03/2024", datetime.date(2024, 3, 31)),
        ("1.2.2024", datetime.date(2024, 2, 1)),
        ("31-02-2024", None),
        ("2024-13-01", None),
        ("03/31/2024", None),  # month first is not a Nordic date
        ("31.03.24", None),
        ("0001-01-01", None),
        ("tomorrow", None),
    ],
)
def test_it_reads_iso_and_day_first_dates(text, expected):
    assert hris_columns.date_parsed(text) == expected


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Frivillig", "voluntary"),
        ("egen opsigelse", "voluntary"),
        ("Egen uppsägning", "voluntary"),
        ("ufrivillig", "involuntary"),
        ("Oppsagt", "involuntary"),
        ("ofrivillig", "involuntary"),
        ("INVOLUNTARY", "involuntary"),
        ("maybe", None),
    ],
)
def test_it_reads_exit_types_in_four_languages(word, code):
    assert hris_columns.coded(word, hris_columns.EXIT_TYPE_LOOKUP) == code


def test_it_reads_channel_lists_with_commas_or_semicolons():
    assert hris_columns.channels_parsed("Telefon; chat, E-post") == (["phone", "email", "chat"], [])
    assert hris_columns.channels_parsed("fax, phone") == (["phone"], ["fax"])


def test_it_finds_the_delimiter_and_keeps_quoted_ones_in_cells():
    table = csv_table('a;b;c\n1;"x;y";3\n\n')
    assert table.header == ["a", "b", "c"]
    assert table.rows == [(2, ["1", "x;y", "3"])]
    assert csv_table("a\tb\n1\t2\n").rows == [(2, ["1", "2"])]


def test_it_counts_lines_as_an_editor_shows_them_with_quoted_line_breaks():
    table = csv_table('a,b\n1,"two\nlines"\n3,4\n')
    assert [line for line, _cells in table.rows] == [2, 4]


def test_it_decodes_utf8_with_a_bom_and_falls_back_to_windows_1252():
    assert text_decoded("\ufeffNavn;Søren".encode()) == "Navn;Søren"
    assert text_decoded("Navn;Søren".encode("cp1252")) == "Navn;Søren"


def test_an_empty_header_is_an_empty_file():
    with pytest.raises(FileError) as excinfo:
        table_read("hr.csv", b";;;\n1;2;3\n")
    assert excinfo.value.code == "empty"
