"""The HRIS import service: CSV and XLSX, Nordic headers and dates, bad rows, the upsert."""

import datetime
import io

import openpyxl
import pytest

from servicefit.core.exceptions import ApplicationError
from servicefit.core.roles import Role
from servicefit.core.teams import team_create, team_default
from tests.conftest import make_user
from workforce.hris_import import agents_import_file
from workforce.models import Agent

DANISH = (
    "Medarbejdernummer;Navn;Afdeling;Ansættelsesdato;Fratrædelsesdato;Fratrædelsestype;E-mail;Kanaler;Årsag\n"
    "1001;Mette Hansen;Default team;01-02-2023;;;mette@example.dk;Telefon, chat;\n"
    "1002;Søren Kierkegaard;Default team;15.03.2022;31.01.2024;egen opsigelse;soren@example.dk;e-mail;nyt job\n"
    "1003;Karen Blixen;Default team;2021-06-01;30/06/2023;ufrivillig;;;\n"
)


def xlsx(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def errors_of(excinfo) -> list[tuple[int, str]]:
    return [(e["line"], e["column"]) for e in excinfo.value.extra["errors"]]


@pytest.fixture
def team(db):
    return team_default()


def test_it_imports_a_danish_semicolon_csv_with_nordic_dates_and_words(hr_user, team):
    result = agents_import_file(filename="hr.csv", data=DANISH.encode(), user=hr_user)
    assert (result.created, result.updated) == (3, 0)
    mette, soren, karen = Agent.objects.order_by("employee_number")
    assert mette.hire_date == datetime.date(2023, 2, 1)
    assert mette.channels == ["phone", "chat"]
    assert (mette.hiring_profile, mette.hiring_fit, mette.manager) == ({}, None, None)
    assert mette.created_at is not None and mette.updated_at is not None
    assert (mette.employment_status, mette.exit_date, mette.exit_type) == ("active", None, "")
    assert soren.hire_date == datetime.date(2022, 3, 15)
    assert (soren.exit_date, soren.exit_type, soren.exit_reason) == (datetime.date(2024, 1, 31), "voluntary", "career")
    assert soren.employment_status == "exited"
    assert (karen.exit_date, karen.exit_type) == (datetime.date(2023, 6, 30), "involuntary")
    assert {a.team_id for a in (mette, soren, karen)} == {team.id}


def test_it_reads_windows_1252_as_nordic_excel_saves_csv(hr_user, team):
    text = (
        "anställningsnummer\tnamn\tavdelning\tanställningsdatum\tslutdatum\tavgångstyp\n"
        "S-7\tÅsa Öberg\tDefault team\t2020-01-02\t\t\n"
    )
    result = agents_import_file(filename="hr.csv", data=text.encode("cp1252"), user=hr_user)
    assert result.created == 1
    assert Agent.objects.get().name == "Åsa Öberg"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_it_reads_utf_16_without_a_byte_order_mark(hr_user, team, encoding):
    # Some HR systems and PowerShell's Out-File write UTF-16 with no BOM; read as UTF-8 every other
    # byte is a NUL and each row was refused for "characters that are not allowed".
    result = agents_import_file(filename="hr.csv", data=DANISH.encode(encoding), user=hr_user)
    assert result.created == 3
    assert Agent.objects.get(employee_number="1002").name == "Søren Kierkegaard"


def test_it_imports_an_xlsx_with_date_cells_and_numbers(hr_user, team):
    data = xlsx(
        [
            ["Ansattnummer", "Navn", "Avdeling", "Ansettelsesdato", "Sluttdato", "Sluttype", "Leder"],
            [2001, "Ola Nordmann", "Default team", datetime.datetime(2022, 5, 2), None, None, None],
            [2002, "Kari Nordmann", "Default team", datetime.date(2021, 1, 4), "31.12.2023", "Frivillig", "henrik"],
            [None, None, None, None, None, None, None],
        ]
    )
    result = agents_import_file(filename="export.xlsx", data=data, user=hr_user)
    assert result.created == 2
    ola, kari = Agent.objects.order_by("employee_number")
    assert (ola.employee_number, ola.hire_date) == ("2001", datetime.date(2022, 5, 2))
    assert (kari.exit_date, kari.exit_type, kari.manager) == (datetime.date(2023, 12, 31), "voluntary", hr_user)


def test_it_refuses_a_file_with_bad_rows_and_lists_every_one(hr_user, team, other_team):
    text = (
        "employee_number,name,team,hire_date,exit_date,exit_type\n"
        "1,Good Row,Default team,2023-01-01,,\n"
        "2,Bad Date,Default team,2023-13-01,,\n"
        "3,Exit Before Hire,Default team,2023-05-01,2023-04-01,voluntary\n"
        "4,No Exit Type,Default team,2023-01-01,2023-06-01,\n"
        "5,Unknown Team,Atlantis,2023-01-01,,\n"
        "1,Good Row Again,Default team,2023-01-01,,\n"
        "6,Type Without Exit,Default team,2023-01-01,,involuntary\n"
    )
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert errors_of(excinfo) == [
        (3, "hire_date"),
        (4, "exit_date"),
        (5, "exit_type"),
        (6, "team"),
        (7, "employee_number"),
        (8, "exit_type"),
    ]
    assert "Lines with errors: 6" in excinfo.value.message
    messages = [e["message"] for e in excinfo.value.extra["errors"]]
    assert "'2023-13-01' is not a date" in messages[0]
    assert "already on line 2" in messages[4]
    assert not Agent.objects.exists()


def test_it_refuses_a_manager_who_does_not_lead_the_rows_team(hr_user, team, other_team):
    make_user("bergen-lead", Role.MANAGER, teams=[other_team])
    text = (
        "employee_number,name,team,hire_date,exit_date,exit_type,manager\n"
        "1,Anna,Default team,2023-01-01,,,bergen-lead\n"
    )
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert errors_of(excinfo) == [(2, "manager")]
    assert "does not lead team Default team" in excinfo.value.extra["errors"][0]["message"]
    assert not Agent.objects.exists()


def test_it_refuses_nul_bytes_and_lone_surrogates_with_their_lines(hr_user, team):
    data = (
        b"employee_number,name,team,hire_date,exit_date,exit_type\n"
        b"1,Nul\x00Name,Default team,2023-01-01,,\n"
        b"2,Fine,Default team,2023-01-01,,\n"
        b"3,Half \xed\xa0\x80 char,Default team,2023-01-01,,\n"
    )
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=data, user=hr_user)
    assert errors_of(excinfo) == [(2, "name"), (4, "name")]
    assert not Agent.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("hr.csv", b"", 400, "empty"),
        ("hr.csv", b"\n\n", 400, "empty"),
        ("hr.csv", b"x" * 10_000_001, 413, "too_large"),
        ("hr.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, 400, "old_excel"),
        ("hr.xlsm", b"PK\x03\x04", 400, "macros"),
        ("hr.xlsx", b"PK\x03\x04 not really", 400, "broken"),
        ("hr.pdf", b"%PDF-1.4", 400, "type"),
    ],
)
def test_it_refuses_files_it_cannot_read_cleanly(hr_user, team, name, data, status, code):
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename=name, data=data, user=hr_user)
    assert (excinfo.value.status, excinfo.value.extra["fields"]["file"]) == (status, [code])


