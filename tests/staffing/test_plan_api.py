from datetime import timedelta

import pytest
from django.utils import timezone

from tests.i18n.pending import pending_translations
from tests.staffing.plan_factories import agents_make, settings_make, traffic_make

URL = "/api/staffing/plan/"


@pytest.fixture
def centre(db):
    traffic_make(last_day=timezone.localdate() - timedelta(days=1))
    settings_make(monthly_attrition=0.02, time_to_hire_days=30)
    agents_make(24)


def test_it_returns_the_months_classes_and_inputs(api, centre, manager):
    body = api.as_user(manager).get(URL, {"months": 6}).json()

    assert len(body["months"]) == 6
    month = body["months"][0]
    assert month["required_fte"] > 0 and set(month["required_by_channel"]) == {"phone"}
    assert month["service_level_without_hiring"] is not None
    assert body["classes"] and {"start", "hires", "open_requisition_by", "late"} <= set(body["classes"][0])
    assert body["inputs"]["attrition_source"] == "override"
    assert body["inputs"]["time_to_hire_days"] == 30 and body["inputs"]["agents_today"] == 24
    assert body["inputs"]["ramp"] == [0.5, 0.75, 1.0]


def test_it_moves_with_the_what_ifs(api, centre, hr_user):
    client = api.as_user(hr_user)
    base = client.get(URL).json()
    worse = client.get(URL, {"attrition_points": 10, "aht_percent": 10}).json()

    assert sum(c["hires"] for c in worse["classes"]) > sum(c["hires"] for c in base["classes"])
    assert worse["months"][0]["required_fte"] > base["months"][0]["required_fte"]
    assert client.get(URL, {"shrinkage": 0.4}).json()["inputs"]["shrinkage"] == 0.4


@pytest.mark.parametrize(
    "query",
    [{"months": 0}, {"months": 25}, {"months": "x"}, {"aht_percent": 1000}, {"service_level": 1}, {"shrinkage": "nan"}],
)
def test_it_refuses_bad_parameters(api, centre, hr_user, query):
    response = api.as_user(hr_user).get(URL, query)
    assert response.status_code == 400
    assert set(query) <= set(response.json()["extra"]["fields"])


def test_it_says_when_there_is_no_traffic(api, hr_user):
    response = api.as_user(hr_user).get(URL)
    assert response.status_code == 400 and response.json()["extra"]["fields"] == {"traffic": ["missing"]}


def test_it_answers_hr_managers_and_admins_only(api, client, centre, recruiter, admin_user):
    assert client.get(URL).status_code == 401
    assert api.as_user(recruiter).get(URL).status_code == 403
    assert api.as_user(admin_user).get(URL).status_code == 200


@pytest.fixture
def admin_token(admin_user):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from servicefit.core.tokens import api_token_issue

    # As in tests/test_schemathesis.py: the WSGI handler would close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    _token, key = api_token_issue(user=admin_user)
    yield {"Authorization": f"Token {key}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_plan_and_the_calculator_answer_in_the_documented_shapes(centre, admin_token):
    from tests.test_schemathesis import CHECKS, schema

    plan = schema["/api/staffing/plan/"]["GET"].Case(query={"months": 3, "traffic_percent": 10})
    assert plan.call_and_validate(headers=admin_token, checks=CHECKS).status_code == 200
    erlang = schema["/api/staffing/erlang/"]["POST"].Case(
        body={"contacts": 100, "aht_seconds": 180, "service_level": 0.8, "patience_seconds": 120},
        media_type="application/json",
    )
    assert erlang.call_and_validate(headers=admin_token, checks=CHECKS).status_code == 200


TOO_SHORT = {
    "da": "Trafikken for telefon kan endnu ikke prognosticeres: prognosen kræver mindst fire ugers historik med "
    "henvendelser inden for de seneste otte.",
    "nb": "Trafikken for telefon kan ennå ikke prognostiseres: prognosen trenger minst fire ukers historikk, med "
    "henvendelser i de siste åtte.",
    "sv": "Trafiken för telefon kan inte prognostiseras ännu: prognosen behöver minst fyra veckors historik, med "
    "kontakter under de senaste åtta.",
}


@pytest.mark.parametrize("language", TOO_SHORT)
def test_it_says_why_too_short_a_traffic_history_gives_no_plan_all_in_the_callers_language(api, hr_user, language):
    traffic_make(last_day=timezone.localdate() - timedelta(days=1), weeks=2)
    with pending_translations("h-apiwords"):
        response = api.as_user(hr_user).get(URL, HTTP_ACCEPT_LANGUAGE=language)
    body = response.json()
    assert response.status_code == 400 and body["extra"]["fields"] == {"traffic": ["too_little"]}
    assert body["message"] == TOO_SHORT[language]  # not "(the phone series has 14 days of history; …)"
