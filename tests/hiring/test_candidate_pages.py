"""The candidate pages: list, CSV, new, edit, detail with documents, duplicates and merges."""

import pytest

from hiring import pipeline
from hiring.models import Application, Candidate, CandidateMergeAudit, DuplicateFlag
from profiles.models import RoleProfile
from servicefit.core.models import AccessLog
from servicefit.core.roles import Role
from tests.hiring.documents_files import docx_bytes, pdf_bytes, zip_bomb_docx

NEW = {
    "name": "Mette Hansen",
    "email": "mette@example.dk",
    "phone": "20 12 34 56",
    "language": "da",
    "source": "job_board",
}


def person(user, **fields):
    return pipeline.candidate_create(
        user=user, **({"name": "Mette Hansen", "email": "mette@example.dk", "language": "da"} | fields)
    ).candidate


def requisition(user, title="Kundeservice"):
    return pipeline.requisition_create(
        user=user, title=title, role_profile=RoleProfile.objects.get(slug="advisor-controller-led"), status="open"
    )


@pytest.fixture
def logged_in(client, recruiter):
    client.force_login(recruiter)
    return client


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_it_shows_an_empty_list_with_a_way_to_add_candidates(logged_in):
    page = logged_in.get("/hiring/candidates/").content.decode()
    assert "No candidates yet." in page and "/hiring/candidates/new/" in page and "/hiring/candidates/import/" in page


def test_it_is_linked_from_the_hiring_page(logged_in):
    assert "/hiring/candidates/" in logged_in.get("/hiring/").content.decode()


def test_it_searches_and_filters_and_logs_whom_it_shows(logged_in, recruiter):
    mette = person(recruiter, source="referral")
    ole = person(recruiter, name="Ole Nordmann", email="ole@example.no", language="nb")
    job = requisition(recruiter)
    pipeline.application_create(user=recruiter, candidate=ole, requisition=job)

    def names(query):
        response = logged_in.get("/hiring/candidates/" + query)
        return [c.name for c in response.context["page"].object_list]

    assert names("") == ["Mette Hansen", "Ole Nordmann"]
    assert names("?q=ole@") == ["Ole Nordmann"]
    assert names("?source=referral") == ["Mette Hansen"]
    assert names("?language=nb") == ["Ole Nordmann"]
    assert names(f"?requisition={job.id}") == ["Ole Nordmann"]
    assert "No candidates match these filters." in logged_in.get("/hiring/candidates/?q=zzz").content.decode()
    viewed = AccessLog.objects.filter(action="view", target_type="hiring.candidate").values_list("target_id", flat=True)
    assert {str(mette.id), str(ole.id)} <= set(viewed)


def test_it_filters_the_undecided_possible_duplicates_and_badges_them(logged_in, recruiter):
    person(recruiter)
    person(recruiter, name="Ole Nordmann", email="ole@example.no")
    twin = person(recruiter, name="Hansen, Mette", email="mh@example.dk")
    response = logged_in.get("/hiring/candidates/?duplicates=open")
    assert sorted(c.name for c in response.context["page"].object_list) == ["Hansen, Mette", "Mette Hansen"]
    assert "possible duplicate" in response.content.decode()
    DuplicateFlag.objects.filter(candidate=twin).update(status="dismissed")
    assert not logged_in.get("/hiring/candidates/?duplicates=open").context["page"].object_list


def test_it_ignores_filters_it_does_not_understand(logged_in, recruiter):
    person(recruiter)
    response = logged_in.get("/hiring/candidates/?source=nope&requisition=abc&page=999")
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_it_downloads_the_filtered_list_as_csv_and_logs_the_export(logged_in, recruiter):
    person(recruiter, name="=HYPERLINK(1)", email="x@example.dk")
    person(recruiter, name="Ole Nordmann", email="ole@example.no")
    response = logged_in.get("/hiring/candidates/export.csv?q=example.dk")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("id,name,email")
    assert "'=HYPERLINK(1)" in text and "Ole" not in text
    assert AccessLog.objects.filter(action="export", target_type="hiring.candidate").count() == 1


