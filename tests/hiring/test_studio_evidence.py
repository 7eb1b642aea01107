"""What a recruiter reads in the studio: the verdict and what it rests on, greyed boilerplate with
its reason, what to add when there is too little, and an index that may be empty ("—")."""

import csv
import io

import pytest
from django.utils import translation

from hiring import services
from hiring.models import BulkAnalysis, BulkAnalysisItem, JobAdRevision
from profiles import selectors as profile_selectors
from profiles.analysis.engine import Analyzer
from profiles.analysis.gender import GenderCoder
from profiles.analysis.lexicon import CompiledLexicon, Marker
from tests.hiring.factories import ADVISOR, DE_AD, job_ad_make

STRUCTURED_DA = """Kundeservicemedarbejder til vores team i Aarhus

Om os
Vi er en dansk virksomhed grundlagt i 1987 med 200 ansatte.

Dine opgaver
Du besvarer henvendelser fra kunder på telefon og mail.

Din profil
Du er servicemindet og kan smile i telefonen i en travl hverdag.
Du er en ivrig problemløser og tager ansvar.
Du har erfaring med kundeservice.

Vi tilbyder
En god pension og frokostordning.

Ansøgning
Send din ansøgning til job@firma.dk senest 1. maj."""

SHORT_DA = "Vi søger en sød og glad kollega til vores butik i Odense."

PROFILE_DA = """Kundeservicemedarbejder

Din profil
• Du er servicemindet og møder kunderne med et smil
• Du har erfaring fra kundeservice

Vi tilbyder
• En god pension og frokostordning

Send din ansøgning til job@firma.dk"""

PROFILE_SV = """Kundtjänstmedarbetare

Din profil
• Du är serviceinriktad och möter kunderna med ett leende
• Du har erfarenhet av kundtjänst

Vi erbjuder
• Friskvårdsbidrag och kollektivavtal

Skicka din ansökan till jobb@foretag.se"""

ADD_DA = "Du tager styringen i samtalen og finder den bedste løsning for kunden."
ADD_SV = "Du tar ledningen i samtalet och hittar den bästa lösningen för kunden."


def studio_url(job_ad, part=""):
    return f"/hiring/job-ads/{job_ad.id}/{part}"


# --- the verdict and what it rests on ------------------------------------------------------------


def test_it_shows_the_verdict_its_reason_and_the_evidence_in_english(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=STRUCTURED_DA)
    client.force_login(recruiter)
    with translation.override("en"):
        response = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    verdict = response.context["analysis"]["verdict"]
    assert verdict["code"] in ("controller", "empathizer", "balanced")
    assert "ivrig problemløser" in verdict["controller"] and "servicemindet" in verdict["empathizer"]
    assert f'<h3 id="verdict-heading">{response.context["verdict"]["word"]}</h3>' in body
    assert "Controller cues — ivrig problemløser" in body
    assert "— against 2 Empathizer cues — servicemindet, smile i telefonen" in body
    assert "about the person and the job; 6 sentences left out: company, benefits, application, contact." in body
    assert "commission" in body and "is not part of the index" in body


def test_it_shows_the_verdict_and_evidence_in_danish(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=STRUCTURED_DA)
    client.force_login(recruiter)
    with translation.override("en"):
        body = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert '<html lang="da">' in body
    assert "Controller-signaler — ivrig problemløser" in body
    assert "over for 2 Empathizer-signaler — servicemindet, smile i telefonen" in body
    assert "om personen og jobbet; 6 sætninger udeladt: virksomheden, goder, ansøgning, kontakt." in body
    assert "Hvad er controller-indekset?" in body
    assert "Controllers — 15 % af medarbejderne" in body


def test_the_boilerplate_is_greyed_with_its_reason(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=STRUCTURED_DA)
    client.force_login(recruiter)
    body = client.get(studio_url(job_ad)).content.decode()
    assert body.count('class="not-counted" tabindex="0"') == 6
    assert 'role="tooltip" id="part-tip-2">Company description — not counted (under “Om os”)</span>' in body
    assert "Benefits — not counted (under “Vi tilbyder”)" in body
    assert "Contact details — not counted (cue “job@firma.dk”)" in body
    # The sentences about the person are not greyed.
    assert '<span class="not-counted" tabindex="0" aria-describedby="part-tip-6"' not in body


def test_a_sentence_in_another_language_is_marked_with_its_language(client, recruiter):
    text = STRUCTURED_DA.replace(
        "Du har erfaring med kundeservice.",
        "You take ownership of every customer case and find the right solution for the customer.",
    )
    job_ad = job_ad_make(owner=recruiter, text=text)
    client.force_login(recruiter)
    body = client.get(studio_url(job_ad)).content.decode()
    sentence = body[body.index('<span lang="en">You ') :]
    assert "find the right solution for the customer.</span>" in sentence.split("\n")[0]
    assert '<td lang="en">take ownership' in body  # the signal's row, and its correction, in English


