"""Parts of speech in lexicon v2, end to end: the marker list, the lexicon page, downloads and uploads,
the API and the admin."""

import copy
import json

from django.core.files.uploadedfile import SimpleUploadedFile

from profiles.models import LanguageMarker, LexiconUpload, LexiconVersion

from .lexicon_files import WRONG_PART_OF_SPEECH


def newest_marker(language, phrase):
    return LanguageMarker.objects.get(lexicon_version__number=2, language=language, phrase=phrase)


def test_it_shows_each_markers_part_of_speech_in_the_marker_list(client, recruiter):
    client.force_login(recruiter)
    body = client.get("/profiles/service-types/empathizer/", {"language": "da"}).content.decode()
    assert '<th scope="col">Part of speech</th>' in body
    assert '<td lang="da">servicemindet</td><td>Adjective</td>' in body
    assert 'løsningsorienteret</span> <small class="muted">(adjective)</small>' in body
    assert "(whole sentence)" in body


def test_the_lexicon_page_counts_parts_of_speech_per_language(client, recruiter):
    client.force_login(recruiter)
    response = client.get("/profiles/lexicon/")
    rows = {row["pos"]: row["counts"] for row in response.context["pos_matrix"]}
    assert list(rows) == ["adj", "noun", "verb", "phrase"]
    per_language = [sum(column) for column in zip(*rows.values(), strict=True)]
    assert per_language == response.context["totals"]
    assert all(n > 0 for n in rows["adj"]) and all(n > 0 for n in rows["phrase"])
    body = response.content.decode()
    assert "Parts of speech" in body and '<th scope="row">Adjective</th>' in body


def test_the_lexicon_page_leaves_the_table_out_for_a_lexicon_without_parts_of_speech(client, recruiter):
    LexiconVersion.objects.filter(number=2).delete()
    client.force_login(recruiter)
    response = client.get("/profiles/lexicon/")
    assert response.context["latest"].number == 1 and response.context["pos_matrix"] == []
    assert "Parts of speech" not in response.content.decode()


def test_the_download_carries_the_parts_of_speech(client, recruiter):
    client.force_login(recruiter)
    response = client.get("/profiles/lexicon/v2.json")
    assert response["Content-Disposition"] == 'attachment; filename="servicefit-lexicon-v2.json"'
    markers = json.loads(response.content)["markers"]
    smilende = next(m for m in markers if (m["language"], m["phrase"]) == ("da", "smilende"))
    assert smilende["pos"] == "adj"
    assert [s["pos"] for s in smilende["suggestions"]] == ["adj", "clause"]
    yaml_body = client.get("/profiles/lexicon/v2.yaml").content.decode()
    assert "pos: adj" in yaml_body and "pos: clause" in yaml_body