def test_it_refuses_more_than_50000_rows(hr_user, team):
    row = "1,A,Default team,2023-01-01,,\n"
    data = ("employee_number,name,team,hire_date,exit_date,exit_type\n" + row * 50_001).encode()
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=data, user=hr_user)
    assert excinfo.value.status == 413
    assert "50000" in excinfo.value.message


def test_it_refuses_an_xlsx_that_unpacks_to_a_zip_bomb(hr_user, team):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 120_000_000)
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.xlsx", data=buffer.getvalue(), user=hr_user)
    assert excinfo.value.extra["fields"]["file"] == ["zip_bomb"]


def test_it_refuses_a_workbook_with_macros(hr_user, team):
    data = xlsx([["employee_number"]])
    buffer = io.BytesIO(data)
    import zipfile

    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"macro")
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.xlsx", data=buffer.getvalue(), user=hr_user)
    assert excinfo.value.extra["fields"]["file"] == ["macros"]


def test_it_names_the_missing_required_columns(hr_user, team):
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=b"employee_number,name\n1,A\n", user=hr_user)
    assert errors_of(excinfo) == [(1, "team"), (1, "hire_date"), (1, "exit_date"), (1, "exit_type")]


def test_it_updates_known_periods_and_creates_rehires(hr_user, team):
    Agent.objects.create(
        employee_number="1001", name="Mette H", team=team, hire_date=datetime.date(2023, 2, 1), source="referral"
    )
    text = (
        "employee_number,name,team,hire_date,exit_date,exit_type\n"
        "1001,Mette Hansen,Default team,2023-02-01,2024-03-31,voluntary\n"
        "1001,Mette Hansen,Default team,2025-01-06,,\n"
    )
    result = agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert (result.created, result.updated) == (1, 1)
    first, rehire = Agent.objects.order_by("hire_date")
    assert (first.name, first.exit_date, first.exit_type) == ("Mette Hansen", datetime.date(2024, 3, 31), "voluntary")
    assert first.employment_status == "exited"
    assert first.source == "referral"  # not in the file: left alone
    assert (rehire.hire_date, rehire.exit_date) == (datetime.date(2025, 1, 6), None)


