"""The studio's API refuses a text it cannot read with a message for a person and a code for a program:
the code (profiles/refusals.py) is the same in every language, the message is in the caller's."""

import pytest

from tests.hiring.factories import DA_AD, DE_AD, job_ad_make
from tests.hiring.test_bulk_reader_language import NN_AD, UNSURE_AD
from tests.test_schema import generate

ANALYZE = "/api/job-ads/analyze/"
REFUSED = [
    (" \n ", 400, "empty"),
    ("- - -", 400, "no_words"),
    ("ord " * 15_000, 413, "too_long"),
    (DE_AD, 422, "language_unsupported"),
    (NN_AD, 422, "language_nynorsk"),
    (UNSURE_AD, 422, "language_unsure"),
]


@pytest.mark.parametrize(("text", "status", "code"), REFUSED, ids=[code for *_rest, code in REFUSED])
def test_it_refuses_a_text_with_the_same_code_in_every_language(api, recruiter, text, status, code):
    client = api.as_user(recruiter)
    messages = {}
    for language in ("en", "da", "nb", "sv"):
        response = client.post(ANALYZE, {"text": text}, format="json", HTTP_ACCEPT_LANGUAGE=language)
        body = response.json()
        assert response.status_code == status, language
        assert {"message", "extra"} <= set(body)
        assert body["extra"]["code"] == code, language
        messages[language] = body["message"]
    assert all(messages[language] != messages["en"] for language in ("da", "nb", "sv"))  # each in their own


def test_it_gives_a_program_what_it_needs_to_act_on_a_refusal(api, recruiter):
    client = api.as_user(recruiter)
    too_long = client.post(ANALYZE, {"text": "ord " * 15_000}, format="json").json()
    german = client.post(ANALYZE, {"text": DE_AD}, format="json").json()
    unsure = client.post(ANALYZE, {"text": UNSURE_AD}, format="json").json()
    assert too_long["extra"] == {"code": "too_long", "length": 60_000, "limit": 50_000}
    assert german["extra"] == {"code": "language_unsupported", "detected": "de"}
    assert unsure["extra"]["code"] == "language_unsure" and set(unsure["extra"]["candidates"]) == {"da", "nb"}
    # Given the language, the same text is analysed.
    assert client.post(ANALYZE, {"text": UNSURE_AD, "language": "da"}, format="json").status_code == 200


def test_it_gives_the_code_when_an_ad_or_a_revision_is_refused_too(api, recruiter):
    client = api.as_user(recruiter)
    created = client.post("/api/job-ads/", {"title": "Kundeservice", "text": NN_AD}, format="json")
    assert (created.status_code, created.json()["extra"]["code"]) == (422, "language_nynorsk")
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    revised = client.post(f"/api/job-ads/{job_ad.id}/revisions/", {"text": ""}, format="json")
    assert (revised.status_code, revised.json()["extra"]["code"]) == (400, "empty")


def test_it_documents_the_refusal_codes_in_the_api_schema(tmp_path, db):
    paths = generate(tmp_path)["paths"]
    for path in ("/api/job-ads/analyze/", "/api/job-ads/", "/api/job-ads/{job_ad_id}/revisions/"):
        responses = paths[path]["post"]["responses"]
        assert "`empty`, `no_words`" in responses["400"]["description"], path
        assert "`too_long`" in responses["413"]["description"], path
        described = responses["422"]["description"]
        assert all(f"`{code}`" in described for code in ("language_unsupported", "language_nynorsk", "language_unsure"))
