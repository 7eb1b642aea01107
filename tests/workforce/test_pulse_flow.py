"""HR opens a survey, every active agent with an e-mail gets a personal link in their language, and
answers once from it."""

from urllib.parse import quote

import pytest
from django.core import mail

from servicefit.core.teams import team_create
from tests.i18n.pending import pending_translations
from tests.workforce.pulse_factories import make_agent, make_survey, make_team, token_of
from workforce import pulse
from workforce.models import EmploymentStatus, PulseInvitation, PulseResponse, SurveyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def copenhagen():
    return make_team("Copenhagen", "DK")


@pytest.fixture
def opened(hr_user, copenhagen, django_capture_on_commit_callbacks):
    agents = [make_agent(copenhagen, name=f"Mette {i}") for i in range(3)]
    survey = make_survey(hr_user, team=copenhagen)
    with django_capture_on_commit_callbacks(execute=True):
        pulse.pulse_survey_open(survey=survey, user=hr_user)
    return survey, agents


def answers(recommend=9, workload=4, growth=3, manager_support=5):
    return {"recommend": recommend, "workload": workload, "growth": growth, "manager_support": manager_support}


def test_it_sends_each_active_agent_with_an_email_one_link_in_danish(
    hr_user, copenhagen, django_capture_on_commit_callbacks
):
    active = make_agent(copenhagen, name="Mette Hansen")
    make_agent(copenhagen, name="Uden Mail", email=False)
    make_agent(copenhagen, name="Gone", employment_status=EmploymentStatus.EXITED)
    make_agent(make_team("Elsewhere"), name="Other Team")
    survey = make_survey(hr_user, team=copenhagen, title="Forårspuls")
    with django_capture_on_commit_callbacks(execute=True):
        assert pulse.pulse_survey_open(survey=survey, user=hr_user) == 1
    [message] = mail.outbox
    assert message.to == [active.email]
    assert message.body.startswith("Kære Mette Hansen")  # Danish, the language of the team's country
    assert f"/pulse/{token_of(survey, active)}/" in message.body
    assert PulseInvitation.objects.get().sent_at is not None
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


@pytest.mark.parametrize(
    ("country", "greeting"),
    [("NO", "Hei Ola"), ("SE", "Hej Ola"), ("", "Dear Ola")],
)
def test_it_writes_the_email_in_the_language_of_the_teams_country(
    hr_user, country, greeting, django_capture_on_commit_callbacks
):
    parent = make_team(f"Region {country or 'none'}", country)
    team = make_team(f"Sub {country or 'none'}", parent=parent)  # no country of its own: the parent's
    make_agent(team, name="Ola")
    survey = make_survey(hr_user, team=parent)  # the teams below get it too
    with django_capture_on_commit_callbacks(execute=True):
        pulse.pulse_survey_open(survey=survey, user=hr_user)
    [message] = mail.outbox
    assert message.body.startswith(greeting)


def test_it_sends_nothing_twice_when_the_task_runs_again(opened):
    survey, agents = opened
    mail.outbox.clear()
    for invitation in PulseInvitation.objects.filter(survey=survey):
        pulse.pulse_invitation_send(invitation_id=invitation.id)
    assert mail.outbox == []