def test_it_gives_an_agent_from_a_servicefit_hire_its_hris_number(hr_user, team, other_team):
    hired = Agent.objects.create(
        employee_number="SF-17", name="Mette", email="Mette@Example.dk", team=team, hire_date=datetime.date(2024, 8, 1)
    )
    elsewhere = Agent.objects.create(
        employee_number="SF-18",
        name="Ole",
        email="ole@example.no",
        team=other_team,
        hire_date=datetime.date(2024, 8, 1),
    )
    text = (
        "employee_number,name,team,hire_date,exit_date,exit_type,email\n"
        "4711,Mette Hansen,Default team,2024-08-01,,,mette@example.dk\n"
        "4712,Ole Nordmann,Default team,2024-08-01,,,ole@example.no\n"
    )
    result = agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert (result.created, result.updated, result.renumbered) == (1, 1, 1)
    hired.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (hired.employee_number, hired.name) == ("4711", "Mette Hansen")
    assert elsewhere.employee_number == "SF-18"  # another team: a different person
    assert Agent.objects.count() == 3


def test_it_fills_an_empty_team_from_the_default_given(hr_user, team, other_team):
    text = "employee_number,name,hire_date,exit_date,exit_type\n1,A,2023-01-01,,\n"
    agents_import_file(filename="hr.csv", data=text.encode(), user=None, team_default=other_team)
    assert Agent.objects.get().team == other_team


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.MANAGER])
def test_it_refuses_roles_that_do_not_keep_employee_records(db, team, role):
    user = make_user(f"u-{role}", role)
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=DANISH.encode(), user=user)
    assert excinfo.value.status == 403
    assert not Agent.objects.exists()


def test_it_takes_a_mapping_by_hand_over_the_guess(hr_user, team):
    text = "Nr,Who,Where,From,To,How\n9,Anna,Default team,2023-01-01,,\n"
    mapping = {
        "employee_number": "Nr",
        "name": "Who",
        "team": "Where",
        "hire_date": "From",
        "exit_date": "To",
        "exit_type": "How",
    }
    agents_import_file(filename="hr.csv", data=text.encode(), mapping=mapping, user=hr_user)
    assert Agent.objects.get().employee_number == "9"


def test_a_new_team_under_the_tree_is_found_by_name_in_any_case(hr_user, team):
    team_create(name="Oslo", parent=team)
    text = "employee_number,name,team,hire_date,exit_date,exit_type\n1,A,oslo,2023-01-01,,\n"
    agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert Agent.objects.get().team.name == "Oslo"


def test_an_agent_on_leave_stays_on_leave_when_the_file_has_no_status(hr_user, team):
    Agent.objects.create(
        employee_number="7", name="Anna", team=team, hire_date=datetime.date(2023, 1, 1), employment_status="on_leave"
    )
    text = "employee_number,name,team,hire_date,exit_date,exit_type\n7,Anna B,Default team,2023-01-01,,\n"
    result = agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert (result.updated, result.unchanged) == (1, 0)
    assert Agent.objects.get().employment_status == "on_leave"
    again = agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert (again.updated, again.unchanged) == (0, 1)


def test_an_error_quotes_at_most_60_characters_of_a_huge_cell(hr_user, team):
    text = "employee_number,name,team,hire_date,exit_date,exit_type\n1,A,Default team," + "9" * 100_000 + ",,\n"
    with pytest.raises(ApplicationError) as excinfo:
        agents_import_file(filename="hr.csv", data=text.encode(), user=hr_user)
    assert len(excinfo.value.extra["errors"][0]["message"]) < 200
