"""Input a hostile tester sends gets a clear 4xx with a message, never a server error.

Run these on PostgreSQL too (DATABASE_URL=postgres://…): it refuses NUL in text, SQLite does not.
"""

import json

import pytest
from django.test import Client

from assessments.models import Answer, Item
from hiring.models import JobAd
from tests.assessments.conftest import battery, invitation, token  # noqa: F401  (fixtures)
from tests.hiring.factories import DA_AD, job_ad_make
from tests.i18n.pending import pending_translations


@pytest.fixture
def client(db):
    # A server error must show up as a 500 response here, not as an exception in the test.
    return Client(raise_request_exception=False)


def error_message(response) -> str:
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"message", "code", "extra"}
    return body["message"]


# --- the address and query parameters -------------------------------------------------------------


@pytest.mark.parametrize("path", ["/take/a%00b/", "/api/take/a%00b/", "/api/take/a%00b/start/", "/hiring/%00/"])
def test_a_nul_in_the_address_is_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert "NUL" in error_message(response)
    elif path.startswith("/take/"):
        assert "What your browser sent was too large or not in the form we expect" in response.content.decode()
    else:
        assert "The address contains characters that are not allowed." in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/job-ads/?q=a%00b",
        "/api/job-ads/?language=d%00a",
        "/api/job-ads/?role_profile=%00",
        "/api/invitations/?q=So%00fie",
        "/api/invitations/?status=sent%00",
        "/api/invitations/?assessment=%00",
        "/api/markers/?language=%00",
        "/api/job-ads/?%00=1",
        "/hiring/?q=a%00b",
        "/hiring/?role_profile=%00",
        "/hiring/?language=%00",
        "/assessments/?q=a%00b",
        "/assessments/?status=%00",
    ],
)
def test_a_nul_in_a_query_parameter_is_400(client, admin_user, url):
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert error_message(response) == "The address or a query parameter contains a NUL or unpaired surrogate."