def test_it_takes_one_answer_per_link_and_says_so_the_second_time(client, opened):
    survey, agents = opened
    token = token_of(survey, agents[0])
    page = client.get(f"/pulse/{token}/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    assert '<html lang="da">' in page.content.decode()  # the agent's language: their team's country
    assert "Helt uenig" in page.content.decode()
    response = client.post(f"/pulse/{token}/", answers())
    assert response.status_code == 302 and "/thanks/" in response.url
    assert "Tusind tak!" in client.get(response.url).content.decode()
    saved = PulseResponse.objects.get()
    assert (saved.recommend, saved.workload, saved.growth, saved.manager_support) == (9, 4, 3, 5)
    assert saved.team == agents[0].team
    again = client.post(f"/pulse/{token}/", answers(recommend=0))
    assert again.status_code == 409
    assert "already answered" in again.content.decode() or "allerede" in again.content.decode()
    assert PulseResponse.objects.get().recommend == 9
    shown_again = client.get(f"/pulse/{token}/").content.decode()
    assert "Tusind tak!" in shown_again and 'name="recommend"' not in shown_again


def test_it_lets_the_agent_switch_language(client, opened):
    survey, agents = opened
    token = token_of(survey, agents[0])
    body = client.get(f"/pulse/{token}/?lang=sv").content.decode()
    assert '<html lang="sv">' in body and "Instämmer inte alls" in body
    english = client.get(f"/pulse/{token}/?lang=en").content.decode()
    assert "How likely is it that you would recommend us as a place to work?" in english
    assert "groups of at least five" in english


def test_it_refuses_a_tampered_or_made_up_link_with_404(client, opened):
    survey, agents = opened
    token = token_of(survey, agents[0])
    tampered = token[:-1] + ("0" if token[-1] != "0" else "1")
    for bad in (tampered, "not-a-token", token.split(".")[0] + ".", "x" * 5000):
        response = client.get(f"/pulse/{bad}/")
        assert response.status_code == 404, bad
        assert response["Cache-Control"] == "no-store"
    assert client.post(f"/pulse/{tampered}/", answers()).status_code == 404
    assert client.get(f"/api/pulse/{tampered}/").status_code == 404


def test_it_refuses_answers_once_the_survey_is_closed_with_410(client, hr_user, opened):
    survey, agents = opened
    token = token_of(survey, agents[0])
    pulse.pulse_survey_close(survey=survey, user=hr_user)
    page = client.get(f"/pulse/{token}/")
    assert page.status_code == 410
    assert 'name="recommend"' not in page.content.decode()
    assert client.post(f"/pulse/{token}/", answers()).status_code == 410
    assert client.post(f"/api/pulse/{token}/", answers(), content_type="application/json").status_code == 410
    assert not PulseResponse.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"recommend": "11"},
        {"recommend": "-1"},
        {"recommend": "9\x00"},
        {"workload": "\ud800"},
        {"growth": "٣"},
        {"manager_support": "3" * 10000},
        {"manager_support": ""},
    ],
)
def test_it_answers_hostile_input_with_400_and_saves_nothing(client, opened, bad):
    survey, agents = opened
    token = token_of(survey, agents[0])
    # As a browser sends it: a lone surrogate arrives as bytes that are not valid UTF-8.
    body = "&".join(f"{k}={quote(str(v).encode('utf-8', 'surrogatepass'))}" for k, v in {**answers(), **bad}.items())
    response = client.post(f"/pulse/{token}/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    api = client.post(f"/api/pulse/{token}/", {**answers(), **bad}, content_type="application/json")
    assert api.status_code == 400
    assert not PulseResponse.objects.exists()
    assert PulseInvitation.objects.get(survey=survey, agent=agents[0]).answered_at is None


def test_it_answers_nul_bytes_in_the_link_with_400_or_404_never_500(client, opened):
    for url in ("/pulse/abc%00def/", "/api/pulse/abc%00/"):
        assert client.get(url).status_code in (400, 404)


def test_the_api_gives_the_questions_and_takes_one_answer(client, opened):
    survey, agents = opened
    token = token_of(survey, agents[1])
    form = client.get(f"/api/pulse/{token}/?lang=nb")
    assert form.status_code == 200 and form["Cache-Control"] == "no-store"
    body = form.json()
    assert body["language"] == "nb" and body["answered"] is False
    assert [q["name"] for q in body["questions"]] == ["recommend", "workload", "growth", "manager_support"]
    assert body["questions"][0]["min"] == 0 and body["questions"][0]["max"] == 10
    created = client.post(f"/api/pulse/{token}/", answers(), content_type="application/json")
    assert created.status_code == 201
    second = client.post(f"/api/pulse/{token}/", answers(), content_type="application/json")
    assert second.status_code == 409
    assert client.get(f"/api/pulse/{token}/").json()["answered"] is True


def test_it_refuses_to_open_a_survey_twice_or_without_agents(hr_user, opened):
    survey, _agents = opened
    with pytest.raises(pulse.ApplicationError) as exc:
        pulse.pulse_survey_open(survey=survey, user=hr_user)
    assert exc.value.status == 409
    empty = make_survey(hr_user, team=team_create(name="Empty team"))
    with pytest.raises(pulse.ApplicationError):
        pulse.pulse_survey_open(survey=empty, user=hr_user)
    assert not PulseInvitation.objects.filter(survey=empty).exists()


def test_it_closes_surveys_past_their_closing_date(hr_user, opened):
    survey, _agents = opened
    survey.closes_on = survey.opens_on.replace(year=survey.opens_on.year - 1)
    survey.save()
    assert pulse.pulse_surveys_close_due() == 1
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED


def test_the_api_thanks_the_agent_in_the_callers_language(client, opened):
    # Was English in every language.
    survey, agents = opened
    with pending_translations("h-errors"):
        created = client.post(
            f"/api/pulse/{token_of(survey, agents[0])}/",
            answers(),
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="sv",
        )
    assert created.status_code == 201
    assert created.json()["message"] == "Tack – vi har tagit emot dina svar."


def test_it_shows_a_closed_survey_link_in_the_agents_language_whatever_the_browser_says(client, hr_user, opened):
    # Was English, in the browser's language: the agent's link is known, so its language is too.
    survey, agents = opened
    token = token_of(survey, agents[0])
    pulse.pulse_survey_close(survey=survey, user=hr_user)
    for method in (client.get, client.post):
        page = method(f"/pulse/{token}/", HTTP_ACCEPT_LANGUAGE="en")
        body = page.content.decode()
        assert page.status_code == 410
        assert '<html lang="da">' in body
        assert "Linket kan ikke bruges" in body and "Målingen lukkede den" in body


def test_it_shows_an_answered_link_in_the_agents_language_whatever_the_browser_says(client, opened):
    survey, agents = opened
    token = token_of(survey, agents[0])
    assert client.post(f"/pulse/{token}/", answers()).status_code == 302
    again = client.post(f"/pulse/{token}/", answers(), HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 409 and '<html lang="da">' in again.content.decode()


def test_it_shows_an_unknown_link_in_the_browsers_language_with_404(client, opened):
    response = client.get("/pulse/not-a-token/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 404 and '<html lang="sv">' in response.content.decode()


def pulse_page_in(response, language: str) -> str:
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<body class="take">' in html  # the link pages' layout, not the staff pages' (with their menu)
    assert response["Cache-Control"] == "no-store"
    return html


def test_it_answers_an_unknown_page_under_a_link_in_the_agents_language(client, opened):
    # Was the staff pages' English "Not found", with their language menu and login link.
    survey, agents = opened
    response = client.get(f"/pulse/{token_of(survey, agents[0])}/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Linket er ikke gyldigt" in pulse_page_in(response, "da")


def test_it_answers_a_form_over_the_limits_in_the_agents_language(client, opened, settings):
    survey, agents = opened
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    token = token_of(survey, agents[0])
    response = client.post(f"/pulse/{token}/", {f"f{n}": "x" for n in range(10)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    pulse_page_in(response, "da")
    assert not PulseResponse.objects.exists()


def test_it_answers_a_server_error_on_a_pulse_page_in_the_agents_language(opened, monkeypatch):
    from django.test import Client

    from workforce import pulse_answer_views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    survey, agents = opened
    monkeypatch.setattr(pulse_answer_views.pulse, "pulse_questions", broken)
    response = Client(raise_request_exception=False).get(
        f"/pulse/{token_of(survey, agents[0])}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 500
    html = pulse_page_in(response, "da")
    assert "a bug" not in html
