"""An employee's export holds every kind of workforce record, and their erasure leaves none of
their name, e-mail, employee number or free text anywhere in the database."""

import json

from django.apps import apps
from django.db import models

from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export
from workforce.models import Agent, PulseResponse, RiskScore

from .agent_factories import agent_make, everything_make

MARKER = "Zebrafinke"
EMAIL = "sofie.zebrafinke@example.dk"
NUMBER = "EMP-7731"


def database_text() -> str:
    """Every text and JSON value of every table, as one string."""
    parts = []
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField | models.EmailField)
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                parts.append(json.dumps(row, default=str, ensure_ascii=False))
    return "\n".join(parts)


def erased_person(hr_user, manager):
    agent = agent_make(
        hr_user, name=f"Sofie {MARKER}", email=EMAIL, employee_number=NUMBER, manager=manager, source=f"{MARKER} fair"
    )
    everything_make(agent, marker=MARKER)
    return agent


def test_the_export_holds_every_kind_of_record(hr_user, manager):
    agent = erased_person(hr_user, manager)
    document = personal_data_export(subject=Subject(email=EMAIL), user=hr_user)["data"]["employee"]
    assert [a["employee_number"] for a in document["agents"]] == [NUMBER]
    kinds = ("competency_snapshots", "development_plans", "training", "coaching_sessions", "career_moves")
    for kind in (*kinds, "pulse_responses", "risk"):
        assert len(document[kind]) == 1, kind
    assert document["coaching_sessions"][0]["notes"] == f"{MARKER} wants the specialist track"
    assert [g["status"] for g in document["development_plans"][0]["goals"]] == ["achieved", "open"]
    assert document["risk"][0]["probability"] == 0.42
    assert agent.id == document["agents"][0]["id"]


def test_the_erasure_leaves_nothing_that_names_the_person(hr_user, manager):
    agent = erased_person(hr_user, manager)
    assert MARKER in database_text() and NUMBER in database_text()

    assert personal_data_erase(subject=Subject(email=EMAIL), user=hr_user) == {"employee": 1}

    text = database_text()
    for value in (MARKER, MARKER.lower(), EMAIL, NUMBER):
        assert value not in text, value
    placeholder = Agent.objects.get(id=agent.id)
    # What the retention figures need stays, anonymous: team, dates, the exit fields; answers to pulse.
    assert (placeholder.team_id, placeholder.hire_date, placeholder.manager) == (agent.team_id, agent.hire_date, None)
    assert PulseResponse.objects.filter(agent=placeholder).count() == 1
    for relation in ("competency_snapshots", "development_plans", "trainings", "coaching_sessions", "career_moves"):
        assert not getattr(placeholder, relation).exists(), relation
    assert not RiskScore.objects.filter(agent=placeholder).exists()


def test_the_admin_erases_an_agent_through_the_erasure_service(client, admin_user, hr_user, manager):
    agent = erased_person(hr_user, manager)
    client.force_login(admin_user)
    assert client.get(f"/admin/workforce/agent/{agent.id}/change/").status_code == 200
    assert client.get("/admin/workforce/agent/").status_code == 200
    selected = {"action": "erase_personal_data", "_selected_action": [agent.id], "post": "yes"}
    assert client.post("/admin/workforce/agent/", selected).status_code == 302
    assert MARKER not in database_text()
    assert Agent.objects.filter(id=agent.id).exists()


def test_the_admin_lists_every_workforce_model_and_edits_no_answer(client, admin_user, hr_user, manager):
    erased_person(hr_user, manager)
    client.force_login(admin_user)
    for model in apps.get_app_config("workforce").get_models():
        url = f"/admin/workforce/{model._meta.model_name}/"
        assert client.get(url).status_code == 200, url
    response = PulseResponse.objects.get()
    page = client.get(f"/admin/workforce/pulseresponse/{response.id}/change/")
    assert page.status_code == 200 and 'name="recommend"' not in page.content.decode()


def test_a_reference_beyond_any_record_id_is_a_clear_400_not_a_server_error(api, hr_user):
    # Found by schemathesis: a 20-digit reference reached the employee lookup and overflowed SQLite.
    response = api.as_user(hr_user).get("/api/personal-data/", {"reference": "13047882962185674752"})
    assert response.status_code == 400
    assert "reference" in response.json()["extra"]["fields"]


def test_it_finds_exports_and_erases_an_employee_without_an_e_mail_by_employee_number(client, api, hr_user, manager):
    # An agent imported from the HR system without an e-mail address and never a candidate here:
    # the employee number is the only handle a data request has.
    from django.core.management import call_command

    agent = agent_make(hr_user, name=f"Sofie {MARKER}", email="", employee_number=NUMBER, manager=manager)
    everything_make(agent, marker=MARKER)
    client.force_login(hr_user)
    found = client.post("/personal-data/found/", {"email": "", "reference": "", "employee_number": " emp-7731 "})
    assert found.status_code == 200
    page = found.content.decode()
    assert "For employee number emp-7731." in page and 'name="employee_number" value="emp-7731"' in page
    assert "No personal data is held" not in page

    exported = api.as_user(hr_user).get("/api/personal-data/", {"employee_number": NUMBER})
    assert exported.status_code == 200
    assert [a["employee_number"] for a in exported.json()["data"]["employee"]["agents"]] == [NUMBER]
    out = __import__("io").StringIO()
    call_command("personal_data", "export", "--employee-number", NUMBER, "--by", hr_user.username, stdout=out)
    assert f'"employee_number": "{NUMBER}"' in out.getvalue()

    client.post("/personal-data/erase/", {"employee_number": NUMBER, "confirm": "yes"})
    assert MARKER not in database_text() and NUMBER not in database_text()
    assert not Agent.objects.filter(employee_number=NUMBER).exists()


def test_it_refuses_an_employee_number_that_names_nobody_sensibly(client, api, hr_user):
    client.force_login(hr_user)
    assert client.post("/personal-data/found/", {"employee_number": "E\x00-1"}).status_code == 400
    too_long = client.post("/personal-data/found/", {"employee_number": "x" * 65}).content.decode()
    assert "Ensure this value has at most 64 characters" in too_long
    answer = api.as_user(hr_user).get("/api/personal-data/", {"employee_number": "E\x00-1"})
    assert answer.status_code == 400
    empty = api.as_user(hr_user).get("/api/personal-data/", {"employee_number": "  "})
    assert empty.status_code == 400 and "employee number" in json.dumps(empty.json())
