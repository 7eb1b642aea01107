"""The studio and the analysis API facing pasted text a recruiter should get a clear message for."""

import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hiring.models import BulkAnalysis, JobAd, JobAdRevision
from servicefit.core.roles import Role
from tests.conftest import make_user
from tests.hiring.factories import ADVISOR, DA_AD, DE_AD, SV_AD, job_ad_make


def in_danish(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    return client


def test_it_tells_a_danish_recruiter_how_long_a_pasted_page_is_in_danish_numbers(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    in_danish(client).force_login(recruiter)
    response = client.post(f"/hiring/job-ads/{job_ad.id}/analyze/", {"text": "ord " * 15_000})
    body = response.content.decode()
    assert "60.000" in body and "50.000" in body  # not the engine's "60,000"
    assert "60,000" not in body


def test_it_refuses_a_too_long_text_in_the_api_in_the_callers_language(api, recruiter):
    response = api.as_user(recruiter).post(
        "/api/job-ads/analyze/", {"text": "ord " * 15_000}, format="json", HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 413
    assert "60.000" in response.json()["message"]


def test_it_does_not_write_over_a_revision_another_recruiter_saved_meanwhile(client, recruiter):
    colleague = make_user("carsten", Role.RECRUITER)
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    client.force_login(colleague)
    client.post(f"/hiring/job-ads/{job_ad.id}/save/", {"text": DA_AD + "\nKollegaens tilføjelse.", "base": "1"})
    client.force_login(recruiter)  # who opened the ad at revision 1 and edited it since
    mine = DA_AD + "\nMin egen sætning om kunderne."
    response = client.post(f"/hiring/job-ads/{job_ad.id}/save/", {"text": mine, "base": "1"})
    assert response.status_code == 409
    body = response.content.decode()
    assert "carsten saved revision 2 while you were editing" in body
    assert "Min egen sætning om kunderne." in body  # still in the editor, not lost
    assert [r.text for r in JobAdRevision.objects.filter(job_ad=job_ad).order_by("number")][-1].endswith(
        "Kollegaens tilføjelse."
    )
    assert JobAdRevision.objects.filter(job_ad=job_ad).count() == 2
    # Warned, and now editing on top of revision 2, the recruiter can keep their version.
    assert 'name="base" id="base-revision" value="2"' in body
    client.post(f"/hiring/job-ads/{job_ad.id}/save/", {"text": mine, "base": "2"})
    assert JobAdRevision.objects.get(job_ad=job_ad, number=3).text == mine


def test_it_saves_a_double_clicked_revision_once(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    client.force_login(recruiter)
    for _click in range(2):
        client.post(f"/hiring/job-ads/{job_ad.id}/save/", {"text": DA_AD + "\nNy linje.", "base": "1"})
    assert JobAdRevision.objects.filter(job_ad=job_ad).count() == 2


def test_it_keeps_the_recruiters_text_when_a_save_is_refused(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    client.force_login(recruiter)
    response = client.post(f"/hiring/job-ads/{job_ad.id}/save/", {"text": "ord " * 15_000, "base": "1"})
    assert response.status_code == 413
    assert response.content.decode().count("ord ord ord") > 0
    assert JobAdRevision.objects.filter(job_ad=job_ad).count() == 1


BEFORE_EDIT = (
    "Kundeservicemedarbejder\n\n"
    "Er du servicemindet og kan du smile i telefonen i en travl hverdag?\n"
    "Vi søger en glad og imødekommende kollega til vores kundeservice.\n"
    "Du får en fast stilling på 37 timer om ugen."
)


def test_it_applies_the_suggestion_the_recruiter_clicked_after_the_text_changed(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=BEFORE_EDIT, role=ADVISOR)
    client.force_login(recruiter)
    shown = client.get(f"/hiring/job-ads/{job_ad.id}/").context["analysis"]["suggestions"]
    clicked = next(i for i, s in enumerate(shown) if s.get("original") == "smile i telefonen")
    # The recruiter rewrote "servicemindet" by hand and clicked before the analysis caught up.
    edited = BEFORE_EDIT.replace("servicemindet", "nysgerrig")
    response = client.post(
        f"/hiring/job-ads/{job_ad.id}/apply/",
        {
            "index": clicked,
            "text": edited,
            "base": "1",
            "original": shown[clicked]["original"],
            "replacement": shown[clicked]["replacement"],
        },
    )
    assert response.status_code == 302
    saved = JobAdRevision.objects.filter(job_ad=job_ad).order_by("-number").first().text
    assert "nysgerrig" in saved  # the recruiter's own edit kept
    assert "smile i telefonen" not in saved
    assert shown[clicked]["replacement"] in saved
    assert "en glad og imødekommende" in saved  # no other suggestion applied instead


def test_it_refuses_a_suggestion_the_recruiters_edit_has_made_moot(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=BEFORE_EDIT, role=ADVISOR)
    client.force_login(recruiter)
    shown = client.get(f"/hiring/job-ads/{job_ad.id}/").context["analysis"]["suggestions"]
    clicked = next(i for i, s in enumerate(shown) if s.get("original") == "smile i telefonen")
    edited = BEFORE_EDIT.replace("smile i telefonen", "tage ansvar for sagen")
    response = client.post(
        f"/hiring/job-ads/{job_ad.id}/apply/",
        {"index": clicked, "text": edited, "base": "1", **{k: shown[clicked][k] for k in ("original", "replacement")}},
    )
    assert response.status_code == 409
    assert "tage ansvar for sagen" in response.content.decode()  # the edit is still in the editor
    assert JobAdRevision.objects.filter(job_ad=job_ad).count() == 1


def test_it_names_the_readability_band_in_the_readers_language_not_the_ads(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=SV_AD)
    in_danish(client).force_login(recruiter)
    response = client.get(f"/hiring/job-ads/{job_ad.id}/")
    band = response.context["analysis"]["readability"]["band"]  # the engine's Swedish word
    lix_line = re.search(r"<dt>LIX</dt><dd>([^<]*)</dd>", response.content.decode()).group(1)
    assert band not in lix_line


def test_it_does_not_invite_a_read_only_manager_to_type_in_a_locked_editor(client, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(manager)
    body = client.get(f"/hiring/job-ads/{job_ad.id}/").content.decode()
    assert "readonly" in body
    assert "try changes" not in body and "as you type" not in body
    assert "You can read this ad and its analysis here. Saving needs edit rights." in body


def test_it_makes_one_ad_when_a_recruiter_double_clicks_analyse_and_save(client, recruiter):
    client.force_login(recruiter)
    form = {"title": "Kundeservice Aarhus", "text": DA_AD, "language": ""}
    first = client.post("/hiring/job-ads/new/", form)
    second = client.post("/hiring/job-ads/new/", form)
    assert JobAd.objects.count() == 1
    assert first["Location"] == second["Location"] == f"/hiring/job-ads/{JobAd.objects.get().id}/"


def test_it_still_makes_a_second_ad_with_the_same_text_under_another_title(client, recruiter):
    client.force_login(recruiter)
    client.post("/hiring/job-ads/new/", {"title": "Kundeservice Aarhus", "text": DA_AD})
    client.post("/hiring/job-ads/new/", {"title": "Kundeservice Odense", "text": DA_AD})
    assert JobAd.objects.count() == 2


def test_a_sentence_rewrite_of_a_list_item_still_continues_the_lead_in(client, recruiter):
    ad = (Path(settings.BASE_DIR) / "hiring/demo_ads/da_kundeservice.txt").read_text()
    job_ad = job_ad_make(owner=recruiter, text=ad, role=ADVISOR)
    client.force_login(recruiter)
    shown = client.get(f"/hiring/job-ads/{job_ad.id}/").context["analysis"]["suggestions"]
    index = next(i for i, s in enumerate(shown) if s.get("scope") == "sentence" and s["original"].startswith("er "))
    client.post(f"/hiring/job-ads/{job_ad.id}/apply/", {"index": index, "base": "1"})
    saved = JobAdRevision.objects.get(job_ad=job_ad, number=2).text
    item = saved.split("Vi forventer, at du\n", 1)[1].splitlines()[0]
    # "Vi forventer, at du - tager styringen …", not "at du - Du tager styringen …."
    assert item.startswith("- ") and item[2].islower(), item
    assert not item.endswith(".")
    assert shown[index]["replacement"] in item


def test_it_refuses_a_new_ad_in_german_or_nynorsk_with_a_4xx_and_keeps_the_form(client, recruiter):
    client.force_login(recruiter)
    nynorsk = "Vi søkjer ein medarbeidar som likar å hjelpe kundane våre og som er god til å løyse problem i kvardagen."
    for text, status in ((DE_AD, 422), (nynorsk, 422), ("", 400), ("ord " * 15_000, 413)):
        response = client.post("/hiring/job-ads/new/", {"title": "Kundeservice", "text": text})
        assert response.status_code == status, text[:30]
        assert 'role="alert"' in response.content.decode()
    assert not JobAd.objects.exists()


def test_it_refuses_an_api_revision_edited_from_an_older_base_and_names_who_saved(api, recruiter):
    colleague = make_user("carsten", Role.RECRUITER)
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    url = f"/api/job-ads/{job_ad.id}/revisions/"
    api.as_user(colleague).post(url, {"text": DA_AD + "\nKollegaens tilføjelse.", "base": 1}, format="json")
    response = api.as_user(recruiter).post(url, {"text": DA_AD + "\nMin sætning.", "base": 1}, format="json")
    assert response.status_code == 409
    assert "carsten saved revision 2" in response.json()["message"]
    assert JobAdRevision.objects.get(job_ad=job_ad, number=2).text.endswith("Kollegaens tilføjelse.")
    assert JobAdRevision.objects.filter(job_ad=job_ad).count() == 2
    # On top of the latest revision it saves, and an old client without `base` still saves as before.
    assert (
        api.as_user(recruiter).post(url, {"text": DA_AD + "\nMin sætning.", "base": 2}, format="json").status_code
        == 201
    )
    assert api.as_user(recruiter).post(url, {"text": DA_AD + "\nEn gammel klient."}, format="json").status_code == 201
    assert JobAdRevision.objects.filter(job_ad=job_ad).count() == 4


def test_it_documents_the_base_revision_and_the_conflict_in_the_api_schema(client, recruiter):
    client.force_login(recruiter)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    revisions = schema["paths"]["/api/job-ads/{job_ad_id}/revisions/"]["post"]
    body = schema["components"]["schemas"][
        revisions["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    ]
    assert "base" in body["properties"] and "base" not in body.get("required", [])
    assert "later revision" in revisions["responses"]["409"]["description"]
    apply = schema["paths"]["/api/job-ads/{job_ad_id}/apply-suggestion/"]["post"]
    assert "later revision" in apply["responses"]["409"]["description"]


def bulk_upload(name, content: str):
    return SimpleUploadedFile(name, content.encode())


def test_it_starts_one_bulk_run_when_a_recruiter_double_clicks_analyse(client, recruiter):
    client.force_login(recruiter)
    first = client.post("/hiring/bulk/new/", {"name": "Forår", "files": [bulk_upload("aarhus.txt", DA_AD)]})
    second = client.post("/hiring/bulk/new/", {"name": "Forår", "files": [bulk_upload("aarhus.txt", DA_AD)]})
    run = BulkAnalysis.objects.get()
    assert first["Location"] == second["Location"] == f"/hiring/bulk/{run.id}/"
    assert run.items.count() == 1


def test_it_still_starts_a_second_bulk_run_with_other_ads_or_after_the_double_click_window(client, recruiter):
    client.force_login(recruiter)
    client.post("/hiring/bulk/new/", {"name": "Forår", "files": [bulk_upload("aarhus.txt", DA_AD)]})
    client.post("/hiring/bulk/new/", {"name": "Forår", "files": [bulk_upload("aarhus.txt", SV_AD)]})
    assert BulkAnalysis.objects.count() == 2
    BulkAnalysis.objects.update(created_at=timezone.now() - timedelta(minutes=3))
    client.post("/hiring/bulk/new/", {"name": "Forår", "files": [bulk_upload("aarhus.txt", DA_AD)]})
    assert BulkAnalysis.objects.count() == 3


def test_it_points_a_new_ad_in_an_unread_language_at_the_language_field_on_the_same_form(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/job-ads/new/", {"title": "Kundeservice", "text": DE_AD})
    body = response.content.decode()
    assert response.status_code == 422
    assert "choose the language in the Language field" in body
    assert "Settings" not in body
    assert 'name="language"' in body  # the field the message names is on this page


def test_it_points_a_bulk_ad_in_an_unread_language_at_the_csv_language_column(
    client, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/hiring/bulk/new/", {"files": [bulk_upload("berlin.txt", DE_AD)]})
    run = BulkAnalysis.objects.get()
    page = client.get(f"/hiring/bulk/{run.id}/").content.decode()
    assert "give its language (da, nb, sv or en) in the “language” column of a CSV file" in page
    assert "Settings" not in page


def test_it_still_points_the_studio_at_its_settings_for_the_language(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    client.force_login(recruiter)
    response = client.post(f"/hiring/job-ads/{job_ad.id}/analyze/", {"text": DE_AD})
    assert "choose the language under Settings" in response.content.decode()


def test_it_tells_an_integration_how_to_resolve_a_revision_conflict_not_to_look_in_an_editor(api, recruiter):
    colleague = make_user("carsten", Role.RECRUITER)
    job_ad = job_ad_make(owner=recruiter, text=DA_AD)
    url = f"/api/job-ads/{job_ad.id}/revisions/"
    api.as_user(colleague).post(url, {"text": DA_AD + "\nKollegaens tilføjelse.", "base": 1}, format="json")
    body = api.as_user(recruiter).post(url, {"text": DA_AD + "\nMin sætning.", "base": 1}, format="json").json()
    assert "send them again with base 2" in body["message"] and "editor" not in body["message"]
    assert body["extra"] == {"revision": 2, "saved_by": "carsten"}
    applied = api.as_user(recruiter).post(
        f"/api/job-ads/{job_ad.id}/apply-suggestion/", {"revision": 1, "index": 0}, format="json"
    )
    assert applied.status_code == 409
    assert applied.json()["extra"] == {"revision": 2, "saved_by": "carsten"}
