import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hiring import pipeline, pipeline_import
from hiring.models import Application, ApplicationMove, Candidate
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.teams import team_default

GOOD = (
    "\ufeffNavn;E-mail;Telefon;Sprog;Kilde\r\n"
    "Mette Hansen;mette@example.dk;20 12 34 56;dansk;Jobbank\r\n"
    "Sven Berg;sven@example.se;+46 70 123 45 67;svenska;henvisning\r\n"
)
BAD = "Name,Email,Language\nMette Hansen,mette@example.dk,da\n,nope,fi\nBo Larsen,METTE@example.dk,da\n"


@pytest.fixture
def requisition(recruiter):
    return pipeline.requisition_create(
        user=recruiter, title="Kundeservice Aarhus", role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )


@pytest.fixture
def as_recruiter(api, recruiter):
    return api.as_user(recruiter)


def test_it_imports_every_row_with_applications_in_one_go(recruiter, requisition):
    result = pipeline_import.candidates_import(text=GOOD.encode(), team=None, user=recruiter, requisition=requisition)
    assert [(i.line, i.candidate.name, i.possible_duplicates) for i in result.imported] == [
        (2, "Mette Hansen", []),
        (3, "Sven Berg", []),
    ]
    assert list(Candidate.objects.order_by("name").values_list("name", "phone", "language", "source", "team")) == [
        ("Mette Hansen", "20123456", "da", "job_board", team_default().id),
        ("Sven Berg", "+46701234567", "sv", "referral", team_default().id),
    ]
    assert result.applications == 2
    assert set(Application.objects.values_list("requisition", "stage")) == {(requisition.id, "applied")}
    assert set(ApplicationMove.objects.values_list("from_stage", "to_stage", "by")) == {("", "applied", recruiter.id)}


def test_it_imports_nothing_when_one_row_is_bad_and_lists_every_bad_row(recruiter, requisition):
    with pytest.raises(ApplicationError) as refused:
        pipeline_import.candidates_import(text=BAD, team=None, user=recruiter, requisition=requisition)
    assert refused.value.status == 400
    assert (
        refused.value.message == "Lines with errors: 2. Nothing was imported; correct them and import the file again."
    )
    assert refused.value.extra["rows"] == [
        {"line": 3, "field": "name", "code": "required", "message": "This value is required."},
        {"line": 3, "field": "email", "code": "email", "message": "'nope' is not an e-mail address."},
        {
            "line": 3,
            "field": "language",
            "code": "language",
            "message": "'fi' is not one of English, Danish, Norwegian or Swedish.",
        },
        {
            "line": 4,
            "field": "email",
            "code": "duplicate",
            "message": "The same e-mail address is already on line 2.",
        },
    ]
    assert (Candidate.objects.count(), Application.objects.count(), ApplicationMove.objects.count()) == (0, 0, 0)


def test_it_flags_existing_candidates_who_may_be_the_same_person_and_merges_nothing(recruiter):
    mette = pipeline.candidate_create(user=recruiter, name="Mette Hansen", email="m.h@example.dk", language="da")
    sven = pipeline.candidate_create(
        user=recruiter, name="S. Berg", email="SVEN@example.se", phone="070-123 45 67", language="sv"
    )
    result = pipeline_import.candidates_import(text=GOOD, team=None, user=recruiter)
    found = [[(d.candidate.id, d.reasons) for d in i.possible_duplicates] for i in result.imported]
    assert found == [[(mette.candidate.id, ("name",))], [(sven.candidate.id, ("email", "phone"))]]
    assert Candidate.objects.count() == 4


