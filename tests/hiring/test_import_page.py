"""The CSV import page: upload, map the columns (guessed, changeable), import all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hiring import pipeline
from hiring.models import Application, Candidate, DuplicateFlag
from profiles.models import RoleProfile

ATS = (
    "Fulde navn;E-post;Mobil;Sprog;Kilde\n"
    "Mette Hansen;mette@example.dk;20 12 34 56;dansk;jobbank\n"
    "Ole Nordmann;ole@example.no;;norsk;henvisning\n"
)
ODD = "Applicant;Contact;Where from\nMette Hansen;mette@example.dk;job board\nOle Nordmann;ole@example.no;referral\n"


@pytest.fixture
def logged_in(client, recruiter):
    client.force_login(recruiter)
    return client


def upload(client, text: str, name: str = "export.csv"):
    return client.post("/hiring/candidates/import/", {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_it_guesses_the_columns_from_nordic_headers_and_imports(logged_in):
    assert upload(logged_in, ATS).url == "/hiring/candidates/import/map/"
    form = logged_in.get("/hiring/candidates/import/map/").context["form"]
    assert form.initial == {
        "column_name": "Fulde navn",
        "column_email": "E-post",
        "column_phone": "Mobil",
        "column_language": "Sprog",
        "column_source": "Kilde",
    }
    response = logged_in.post(
        "/hiring/candidates/import/map/",
        {
            f"column_{k}": v
            for k, v in (
                ("name", "Fulde navn"),
                ("email", "E-post"),
                ("phone", "Mobil"),
                ("language", "Sprog"),
                ("source", "Kilde"),
            )
        },
    )
    assert response.url == "/hiring/candidates/import/done/"
    assert sorted(Candidate.objects.values_list("name", "language", "source")) == [
        ("Mette Hansen", "da", "job_board"),
        ("Ole Nordmann", "nb", "referral"),
    ]
    done = logged_in.get(response.url).content.decode()
    assert "Candidates imported" in done


def test_it_imports_with_a_mapping_chosen_by_hand_and_a_default_language(logged_in):
    upload(logged_in, ODD)
    assert logged_in.get("/hiring/candidates/import/map/").context["form"].initial == {}
    response = logged_in.post(
        "/hiring/candidates/import/map/",
        {
            "column_name": "Applicant",
            "column_email": "Contact",
            "column_source": "Where from",
            "default_language": "sv",
        },
    )
    assert response.status_code == 302
    assert sorted(Candidate.objects.values_list("email", "language", "source")) == [
        ("mette@example.dk", "sv", "job_board"),
        ("ole@example.no", "sv", "referral"),
    ]


def test_it_lists_every_bad_row_and_imports_nothing(logged_in):
    upload(logged_in, "navn,e-mail,sprog\nMette,mette@example,da\n,ole@example.no,norsk\nLise,lise@example.se,tysk\n")
    response = logged_in.post(
        "/hiring/candidates/import/map/", {"column_name": "navn", "column_email": "e-mail", "column_language": "sprog"}
    )
    assert response.status_code == 400
    lines = [(row["line"], row["field"]) for row in response.context["rows"]]
    assert lines == [(2, "email"), (3, "name"), (4, "language")]
    page = response.content.decode()
    assert "Nothing was imported" in page and "is not an e-mail address" in page
    assert not Candidate.objects.exists()
    # The file is still there to map again.
    assert logged_in.get("/hiring/candidates/import/map/").status_code == 200


def test_it_applies_everyone_to_a_requisition_and_counts_the_possible_duplicates(logged_in, recruiter):
    existing = pipeline.candidate_create(user=recruiter, name="Mette Hansen", email="m@example.dk", language="da")
    job = pipeline.requisition_create(
        user=recruiter, title="Kundeservice", role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )
    upload(logged_in, ATS)
    form = logged_in.get("/hiring/candidates/import/map/").context["form"]
    response = logged_in.post("/hiring/candidates/import/map/", {**form.initial, "requisition": job.id}, follow=True)
    summary = response.context["summary"]
    assert (summary["imported"], summary["applications"], summary["flagged_count"]) == (2, 2, 1)
    assert Application.objects.filter(requisition=job).count() == 2
    flag = DuplicateFlag.objects.get()
    assert flag.other == existing.candidate
    assert f"/hiring/candidates/{flag.candidate_id}/" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("name;email\n".encode("utf-16"), "not UTF-8"),
        (b"", "The submitted file is empty."),
        (b"\n\n", "The file is empty."),
    ],
)
def test_it_refuses_files_it_cannot_read_at_the_upload(logged_in, data, message):
    response = logged_in.post("/hiring/candidates/import/", {"file": SimpleUploadedFile("x.csv", data)})
    assert response.status_code == 400 and message in response.content.decode()


def test_it_refuses_a_file_over_the_limit(logged_in):
    from hiring import pipeline_import

    big = b"name,email\n" + b"x" * (pipeline_import.MAX_BYTES + 10)
    response = logged_in.post("/hiring/candidates/import/", {"file": SimpleUploadedFile("x.csv", big)})
    assert response.status_code == 400 and "larger than" in response.content.decode()


def test_it_sends_the_mapping_step_back_to_the_upload_without_a_file(logged_in):
    response = logged_in.get("/hiring/candidates/import/map/")
    assert response.url == "/hiring/candidates/import/"
    assert logged_in.get("/hiring/candidates/import/done/").url == "/hiring/candidates/import/"


def test_it_is_for_those_who_may_write_candidates(client, manager, hr_user):
    client.force_login(manager)
    assert client.get("/hiring/candidates/import/").status_code == 403
    client.force_login(hr_user)
    assert client.get("/hiring/candidates/import/").status_code == 200
    client.logout()
    assert client.post("/hiring/candidates/import/map/").status_code == 302


def test_it_api_import_takes_the_same_mapping(api, recruiter):
    client = api.as_user(recruiter)
    response = client.post(
        "/api/candidates/import/",
        {
            "csv": ODD,
            "mapping": {"name": "Applicant", "email": "Contact", "source": "Where from"},
            "default_language": "da",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["imported"] == 2
