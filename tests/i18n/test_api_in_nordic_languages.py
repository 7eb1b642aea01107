"""The API answers a Danish, Norwegian or Swedish caller (Accept-Language) in their language: the apps'
own messages, and the field messages Django REST framework's own catalogues leave in English."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.hiring.board_helpers import requisition_make
from tests.hiring.factories import DA_AD
from tests.workforce import development_factories
from tests.workforce.pulse_factories import make_agent, make_survey, make_team, token_of
from workforce import pulse

LANGUAGES = ("da", "nb", "sv")
SAID = {
    "no_role_profile": {
        "da": "Der findes ingen rolleprofil „{value}“.",
        "nb": "Det finnes ingen rolleprofil «{value}».",
        "sv": "Det finns ingen rollprofil ”{value}”.",
    },
    "no_competency": {
        "da": "Der findes ingen kompetence „{value}“.",
        "nb": "Det finnes ingen kompetanse «{value}».",
        "sv": "Det finns ingen kompetens ”{value}”.",
    },
    "re_assessment": {
        "da": "En måling fra en ny test laves ud fra den scorede besvarelse: angiv manager_rating eller import.",
        "nb": "En måling fra en ny test lages ut fra den scorede besvarelsen: oppgi manager_rating eller import.",
        "sv": "En mätning från ett nytt test görs utifrån det poängsatta genomförandet: "
        "ange manager_rating eller import.",
    },
    "too_many_competencies": {
        "da": "Angiv højst 50 kompetencer.",
        "nb": "Oppgi høyst 50 kompetanser.",
        "sv": "Ange högst 50 kompetenser.",
    },
    "empty_object": {
        "da": "Objektet må ikke være tomt.",
        "nb": "Objektet kan ikke være tomt.",
        "sv": "Objektet får inte vara tomt.",
    },
    "file_or_csv": {
        "da": "Angiv enten en fil eller CSV-teksten.",
        "nb": "Oppgi enten en fil eller CSV-teksten.",
        "sv": "Ange antingen en fil eller CSV-texten.",
    },
    "mapping": {
        "da": "Angiv kolonnetilknytningen som et JSON-objekt.",
        "nb": "Oppgi kolonnetilordningen som et JSON-objekt.",
        "sv": "Ange kolumnmappningen som ett JSON-objekt.",
    },
    "date": {
        "da": "Angiv en dato som ÅÅÅÅ-MM-DD.",
        "nb": "Oppgi en dato som ÅÅÅÅ-MM-DD.",
        "sv": "Ange ett datum som ÅÅÅÅ-MM-DD.",
    },
    "requisition_id": {
        "da": "Angiv et rekvisitions-id.",
        "nb": "Oppgi en rekvisisjons-ID.",
        "sv": "Ange ett rekvisitions-id.",
    },
    "team_id": {"da": "Angiv et team-id.", "nb": "Oppgi en team-ID.", "sv": "Ange ett team-id."},
    "band": {
        "da": "Angiv high, medium eller low.",
        "nb": "Oppgi high, medium eller low.",
        "sv": "Ange high, medium eller low.",
    },
    "recomputed": {
        "da": "Rangeringen beregnes igen.",
        "nb": "Rangeringen beregnes på nytt.",
        "sv": "Rankningen beräknas om.",
    },
    "retraining": {"da": "Træningen er startet.", "nb": "Treningen har startet.", "sv": "Omträningen har startat."},
    "thanks": {
        "da": "Tak: dine svar er modtaget.",
        "nb": "Takk: svarene dine er mottatt.",
        "sv": "Tack: dina svar har tagits emot.",
    },
    "boolean": {"da": "Angiv true eller false.", "nb": "Oppgi true eller false.", "sv": "Ange true eller false."},
    "text": {"da": "Angiv en tekst.", "nb": "Oppgi en tekst.", "sv": "Ange en text."},
}


def refused(response, field: str) -> str:
    """The first message for `field` of a 400."""
    body = response.json()
    assert response.status_code == 400, body
    return body["extra"]["fields"][field][0]


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


def test_it_names_a_role_profile_that_does_not_exist_as_a_person_would(api, recruiter, language):
    client = api.as_user(recruiter)
    said = SAID["no_role_profile"][language]
    for url, body in [
        ("/api/job-ads/", {"title": "Kundeservice", "text": DA_AD, "role_profile": "astronaut"}),
        ("/api/bulk-analyses/", {"items": [{"name": "a.txt", "text": DA_AD}], "role_profile": "astronaut"}),
        ("/api/job-ads/analyze/", {"text": DA_AD, "role_profile": "astronaut"}),
    ]:
        response = client.post(url, body, format="json", HTTP_ACCEPT_LANGUAGE=language)
        assert refused(response, "role_profile") == said.format(value="astronaut"), url
    # Not a slug at all: still the role profile that is not there, not a lesson in slugs.
    response = client.post(
        "/api/job-ads/analyze/",
        {"text": DA_AD, "role_profile": "Advisor Controller"},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert refused(response, "role_profile") == said.format(value="Advisor Controller")


def test_it_refuses_an_agent_s_development_records_in_the_callers_language(api, manager, language):
    agent = development_factories.agent()
    client = api.as_user(manager)

    def post(kind, body):
        return client.post(f"/api/agents/{agent.id}/{kind}/", body, format="json", HTTP_ACCEPT_LANGUAGE=language)

    training = post("trainings", {"title": "Jonglering", "kind": "course", "competency": "juggling"})
    assert refused(training, "competency") == SAID["no_competency"][language].format(value="juggling")
    re_assessment = post("snapshots", {"levels": {"de_escalation": 3}, "source": "assessment"})
    assert refused(re_assessment, "source") == SAID["re_assessment"][language]
    too_many = post("snapshots", {"levels": {f"c{i}": 3 for i in range(51)}})
    assert refused(too_many, "levels") == SAID["too_many_competencies"][language]
    nothing = post("snapshots", {"levels": {}})
    assert refused(nothing, "levels") == SAID["empty_object"][language]


def test_it_asks_for_a_file_and_a_column_mapping_in_the_callers_language(api, recruiter, hr_user, language):
    candidates = api.as_user(recruiter).post(
        "/api/candidates/import/", {"mapping": "name=Navn"}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert refused(candidates, "mapping") == SAID["mapping"][language]
    neither = api.as_user(recruiter).post("/api/candidates/import/", {}, format="json", HTTP_ACCEPT_LANGUAGE=language)
    assert refused(neither, "csv") == SAID["file_or_csv"][language]
    agents = api.as_user(hr_user).post(
        "/api/agents/import/",
        {"file": SimpleUploadedFile("hr.csv", b"Medarbejdernr;Navn\n1;Mette\n"), "mapping": "{"},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert refused(agents, "mapping") == SAID["mapping"][language]


def test_it_explains_a_bad_filter_in_the_callers_language(api, recruiter, hr_user, language):
    hires = api.as_user(recruiter)
    assert (
        refused(hires.get("/api/hires/", {"since": "1/5"}, HTTP_ACCEPT_LANGUAGE=language), "since")
        == (SAID["date"][language])
    )
    assert (
        refused(hires.get("/api/hires/", {"requisition": "x"}, HTTP_ACCEPT_LANGUAGE=language), "requisition")
        == (SAID["requisition_id"][language])
    )
    at_risk = api.as_user(hr_user)
    assert (
        refused(at_risk.get("/api/at-risk/", {"team": "x"}, HTTP_ACCEPT_LANGUAGE=language), "team")
        == (SAID["team_id"][language])
    )
    assert (
        refused(at_risk.get("/api/at-risk/", {"band": "x"}, HTTP_ACCEPT_LANGUAGE=language), "band")
        == (SAID["band"][language])
    )


def test_it_says_in_the_callers_language_that_work_goes_on_in_the_background(
    api, recruiter, admin_user, settings, language
):
    requisition = requisition_make(recruiter)
    refresh = api.as_user(recruiter).post(
        f"/api/requisitions/{requisition.id}/ranking/refresh/", HTTP_ACCEPT_LANGUAGE=language
    )
    assert (refresh.status_code, refresh.json()["message"]) == (202, SAID["recomputed"][language])
    settings.CELERY_TASK_ALWAYS_EAGER = False  # with a worker, retraining is queued for it
    retrain = api.as_user(admin_user).post("/api/classifier-versions/", HTTP_ACCEPT_LANGUAGE=language)
    assert (retrain.status_code, retrain.json()["message"]) == (202, SAID["retraining"][language])


def test_it_thanks_an_agent_for_their_pulse_answers_in_their_language(
    client, hr_user, language, django_capture_on_commit_callbacks
):
    team = make_team("Copenhagen", "DK")
    agent = make_agent(team)
    survey = make_survey(hr_user, team=team)
    with django_capture_on_commit_callbacks(execute=True):
        pulse.pulse_survey_open(survey=survey, user=hr_user)
    answers = {"recommend": 9, "workload": 4, "growth": 3, "manager_support": 5}
    response = client.post(
        f"/api/pulse/{token_of(survey, agent)}/",
        answers,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert (response.status_code, response.json()["message"]) == (201, SAID["thanks"][language])


def test_it_translates_the_field_messages_django_rest_framework_leaves_in_english(api, recruiter, hr_user, language):
    """DRF's own da/nb/sv catalogues lack these; ours has them (servicefit/core/drf_messages.py)."""
    template = api.as_user(recruiter).post(
        "/api/stage-templates/", {"is_global": {"x": 1}}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert refused(template, "is_global") == SAID["boolean"][language]
    agent = api.as_user(hr_user).post(
        "/api/agents/", {"employee_number": ["E-1"]}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert refused(agent, "employee_number") == SAID["text"][language]
