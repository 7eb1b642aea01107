"""A bulk analysis whose task raised or whose worker died says so and can be tried again. The error of ours
behind it is the admin's and the log's; the recruiter reads a sentence in their own language."""

import csv
import io

import pytest

from hiring import services
from hiring.models import BulkAnalysis
from tests.hiring.factories import DA_AD, EN_AD, SV_AD
from tests.i18n.pending import pending_translations

ITEMS = [{"name": "aarhus", "text": DA_AD}, {"name": "london", "text": EN_AD}, {"name": "malmö", "text": SV_AD}]


@pytest.fixture
def broken_run(recruiter, monkeypatch, django_capture_on_commit_callbacks):
    """A run whose second ad hit a bug: the first ad was analysed, then the task raised."""
    real = services.text_analyze
    seen = []

    def analyze(**kwargs):
        seen.append(kwargs["text"])
        if len(seen) == 2:
            raise KeyError("lix")
        return real(**kwargs)

    monkeypatch.setattr(services, "text_analyze", analyze)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.bulk_analysis_create(name="Forår", items=ITEMS, user=recruiter)
    monkeypatch.setattr(services, "text_analyze", real)
    run.refresh_from_db()
    return run


def test_a_raising_task_leaves_the_run_failed_with_its_error_kept_for_the_admin(broken_run):
    assert (broken_run.status, broken_run.processed, broken_run.error) == ("failed", 1, "")
    assert broken_run.error_detail == "KeyError: 'lix'"
    assert broken_run.finished_at is not None and broken_run.can_retry


def test_the_page_says_the_run_stopped_and_offers_a_try_again_button_to_writers(client, recruiter, broken_run):
    client.force_login(recruiter)
    body = client.get(f"/hiring/bulk/{broken_run.id}/").content.decode()
    assert "The analysis stopped. Something went wrong on our side, and it has been logged. Try again" in body
    assert "KeyError" not in body and "lix" not in body
    assert f'action="/hiring/bulk/{broken_run.id}/retry/"' in body and "Traceback" not in body


STOPPED = {
    "da": "Analysen stoppede. Noget gik galt hos os, og fejlen er logget. Prøv igen",
    "nb": "Analysen stoppet. Noe gikk galt hos oss, og feilen er logget. Prøv igjen",
    "sv": "Analysen avbröts. Något gick fel hos oss, och felet har loggats. Försök igen",
}


@pytest.mark.parametrize("language", STOPPED)
def test_it_tells_each_reader_in_their_language_that_the_run_stopped_not_the_python_error(
    client, api, recruiter, broken_run, language
):
    client.force_login(recruiter)
    with pending_translations("h-apiwords"):
        page = client.get(f"/hiring/bulk/{broken_run.id}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        reader = api.as_user(recruiter)
        body = reader.get(f"/api/bulk-analyses/{broken_run.id}/", HTTP_ACCEPT_LANGUAGE=language).json()
        listed = reader.get("/api/bulk-analyses/", HTTP_ACCEPT_LANGUAGE=language).json()["results"]
    assert STOPPED[language] in page and "KeyError" not in page
    assert body["status"] == "failed" and STOPPED[language].split(". ", 1)[1] in body["error"]
    assert "KeyError" not in body["error"]
    assert [run["error"] for run in listed] == [body["error"]]


def test_the_admin_sees_the_error_of_ours_behind_a_failed_run(client, admin_user, broken_run):
    client.force_login(admin_user)
    body = client.get(f"/admin/hiring/bulkanalysis/{broken_run.id}/change/").content.decode()
    assert "KeyError: &#x27;lix&#x27;" in body


def test_a_run_that_has_not_failed_has_no_error_in_the_api(api, recruiter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.bulk_analysis_create(name="Forår", items=ITEMS[:1], user=recruiter)
    body = api.as_user(recruiter).get(f"/api/bulk-analyses/{run.id}/", HTTP_ACCEPT_LANGUAGE="da").json()
    assert (body["status"], body["error"]) == ("done", "")


def test_try_again_analyses_only_the_ads_not_done(
    client, recruiter, broken_run, monkeypatch, django_capture_on_commit_callbacks
):
    first_result = broken_run.items.get(position=0).result
    analysed = []
    real = services.text_analyze
    monkeypatch.setattr(services, "text_analyze", lambda **kw: analysed.append(kw["text"]) or real(**kw))
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/hiring/bulk/{broken_run.id}/retry/")
    assert response.status_code == 302 and response.url == f"/hiring/bulk/{broken_run.id}/"
    broken_run.refresh_from_db()
    assert (broken_run.status, broken_run.processed, broken_run.error, broken_run.attempts) == ("done", 3, "", 2)
    assert broken_run.error_detail == ""
    assert len(analysed) == 2 and DA_AD not in analysed
    assert broken_run.items.get(position=0).result == first_result
    assert all(item.result for item in broken_run.items.all())


def test_managers_see_that_it_stopped_but_may_not_try_again(client, manager, broken_run):
    client.force_login(manager)
    body = client.get(f"/hiring/bulk/{broken_run.id}/").content.decode()
    assert "The analysis stopped." in body and "KeyError" not in body
    assert f'action="/hiring/bulk/{broken_run.id}/retry/"' not in body
    assert client.post(f"/hiring/bulk/{broken_run.id}/retry/").status_code == 403
    assert BulkAnalysis.objects.get(id=broken_run.id).status == "failed"


def test_an_outsider_may_not_try_again(client, outsider, broken_run):
    client.force_login(outsider)
    assert client.post(f"/hiring/bulk/{broken_run.id}/retry/").status_code == 403


def test_a_finished_run_cannot_be_tried_again(client, recruiter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.bulk_analysis_create(name="OK", items=ITEMS[:1], user=recruiter)
    client.force_login(recruiter)
    response = client.post(f"/hiring/bulk/{run.id}/retry/", follow=True)
    assert "Only a failed or stalled job can be tried again." in response.content.decode()
    assert BulkAnalysis.objects.get(id=run.id).attempts == 1


def test_each_analysed_ad_shows_the_worker_is_alive(recruiter, monkeypatch, django_capture_on_commit_callbacks):
    real, claims = services.text_analyze, []

    def analyze(**kwargs):
        claims.append(BulkAnalysis.objects.values_list("claimed_at", "processed").get())
        return real(**kwargs)

    monkeypatch.setattr(services, "text_analyze", analyze)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.bulk_analysis_create(name="OK", items=ITEMS, user=recruiter)
    assert [processed for _, processed in claims] == [0, 1, 2]
    assert claims[0][0] < claims[1][0] < claims[2][0]  # a long run is not taken for dead
    run.refresh_from_db()
    assert (run.status, run.processed) == ("done", 3) and run.finished_at >= claims[2][0]


def test_it_says_which_ads_a_stopped_run_did_not_reach_instead_of_none(client, recruiter, broken_run):
    client.force_login(recruiter)
    page = client.get(f"/hiring/bulk/{broken_run.id}/").content.decode()
    assert page.count("Not analysed yet.") == 2  # london and malmö; aarhus has its scores
    assert ">None<" not in page
    download = client.get(f"/hiring/bulk/{broken_run.id}/results.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(download)))
    assert [row["error"] for row in rows] == ["", "Not analysed yet.", "Not analysed yet."]


def test_it_tells_a_program_in_the_api_which_ads_are_not_analysed_yet(api, recruiter, broken_run):
    rows = api.as_user(recruiter).get(f"/api/bulk-analyses/{broken_run.id}/").json()["results"]
    assert [row["error_code"] for row in rows] == ["", "not_analysed", "not_analysed"]