def test_it_finds_duplicates_with_a_bounded_number_of_queries(recruiter):
    rows = "".join(f"Person {i} Olsen,p{i}@example.dk,da\n" for i in range(300))
    pipeline_import.candidates_import(text="Name,Email,Language\n" + rows, team=None, user=recruiter)
    again = rows.replace("@example.dk", "@example.no")
    with CaptureQueriesContext(connection) as queries:
        result = pipeline_import.candidates_import(text="Name,Email,Language\n" + again, team=None, user=recruiter)
    assert len(result.imported) == 300 and all(i.possible_duplicates for i in result.imported)
    # The flags stored for a person to decide on are one INSERT, which SQLite splits into batches of
    # at most 999 parameters (8 per flag); PostgreSQL sends it whole.
    flags = sum(len(i.possible_duplicates) for i in result.imported)
    flag_inserts = [q for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "hiring_duplicateflag"')]
    assert len(flag_inserts) <= -(-flags * 8 // 999)
    assert len(queries) - len(flag_inserts) < 15


def test_it_refuses_files_over_the_limits_with_413(recruiter, monkeypatch):
    monkeypatch.setattr(pipeline_import, "MAX_ROWS", 1)
    with pytest.raises(ApplicationError) as too_many:
        pipeline_import.candidates_import(text=GOOD, team=None, user=recruiter)
    assert too_many.value.status == 413
    assert too_many.value.message == "The file has more than 1 candidates; split it into smaller files."
    monkeypatch.setattr(pipeline_import, "MAX_BYTES", 50)
    with pytest.raises(ApplicationError) as too_big:
        pipeline_import.candidates_import(text=GOOD, team=None, user=recruiter)
    assert too_big.value.status == 413
    assert "at most 50 bytes" in too_big.value.message
    assert Candidate.objects.count() == 0


def test_it_refuses_a_file_that_is_not_utf8(recruiter):
    with pytest.raises(ApplicationError) as refused:
        pipeline_import.candidates_import(
            text="Name,Email,Language\nÅse Ødegård,ase@example.no,nb\n".encode("cp1252"), team=None, user=recruiter
        )
    assert "UTF-8" in refused.value.message


def test_it_refuses_a_requisition_that_takes_no_applications(recruiter, requisition):
    pipeline.requisition_update(requisition=requisition, status="closed")
    with pytest.raises(ApplicationError) as refused:
        pipeline_import.candidates_import(text=GOOD, team=None, user=recruiter, requisition=requisition)
    assert refused.value.status == 409
    assert Candidate.objects.count() == 0


# API ----------------------------------------------------------------------------------------------


def test_it_imports_a_multipart_file_with_a_mapping(as_recruiter, requisition):
    text = "Fornavn Efternavn;Mail;Sprog\nMette Hansen;mette@example.dk;da\n"
    response = as_recruiter.post(
        "/api/candidates/import/",
        {
            "file": SimpleUploadedFile("export.csv", text.encode()),
            "mapping": '{"name": "Fornavn Efternavn"}',
            "requisition": requisition.id,
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    candidate = Candidate.objects.get()
    assert response.json() == {
        "imported": 1,
        "applications": 1,
        "candidates": [{"line": 2, "id": candidate.id, "name": "Mette Hansen", "possible_duplicates": []}],
    }


def test_it_answers_json_with_every_bad_row_and_imports_nothing(as_recruiter):
    response = as_recruiter.post("/api/candidates/import/", {"csv": BAD}, format="json")
    assert response.status_code == 400
    assert [(r["line"], r["field"]) for r in response.json()["extra"]["rows"]] == [
        (3, "name"),
        (3, "email"),
        (3, "language"),
        (4, "email"),
    ]
    assert Candidate.objects.count() == 0


def test_it_flags_a_duplicate_through_the_api(as_recruiter):
    first = as_recruiter.post("/api/candidates/import/", {"csv": GOOD}, format="json").json()
    second = as_recruiter.post(
        "/api/candidates/import/", {"csv": GOOD.replace("example", "example2")}, format="json"
    ).json()
    mette = first["candidates"][0]["id"]
    assert second["candidates"][0]["possible_duplicates"] == [
        {"id": mette, "name": "Mette Hansen", "reasons": ["phone", "name"]}
    ]


def test_it_wants_a_file_or_the_text_but_not_both(as_recruiter):
    assert as_recruiter.post("/api/candidates/import/", {}, format="json").status_code == 400
    assert as_recruiter.post("/api/candidates/import/", {"mapping": "{"}, format="multipart").status_code == 400


def test_it_answers_413_for_a_file_over_the_limit(as_recruiter, monkeypatch):
    monkeypatch.setattr(pipeline_import, "MAX_BYTES", 50)
    response = as_recruiter.post(
        "/api/candidates/import/", {"file": SimpleUploadedFile("big.csv", GOOD.encode())}, format="multipart"
    )
    assert response.status_code == 413
    assert Candidate.objects.count() == 0


def test_another_teams_requisition_is_404(api, requisition, other_team_users):
    other = api.as_user(other_team_users["recruiter"])
    response = other.post("/api/candidates/import/", {"csv": GOOD, "requisition": requisition.id}, format="json")
    assert response.status_code == 404
    assert Candidate.objects.count() == 0


def test_wrong_role_and_anonymous_are_refused(api, manager, outsider):
    assert api.post("/api/candidates/import/", {"csv": GOOD}, format="json").status_code == 401
    for user in (manager, outsider):
        assert api.as_user(user).post("/api/candidates/import/", {"csv": GOOD}, format="json").status_code == 403
    assert Candidate.objects.count() == 0


# Command ------------------------------------------------------------------------------------------


def test_the_command_imports_a_file_for_a_team(tmp_path, recruiter, requisition):
    path = tmp_path / "export.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "candidates_import",
        str(path),
        "--team",
        team_default().name,
        "--by",
        recruiter.username,
        "--requisition",
        str(requisition.id),
        stdout=out,
    )
    assert out.getvalue().strip() == "Imported 2 candidates, 2 applications."
    assert Application.objects.filter(requisition=requisition).count() == 2


def test_the_command_lists_every_bad_row_and_exits_with_2(tmp_path, recruiter):
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("candidates_import", str(path), "--team", team_default().name, "--by", "rikke", stderr=err)
    assert refused.value.returncode == 2
    assert err.getvalue().splitlines()[0] == "bad.csv:3: name: This value is required."
    assert len(err.getvalue().splitlines()) == 4
    assert Candidate.objects.count() == 0


def test_the_command_refuses_an_unknown_team_or_user(tmp_path, recruiter):
    path = tmp_path / "export.csv"
    path.write_text(GOOD, encoding="utf-8")
    for args in (["--team", "Nowhere", "--by", "rikke"], ["--team", team_default().name, "--by", "nobody"]):
        with pytest.raises(CommandError) as refused:
            call_command("candidates_import", str(path), *args)
        assert refused.value.returncode == 2


def test_it_flags_a_typo_or_another_word_order_in_a_name(recruiter):
    mette = pipeline.candidate_create(user=recruiter, name="Mette Hansen", email="m.h@example.dk", language="da")
    pipeline.candidate_create(user=recruiter, name="Mette Jensen", email="m.j@example.dk", language="da")
    text = 'Name,Email,Language\nMette Hansem,a@example.dk,da\n"Hansen, Mette",b@example.dk,da\nMette Olsen,c@x.dk,da\n'
    result = pipeline_import.candidates_import(text=text, team=None, user=recruiter)
    found = [[(d.candidate.id, d.reasons) for d in i.possible_duplicates] for i in result.imported]
    assert found == [[(mette.candidate.id, ("name",))], [(mette.candidate.id, ("name",))], []]
