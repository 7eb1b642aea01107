"""A bulk run is read in the reader's language (its refused ads, an unnamed run), whatever language its worker spoke."""

import csv
import importlib
import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from hiring import services
from hiring.models import BulkAnalysis, BulkAnalysisItem
from profiles.refusals import LANGUAGE_IN_CSV, LANGUAGE_IN_FORM, Refusal, refusal_message
from tests.hiring.factories import DA_AD, DE_AD
from tests.test_schema import generate

NN_AD = "Me er eit lite team som arbeider tett saman. Du får moglegheit til å ta ansvar frå første dag."
UNSURE_AD = "Vi har en god stemning på kontoret"  # Danish and Norwegian spell it alike

# Each refusal a bulk run can meet, and how a Danish and a Swedish reader read it.
KINDS = {
    "long.txt": (
        "ord " * 15_000,
        Refusal.TOO_LONG,
        "Teksten er på 60.000 tegn; grænsen er 50.000.",
        "Texten är 60\xa0000 tecken lång; gränsen är 50\xa0000.",
    ),
    "blank.txt": (" \n ", Refusal.EMPTY, "Teksten er tom.", "Texten är tom."),
    "dashes.txt": ("- - -", Refusal.NO_WORDS, "Teksten indeholder ingen ord.", "Texten innehåller inga ord."),
    "berlin.txt": (
        DE_AD,
        Refusal.LANGUAGE_UNSUPPORTED,
        "Teksten er ikke på et sprog, analysen kan læse",
        "Texten är inte på ett språk som analysen kan läsa",
    ),
    "voss.txt": (NN_AD, Refusal.LANGUAGE_NYNORSK, "Nynorsk understøttes endnu ikke", "Nynorska stöds inte ännu"),
    "kontoret.txt": (
        UNSURE_AD,
        Refusal.LANGUAGE_UNSURE,
        "Teksten er for kort til at afgøre, hvilket sprog den er skrevet på",
        "Texten är för kort för att avgöra vilket språk den är skriven på",
    ),
}


def run_by_an_english_worker(user, items) -> BulkAnalysis:
    bulk = services.bulk_analysis_create(name="Forår", items=items, user=user)
    with translation.override("en"):  # the worker's language: the server's, nobody's in particular
        services.bulk_analysis_run(bulk_analysis_id=bulk.id)
    bulk.refresh_from_db()
    return bulk


@pytest.fixture
def refused_run(recruiter):
    items = [{"name": "aarhus.txt", "text": DA_AD}]
    items += [{"name": name, "text": text} for name, (text, *_rest) in KINDS.items()]
    return run_by_an_english_worker(recruiter, items)


def reading_in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_it_keeps_each_refusal_as_a_code_not_as_the_worker_s_english(refused_run):
    assert refused_run.status == BulkAnalysis.Status.DONE and refused_run.processed == 7
    stored = {item.name: (item.error_code, item.error) for item in refused_run.items.all()}
    assert stored == {"aarhus.txt": ("", ""), **{name: (kind[1], "") for name, kind in KINDS.items()}}
    assert refused_run.items.get(name="long.txt").error_params == {"length": 60_000, "limit": 50_000}
    assert refused_run.items.get(name="berlin.txt").error_params == {"detected": "de"}


def test_it_shows_a_danish_recruiter_each_refusal_in_danish(client, recruiter, refused_run):
    reading_in(client, "da").force_login(recruiter)
    page = client.get(f"/hiring/bulk/{refused_run.id}/").content.decode()
    for _text, _code, danish, _swedish in KINDS.values():
        assert danish in page
    assert "The text" not in page and "too_long" not in page


def test_it_writes_the_refusals_in_the_csv_in_the_reader_s_language(client, recruiter, refused_run):
    reading_in(client, "sv").force_login(recruiter)
    download = client.get(f"/hiring/bulk/{refused_run.id}/results.csv").content.decode("utf-8-sig")
    errors = {row["name"]: row["error"] for row in csv.DictReader(io.StringIO(download), delimiter=";")}
    assert errors["aarhus.txt"] == ""
    for name, (_text, _code, _danish, swedish) in KINDS.items():
        assert swedish in errors[name], name


def test_it_gives_the_api_the_message_in_the_caller_s_language_and_the_code_for_programs(api, recruiter, refused_run):
    client = api.as_user(recruiter)
    url = f"/api/bulk-analyses/{refused_run.id}/"
    danish = {row["name"]: row for row in client.get(url, HTTP_ACCEPT_LANGUAGE="da").json()["results"]}
    swedish = {row["name"]: row for row in client.get(url, HTTP_ACCEPT_LANGUAGE="sv").json()["results"]}
    assert (danish["aarhus.txt"]["error"], danish["aarhus.txt"]["error_code"]) == ("", "")
    for name, (_text, code, in_danish, in_swedish) in KINDS.items():
        assert danish[name]["error_code"] == swedish[name]["error_code"] == code
        assert in_danish in danish[name]["error"] and in_swedish in swedish[name]["error"]


