import pytest

from hiring.candidate_csv import LANGUAGE_NAMES, SOURCE_NAMES, CandidateRow, RowError, candidates_parse
from hiring.models import Candidate
from servicefit.core.languages import LANGUAGE_CODES


def errors_of(text: str, **kwargs) -> list[tuple[int, str, str]]:
    return [(e.line, e.field, e.code) for e in candidates_parse(text, **kwargs).errors]


@pytest.mark.parametrize(
    "header, row",
    [
        ("Name,E-mail,Phone,Language,Source", "Mette Hansen,mette@example.dk,20 12 34 56,Danish,Job board"),
        ("Navn;E-mail;Telefon;Sprog;Kilde", "Mette Hansen;mette@example.dk;20 12 34 56;dansk;jobbank"),
        ("Navn;E-post;Telefon;Språk;Kilde", "Mette Hansen;mette@example.dk;20 12 34 56;danska;jobboard"),
        ("Namn;Epost;Telefon;Språk;Källa", "Mette Hansen;mette@example.dk;+45 20 12 34 56;da;job_board"),
    ],
    ids=["en", "da", "nb", "sv"],
)
def test_it_recognises_the_headers_in_four_languages(header, row):
    parsed = candidates_parse(f"{header}\n{row}\n")
    assert parsed.errors == []
    [candidate] = parsed.rows
    assert (candidate.line, candidate.name, candidate.email, candidate.language, candidate.source) == (
        2,
        "Mette Hansen",
        "mette@example.dk",
        "da",
        "job_board",
    )
    assert candidate.phone.endswith("20123456")


def test_it_reads_semicolons_a_bom_and_windows_line_ends():
    text = "\ufeffNavn;E-mail;Sprog\r\nHansen, Mette;mette@example.dk;Norsk\r\nÅse Ødegård;ase@example.no;nb\r\n"
    parsed = candidates_parse(text)
    assert parsed.errors == []
    assert [(r.line, r.name, r.language) for r in parsed.rows] == [
        (2, "Hansen, Mette", "nb"),
        (3, "Åse Ødegård", "nb"),
    ]


def test_it_uses_a_mapping_before_the_known_headers():
    text = "Fornavn Efternavn,Mail,Name\nMette Hansen,mette@example.dk,ignored\n"
    parsed = candidates_parse(text, mapping={"name": "fornavn efternavn"}, default_language="da")
    assert parsed.rows == [CandidateRow(2, "Mette Hansen", "mette@example.dk", "", "da", "other")]


def test_it_reports_mapping_and_header_problems_on_line_1():
    assert errors_of("Who,Where\nA,b\n") == [(1, "name", "column_missing"), (1, "email", "column_missing")]
    assert errors_of("Name,Email\nA,a@b.dk\n", mapping={"email": "Mail", "age": "Alder"}) == [
        (1, "file", "unknown_field"),
        (1, "email", "column_missing"),
    ]
    assert errors_of("") == [(1, "file", "empty")]
    assert errors_of("\ufeffName,Email\n\n,\n") == [(2, "file", "no_rows")]


def test_it_lists_every_error_of_every_row_with_its_line():
    text = (
        "Name,Email,Phone,Language,Source\n"
        "Mette Hansen,mette@example.dk,,da,\n"  # 2: fine
        ",,,,\n"  # 3: blank, skipped
        ",mette@example,12,fi,newspaper\n"  # 4: everything wrong
        '"Bo\nLarsen",MET TE@example.dk,,,\n'  # 5-6: a quoted line break; bad e-mail, no language
        "Sven Berg,METTE@example.dk,+46 70 123 45 67,sv,referral\n"  # 7: the e-mail of line 2
        f"{'x' * 201},long@example.se,,en,other\n"  # 8: name too long
    )
    assert candidates_parse(text).errors == [
        RowError(4, "name", "required"),
        RowError(4, "email", "email", "mette@example"),
        RowError(4, "phone", "phone", "12"),
        RowError(4, "language", "language", "fi"),
        RowError(4, "source", "source", "newspaper"),
        RowError(5, "email", "email", "MET TE@example.dk"),
        RowError(5, "language", "required"),
        RowError(7, "email", "duplicate", "2"),
        RowError(8, "name", "too_long", "200"),
    ]


def test_it_fills_an_empty_language_only_when_given_a_default():
    text = "Name,Email,Language\nA B,a@example.dk,\n"
    assert errors_of(text) == [(2, "language", "required")]
    assert candidates_parse(text, default_language="sv").rows[0].language == "sv"


def test_it_stops_at_the_row_limit_with_one_error():
    text = "Name,Email,Language\n" + "".join(f"P{i},p{i}@example.dk,da\n" for i in range(11))
    assert len(candidates_parse(text, max_rows=11).rows) == 11
    assert candidates_parse(text, max_rows=10).errors == [RowError(12, "file", "too_many_rows", "10")]


def test_it_knows_exactly_the_languages_and_sources_of_the_product():
    assert set(LANGUAGE_NAMES) == set(LANGUAGE_CODES)
    assert set(SOURCE_NAMES) == set(Candidate.Source.values)
