"""The HRIS import page, POST /api/agents/import/ and the agents_import command."""

import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from servicefit.core.teams import team_create, team_default
from workforce.models import Agent

NORWEGIAN = (
    "Ansattnummer;Navn;Avdeling;Ansettelsesdato;Sluttdato;Sluttype\n"
    "N-1;Ola Nordmann;Default team;02.05.2022;;\n"
    "N-2;Kari Nordmann;Default team;04.01.2021;31.12.2023;oppsagt\n"
)
BAD = (
    "employee_number,name,team,hire_date,exit_date,exit_type\n1,A,Default team,2023-01-01,,\n2,B,Nowhere,31-02-2023,,\n"
)


@pytest.fixture
def team(db):
    return team_default()


@pytest.fixture
def hr(client, hr_user, team):
    client.force_login(hr_user)
    return client


def upload(client, data: bytes, name: str = "export.csv"):
    return client.post("/workforce/agents/import/", {"file": SimpleUploadedFile(name, data)})


def test_it_guesses_the_columns_shows_the_first_rows_and_imports(hr):
    assert upload(hr, NORWEGIAN.encode()).url == "/workforce/agents/import/map/"
    page = hr.get("/workforce/agents/import/map/")
    assert page.context["form"].initial == {
        "column_employee_number": "Ansattnummer",
        "column_name": "Navn",
        "column_team": "Avdeling",
        "column_hire_date": "Ansettelsesdato",
        "column_exit_date": "Sluttdato",
        "column_exit_type": "Sluttype",
    }
    assert "Kari Nordmann" in page.content.decode()
    posted = dict(page.context["form"].initial)
    response = hr.post("/workforce/agents/import/map/", posted)
    assert response.url == "/workforce/agents/import/done/"
    done = hr.get(response.url).content.decode()
    assert "Employment periods added" in done
    assert sorted(Agent.objects.values_list("employee_number", "exit_type")) == [("N-1", ""), ("N-2", "involuntary")]
    assert "workforce_agent_import" not in hr.session  # the file left the session


def test_it_lists_every_bad_row_and_imports_nothing(hr):
    upload(hr, BAD.encode())
    page = hr.get("/workforce/agents/import/map/")
    response = hr.post("/workforce/agents/import/map/", page.context["form"].initial)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Nothing was imported" in body
    assert [(e["line"], e["column"]) for e in response.context["errors"]] == [(3, "team"), (3, "hire_date")]
    assert not Agent.objects.exists()