def test_it_creates_a_candidate_applies_them_and_shows_possible_duplicates(logged_in, recruiter):
    existing = person(recruiter)
    job = requisition(recruiter)
    response = logged_in.post(
        "/hiring/candidates/new/",
        {
            **NEW,
            "name": "Hansen, Mette",
            "consent_given": "on",
            "consent_text_version": "2026-03",
            "education": "HHX",
            "requisition": job.id,
        },
        follow=True,
    )
    created = Candidate.objects.exclude(id=existing.id).get()
    assert response.redirect_chain[-1][0] == f"/hiring/candidates/{created.id}/"
    assert (created.consent_text_version, created.education, created.source) == ("2026-03", "HHX", "job_board")
    assert created.consent_at is not None
    assert Application.objects.get().candidate == created
    page = response.content.decode()
    assert "1 existing candidate may be the same person" in messages_of(response)
    assert f"/hiring/candidates/{existing.id}/" in page and "same e-mail address" in page


def test_it_keeps_the_form_with_errors_and_writes_nothing(logged_in, recruiter):
    response = logged_in.post("/hiring/candidates/new/", {**NEW, "phone": "call me", "consent_given": "on"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Say which version of the consent text" in page
    assert not Candidate.objects.exists()
    response = logged_in.post("/hiring/candidates/new/", {**NEW, "phone": "call me"})
    assert response.status_code == 400 and "6 to 15 digits" in response.content.decode()
    assert not Candidate.objects.exists()


def test_it_writes_nothing_when_the_requisition_takes_no_applications(logged_in, recruiter):
    closed = requisition(recruiter)
    pipeline.requisition_update(requisition=closed, status="closed")
    response = logged_in.post("/hiring/candidates/new/", {**NEW, "requisition": closed.id})
    assert response.status_code == 400 and not Candidate.objects.exists()


def test_it_edits_a_candidate_and_withdraws_consent(logged_in, recruiter):
    candidate = person(recruiter)
    pipeline.candidate_update(candidate=candidate, consent_at=candidate.created_at, consent_text_version="v1")
    assert "v1" in logged_in.get(f"/hiring/candidates/{candidate.id}/edit/").content.decode()
    response = logged_in.post(
        f"/hiring/candidates/{candidate.id}/edit/", {**NEW, "name": "Mette B. Hansen", "experience": "Telia"}
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.name, candidate.experience, candidate.consent_at) == ("Mette B. Hansen", "Telia", None)


def test_it_shows_a_candidate_with_applications_history_and_logs_the_view(logged_in, recruiter):
    candidate = person(recruiter)
    application = pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition(recruiter))
    pipeline.application_move(application=application, stage="rejected", reason="Ingen dansk", user=recruiter)
    page = logged_in.get(f"/hiring/candidates/{candidate.id}/").content.decode()
    assert "Kundeservice" in page and "Ingen dansk" in page and "rejected" in page
    assert AccessLog.objects.filter(action="view", target_id=str(candidate.id)).exists()


def test_it_uploads_documents_keeps_their_text_and_removes_it(logged_in, recruiter):
    candidate = person(recruiter)
    url = f"/hiring/candidates/{candidate.id}/documents/"
    logged_in.post(url, {"kind": "cv", "file": upload("cv.pdf", pdf_bytes("Kundeservice hos Telia"))})
    logged_in.post(url, {"kind": "cover_letter", "file": upload("brev.docx", docx_bytes("Kære Rikke"))})
    candidate.refresh_from_db()
    assert "Kundeservice hos Telia" in candidate.cv_text and candidate.cover_letter_text == "Kære Rikke"
    assert "Kære Rikke" in logged_in.get(f"/hiring/candidates/{candidate.id}/").content.decode()
    logged_in.post(f"{url}remove/", {"kind": "cv"})
    candidate.refresh_from_db()
    assert candidate.cv_text == "" and candidate.cover_letter_text == "Kære Rikke"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.pdf", b"MZ not a pdf", "is not a PDF"),
        ("cv.docx", zip_bomb_docx(40), "unpacks to more than"),
        ("cv.pdf", pdf_bytes("x", password="pw"), "protected with a password"),
        ("cv.exe", b"hello", ".txt, .pdf or .docx"),
    ],
)
def test_it_refuses_hostile_documents_with_a_clear_message(logged_in, recruiter, name, data, message):
    candidate = person(recruiter)
    response = logged_in.post(
        f"/hiring/candidates/{candidate.id}/documents/", {"kind": "cv", "file": upload(name, data)}, follow=True
    )
    assert response.status_code == 200 and message in messages_of(response)
    candidate.refresh_from_db()
    assert candidate.cv_text == ""