def test_an_upload_with_a_rewrite_of_the_wrong_part_of_speech_is_refused(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    raw = json.dumps(WRONG_PART_OF_SPEECH, ensure_ascii=False).encode()
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post("/profiles/lexicon/uploads/", {"file": SimpleUploadedFile("da.json", raw)})
    body = client.get(posted.url).content.decode()
    assert "row 2, suggestions[2]: a word-level rewrite of a noun must be a noun or a clause" in body
    assert "row 1," not in body
    upload = LexiconUpload.objects.get()
    assert upload.status == LexiconUpload.Status.FAILED and upload.lexicon_version is None
    assert LexiconVersion.objects.count() == 2


def test_an_upload_with_parts_of_speech_keeps_them(client, admin_user, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    fixed = copy.deepcopy(WRONG_PART_OF_SPEECH)
    del fixed["markers"][2]
    fixed["markers"][1]["suggestions"] = [
        {"type": "controller", "text": "Du  finder den rette løsning sammen med kunden.", "pos": "clause"}
    ]
    raw = json.dumps(fixed, ensure_ascii=False).encode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/profiles/lexicon/uploads/", {"file": SimpleUploadedFile("da.json", raw)})
    version = LexiconUpload.objects.get().lexicon_version
    assert version.number == 3
    smil = version.markers.get(phrase="smil")
    assert smil.pos == "noun"
    assert smil.suggestions == [
        {"type": "controller", "text": "Du finder den rette løsning sammen med kunden.", "pos": "clause"}
    ]


def test_the_api_gives_each_marker_and_suggestion_its_part_of_speech(api, recruiter):
    markers = api.as_user(recruiter).get("/api/markers/", {"language": "da", "limit": 500}).json()["results"]
    servicemindet = next(m for m in markers if m["phrase"] == "servicemindet")
    assert servicemindet["pos"] == "adj" and servicemindet["lexicon_version"] == "v2"
    assert {"type": "controller", "text": "løsningsorienteret", "pos": "adj"} in servicemindet["suggestions"]


def test_the_api_filters_markers_by_part_of_speech(api, recruiter):
    client = api.as_user(recruiter)
    nouns = client.get("/api/markers/", {"language": "nb", "pos": "noun", "limit": 500}).json()
    assert nouns["count"] == LanguageMarker.objects.filter(lexicon_version__number=2, language="nb", pos="noun").count()
    assert {m["pos"] for m in nouns["results"]} == {"noun"}
    old = client.get("/api/markers/", {"version": 1, "language": "nb", "limit": 500}).json()["results"]
    assert old and {m["pos"] for m in old} == {""}
    assert client.get("/api/markers/", {"pos": "adverb"}).status_code == 400


def test_the_admin_lists_and_filters_markers_by_part_of_speech(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/profiles/languagemarker/", {"lexicon_version__id__exact": 2, "pos": "verb"})
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert shown and {m.pos for m in shown} == {"verb"}
    assert len(shown) == LanguageMarker.objects.filter(lexicon_version__number=2, pos="verb").count()
    body = response.content.decode()
    assert "column-pos" in body and "By part of speech" in body


def test_the_admin_downloads_a_version_with_its_parts_of_speech(client, admin_user):
    client.force_login(admin_user)
    body = client.get("/admin/profiles/lexiconversion/").content.decode()
    assert '<a href="/profiles/lexicon/v2.json">JSON</a>' in body
    assert '<a href="/profiles/lexicon/v1.yaml">YAML</a>' in body
    markers = json.loads(client.get("/profiles/lexicon/v2.json").content)["markers"]
    empati = next(m for m in markers if (m["language"], m["phrase"]) == ("da", "empati"))
    assert empati["pos"] == "noun" and [s["pos"] for s in empati["suggestions"]] == ["noun", "clause"]


def change(client, marker, **fields):
    data = {
        "lexicon_version": marker.lexicon_version_id,
        "language": marker.language,
        "service_type": marker.service_type_id,
        "phrase": marker.phrase,
        "weight": marker.weight,
        "pos": marker.pos,
        "suggestions": json.dumps(marker.suggestions, ensure_ascii=False),
    }
    data.update(fields)
    return client.post(f"/admin/profiles/languagemarker/{marker.id}/change/", data)


def test_the_admin_refuses_a_rewrite_of_the_wrong_part_of_speech(client, admin_user):
    client.force_login(admin_user)
    empati = newest_marker("da", "empati")
    before = empati.suggestions
    wrong = [{"type": "controller", "text": "løsningsorienteret", "pos": "adj"}]
    response = change(client, empati, suggestions=json.dumps(wrong, ensure_ascii=False))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["suggestions"]
    assert errors == [
        "Suggestion 1: a word-level rewrite must have the marker's part of speech (noun), "
        'or be a whole sentence ("clause").'
    ]
    empati.refresh_from_db()
    assert empati.suggestions == before


def test_the_admin_checks_the_suggestions_against_a_changed_part_of_speech(client, admin_user):
    client.force_login(admin_user)
    servicemindet = newest_marker("da", "servicemindet")
    response = change(client, servicemindet, pos="noun")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["suggestions"] == [
        "Suggestion 1: a word-level rewrite must have the marker's part of speech (noun), "
        'or be a whole sentence ("clause").'
    ]
    servicemindet.refresh_from_db()
    assert servicemindet.pos == "adj"


def test_the_admin_reports_other_bad_suggestions_as_an_import_would(client, admin_user):
    client.force_login(admin_user)
    empati = newest_marker("da", "empati")
    bad = [{"type": "empathizer", "text": "venlig", "pos": "clause"}, {"type": "controller", "text": " "}]
    response = change(client, empati, suggestions=json.dumps(bad))
    errors = response.context["adminform"].form.errors["suggestions"]
    assert "suggestions[1]: a rewrite must point to another type" in errors
    assert "suggestions[2]: empty suggestion text" in errors


def test_the_admin_saves_a_rewrite_of_the_right_part_of_speech(client, admin_user):
    client.force_login(admin_user)
    empati = newest_marker("da", "empati")
    good = [
        {"type": "controller", "text": "handlekraft", "pos": "noun"},
        {"type": "controller", "text": "Du  giver kunden  en klar løsning.", "pos": "clause"},
    ]
    response = change(client, empati, suggestions=json.dumps(good, ensure_ascii=False))
    assert response.status_code == 302
    empati.refresh_from_db()
    assert empati.suggestions == [
        {"type": "controller", "text": "handlekraft", "pos": "noun"},
        {"type": "controller", "text": "Du giver kunden en klar løsning.", "pos": "clause"},
    ]