def test_it_takes_an_xlsx_and_a_default_team(hr, other_team):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Anställningsnummer", "Namn", "Anställningsdatum", "Slutdatum", "Avgångstyp"])
    workbook.active.append(["S-1", "Åsa Öberg", "2021-03-01", "2023-04-30", "Egen uppsägning"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload(hr, buffer.getvalue(), name="export.xlsx")
    page = hr.get("/workforce/agents/import/map/")
    posted = {**page.context["form"].initial, "team_default": other_team.id}
    assert hr.post("/workforce/agents/import/map/", posted).status_code == 302
    agent = Agent.objects.get()
    assert (agent.team, agent.exit_type) == (other_team, "voluntary")


def test_it_refuses_an_unreadable_file_on_the_upload_step(hr):
    response = upload(hr, b"", name="empty.csv")
    assert response.status_code == 400
    response = upload(hr, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, name="old.xls")
    assert "old Excel workbook" in response.content.decode()


def test_the_preview_shows_unprintable_characters_without_failing(hr):
    data = b"employee_number,name,team,hire_date,exit_date,exit_type\n1,A\x00\xed\xa0\x80,Default team,2023-01-01,,\n"
    upload(hr, data)
    page = hr.get("/workforce/agents/import/map/")
    assert page.status_code == 200
    response = hr.post("/workforce/agents/import/map/", page.context["form"].initial)
    assert response.status_code == 400
    assert [(e["line"], e["column"]) for e in response.context["errors"]] == [(2, "name")]


def test_the_mapping_step_sends_back_to_the_upload_without_a_file(hr):
    assert hr.get("/workforce/agents/import/map/").url == "/workforce/agents/import/"


@pytest.mark.parametrize("fixture", ["recruiter", "manager"])
def test_it_refuses_roles_other_than_hr_and_admin(client, request, team, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get("/workforce/agents/import/").status_code == 403
    assert upload(client, NORWEGIAN.encode()).status_code == 403
    assert not Agent.objects.exists()


def test_it_sends_the_anonymous_to_the_login(client, team):
    response = upload(client, NORWEGIAN.encode())
    assert response.status_code == 302 and "login" in response.url


# API --------------------------------------------------------------------------------------------


def test_the_api_imports_and_then_updates(api, hr_user, team):
    client = api.as_user(hr_user)
    response = client.post(
        "/api/agents/import/", {"file": SimpleUploadedFile("hr.csv", NORWEGIAN.encode())}, format="multipart"
    )
    assert response.status_code == 200, response.json()
    assert response.json() == {"created": 2, "updated": 0, "unchanged": 0, "renumbered": 0}
    again = NORWEGIAN.replace("02.05.2022;;", "02.05.2022;30.06.2024;frivillig")
    response = client.post(
        "/api/agents/import/", {"file": SimpleUploadedFile("hr.csv", again.encode())}, format="multipart"
    )
    assert response.json() == {"created": 0, "updated": 1, "unchanged": 1, "renumbered": 0}
    assert Agent.objects.get(employee_number="N-1").exit_type == "voluntary"


def test_the_api_answers_400_with_every_bad_row(api, hr_user, team):
    response = api.as_user(hr_user).post(
        "/api/agents/import/", {"file": SimpleUploadedFile("hr.csv", BAD.encode())}, format="multipart"
    )
    assert response.status_code == 400
    body = response.json()
    assert [(e["line"], e["column"]) for e in body["errors"]] == [(3, "team"), (3, "hire_date")]
    assert body["extra"]["errors"] == body["errors"]
    assert set(body["errors"][0]) == {"line", "column", "message"}
    assert not Agent.objects.exists()


def test_the_api_takes_a_mapping_as_json(api, hr_user, team):
    text = "Nr,Who,Where,From,To,How\n9,Anna,Default team,2023-01-01,,\n"
    mapping = {"employee_number": "Nr", "name": "Who", "team": "Where", "hire_date": "From", "exit_date": "To"}
    mapping["exit_type"] = "How"
    response = api.as_user(hr_user).post(
        "/api/agents/import/",
        {"file": SimpleUploadedFile("hr.csv", text.encode()), "mapping": json.dumps(mapping)},
        format="multipart",
    )
    assert response.json()["created"] == 1


def test_the_api_refuses_a_file_too_large(api, hr_user, team, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000_000
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 50_000_000
    response = api.as_user(hr_user).post(
        "/api/agents/import/", {"file": SimpleUploadedFile("hr.csv", b"a" * 10_000_001)}, format="multipart"
    )
    assert response.status_code == 413


@pytest.mark.parametrize("fixture", ["recruiter", "manager"])
def test_the_api_refuses_roles_other_than_hr_and_admin(api, request, team, fixture):
    response = api.as_user(request.getfixturevalue(fixture)).post(
        "/api/agents/import/", {"file": SimpleUploadedFile("hr.csv", NORWEGIAN.encode())}, format="multipart"
    )
    assert response.status_code == 403
    assert not Agent.objects.exists()


def test_the_api_refuses_the_anonymous(api, team):
    response = api.post(
        "/api/agents/import/", {"file": SimpleUploadedFile("hr.csv", NORWEGIAN.encode())}, format="multipart"
    )
    assert response.status_code == 401


# Command ----------------------------------------------------------------------------------------


def test_the_command_imports_into_any_team_with_a_default(tmp_path, team, capsys):
    team_create(name="Oslo")
    path = tmp_path / "hr.csv"
    path.write_text("Nr;Navn;Ansettelsesdato;Sluttdato;Sluttype\nN-1;Ola;2022-05-02;;\n", encoding="utf-8")
    call_command("agents_import", str(path), "--mapping", '{"employee_number": "Nr"}', "--team-default", "Oslo")
    assert Agent.objects.get().team.name == "Oslo"
    assert "Created 1 and updated 0 employment periods, 0 unchanged" in capsys.readouterr().out


def test_the_command_lists_bad_rows_and_exits_2(tmp_path, team, capsys):
    path = tmp_path / "hr.csv"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("agents_import", str(path))
    assert excinfo.value.returncode == 2
    assert "hr.csv:3: team:" in capsys.readouterr().err
    assert not Agent.objects.exists()
