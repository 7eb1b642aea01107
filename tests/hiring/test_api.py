import pytest

from hiring.models import BulkAnalysis, JobAd, JobAdRevision
from profiles.models import SentenceLabel
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

ANALYZE = "/api/job-ads/analyze/"
GENDER_KEYS = {"masculine", "feminine", "verdict", "masculine_words", "feminine_words"}


def analyze(client, **body):
    return client.post(ANALYZE, body, format="json")


def marker_matches(body):
    return [m for m in body["matches"] if m["source"] == "marker"]


# --- POST /api/job-ads/analyze/ -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "types", "phrases"),
    [
        (
            DA_AD,
            "da",
            {"empathizer", "controller", "rock"},
            {"servicemindet", "ivrig problemløser", "tage styringen", "smile i telefonen", "arbejde under pres"},
        ),
        (
            NB_AD,
            "nb",
            {"empathizer", "controller", "rock"},
            {"serviceinnstilt", "problemløser", "ta initiativ", "ta styringen", "jobbe under press"},
        ),
        (
            SV_AD,
            "sv",
            {"empathizer", "controller", "rock", "hard_worker"},
            {"serviceinriktad", "problemlösare", "skinn på näsan", "stresstålig", "noggrann"},
        ),
        (
            EN_AD,
            "en",
            {"empathizer", "controller", "rock", "hard_worker"},
            {"service-minded", "problem solver", "take ownership", "calm under pressure"},
        ),
    ],
    ids=["danish", "norwegian", "swedish", "english"],
)
def test_it_analyzes_an_ad_in_each_language(api, recruiter, text, language, types, phrases):
    response = analyze(api.as_user(recruiter), text=text)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["language"] == language
    assert body["lexicon_version"] == "v2"
    assert body["word_count"] > 0
    for service_type in types:
        assert body["scores"][service_type] > 0, service_type
    assert body["scores"]["competitor"] == 0
    assert phrases <= {m["text"] for m in marker_matches(body)}
    for match in body["matches"]:
        assert text[match["start"] : match["end"]] == match["text"]
    assert body["readability"]["lix"] > 0
    assert set(body["gender_coding"]) == GENDER_KEYS
    assert "alignment" not in body


def test_match_offsets_index_the_text_exactly_as_sent(api, recruiter):
    # Leading blanks, Windows line breaks, an emoji and a tag all shift offsets if the text were cleaned first.
    text = (
        "  \r\n\tVi søger en <b>servicemindet</b> 😀 medarbejder.\r\n"
        "Du er en problemløser — og kan lide at tage styringen."
    )
    body = analyze(api.as_user(recruiter), text=text, language="da").json()
    found = {m["text"] for m in marker_matches(body)}
    assert {"servicemindet", "problemløser", "tage styringen"} <= found
    for match in body["matches"]:
        assert text[match["start"] : match["end"]] == match["text"]


def test_an_explicit_language_is_used_instead_of_detection(api, recruiter):
    body = analyze(api.as_user(recruiter), text=DA_AD, language="da").json()
    assert body["language"] == "da"
    assert body["language_confidence"] == 1.0


def test_it_measures_the_alignment_to_a_role_profile(api, recruiter):
    client = api.as_user(recruiter)
    body = analyze(client, text=DA_AD, role_profile=ADVISOR).json()
    alignment = body["alignment"]
    assert set(alignment) == {"role_profile", "score", "gaps"}
    assert alignment["role_profile"] == ADVISOR
    assert 0 <= alignment["score"] <= 100

    # By hand: 100 × (1 − half the distance between the ad's type mix and the role's target mix).
    weights = {p["slug"]: p for p in client.get("/api/role-profiles/").json()["results"]}[ADVISOR]["type_weights"]
    total = sum(body["scores"].values())
    distance = 0.5 * sum(abs(score / total - weights.get(t, 0.0)) for t, score in body["scores"].items())
    assert alignment["score"] == pytest.approx(100 * (1 - distance), abs=0.1)
    for gap in alignment["gaps"]:
        assert gap["gap"] == pytest.approx(gap["actual"] - gap["target"], abs=0.002)
    assert {gap["type"] for gap in alignment["gaps"]} >= {"controller"}


def test_a_controller_led_ad_fits_the_advisor_role_better_than_a_classic_one(api, recruiter):
    client = api.as_user(recruiter)
    advisor = analyze(client, text=DA_AD_CONTROLLER, role_profile=ADVISOR).json()["alignment"]["score"]
    classic = analyze(client, text=DA_AD_CONTROLLER, role_profile=CLASSIC).json()["alignment"]["score"]
    assert advisor > classic


