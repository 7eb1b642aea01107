import pytest
from django.utils import translation

from staffing.analysis import erlang

URL = "/api/staffing/erlang/"
REFERENCE = {
    "contacts": 100,
    "interval_minutes": 30,
    "aht_seconds": 180,
    "target_answer_seconds": 20,
    "service_level": 0.8,
    "max_occupancy": 0.85,
    "shrinkage": 0.3,
    "patience_seconds": None,
}


def test_it_answers_the_published_reference_values(api, hr_user):
    response = api.as_user(hr_user).post(URL, REFERENCE, format="json")

    assert response.status_code == 200
    assert response.json() == {
        "agents": 14,
        "agents_with_shrinkage": 20,
        "service_level": 0.8884,
        "occupancy": 0.7143,
        "probability_of_waiting": 0.1741,
        "asa_seconds": 7.84,
        "abandonment": None,
    }


def test_it_plans_with_erlang_a_when_callers_hang_up(api, hr_user):
    body = api.as_user(hr_user).post(URL, {**REFERENCE, "patience_seconds": 120}, format="json").json()

    # Callers who give up shorten the queue: no more agents than Erlang C, and a share abandons.
    assert body["agents"] <= 14 and body["service_level"] >= 0.8
    assert 0 < body["abandonment"] < 0.1
    expected = erlang.agents_required(
        contacts=100, interval_seconds=1800, aht_seconds=180, target_answer_seconds=20, service_level=0.8,
        max_occupancy=0.85, shrinkage=0.3, patience_seconds=120,
    )  # fmt: skip
    assert body["agents"] == expected.agents
    assert body["abandonment"] == round(expected.abandonment, 4)
    assert body["service_level"] == round(expected.service_level, 4)


def test_it_needs_nobody_without_contacts_and_takes_the_defaults(api, manager):
    body = api.as_user(manager).post(URL, {"contacts": 0, "aht_seconds": 300, "service_level": 0.9}, format="json")
    assert body.status_code == 200 and body.json()["agents"] == 0


def test_it_staffs_a_large_centre_in_well_under_a_second(api, hr_user):
    body = (
        api.as_user(hr_user)
        .post(URL, {**REFERENCE, "contacts": 20_000, "max_occupancy": 0.3, "patience_seconds": 60}, format="json")
        .json()
    )
    assert body["agents"] == 6667  # the occupancy cap decides: 2,000 Erlangs ÷ 0.3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contacts", "many"),
        ("contacts", -1),
        ("contacts", 1e12),
        ("contacts", True),
        ("contacts", "10\u0000"),
        ("aht_seconds", 0),
        ("aht_seconds", -180),
        ("aht_seconds", 1e308),
        ("interval_minutes", 0),
        ("interval_minutes", 10**20),
        ("service_level", 1),
        ("service_level", 0),
        ("service_level", "0.8\u0000"),
        ("max_occupancy", 0),
        ("max_occupancy", 1.5),
        ("shrinkage", 1),
        ("shrinkage", -0.1),
        ("patience_seconds", 0),
        ("patience_seconds", "soon"),
        ("target_answer_seconds", -20),
    ],
)
def test_it_refuses_bad_input_with_the_fields_message(api, hr_user, field, value):
    response = api.as_user(hr_user).post(URL, {**REFERENCE, field: value}, format="json")

    assert response.status_code == 400, response.content
    body = response.json()
    # A NUL is refused by the JSON parser for the whole body, with the place it was found.
    assert field in body["extra"].get("fields", {}) or f"body.{field}" in body["message"], body


def test_it_refuses_traffic_beyond_any_centre_and_missing_fields(api, hr_user):
    client = api.as_user(hr_user)
    huge = client.post(
        URL, {**REFERENCE, "contacts": 100_000, "aht_seconds": 86_400, "interval_minutes": 1}, format="json"
    )
    assert huge.status_code == 400 and "contacts" in huge.json()["extra"]["fields"]
    missing = client.post(URL, {"contacts": 10}, format="json")
    assert missing.status_code == 400
    assert {"aht_seconds", "service_level"} <= set(missing.json()["extra"]["fields"])
    assert client.post(URL, "not json", content_type="application/json").status_code == 400


@pytest.mark.parametrize(
    ("language", "busy", "limit"),
    [("en", "199,998", "100,000"), ("da", "199.998", "100.000"), ("sv", "199\xa0998", "100\xa0000")],
)
def test_it_writes_the_numbers_of_too_much_traffic_as_the_reader_s_language_does(api, hr_user, language, busy, limit):
    # "100,000" reads as a hundred with three decimals in Danish, Norwegian and Swedish.
    body = {**REFERENCE, "contacts": 99_999, "aht_seconds": 1_800, "interval_minutes": 15}
    with translation.override("en"):
        response = api.as_user(hr_user).post(URL, body, format="json", HTTP_ACCEPT_LANGUAGE=language)

    message = response.json()["extra"]["fields"]["contacts"][0]
    assert response.status_code == 400 and busy in message and limit in message


def test_it_answers_hr_managers_and_admins_only(api, client, recruiter, manager, hr_user, admin_user):
    assert client.post(URL, REFERENCE, content_type="application/json").status_code == 401
    assert api.as_user(recruiter).post(URL, REFERENCE, format="json").status_code == 403
    for user in (manager, hr_user, admin_user):
        assert api.as_user(user).post(URL, REFERENCE, format="json").status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "language", "limit"),
    [
        ("contacts", 200_000, "da", "100.000"),
        ("contacts", 200_000, "sv", "100\xa0000"),
        ("aht_seconds", 100_000, "nb", "86\xa0400"),
        ("patience_seconds", 100_000, "da", "86.400"),
        ("contacts", 200_000, "en", "100,000"),
    ],
)
def test_it_writes_a_fields_limit_as_the_reader_s_language_writes_numbers(api, hr_user, field, value, language, limit):
    # Was DRF's raw "less than or equal to 100000" in every language.
    response = api.as_user(hr_user).post(URL, {**REFERENCE, field: value}, format="json", HTTP_ACCEPT_LANGUAGE=language)
    message = response.json()["extra"]["fields"][field][0]
    assert response.status_code == 400 and limit in message, message