def test_it_links_and_dismisses_from_the_candidate_page(logged_in, recruiter):
    first = person(recruiter)
    second = person(recruiter, name="Hansen, Mette", email="mh@example.dk")
    third = person(recruiter, name="Mette Hansen", email="m3@example.dk")
    link, dismiss = DuplicateFlag.objects.get(candidate=second), DuplicateFlag.objects.get(candidate=third, other=first)
    response = logged_in.post(f"/hiring/duplicates/{link.id}/link/", {"back": first.id})
    assert response.url == f"/hiring/candidates/{first.id}/"
    logged_in.post(f"/hiring/duplicates/{dismiss.id}/dismiss/", {"back": third.id})
    link.refresh_from_db(), dismiss.refresh_from_db()
    assert (link.status, dismiss.status) == ("linked", "dismissed")
    page = logged_in.get(f"/hiring/candidates/{first.id}/").content.decode()
    assert "Linked, the same person:" in page and "Dismissed, different people:" in page
    again = logged_in.post(f"/hiring/duplicates/{link.id}/dismiss/", follow=True)
    assert "already decided" in messages_of(again)


def test_it_merges_by_hand_and_shows_the_audit_on_the_survivor(logged_in, recruiter):
    first = person(recruiter, phone="20123456")
    second = person(recruiter, name="Hansen, Mette", email="mh@example.dk", experience="Telia")
    flag = DuplicateFlag.objects.get()
    form = logged_in.get(f"/hiring/duplicates/{flag.id}/merge/?from={first.id}")
    assert form.status_code == 200
    # Pre-chosen: this record, and the other's value where this one has none.
    assert form.context["form"].initial["take_experience"] == "b"
    choices = {f"take_{key}": "a" for key in ("name", "email", "phone", "language", "source", "consent")}
    choices |= {f"take_{key}": "a" for key in ("education", "cv", "cover_letter")} | {"take_experience": "b"}
    response = logged_in.post(f"/hiring/duplicates/{flag.id}/merge/", {"back": first.id, "survivor": "a", **choices})
    assert response.url == f"/hiring/candidates/{first.id}/"
    first.refresh_from_db()
    assert (first.email, first.experience) == ("mette@example.dk", "Telia")
    assert not Candidate.objects.filter(id=second.id).exists()
    audit = CandidateMergeAudit.objects.get()
    assert audit.fields_taken == ["experience"]
    page = logged_in.get(f"/hiring/candidates/{first.id}/").content.decode()
    assert f"record {second.id} merged in by {recruiter.username}" in page


def test_it_refuses_an_incomplete_merge_form_and_merges_nothing(logged_in, recruiter):
    person(recruiter)
    person(recruiter, name="Hansen, Mette", email="mh@example.dk")
    flag = DuplicateFlag.objects.get()
    response = logged_in.post(f"/hiring/duplicates/{flag.id}/merge/", {"survivor": "a"})
    assert response.status_code == 400 and Candidate.objects.count() == 2


def test_it_keeps_other_teams_managers_and_anonymous_out(client, recruiter, manager, other_team_users):
    candidate = person(recruiter)
    person(recruiter, name="Hansen, Mette", email="mh@example.dk")
    flag = DuplicateFlag.objects.get()
    for user in (other_team_users[Role.RECRUITER], manager):
        client.force_login(user)
        assert client.get(f"/hiring/candidates/{candidate.id}/").status_code in (403, 404)
        assert client.post(f"/hiring/duplicates/{flag.id}/merge/", {"survivor": "a"}).status_code in (403, 404)
        assert "Mette" not in client.get("/hiring/candidates/export.csv").content.decode()
    client.logout()
    assert client.get("/hiring/candidates/").status_code == 302
    assert Candidate.objects.count() == 2


def test_it_lets_hr_read_but_not_managers(client, recruiter, hr_user, manager):
    candidate = person(recruiter)
    client.force_login(hr_user)
    assert client.get(f"/hiring/candidates/{candidate.id}/").status_code == 200
    client.force_login(manager)
    assert client.get("/hiring/candidates/").status_code == 403