def test_an_ordinary_search_still_works(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/api/job-ads/?q=kundeservice&language=da").status_code == 200
    assert client.get("/hiring/?q=kundeservice").status_code == 200


# --- JSON bodies ------------------------------------------------------------------------------------


def put_answer(client, link_token, item_id, raw_body: str):
    return client.put(f"/api/take/{link_token}/answers/{item_id}/", raw_body, content_type="application/json")


@pytest.fixture
def started(client, token):  # noqa: F811
    assert (
        client.post(f"/api/take/{token}/start/", {"consent": True}, content_type="application/json").status_code == 201
    )
    return token


@pytest.fixture
def text_item(client, battery, started):  # noqa: F811
    """A written-answer item whose (timed) part the candidate has opened."""
    item = Item.objects.filter(section__assessment=battery, kind="text").first()
    opened = client.post(f"/api/take/{started}/sections/{item.section_id}/open/")
    assert opened.status_code == 200, opened.content
    return item


@pytest.mark.parametrize(
    ("raw_value", "where"),
    [('"Hej\\u0000 Anna"', "body.value"), ('"Hej \\ud800 Anna"', "body.value"), ('{"a\\u0000": 1}', "en nøgle i")],
)
def test_a_written_answer_with_nul_or_a_lone_surrogate_is_400(client, started, text_item, raw_value, where):
    response = put_answer(client, started, text_item.id, '{"value": ' + raw_value + "}")
    assert response.status_code == 400
    message = error_message(response)
    # In the invitation's language (Danish), as every message of the candidate API.
    assert "NUL-tegn eller uparrede surrogattegn" in message and where in message
    assert not Answer.objects.exists()


def test_a_written_answer_with_a_real_emoji_is_kept(client, started, text_item):
    # A surrogate *pair* in JSON is one real character, not a hostile one.
    response = put_answer(client, started, text_item.id, '{"value": "Tak \\ud83d\\ude00"}')
    assert response.status_code == 200
    assert Answer.objects.get().value == "Tak \U0001f600"


def test_ten_thousand_nested_lists_are_400_not_a_recursion_error(client, started, text_item):
    response = put_answer(client, started, text_item.id, '{"value": ' + "[" * 10_000 + "]" * 10_000 + "}")
    assert response.status_code == 400
    assert (
        error_message(response) == "JSON-indholdet er indlejret mere end 32 niveauer dybt."
    )  # the invitation's language


def test_a_body_just_past_the_nesting_limit_is_400_and_one_within_it_is_parsed(client, admin_user):
    client.force_login(admin_user)
    url = "/api/job-ads/analyze/"

    def nested(levels):  # the body object itself is the first level
        return json.dumps(
            {"text": "Du er servicemindet.", "language": "da", "x": json.loads("[" * (levels - 1) + "]" * (levels - 1))}
        )

    assert client.post(url, nested(33), content_type="application/json").status_code == 400
    assert client.post(url, nested(32), content_type="application/json").status_code == 200


def test_the_token_endpoint_refuses_deep_json_without_login(client):
    body = '{"username": ' + "[" * 10_000 + "]" * 10_000 + ', "password": "x"}'
    response = client.post("/api/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert error_message(response) == "The JSON body is nested more than 32 levels deep."


def test_nan_and_huge_integers_are_400(client, admin_user):
    client.force_login(admin_user)
    for body in ['{"text": NaN}', '{"text": "x", "n": ' + "9" * 5000 + "}"]:
        response = client.post("/api/job-ads/analyze/", body, content_type="application/json")
        assert response.status_code == 400, body
        assert error_message(response).startswith("The body is not valid JSON")


def test_a_nul_in_a_form_encoded_api_field_is_400(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/api/job-ads/", "title=Kundeservice&text=Hej%00du", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "field 'text'" in error_message(response)
    assert not JobAd.objects.exists()


def test_a_nul_in_a_job_ad_title_or_text_is_400_over_the_api(client, admin_user):
    client.force_login(admin_user)
    for body in [{"title": "Kunde\u0000service", "text": DA_AD}, {"title": "Kundeservice", "text": "Hej\u0000"}]:
        response = client.post("/api/job-ads/", json.dumps(body), content_type="application/json")
        assert response.status_code == 400, body
    assert not JobAd.objects.exists()


# --- pages: a NUL in any posted field is refused before a view saves it ------------------------------


def test_a_nul_in_the_new_job_ad_form_is_400(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/job-ads/new/", {"title": "Kunde\x00service", "text": DA_AD})
    assert response.status_code == 400
    assert "The form contains characters that are not allowed." in response.content.decode()
    assert not JobAd.objects.exists()


def test_a_nul_in_the_studio_text_saves_no_revision(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, title="Kundeservice", text=DA_AD)
    client.force_login(recruiter)
    response = client.post(f"/hiring/job-ads/{job_ad.id}/save/", {"text": DA_AD + " Hej\x00", "note": ""})
    assert response.status_code == 400
    assert job_ad.revisions.count() == 1


def test_a_nul_in_a_written_answer_on_the_candidate_page_is_refused_in_the_page(client, token, text_item):  # noqa: F811
    assert client.post(f"/take/{token}/", {"consent": "yes"}).status_code == 302
    from assessments.models import Invitation
    from assessments.selectors import attempt_view

    view = attempt_view(invitation=Invitation.objects.get())
    number = next(
        n for n, section in enumerate(view["sections"], 1) if any(i["id"] == text_item.id for i in section["items"])
    )
    response = client.post(f"/take/{token}/part/{number}/", {f"item-{text_item.id}": "Hej\x00 Anna"})
    # The candidate page checks its own text (it answers in the candidate's language), the middleware
    # leaves it to it; see tests/assessments/test_hostile_input.py for the message.
    assert response.status_code == 422
    assert not Answer.objects.exists()


# --- odd input answered in the caller's language, never with a 500 ---------------------------------


def test_a_team_id_beyond_the_databases_range_is_400_not_500(client, admin_user):
    # SQLite cannot compare a number past 2**63: "Python int too large to convert to SQLite INTEGER".
    client.force_login(admin_user)
    response = client.get("/api/agents/?team=99999999999999999999")
    assert response.status_code == 400
    assert set(json.loads(response.content)["extra"]["fields"]) == {"team"}


def api_get(url):
    return lambda client, language: client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def api_post(url, body, content_type="application/json"):
    return lambda client, language: client.post(url, body, content_type=content_type, HTTP_ACCEPT_LANGUAGE=language)


# (request, language, status, code, where the message is in the body, the message)
IN_THE_CALLERS_LANGUAGE = {
    "a bad limit": (
        api_get("/api/job-ads/?limit=0"),
        "da",
        400,
        "validation_error",
        ("fields", "limit"),
        "Angiv et helt tal fra 1 til 500.",
    ),
    "a bad offset": (
        api_get("/api/job-ads/?offset=x"),
        "sv",
        400,
        "validation_error",
        ("fields", "offset"),
        "Ange ett heltal från 0 och uppåt.",
    ),
    "an offset past the end": (
        api_get("/api/job-ads/?offset=7"),
        "nb",
        404,
        "not_found",
        (),
        "Det finnes ingenting ved offset 7: listen har 0 elementer.",
    ),
    "a requisition that is no id": (
        api_get("/api/hires/?requisition=abc"),
        "nb",
        400,
        "validation_error",
        ("fields", "requisition"),
        "Oppgi en rekvisisjons-ID.",
    ),
    "a hire date that is no date": (
        api_get("/api/hires/?since=31.12.2024"),
        "da",
        400,
        "validation_error",
        ("fields", "since"),
        "Angiv en dato som ÅÅÅÅ-MM-DD.",
    ),
    "a team that is no id": (
        api_get("/api/at-risk/?team=abc"),
        "da",
        400,
        "validation_error",
        ("fields", "team"),
        "Et gyldigt heltal er påkrævet.",
    ),
    "an unknown risk band": (
        api_get("/api/at-risk/?band=huge"),
        "sv",
        400,
        "validation_error",
        ("fields", "band"),
        '"huge" är inte ett giltigt val.',
    ),
    "a list for a text": (
        api_post("/api/job-ads/", json.dumps({"title": ["Kundeservice"], "text": DA_AD})),
        "sv",
        400,
        "validation_error",
        ("fields", "title"),
        "Måste vara en text.",
    ),
    "an unknown role profile": (
        api_post("/api/job-ads/", json.dumps({"title": "Kundeservice", "text": DA_AD, "role_profile": "nope"})),
        "nb",
        400,
        "validation_error",
        ("fields", "role_profile"),
        "Det finnes ingen rolleprofil 'nope'.",
    ),
    "an unknown role profile to analyse against": (
        api_post("/api/job-ads/analyze/", json.dumps({"text": DA_AD, "role_profile": "nope"})),
        "da",
        400,
        "validation_error",
        ("fields", "role_profile"),
        "Der findes ingen rolleprofil 'nope'.",
    ),
    "a body of null": (
        api_post("/api/job-ads/", "null"),
        "da",
        400,
        "validation_error",
        ("fields", "non_field_errors"),
        "Der blev ikke sendt nogen data: send et JSON-objekt med felterne.",
    ),
    "a multipart body without its boundary": (
        api_post("/api/job-ads/", "--x\r\n", content_type="multipart/form-data"),
        "nb",
        400,
        "parse_error",
        (),
        "Innholdet er ikke et gyldig multipart-skjema.",
    ),
    "nobody to look up": (
        api_get("/api/personal-data/"),
        "sv",
        400,
        "validation_error",
        ("fields", "non_field_errors"),
        "Ange personens e-postadress, postreferens eller anställningsnummer.",
    ),
    "neither file nor text to import": (
        api_post("/api/candidates/import/", "{}"),
        "da",
        400,
        "validation_error",
        ("fields", "csv"),
        "Angiv enten en fil eller CSV-teksten.",
    ),
    "a mapping that is no JSON": (
        api_post("/api/candidates/import/", json.dumps({"csv": "a", "mapping": "{"})),
        "sv",
        400,
        "validation_error",
        ("fields", "mapping"),
        "Ange kolumnmappningen som ett JSON-objekt.",
    ),
    "an unknown assessment": (
        api_get("/api/assessments/no-such-battery/"),
        "da",
        404,
        "not_found",
        (),
        "Vurderingen findes ikke.",
    ),
    "an invitation for an unknown assessment": (
        api_post(
            "/api/invitations/", json.dumps({"assessment": "nope", "email": "a@b.dk", "name": "A", "language": "da"})
        ),
        "nb",
        400,
        "validation_error",
        ("fields", "assessment"),
        "Vurderingen finnes ikke.",
    ),
}


@pytest.mark.parametrize("case", list(IN_THE_CALLERS_LANGUAGE))
def test_odd_input_is_refused_in_the_callers_language(client, admin_user, case):
    ask, language, status, code, where, message = IN_THE_CALLERS_LANGUAGE[case]
    client.force_login(admin_user)
    with pending_translations("h-errors"):
        response = ask(client, language)
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    found = body["message"] if not where else body["extra"][where[0]][where[1]][0]
    assert found == message


def test_unknown_invitation_actions_and_unsubmitted_results_are_in_the_callers_language(client, admin_user, started):
    # Both were English bodies built by hand, without the error's code.
    from assessments.models import Attempt

    client.force_login(admin_user)
    attempt = Attempt.objects.get()
    with pending_translations("h-errors"):
        action = client.post(f"/api/invitations/{attempt.invitation_id}/bounce/", HTTP_ACCEPT_LANGUAGE="sv")
        result = client.get(f"/api/attempts/{attempt.id}/result/", HTTP_ACCEPT_LANGUAGE="nb")
    assert (action.status_code, action.json()["message"], action.json()["code"]) == (404, "Okänd åtgärd.", "not_found")
    assert (result.status_code, result.json()["code"]) == (409, "conflict")
    assert result.json()["message"] == "Besvarelsen er ikke sendt inn ennå."