def test_inflected_forms_match_the_marker(api, recruiter):
    text = "Vi søger problemløsere til vores team. Problemløsningen er det vigtigste for dig og dine kolleger."
    body = analyze(api.as_user(recruiter), text=text).json()
    matched = {m["text"]: m for m in marker_matches(body)}
    assert set(matched) >= {"problemløsere", "Problemløsningen"}
    assert {matched["problemløsere"]["phrase"], matched["Problemløsningen"]["phrase"]} == {"problemløser"}
    assert {matched[word]["type"] for word in ("problemløsere", "Problemløsningen")} == {"controller"}
    assert body["scores"]["controller"] > 0


def test_a_negated_marker_is_shown_but_not_counted(api, recruiter):
    text = "Du behøver ikke være servicemindet. Du er en problemløser, der kan lide at tage styringen."
    body = analyze(api.as_user(recruiter), text=text).json()
    service = next(m for m in body["matches"] if m["text"] == "servicemindet")
    assert service["negated"] is True
    assert body["scores"]["empathizer"] == 0
    assert body["scores"]["controller"] > 0
    # A phrase the ad says is not needed is not suggested for rewriting either.
    assert not any("servicemindet" in s["text"] for s in body["suggestions"])


@pytest.mark.parametrize(
    "sentence",
    ["No empathy required.", "Empathy is not required.", "You do not need to be empathetic."],
)
def test_english_negations_cancel_the_marker(api, recruiter, sentence):
    text = f"{sentence} You are a keen problem solver who can take the lead."
    body = analyze(api.as_user(recruiter), text=text).json()
    assert body["language"] == "en"
    empathy = [m for m in marker_matches(body) if m["type"] == "empathizer"]
    assert empathy and all(m["negated"] for m in empathy), empathy
    assert body["scores"]["empathizer"] == 0
    assert body["scores"]["controller"] > 0


@pytest.mark.parametrize("text", ["", "   \n\t  "], ids=["empty", "whitespace"])
def test_it_refuses_an_empty_text_with_a_message(api, recruiter, text):
    response = analyze(api.as_user(recruiter), text=text)
    assert response.status_code == 400
    assert response.json()["message"] == "The text is empty."


def test_it_refuses_a_text_over_50000_characters(api, recruiter):
    words = ("Du er en problemløser. " * 2200)[:50_001]
    response = analyze(api.as_user(recruiter), text=words)
    assert response.status_code == 413
    assert "50,000" in response.json()["message"]


def test_a_text_of_exactly_50000_characters_is_analysed(api, recruiter):
    words = ("Du er en problemløser. " * 2200)[:50_000]
    response = analyze(api.as_user(recruiter), text=words, language="da")
    assert response.status_code == 200
    assert response.json()["scores"]["controller"] > 0


def test_it_refuses_an_unsupported_language_and_names_the_supported_ones(api, recruiter):
    response = analyze(api.as_user(recruiter), text=DE_AD)
    assert response.status_code == 422
    message = response.json()["message"]
    assert "Danish, Norwegian Bokmål, Swedish or English" in message


def test_it_refuses_an_unknown_language_code(api, recruiter):
    response = analyze(api.as_user(recruiter), text=DA_AD, language="de")
    assert response.status_code == 400
    assert "language" in response.json()["extra"]["fields"]


def test_it_refuses_an_unknown_role_profile(api, recruiter):
    response = analyze(api.as_user(recruiter), text=DA_AD, role_profile="astronaut")
    assert response.status_code == 400
    errors = response.json()["extra"]["fields"]["role_profile"]
    assert "astronaut" in errors[0]


def test_analyze_saves_nothing(api, recruiter):
    job_ad_make(owner=recruiter)
    before = (JobAd.objects.count(), JobAdRevision.objects.count())
    assert analyze(api.as_user(recruiter), text=EN_AD, role_profile=ADVISOR).status_code == 200
    assert (JobAd.objects.count(), JobAdRevision.objects.count()) == before


def test_markup_in_the_text_comes_back_as_json_data(api, recruiter):
    text = '<script>alert("x")</script><img src=x onerror=alert(1)> Vi søger en servicemindet medarbejder.'
    response = analyze(api.as_user(recruiter), text=text, language="da")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    service = next(m for m in body["matches"] if m["text"] == "servicemindet")
    assert text[service["start"] : service["end"]] == "servicemindet"


def test_a_manager_may_analyze_but_others_may_not(api, manager, outsider):
    assert analyze(api.as_user(manager), text=EN_AD).status_code == 200
    assert analyze(api.as_user(outsider), text=EN_AD).status_code == 403