def test_the_legend_and_the_index_explainer_quote_the_danish_examples_in_danish(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(recruiter)
    with translation.override("en"):
        body = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "legend-hl type-controller" in body and "legend-hl type-empathizer negated" in body
    assert '<ul class="quotes" lang="da"><li>“er servicemindede udover det sædvanlige”</li>' in body
    assert "“hurtigt danner sig et overblik og finder den bedste løsning”" in body


# --- too little to go on -------------------------------------------------------------------------


def test_too_little_evidence_shows_no_number_and_says_what_to_add(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=SHORT_DA, language="da")
    assert job_ad.revisions.get().controller_index is None
    client.force_login(recruiter)
    with translation.override("en"):
        body = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "gauge-needle" not in body
    assert "Controller index: <strong>—</strong>" in body
    assert "Not enough evidence" in body
    assert "Add 2–3 sentences about the person you are looking for" in body
    assert "sentences about the person and the job: 1 of the 3 needed." in body
    assert '<q lang="da">' in body


def test_a_reader_without_edit_rights_is_not_told_to_save(client, recruiter, manager):
    job_ad = job_ad_make(owner=recruiter)
    client.force_login(manager)
    body = client.get(studio_url(job_ad)).content.decode()
    assert "Save to keep a revision" not in body
    assert "Saving needs edit rights." in body
    client.force_login(recruiter)
    assert "Save to keep a revision" in client.get(studio_url(job_ad)).content.decode()


# --- suggestions with the real engine and a small lexicon -----------------------------------------

SMALL_LEXICON = [
    Marker(
        "da",
        "empathizer",
        "smil",
        1.0,
        (
            {"text": "løsningsorienteret", "type": "controller", "pos": "adj"},
            {"text": "Du guider kunden sikkert frem til den rette løsning.", "type": "controller", "pos": "clause"},
        ),
        "noun",
    ),
    Marker("da", "empathizer", "servicemindet", 1.0, (), "adj"),
    Marker(
        "sv",
        "empathizer",
        "leende",
        1.0,
        (
            {"text": "lösningsorienterad", "type": "controller", "pos": "adj"},
            {"text": "Du guidar kunden tryggt fram till rätt lösning.", "type": "controller", "pos": "clause"},
        ),
        "noun",
    ),
    Marker("sv", "empathizer", "serviceinriktad", 1.0, (), "adj"),
]


@pytest.fixture
def small_engine(monkeypatch):
    analyzer = Analyzer(
        lexicon=CompiledLexicon(SMALL_LEXICON, version="small"),
        gender=GenderCoder({lang: {"masculine": [], "feminine": []} for lang in ("en", "da", "nb", "sv")}),
        examples={("da", "controller"): [ADD_DA], ("sv", "controller"): [ADD_SV]},
    )
    monkeypatch.setattr(profile_selectors, "analyzer_current", lambda: analyzer)
    return analyzer


@pytest.mark.parametrize(
    ("text", "language", "added", "last_bullet", "benefits"),
    [
        (PROFILE_DA, "da", ADD_DA, "Du har erfaring fra kundeservice", "Vi tilbyder"),
        (PROFILE_SV, "sv", ADD_SV, "Du har erfarenhet av kundtjänst", "Vi erbjuder"),
    ],
    ids=["danish", "swedish"],
)
def test_an_added_sentence_lands_after_the_last_profile_bullet(
    recruiter, small_engine, text, language, added, last_bullet, benefits
):
    job_ad = job_ad_make(owner=recruiter, text=text, language=language, role=ADVISOR)
    first = job_ad.revisions.get()
    index = next(i for i, s in enumerate(first.analysis["suggestions"]) if s["kind"] == "add")
    revision = services.job_ad_apply_suggestion(job_ad=job_ad, index=index, revision_number=1, user=recruiter)
    assert f"{last_bullet}\n• {added}\n\n{benefits}" in revision.text  # with the list's bullet
    assert revision.text.endswith(text.rsplit("\n", 1)[-1])


@pytest.mark.parametrize(
    ("text", "language", "noun", "adjective", "clause"),
    [
        (PROFILE_DA, "da", "smil", "løsningsorienteret", "Du guider kunden sikkert frem til den rette løsning."),
        (PROFILE_SV, "sv", "leende", "lösningsorienterad", "Du guidar kunden tryggt fram till rätt lösning."),
    ],
    ids=["danish", "swedish"],
)
def test_a_noun_is_rewritten_with_its_whole_sentence_never_an_adjective(
    client, recruiter, small_engine, text, language, noun, adjective, clause
):
    job_ad = job_ad_make(owner=recruiter, text=text, language=language, role=ADVISOR)
    first = job_ad.revisions.get()
    index, rewrite = next((i, s) for i, s in enumerate(first.analysis["suggestions"]) if s["kind"] == "rewrite")
    assert rewrite["scope"] == "sentence"
    assert noun in rewrite["original"] and rewrite["replacement"] == clause
    client.force_login(recruiter)
    with translation.override("en"):
        body = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Rewrite the sentence “{rewrite['original'].strip()}” as “{clause}”." in body

    revision = services.job_ad_apply_suggestion(job_ad=job_ad, index=index, revision_number=1, user=recruiter)
    assert f"• {clause}\n" in revision.text
    assert adjective not in revision.text and noun not in revision.text


# --- an empty index everywhere it is shown --------------------------------------------------------


def test_an_empty_index_shows_as_a_dash_in_the_list_the_revisions_and_the_comparison(client, recruiter):
    job_ad = job_ad_make(owner=recruiter, text=SHORT_DA, language="da", title="Butik Odense")
    services.job_ad_revise(job_ad=job_ad, text=STRUCTURED_DA, user=recruiter)
    client.force_login(recruiter)
    with translation.override("en"):
        listing = client.get("/hiring/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        studio = client.get(studio_url(job_ad), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        compare = client.get(studio_url(job_ad, "compare/"), {"a": 1, "b": 2}, HTTP_ACCEPT_LANGUAGE="en")
    row = listing[listing.index("Butik Odense") :]
    assert '<th scope="col">Verdict</th>' in listing
    latest = job_ad.revisions.get(number=2)
    assert response_word(latest) in row.split("</tr>")[0]
    revisions = studio[studio.index('id="revisions-heading"') :]
    assert "<td>—</td><td>Not enough evidence</td>" in revisions
    assert compare.context["diff"]["controller_index"] == {"a": None, "b": latest.controller_index, "change": None}
    assert "<td>—</td>" in compare.content.decode()


def response_word(revision: JobAdRevision) -> str:
    return {"controller": "Leans Controller", "empathizer": "Leans Empathizer", "balanced": "Balanced"}[
        revision.analysis["verdict"]["code"]
    ]


def test_the_api_gives_null_for_an_empty_index_with_the_verdict_and_evidence(api, recruiter):
    client = api.as_user(recruiter)
    body = client.post("/api/job-ads/analyze/", {"text": SHORT_DA, "language": "da"}, format="json").json()
    assert body["controller_index"] is None
    assert body["verdict"]["code"] == "insufficient"
    assert body["evidence"]["enough"] is False and body["evidence"]["needed"]["sentences"] == 3
    assert body["parts"][0]["counted"] is True and body["languages"] == {"da": body["word_count"]}
    created = client.post("/api/job-ads/", {"title": "Butik", "text": SHORT_DA, "language": "da"}, format="json")
    revisions = client.get(f"/api/job-ads/{created.json()['id']}/revisions/").json()["results"]
    assert revisions[0]["controller_index"] is None
    assert revisions[0]["analysis"]["verdict"]["code"] == "insufficient"


def test_the_bulk_csv_leaves_an_empty_index_empty(client, recruiter):
    job_ad = job_ad_make(owner=recruiter)
    run = BulkAnalysis.objects.create(name="Odense", total=1, created_by=recruiter, team=job_ad.team)
    analysis = services.text_analyze(text=SHORT_DA, language="da").to_dict()
    BulkAnalysisItem.objects.create(bulk_analysis=run, position=0, name="Butik", text=SHORT_DA, result=analysis)
    client.force_login(recruiter)
    rows = list(
        csv.DictReader(io.StringIO(client.get(f"/hiring/bulk/{run.id}/results.csv").content.decode("utf-8-sig")))
    )
    assert rows[0]["name"] == "Butik" and rows[0]["controller_index"] == ""


# --- refusals in the user's language, and who may ask ---------------------------------------------


def test_german_text_is_refused_in_danish_for_a_danish_user(api, recruiter):
    client = api.as_user(recruiter)
    with translation.override("en"):
        response = client.post("/api/job-ads/analyze/", {"text": DE_AD}, format="json", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 422
    assert response.json()["message"].startswith("Teksten er ikke på et sprog, analysen kan læse: dansk")


def test_the_studio_analysis_is_refused_to_strangers(client, recruiter, other_team_users):
    job_ad = job_ad_make(owner=recruiter)
    anonymous = client.post(studio_url(job_ad, "analyze/"), {"text": SHORT_DA})
    assert anonymous.status_code == 302 and "login" in anonymous.url
    client.force_login(other_team_users["recruiter"])
    assert client.post(studio_url(job_ad, "analyze/"), {"text": SHORT_DA}).status_code == 404


def test_the_analyze_api_is_refused_without_a_token(api, db):
    assert api.post("/api/job-ads/analyze/", {"text": SHORT_DA}, format="json").status_code in (401, 403)