def test_it_documents_the_error_codes_in_the_api_schema(tmp_path, db):
    schemas = generate(tmp_path)["components"]["schemas"]
    field = schemas["BulkResultRowOutput"]["properties"]["error_code"]
    refs = [part["$ref"] for part in field.get("oneOf", field.get("allOf", [field])) if "$ref" in part]
    codes = {code for ref in refs for code in schemas[ref.rsplit("/", 1)[1]]["enum"]}
    assert {*Refusal.values, "not_analysed", "unknown"} <= codes


def test_it_still_shows_an_older_run_s_error_text_as_it_was_kept(client, api, recruiter):
    bulk = services.bulk_analysis_create(
        name="Sidste år", items=[{"name": "gammel.txt", "text": DA_AD}], user=recruiter
    )
    # As a run from before error codes kept it: the message, in the language its worker spoke.
    BulkAnalysisItem.objects.filter(bulk_analysis=bulk).update(error="Teksten er tom.")
    BulkAnalysis.objects.filter(id=bulk.id).update(status=BulkAnalysis.Status.DONE, processed=1)

    reading_in(client, "sv").force_login(recruiter)
    assert "Teksten er tom." in client.get(f"/hiring/bulk/{bulk.id}/").content.decode()
    download = client.get(f"/hiring/bulk/{bulk.id}/results.csv").content.decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(download), delimiter=";"))["error"] == "Teksten er tom."
    row = api.as_user(recruiter).get(f"/api/bulk-analyses/{bulk.id}/").json()["results"][0]
    assert (row["error"], row["error_code"]) == ("Teksten er tom.", "unknown")


def test_it_leaves_an_older_run_s_refused_ads_alone_on_retry(recruiter, monkeypatch):
    bulk = services.bulk_analysis_create(
        name="Sidste år", items=[{"name": "gammel.txt", "text": DA_AD}], user=recruiter
    )
    BulkAnalysisItem.objects.filter(bulk_analysis=bulk).update(error="The text is empty.")
    analysed = []
    monkeypatch.setattr(services, "text_analyze", lambda **kwargs: analysed.append(kwargs))
    services.bulk_analysis_run(bulk_analysis_id=bulk.id)
    assert analysed == []


@pytest.mark.parametrize("language", ["da", "nb", "sv"])
@pytest.mark.parametrize("code", Refusal.values)
def test_it_has_every_refusal_s_message_in_every_nordic_language(code, language):
    params = {"length": 60_000, "limit": 50_000} if code == Refusal.TOO_LONG else {}
    for where in (LANGUAGE_IN_CSV, LANGUAGE_IN_FORM):
        with translation.override("en"):
            english = refusal_message(code, params, language_in=where)
        with translation.override(language):
            nordic = refusal_message(code, params, language_in=where)
        assert nordic and nordic != english


def test_it_reads_a_code_this_version_does_not_know_as_a_sentence():
    assert refusal_message("from_a_newer_version", {}) == "The ad could not be analysed."


def test_it_names_an_unnamed_run_in_each_reader_s_language(client, api, recruiter):
    reading_in(client, "da").force_login(recruiter)
    client.post("/hiring/bulk/new/", {"files": [SimpleUploadedFile("aarhus.txt", DA_AD.encode())]})
    bulk = BulkAnalysis.objects.get()
    assert bulk.name == ""  # was "Masseanalyse": the starter's language, for everyone
    reading_in(client, "sv")
    assert ">Massanalys</a>" in client.get("/hiring/bulk/").content.decode()
    assert "<h1>Massanalys</h1>" in client.get(f"/hiring/bulk/{bulk.id}/").content.decode()
    client = api.as_user(recruiter)
    assert client.get(f"/api/bulk-analyses/{bulk.id}/", HTTP_ACCEPT_LANGUAGE="nb").json()["name"] == "Masseanalyse"
    assert client.get("/api/bulk-analyses/").json()["results"][0]["name"] == "Bulk analysis"
    created = client.post("/api/bulk-analyses/", {"items": [{"name": "b", "text": DA_AD}]}, format="json")
    assert created.json()["name"] == "Bulk analysis"


def test_it_keeps_a_name_the_recruiter_gave(client, recruiter):
    reading_in(client, "da").force_login(recruiter)
    client.post("/hiring/bulk/new/", {"name": " Forår 2026 ", "files": [SimpleUploadedFile("a.txt", DA_AD.encode())]})
    reading_in(client, "sv")
    assert ">Forår 2026</a>" in client.get("/hiring/bulk/").content.decode()


def test_it_unnames_the_runs_named_by_default_in_any_language_when_migrating(recruiter):
    migration = importlib.import_module("hiring.migrations.0020_bulk_analysis_unnamed")
    for name in ("Bulk analysis", "Masseanalyse", "Massanalys", "Forår"):
        services.bulk_analysis_create(name=name, items=[{"name": name, "text": DA_AD}], user=recruiter)
    migration.unname_defaults(apps, None)
    assert sorted(BulkAnalysis.objects.values_list("name", flat=True)) == ["", "", "", "Forår"]
    migration.name_unnamed(apps, None)
    assert sorted(BulkAnalysis.objects.values_list("name", flat=True)) == ["Bulk analysis"] * 3 + ["Forår"]
