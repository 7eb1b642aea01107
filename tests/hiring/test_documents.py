"""A CV or cover letter reduced to text: real .txt, .pdf and .docx files, and hostile ones."""

import codecs

import pytest

from hiring.documents import MAX_BYTES, MAX_PAGES, DocumentError, document_error_message, document_text
from tests.hiring.documents_files import docx_bytes, pdf_bytes, zip_bomb_docx

CV = "Mette Sørensen\nKundeservice, 4 år hos Telia. Ærlig, rolig og løsningsorienteret."


def refused(filename: str, data: bytes) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        document_text(filename, data)
    # Every refusal has a message a user can read, in words, not a code.
    assert " " in document_error_message(caught.value)
    return caught.value


@pytest.mark.parametrize(
    "data",
    [
        CV.encode("utf-8"),
        codecs.BOM_UTF8 + CV.encode("utf-8"),
        CV.encode("utf-16"),  # with its BOM, as Notepad's "Unicode"
        codecs.BOM_UTF16_BE + CV.encode("utf-16-be"),
        CV.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_it_reads_text_files_in_the_encodings_nordic_offices_save(data):
    assert document_text("cv.TXT", data) == CV


def test_it_reads_a_pdf_page_by_page():
    text = document_text("cv.pdf", pdf_bytes("Mette Sørensen", "Kundeservice hos Telia"))
    assert "Mette Sørensen" in text and "Kundeservice hos Telia" in text
    assert text.index("Mette") < text.index("Telia")


def test_it_reads_a_word_documents_paragraphs_and_tables():
    text = document_text("ansøgning.docx", docx_bytes("Kære Rikke", "Jeg søger stillingen.", table=[["2019", "Telia"]]))
    assert text == "Kære Rikke\nJeg søger stillingen.\n2019\tTelia"


def test_it_strips_nul_bytes_control_characters_and_lone_surrogates():
    data = "Mette\x00 S\x07ørensen, fire år i kundeservice\r\n\r\n\r\n\r\nTelia  ".encode()
    assert document_text("cv.txt", data) == "Mette Sørensen, fire år i kundeservice\n\nTelia"
    lone = "Mette \udc80Sørensen".encode("utf-8", "surrogatepass")  # invalid UTF-8: read as cp1252, no surrogate
    assert "\udc80" not in document_text("cv.txt", lone)


def test_it_refuses_a_binary_file_named_txt():
    assert refused("cv.txt", bytes(range(256)) * 40).code == "binary"


def test_it_refuses_a_file_too_large_before_reading_it():
    error = refused("cv.txt", b"a" * (MAX_BYTES + 1))
    assert error.code == "too_large" and "5 MB" in document_error_message(error)


@pytest.mark.parametrize("name", ["cv.doc", "cv.rtf", "cv", "cv.pdf.exe"])
def test_it_refuses_other_file_types(name):
    assert refused(name, b"hello").code == "type"


def test_it_refuses_an_empty_file_and_one_without_text():
    assert refused("cv.txt", b"").code == "empty"
    assert refused("cv.txt", b" \n\t\n").code == "no_text"
    assert refused("scan.pdf", pdf_bytes("")).code == "no_text"


def test_it_refuses_a_fake_pdf():
    assert refused("cv.pdf", b"MZ\x90\x00 not a pdf at all").code == "not_pdf"


def test_it_refuses_a_broken_pdf():
    assert refused("cv.pdf", pdf_bytes("Mette")[:200]).code == "broken"


def test_it_refuses_an_encrypted_pdf():
    assert refused("cv.pdf", pdf_bytes("Mette", password="hemmelig")).code == "encrypted"


def test_it_refuses_a_pdf_with_too_many_pages():
    error = refused("cv.pdf", pdf_bytes(*["side"] * (MAX_PAGES + 1)))
    assert error.code == "too_many_pages" and str(MAX_PAGES) in document_error_message(error)


def test_it_refuses_a_docx_zip_bomb_without_unpacking_it():
    bomb = zip_bomb_docx(40)
    assert len(bomb) < 200_000
    assert refused("cv.docx", bomb).code == "zip_bomb"


def test_it_refuses_a_fake_or_broken_or_encrypted_docx():
    assert refused("cv.docx", b"%PDF-1.7 hello").code == "not_docx"
    assert refused("cv.docx", docx_bytes("Mette")[:300]).code == "broken"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert refused("cv.docx", ole).code == "encrypted"


def test_it_refuses_a_zip_that_is_not_a_word_document():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hej")
    assert refused("cv.docx", out.getvalue()).code == "not_docx"


def test_it_drops_lone_surrogates_that_a_pdf_text_layer_may_hold():
    from hiring.documents import text_cleaned

    assert text_cleaned("Mette \ud800Sørensen\udfff") == "Mette Sørensen"


# API -----------------------------------------------------------------------------------------------


@pytest.fixture
def candidate(recruiter):
    from hiring import pipeline

    return pipeline.candidate_create(
        user=recruiter, name="Mette Sørensen", email="m@example.dk", language="da"
    ).candidate


def post_document(client, candidate, kind, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/api/candidates/{candidate.id}/documents/", {"kind": kind, "file": SimpleUploadedFile(name, data)}
    )


def test_it_api_keeps_the_text_of_an_uploaded_document_and_deletes_it(api, recruiter, candidate):
    client = api.as_user(recruiter)
    response = post_document(client, candidate, "cover_letter", "brev.docx", docx_bytes("Kære Rikke"))
    assert response.status_code == 201 and response.json() == {"kind": "cover_letter", "characters": 10}
    candidate.refresh_from_db()
    assert candidate.cover_letter_text == "Kære Rikke"
    shown = client.get(f"/api/candidates/{candidate.id}/").json()
    assert (shown["has_cv"], shown["has_cover_letter"]) == (False, True)
    assert client.delete(f"/api/candidates/{candidate.id}/documents/?kind=cover_letter").status_code == 204
    candidate.refresh_from_db()
    assert candidate.cover_letter_text == ""
    assert client.delete(f"/api/candidates/{candidate.id}/documents/?kind=passport").status_code == 400


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("cv.pdf", b"GIF89a", "not_pdf"),
        ("cv.pdf", pdf_bytes("x", password="pw"), "encrypted"),
        ("cv.docx", zip_bomb_docx(40), "zip_bomb"),
        ("cv.txt", b"\0" * 1000, "binary"),
    ],
)
def test_it_api_answers_a_hostile_file_with_400_and_keeps_nothing(api, recruiter, candidate, name, data, code):
    response = post_document(api.as_user(recruiter), candidate, "cv", name, data)
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["file"] == [code] and response.json()["message"]
    candidate.refresh_from_db()
    assert candidate.cv_text == ""


def test_it_api_refuses_other_teams_managers_and_the_anonymous(api, candidate, manager, other_team_users):
    for user in (manager, other_team_users["recruiter"]):
        response = post_document(api.as_user(user), candidate, "cv", "cv.txt", b"Hej")
        assert response.status_code in (403, 404)
    api.credentials()
    assert post_document(api, candidate, "cv", "cv.txt", b"Hej").status_code == 401
    candidate.refresh_from_db()
    assert candidate.cv_text == ""
