import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from hiring.models import BulkAnalysis, BulkAnalysisItem, JobAd, JobAdRevision
from profiles.models import SentenceLabel
from profiles.service_types import SERVICE_TYPES
from tests.hiring.factories import (
    ADVISOR,
    CLASSIC,
    DA_AD,
    DA_AD_CONTROLLER,
    DE_AD,
    EN_AD,
    NB_AD,
    SV_AD,
    job_ad_make,
)

PASTED_HTML = "<p>Vi søger</p><ul><li>en problemløser</li></ul><script>alert(1)</script>"


def studio_url(job_ad, part=""):
    return f"/hiring/job-ads/{job_ad.id}/{part}"


def page_titles(response):
    return [ad.title for ad in response.context["page"].object_list]


# --- the list ------------------------------------------------------------------------------------


def test_the_list_invites_a_writer_to_paste_the_first_ad(client, recruiter):
    client.force_login(recruiter)
    body = client.get("/hiring/").content.decode()
    assert "No job ads yet." in body
    assert 'href="/hiring/job-ads/new/"' in body


def test_the_list_shows_ads_with_their_latest_scores(client, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter, title="Kundeservice Aarhus", role=ADVISOR)
    client.force_login(manager)
    response = client.get("/hiring/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="/hiring/job-ads/{job_ad.id}/"' in body
    assert "Kundeservice Aarhus" in body
    assert "Advisor (Controller-led)" in body
    assert 'href="/hiring/job-ads/new/"' not in body  # a manager cannot write


def test_the_list_filters_by_search_language_and_role(client, recruiter):
    job_ad_make(owner=recruiter, title="Kundeservice Aarhus", text=DA_AD, role=ADVISOR)
    job_ad_make(owner=recruiter, title="Support agent London", text=EN_AD, role=CLASSIC)
    job_ad_make(owner=recruiter, title="Kundesenter Bergen", text=NB_AD)
    client.force_login(recruiter)
    assert page_titles(client.get("/hiring/", {"q": "london"})) == ["Support agent London"]
    assert page_titles(client.get("/hiring/", {"q": "holde hodet kaldt"})) == ["Kundesenter Bergen"]
    assert page_titles(client.get("/hiring/", {"language": "da"})) == ["Kundeservice Aarhus"]
    assert page_titles(client.get("/hiring/", {"role_profile": CLASSIC})) == ["Support agent London"]
    empty = client.get("/hiring/", {"q": "astronaut"})
    assert page_titles(empty) == []
    assert "No job ads match these filters." in empty.content.decode()


def test_a_search_counts_each_revision_once(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, title="Kundeservice Aarhus")
    job_ad_make(owner=recruiter, title="Kundtjänst Malmö", text=SV_AD)
    for extra in (" Du er struktureret.", " Du er struktureret og grundig."):
        client.force_login(recruiter)
        client.post(studio_url(job_ad, "save/"), {"text": DA_AD + extra})
    assert job_ad.revisions.count() == 3

    unfiltered = client.get("/hiring/").context["page"].object_list
    searched = client.get("/hiring/", {"q": "problemløser"}).context["page"].object_list
    assert {ad.title: ad.revision_count for ad in unfiltered}["Kundeservice Aarhus"] == 3
    assert [(ad.title, ad.revision_count) for ad in searched] == [("Kundeservice Aarhus", 3)]


def test_the_list_needs_a_hiring_role(client, outsider):
    client.force_login(outsider)
    assert client.get("/hiring/").status_code == 403


def test_the_list_sends_an_anonymous_user_to_the_login(client, db):
    response = client.get("/hiring/")
    assert response.status_code == 302
    assert "login" in response.url


# --- a new ad ------------------------------------------------------------------------------------


def test_a_recruiter_pastes_an_ad_and_lands_in_the_studio(client, recruiter):
    client.force_login(recruiter)
    response = client.post(
        "/hiring/job-ads/new/", {"title": "Kundeservice Aarhus", "text": DA_AD, "role_profile": ADVISOR}
    )
    job_ad = JobAd.objects.get()
    assert response.status_code == 302
    assert response.url == f"/hiring/job-ads/{job_ad.id}/"
    assert job_ad.role_profile.slug == ADVISOR and job_ad.owner == recruiter
    studio = client.get(response.url).content.decode()
    assert "The job ad was saved as revision 1." in studio
    assert "Measured against Advisor (Controller-led)" in studio


def test_pasted_html_is_stored_as_plain_text_without_the_script(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/job-ads/new/", {"title": "Kundeservice", "text": PASTED_HTML})
    assert response.status_code == 302
    revision = JobAdRevision.objects.get()
    assert "<" not in revision.text and "alert" not in revision.text
    lines = [line for line in revision.text.splitlines() if line.strip()]
    assert lines == ["Vi søger", "• en problemløser"]
    assert [m["text"] for m in revision.analysis["matches"] if m["source"] == "marker"] == ["problemløser"]


def test_the_new_ad_page_asks_for_the_text(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/job-ads/new/", {"title": "Kundeservice", "text": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert JobAd.objects.count() == 0


def test_a_blank_ad_text_gets_a_message_and_saves_nothing(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/job-ads/new/", {"title": "Kundeservice", "text": "  \n  "})
    assert response.status_code == 400
    assert "The text is empty." in response.content.decode()
    assert JobAd.objects.count() == 0


def test_an_ad_in_an_unsupported_language_gets_a_message_and_saves_nothing(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/job-ads/new/", {"title": "Berlin", "text": DE_AD})
    body = response.content.decode()
    assert response.status_code == 422
    assert "not in a language the analysis reads: Danish, Norwegian Bokmål, Swedish or English" in body
    assert DE_AD in body  # the recruiter's text is kept in the form
    assert JobAd.objects.count() == 0


def test_a_manager_cannot_open_the_new_ad_page(client, manager):
    client.force_login(manager)
    assert client.get("/hiring/job-ads/new/").status_code == 403
    assert client.post("/hiring/job-ads/new/", {"title": "x", "text": DA_AD}).status_code == 403
    assert JobAd.objects.count() == 0


# --- the studio ----------------------------------------------------------------------------------


def test_the_studio_highlights_phrases_and_shows_the_gauge(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, role=ADVISOR)
    client.force_login(recruiter)
    response = client.get(studio_url(job_ad))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<mark class="hl type-empathizer"' in body
    assert '<mark class="hl type-controller"' in body
    assert ">servicemindet<" in body and ">tage styringen<" in body
    latest = job_ad.revisions.get()
    assert f'transform="rotate({round(latest.controller_index * 0.9, 1)} 100 100)"' in body
    assert f"Controller index: <strong>{round(latest.controller_index)}</strong>" in body
    assert "Alignment to the role" in body


def test_the_gauge_needle_is_drawn_in_every_interface_language(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    angle = round(job_ad.revisions.get().controller_index * 0.9, 1)
    assert angle != int(angle)  # a decimal angle shows whether the comma of da/nb/sv leaks into the SVG
    client.force_login(recruiter)
    with translation.override("en"):  # the locale middleware leaves the last language active otherwise
        for language in ("da", "nb", "sv"):
            body = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE=language).content.decode()
            assert f'<html lang="{language}">' in body
            assert f'transform="rotate({angle} 100 100)"' in body, language


def test_a_writer_gets_apply_buttons_for_suggestions(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    response = client.get(studio_url(job_ad))
    body = response.content.decode()
    suggestions = response.context["analysis"]["suggestions"]
    assert suggestions
    assert suggestions[0]["text"] in body
    assert body.count(f'action="/hiring/job-ads/{job_ad.id}/apply/"') == sum(s["kind"] != "remove" for s in suggestions)
    assert "Save revision" in body


def test_a_manager_sees_the_suggestions_but_cannot_apply_or_save(client, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(manager)
    response = client.get(studio_url(job_ad))
    body = response.content.decode()
    assert response.context["analysis"]["suggestions"]
    assert 'class="suggestion suggestion-rewrite"' in body
    assert "/apply/" not in body
    assert "Save revision" not in body
    assert "readonly" in body
    assert client.post(studio_url(job_ad, "apply/"), {"index": 0}).status_code == 403
    assert client.post(studio_url(job_ad, "save/"), {"text": EN_AD}).status_code == 403
    assert job_ad.revisions.count() == 1


def test_an_unknown_ad_is_404(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/hiring/job-ads/999999/").status_code == 404


def test_live_analysis_returns_the_partial_and_saves_nothing(client, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(manager)
    response = client.post(studio_url(job_ad, "analyze/"), {"text": DA_AD_CONTROLLER}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert '<mark class="hl type-controller"' in body
    assert ">guide kunden<" in body
    assert job_ad.revisions.count() == 1
    assert JobAdRevision.objects.get().text == DA_AD


def test_live_analysis_marks_a_negated_phrase_as_not_counted(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    text = "Du behøver ikke være servicemindet. Du er en problemløser, der kan lide at tage styringen."
    response = client.post(studio_url(job_ad, "analyze/"), {"text": text})
    body = response.content.decode()
    assert '<mark class="hl type-empathizer negated"' in body
    assert "(negated, not counted)" in body
    assert {row["code"]: row["score"] for row in response.context["type_rows"]}["empathizer"] == 0


def test_live_analysis_shows_the_problem_instead_of_a_result(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    empty = client.post(studio_url(job_ad, "analyze/"), {"text": "   "}).content.decode()
    german = client.post(studio_url(job_ad, "analyze/"), {"text": DE_AD}).content.decode()
    assert 'role="alert">The text is empty.' in empty
    assert "not in a language the analysis reads" in german


def test_live_analysis_escapes_markup_in_the_text(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    text = 'Vi søger en servicemindet medarbejder. <script>alert("owned")</script> <img src=x onerror=alert(1)>'
    body = client.post(studio_url(job_ad, "analyze/"), {"text": text}).content.decode()
    assert "<script>alert" not in body
    assert "<img" not in body
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in body


def test_the_studio_escapes_markup_from_the_ad(client, recruiter):
    # Entities in pasted HTML decode to text that looks like a tag; it must stay text on the page.
    job_ad = job_ad_make(
        owner=recruiter,
        title="<script>alert('title')</script>",
        text="<p>Vi søger en servicemindet medarbejder.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    )
    assert "<script>alert(1)</script>" in job_ad.revisions.get().text
    client.force_login(recruiter)
    body = client.get(studio_url(job_ad)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in body


def test_saving_in_the_studio_makes_a_revision(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    response = client.post(studio_url(job_ad, "save/"), {"text": DA_AD_CONTROLLER, "note": "Mere rådgivning"})
    assert response.status_code == 302 and response.url == studio_url(job_ad)
    revision = job_ad.revisions.order_by("-number").first()
    assert (revision.number, revision.text, revision.note) == (2, DA_AD_CONTROLLER, "Mere rådgivning")
    assert revision.created_by == recruiter
    studio = client.get(response.url).content.decode()
    assert "Saved as revision 2." in studio
    assert ">guide kunden<" in studio


def test_saving_the_same_text_again_makes_no_revision(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    client.post(studio_url(job_ad, "save/"), {"text": DA_AD})
    assert job_ad.revisions.count() == 1


def test_saving_an_empty_text_shows_the_reason_and_keeps_the_ad(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    response = client.post(studio_url(job_ad, "save/"), {"text": ""}, follow=True)
    assert "The text is empty." in response.content.decode()
    assert job_ad.revisions.count() == 1


def test_applying_a_suggestion_to_the_text_in_the_editor(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    # The recruiter has typed more than was saved; the suggestion is applied to what is in the editor.
    edited = "Velkommen hos os!\n" + DA_AD
    live = client.post(studio_url(job_ad, "analyze/"), {"text": edited}).context["analysis"]["suggestions"][0]
    assert live["kind"] == "rewrite"

    response = client.post(studio_url(job_ad, "apply/"), {"index": 0, "text": edited}, follow=True)
    assert "Suggestion applied and saved as revision 2." in response.content.decode()
    revision = job_ad.revisions.get(number=2)
    assert revision.text == edited[: live["start"]] + live["replacement"] + edited[live["end"] :]
    assert revision.text.startswith("Velkommen hos os!")


def test_applying_a_suggestion_without_the_editor_text_uses_the_saved_text(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    saved = job_ad.revisions.get().analysis["suggestions"][0]
    client.force_login(recruiter)
    response = client.post(studio_url(job_ad, "apply/"), {"index": 0, "text": ""})
    assert response.status_code == 302
    revision = job_ad.revisions.get(number=2)
    assert revision.text == DA_AD[: saved["start"]] + saved["replacement"] + DA_AD[saved["end"] :]
    assert revision.note.startswith("Applied:")


def test_applying_a_missing_suggestion_says_so(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    for index in ("99", "first"):
        response = client.post(studio_url(job_ad, "apply/"), {"index": index}, follow=True)
        assert "There is no such suggestion." in response.content.decode()
    assert job_ad.revisions.count() == 1


def test_the_compare_page_shows_both_revisions_and_the_changes(client, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    client.post(studio_url(job_ad, "save/"), {"text": DA_AD_CONTROLLER})
    client.force_login(manager)
    response = client.get(studio_url(job_ad, "compare/"), {"a": 1, "b": 2})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Revision 1 → revision 2" in body
    assert DA_AD in body and DA_AD_CONTROLLER in body
    one, two = job_ad.revisions.get(number=1), job_ad.revisions.get(number=2)
    diff = response.context["diff"]
    assert diff["controller_index"]["change"] == round(two.controller_index - one.controller_index, 2)
    assert 'class="up"' in body and 'class="down"' in body


def test_the_compare_page_sends_bad_choices_back_to_the_studio(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    response = client.get(studio_url(job_ad, "compare/"), {"a": 1, "b": 9}, follow=True)
    assert response.redirect_chain[-1][0] == studio_url(job_ad)
    assert "Choose two revisions of this ad to compare." in response.content.decode()


def test_a_writer_corrects_a_sentence_label_from_the_studio(client, recruiter):
    client.force_login(recruiter)
    sentence = {"language": "da", "text": "Du er en ivrig problemløser.", "label": "controller"}
    response = client.post("/hiring/sentence-labels/", sentence, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Thanks — saved for the next model." in response.content.decode()
    client.post("/hiring/sentence-labels/", {**sentence, "label": "innovator"}, HTTP_HX_REQUEST="true")
    label = SentenceLabel.objects.get()
    assert (label.text, label.label) == ("Du er en ivrig problemløser.", "innovator")


def test_a_bad_sentence_label_is_refused_in_place(client, recruiter, manager):
    client.force_login(recruiter)
    response = client.post("/hiring/sentence-labels/", {"language": "da", "text": "Hej.", "label": "boss"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    client.force_login(manager)
    manager_try = client.post("/hiring/sentence-labels/", {"language": "da", "text": "Hej.", "label": "rock"})
    assert manager_try.status_code == 403
    assert not SentenceLabel.objects.exists()


def test_a_writer_changes_the_settings_of_an_ad(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    response = client.post(
        studio_url(job_ad, "settings/"), {"title": "Kundeservice Odense", "role_profile": "", "language": "da"}
    )
    assert response.status_code == 302
    job_ad.refresh_from_db()
    assert (job_ad.title, job_ad.language) == ("Kundeservice Odense", "da")
    refused = client.post(studio_url(job_ad, "settings/"), {"title": "", "language": "da"}, follow=True)
    assert "The settings were not saved" in refused.content.decode()
    job_ad.refresh_from_db()
    assert job_ad.title == "Kundeservice Odense"


def test_a_writer_deletes_an_ad(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, title="Gammel annonce")
    client.force_login(recruiter)
    response = client.post(studio_url(job_ad, "delete/"), follow=True)
    assert "“Gammel annonce” was deleted." in response.content.decode()
    assert not JobAd.objects.exists()


# --- bulk analysis --------------------------------------------------------------------------------


def upload(name, content: str | bytes):
    return SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)


def test_the_bulk_page_offers_the_upload_to_writers_only(client, recruiter, manager):
    client.force_login(recruiter)
    assert 'enctype="multipart/form-data"' in client.get("/hiring/bulk/").content.decode()
    client.force_login(manager)
    body = client.get("/hiring/bulk/").content.decode()
    assert "No bulk analyses yet." in body
    assert 'enctype="multipart/form-data"' not in body


def test_a_bulk_upload_of_text_files_and_a_csv_runs_and_downloads(
    client, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    sheet = io.StringIO()
    writer = csv.writer(sheet)
    writer.writerow(["name", "text", "language"])
    writer.writerow(["Malmö", SV_AD, "sv"])
    writer.writerow(["Bergen", NB_AD, ""])
    files = [upload("aarhus.txt", DA_AD), upload("london.md", EN_AD), upload("ads.csv", sheet.getvalue())]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/hiring/bulk/new/", {"name": "Sidste år", "role_profile": ADVISOR, "files": files})
    run = BulkAnalysis.objects.get()
    assert response.status_code == 302 and response.url == f"/hiring/bulk/{run.id}/"
    assert run.status == BulkAnalysis.Status.DONE and run.processed == run.total == 4

    page = client.get(response.url).content.decode()
    assert "4 of 4 ads analysed — Finished" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: the page stops polling
    assert f'href="/hiring/bulk/{run.id}/results.csv"' in page
    partial = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "4 of 4 ads analysed" in partial

    download = client.get(f"/hiring/bulk/{run.id}/results.csv")
    assert download["Content-Type"].startswith("text/csv")
    assert f"servicefit-bulk-{run.id}.csv" in download["Content-Disposition"]
    content = download.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    header, ads = rows[0], rows[1:]
    assert header == [
        "name",
        "language",
        "word_count",
        "controller_index",
        "alignment",
        "lix",
        "gender_coding",
        *SERVICE_TYPES,
        "error",
    ]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in ads}
    assert list(by_name) == ["aarhus.txt", "london.md", "Malmö", "Bergen"]
    assert [by_name[n]["language"] for n in by_name] == ["da", "en", "sv", "nb"]
    assert all(row["error"] == "" and float(row["alignment"]) > 0 for row in by_name.values())
    assert float(by_name["aarhus.txt"]["empathizer"]) > 0


def test_an_empty_ad_in_a_bulk_run_is_reported_and_the_rest_still_run(
    client, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/hiring/bulk/new/", {"files": [upload("good.txt", DA_AD), upload("blank.txt", " ")]})
    run = BulkAnalysis.objects.get()
    assert run.status == BulkAnalysis.Status.DONE and run.processed == 2
    page = client.get(response.url).content.decode()
    assert "The text is empty." in page
    errors = dict(BulkAnalysisItem.objects.values_list("name", "error_code"))
    assert errors == {"good.txt": "", "blank.txt": "empty"}


def test_it_wraps_a_refused_ad_s_message_where_a_phone_shows_it(client, recruiter, django_capture_on_commit_callbacks):
    # The layout itself is checked in a browser: tests/e2e/test_bulk_phone.py.
    client.force_login(recruiter)
    long_name = "kundeservicemedarbejder_aarhus_2024_endelig_version.txt"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/hiring/bulk/new/", {"files": [upload(long_name, " ")]})
    page = client.get(response.url).content.decode()
    assert f'<th scope="row" class="file-name">{long_name}</th>' in page
    assert '<span class="row-message">The text is empty.</span>' in page


def test_a_wrong_file_type_is_refused_with_a_message(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/bulk/new/", {"files": [upload("ad.txt", DA_AD), upload("ad.pdf", b"%PDF-1.4")]})
    assert response.status_code == 400
    assert "ad.pdf: use .txt, .md, .html or .csv files." in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_a_message(client, recruiter):
    client.force_login(recruiter)
    latin1 = "Vi søger en problemløser.".encode("latin-1")
    response = client.post("/hiring/bulk/new/", {"files": [upload("gammel.txt", latin1)]})
    assert response.status_code == 400
    assert "gammel.txt is not UTF-8 text." in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_a_csv_with_an_unknown_language_is_refused_with_the_line(client, recruiter):
    client.force_login(recruiter)
    content = f'name,text,language\nAarhus,"{DA_AD}",da\nBerlin,"{DE_AD}",de\n'
    response = client.post("/hiring/bulk/new/", {"files": [upload("ads.csv", content)]})
    assert response.status_code == 400
    assert "ads.csv line 3: unknown language de." in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_a_bulk_upload_without_files_is_refused(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/hiring/bulk/new/", {"name": "Ingenting"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_a_manager_cannot_start_a_bulk_run(client, manager):
    client.force_login(manager)
    response = client.post("/hiring/bulk/new/", {"files": [upload("ad.txt", DA_AD)]})
    assert response.status_code == 403
    assert not BulkAnalysis.objects.exists()