def test_an_anonymous_user_may_not_analyze(api, db):
    assert analyze(api, text=EN_AD).status_code == 401


# --- job ads ------------------------------------------------------------------------------------


def test_a_recruiter_creates_an_ad_with_its_first_revision(api, recruiter):
    client = api.as_user(recruiter)
    response = client.post(
        "/api/job-ads/", {"title": "Kundeservice", "text": DA_AD, "role_profile": ADVISOR}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "Kundeservice"
    assert body["role_profile"] == ADVISOR
    assert body["owner"] == recruiter.username

    revisions = client.get(f"/api/job-ads/{body['id']}/revisions/").json()["results"]
    assert [r["number"] for r in revisions] == [1]
    first = revisions[0]
    assert first["text"] == DA_AD
    assert first["language"] == "da"
    assert first["lexicon_version"] == "v2"
    assert first["created_by"] == recruiter.username
    assert first["analysis"]["scores"]["empathizer"] > 0
    assert first["analysis"]["alignment"]["role_profile"] == ADVISOR
    assert first["alignment_score"] == first["analysis"]["alignment"]["score"]
    assert first["controller_index"] == first["analysis"]["controller_index"]


def test_creating_an_ad_with_bad_text_saves_nothing(api, recruiter):
    client = api.as_user(recruiter)
    empty = client.post("/api/job-ads/", {"title": "Tom", "text": "  "}, format="json")
    german = client.post("/api/job-ads/", {"title": "Berlin", "text": DE_AD}, format="json")
    assert (empty.status_code, german.status_code) == (400, 422)
    assert empty.json()["message"] == "The text is empty."
    assert JobAd.objects.count() == 0


def test_it_lists_ads_with_filters(api, recruiter):
    danish = job_ad_make(owner=recruiter, title="Kundeservice Aarhus", text=DA_AD, role=ADVISOR)
    english = job_ad_make(owner=recruiter, title="Support agent London", text=EN_AD, role=CLASSIC)
    swedish = job_ad_make(owner=recruiter, title="Kundtjänst Malmö", text=SV_AD)
    client = api.as_user(recruiter)

    def titles(**params):
        response = client.get("/api/job-ads/", params)
        assert response.status_code == 200
        return {ad["title"] for ad in response.json()["results"]}

    assert titles() == {danish.title, english.title, swedish.title}
    assert titles(q="london") == {english.title}
    assert titles(q="stresstålig") == {swedish.title}  # found in the text, not the title
    assert titles(language="da") == {danish.title}
    assert titles(role_profile=CLASSIC) == {english.title}
    assert titles(q="Aarhus", language="en") == set()


def test_a_recruiter_renames_an_ad_and_changes_its_role(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    response = api.as_user(recruiter).patch(
        f"/api/job-ads/{job_ad.id}/", {"title": "  Kundeservice Odense ", "role_profile": CLASSIC}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "Kundeservice Odense"
    assert response.json()["role_profile"] == CLASSIC
    job_ad.refresh_from_db()
    assert (job_ad.title, job_ad.role_profile.slug) == ("Kundeservice Odense", CLASSIC)


def test_patching_an_unknown_role_profile_is_refused(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    response = api.as_user(recruiter).patch(f"/api/job-ads/{job_ad.id}/", {"role_profile": "nope"}, format="json")
    assert response.status_code == 400
    job_ad.refresh_from_db()
    assert job_ad.role_profile is None


def test_a_recruiter_deletes_an_ad_with_its_revisions(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(recruiter)
    assert client.delete(f"/api/job-ads/{job_ad.id}/").status_code == 204
    assert client.get(f"/api/job-ads/{job_ad.id}/").status_code == 404
    assert not JobAdRevision.objects.filter(job_ad_id=job_ad.id).exists()


def test_a_manager_reads_ads_but_cannot_change_them(api, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(manager)
    assert client.get("/api/job-ads/").status_code == 200
    assert client.get(f"/api/job-ads/{job_ad.id}/").status_code == 200
    assert client.get(f"/api/job-ads/{job_ad.id}/revisions/1/").status_code == 200
    assert client.get(f"/api/job-ads/{job_ad.id}/compare/", {"a": 1, "b": 1}).status_code == 200
    refused = [
        client.post("/api/job-ads/", {"title": "x", "text": DA_AD}, format="json"),
        client.patch(f"/api/job-ads/{job_ad.id}/", {"title": "x"}, format="json"),
        client.delete(f"/api/job-ads/{job_ad.id}/"),
        client.post(f"/api/job-ads/{job_ad.id}/revisions/", {"text": EN_AD}, format="json"),
        client.post(f"/api/job-ads/{job_ad.id}/apply-suggestion/", {"revision": 1, "index": 0}, format="json"),
        client.post("/api/sentence-labels/", {"language": "da", "text": "Hej.", "label": "rock"}, format="json"),
        client.post("/api/bulk-analyses/", {"items": [{"name": "a", "text": DA_AD}]}, format="json"),
    ]
    assert [r.status_code for r in refused] == [403] * len(refused)
    job_ad.refresh_from_db()
    assert job_ad.title == "Kundeservicemedarbejder"
    assert job_ad.revisions.count() == 1
    assert not SentenceLabel.objects.exists() and not BulkAnalysis.objects.exists()


def test_an_outsider_cannot_see_ads(api, recruiter, outsider):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(outsider)
    assert client.get("/api/job-ads/").status_code == 403
    assert client.get(f"/api/job-ads/{job_ad.id}/revisions/1/").status_code == 403


# --- revisions ----------------------------------------------------------------------------------


def test_saving_new_text_makes_revision_2_and_the_same_text_makes_none(api, recruiter):
    job_ad = job_ad_make(owner=recruiter, role=ADVISOR)
    client = api.as_user(recruiter)
    url = f"/api/job-ads/{job_ad.id}/revisions/"

    response = client.post(url, {"text": DA_AD_CONTROLLER, "note": "More advice"}, format="json")
    assert response.status_code == 201, response.json()
    second = response.json()
    assert second["number"] == 2
    assert second["text"] == DA_AD_CONTROLLER
    assert second["note"] == "More advice"
    assert second["analysis"]["alignment"]["role_profile"] == ADVISOR

    again = client.post(url, {"text": DA_AD_CONTROLLER}, format="json")
    assert again.json()["number"] == 2
    assert [r["number"] for r in client.get(url).json()["results"]] == [2, 1]


def test_an_empty_revision_is_refused(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    response = api.as_user(recruiter).post(f"/api/job-ads/{job_ad.id}/revisions/", {"text": ""}, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "The text is empty."
    assert job_ad.revisions.count() == 1


def test_it_shows_one_revision(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(recruiter)
    body = client.get(f"/api/job-ads/{job_ad.id}/revisions/1/").json()
    assert body["number"] == 1 and body["text"] == DA_AD
    assert body["analysis"]["language"] == "da"
    assert client.get(f"/api/job-ads/{job_ad.id}/revisions/7/").status_code == 404
    assert client.get("/api/job-ads/999999/revisions/1/").status_code == 404


def test_it_compares_two_revisions(api, recruiter):
    job_ad = job_ad_make(owner=recruiter, role=ADVISOR)
    client = api.as_user(recruiter)
    client.post(f"/api/job-ads/{job_ad.id}/revisions/", {"text": DA_AD_CONTROLLER}, format="json")
    one = client.get(f"/api/job-ads/{job_ad.id}/revisions/1/").json()
    two = client.get(f"/api/job-ads/{job_ad.id}/revisions/2/").json()

    response = client.get(f"/api/job-ads/{job_ad.id}/compare/", {"a": 1, "b": 2})
    assert response.status_code == 200
    diff = response.json()
    assert (diff["a"], diff["b"]) == (1, 2)
    for service_type in ("controller", "empathizer"):
        before, after = one["analysis"]["scores"][service_type], two["analysis"]["scores"][service_type]
        assert diff["scores"][service_type] == {"a": before, "b": after, "change": round(after - before, 2)}
    # The rewrite took the empathizer language out and put controller language in.
    assert diff["scores"]["empathizer"]["change"] < 0
    assert diff["controller_index"]["change"] > 0
    assert diff["controller_index"]["change"] == pytest.approx(two["controller_index"] - one["controller_index"])
    assert diff["alignment"]["change"] == pytest.approx(two["alignment_score"] - one["alignment_score"], abs=0.01)


def test_comparing_with_a_missing_revision_is_404_and_bad_numbers_are_400(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(recruiter)
    assert client.get(f"/api/job-ads/{job_ad.id}/compare/", {"a": 1, "b": 5}).status_code == 404
    assert client.get(f"/api/job-ads/{job_ad.id}/compare/", {"a": "one", "b": 1}).status_code == 400


# --- suggestions --------------------------------------------------------------------------------


def test_applying_a_suggestion_to_the_latest_revision_saves_a_new_one(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(recruiter)
    first = client.get(f"/api/job-ads/{job_ad.id}/revisions/1/").json()
    suggestion = first["analysis"]["suggestions"][0]
    assert suggestion["kind"] == "rewrite"

    response = client.post(f"/api/job-ads/{job_ad.id}/apply-suggestion/", {"revision": 1, "index": 0}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == 2
    assert suggestion["replacement"] in body["text"]
    assert body["text"] == DA_AD[: suggestion["start"]] + suggestion["replacement"] + DA_AD[suggestion["end"] :]
    assert DA_AD[suggestion["start"] : suggestion["end"]] not in body["text"]


def test_applying_a_suggestion_made_for_an_older_revision_is_a_conflict(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client = api.as_user(recruiter)
    client.post(f"/api/job-ads/{job_ad.id}/revisions/", {"text": DA_AD + " Du er struktureret."}, format="json")
    response = client.post(f"/api/job-ads/{job_ad.id}/apply-suggestion/", {"revision": 1, "index": 0}, format="json")
    assert response.status_code == 409
    assert "changed" in response.json()["message"]
    assert job_ad.revisions.count() == 2


def test_applying_a_suggestion_that_does_not_exist_is_404(api, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    response = api.as_user(recruiter).post(
        f"/api/job-ads/{job_ad.id}/apply-suggestion/", {"revision": 1, "index": 99}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["message"] == "There is no such suggestion."
    assert job_ad.revisions.count() == 1


# --- sentence labels ----------------------------------------------------------------------------


def test_a_second_label_for_the_same_sentence_replaces_the_first(api, recruiter, hr_user):
    url = "/api/sentence-labels/"
    first = api.as_user(recruiter).post(
        url, {"language": "da", "text": "Du er servicemindet.", "label": "controller"}, format="json"
    )
    assert first.status_code == 201, first.json()
    assert first.json()["label"] == "controller"
    second = api.as_user(hr_user).post(
        url, {"language": "da", "text": "Du er  servicemindet. ", "label": "empathizer"}, format="json"
    )
    assert second.status_code in (200, 201)
    label = SentenceLabel.objects.get()
    assert (label.text, label.label, label.created_by) == ("Du er servicemindet.", "empathizer", hr_user)
    listed = api.as_user(recruiter).get(url).json()["results"]
    assert [(row["text"], row["label"]) for row in listed] == [("Du er servicemindet.", "empathizer")]


def test_an_unknown_label_is_refused(api, recruiter):
    response = api.as_user(recruiter).post(
        "/api/sentence-labels/", {"language": "da", "text": "Du er sød.", "label": "boss"}, format="json"
    )
    assert response.status_code == 400
    assert "label" in response.json()["extra"]["fields"]
    assert not SentenceLabel.objects.exists()


# --- bulk analyses ------------------------------------------------------------------------------


def test_a_bulk_analysis_runs_every_ad_and_reports_each_result(api, recruiter, django_capture_on_commit_callbacks):
    client = api.as_user(recruiter)
    items = [
        {"name": "aarhus.txt", "text": DA_AD},
        {"name": "empty.txt", "text": ""},
        {"name": "london.txt", "text": EN_AD, "language": "en"},
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/bulk-analyses/", {"name": "Last year", "role_profile": ADVISOR, "items": items}, format="json"
        )
    assert response.status_code == 202, response.json()
    created = response.json()
    assert (created["name"], created["total"], created["role_profile"]) == ("Last year", 3, ADVISOR)

    detail = client.get(f"/api/bulk-analyses/{created['id']}/").json()
    assert detail["status"] == "done"
    assert detail["processed"] == detail["total"] == 3
    assert detail["percent"] == 100
    rows = {row["name"]: row for row in detail["results"]}
    assert list(rows) == ["aarhus.txt", "empty.txt", "london.txt"]
    assert rows["empty.txt"]["error"] == "The text is empty."
    assert rows["aarhus.txt"]["error"] == "" and rows["aarhus.txt"]["language"] == "da"
    assert rows["london.txt"]["error"] == "" and rows["london.txt"]["language"] == "en"
    assert rows["aarhus.txt"]["empathizer"] > 0
    assert rows["aarhus.txt"]["alignment"] is not None
    assert [run["id"] for run in client.get("/api/bulk-analyses/").json()["results"]] == [created["id"]]


def test_a_bulk_analysis_needs_items(api, recruiter):
    client = api.as_user(recruiter)
    assert client.post("/api/bulk-analyses/", {"items": []}, format="json").status_code == 400
    missing_text = client.post(
        "/api/bulk-analyses/", {"items": [{"name": "a", "text": DA_AD}, {"name": "b"}]}, format="json"
    )
    assert missing_text.status_code == 400
    assert missing_text.json()["extra"]["fields"] == {"items": {"1": {"text": ["This field is required."]}}}
    assert not BulkAnalysis.objects.exists()
