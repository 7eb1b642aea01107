"""POST /api/staffing/traffic/import/ and GET /api/staffing/traffic/imports/."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from staffing import traffic_csv
from staffing.models import TrafficImport, TrafficInterval
from tests.staffing.factories import day_rows, traffic_import_make

pytestmark = pytest.mark.django_db

IMPORT, IMPORTS = "/api/staffing/traffic/import/", "/api/staffing/traffic/imports/"
MARCH = datetime.date(2025, 3, 3)
SWEDISH = (
    "Datum;Intervall;Kanal;Erbjudna samtal;Hanteringstid\n"
    "2025-03-03;08:00;Telefon;12;185,5\n"
    "2025-03-03;08:30;Telefon;15;3:10\n"
    "2025-03-03;08:00;Chatt;4;420\n"
)


def post(client, data: bytes, **fields):
    return client.post(IMPORT, {"file": SimpleUploadedFile("acd.csv", data), **fields}, format="multipart")


def test_hr_imports_a_file_and_gets_what_was_written(api, hr_user):
    response = post(api.as_user(hr_user), SWEDISH.encode())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body == {
        "import_id": TrafficImport.objects.get().id,
        "rows": 3,
        "replaced": 0,
        "first_day": "2025-03-03",
        "last_day": "2025-03-03",
        "interval_minutes": 30,
        "channels": ["phone", "chat"],
    }
    assert TrafficImport.objects.get().source == "api"


def test_a_second_import_reports_the_intervals_it_replaced(api, admin_user):
    client = api.as_user(admin_user)
    post(client, SWEDISH.encode())
    response = post(client, SWEDISH.replace(";12;", ";20;").encode())
    assert (response.status_code, response.json()["replaced"]) == (201, 3)
    assert TrafficInterval.objects.get(start=datetime.time(8), channel="phone").contacts == 20


def test_a_bad_row_is_a_400_that_lists_row_column_and_message_and_writes_nothing(api, hr_user):
    text = SWEDISH.replace("08:30;Telefon;15", "08:40;Telefon;-15")
    response = post(api.as_user(hr_user), text.encode())
    assert response.status_code == 400
    body = response.json()
    assert body["message"].startswith("Rows with errors: 1. Nothing was imported")
    assert [(e["row"], e["column"]) for e in body["errors"]] == [(3, "contacts")]
    assert body["errors"][0]["message"] == "“-15” is negative."
    assert body["extra"]["errors"] == body["errors"]
    assert not TrafficImport.objects.exists()


def test_a_mapping_names_the_columns_and_the_channel_and_length_can_be_given(api, hr_user):
    text = "Dag;Kvarter;Antal;Tid\n2025-03-03;08:00;5;200\n2025-03-03;08:30;6;210\n"
    mapping = json.dumps({"date": "Dag", "start": "Kvarter", "contacts": "Antal", "aht": "Tid"})
    response = post(api.as_user(hr_user), text.encode(), mapping=mapping, channel="email", interval_minutes="15")
    assert response.status_code == 201, response.json()
    assert (response.json()["channels"], response.json()["interval_minutes"]) == (["email"], 15)


def test_a_mapping_that_is_not_json_or_names_no_field_is_refused(api, hr_user):
    client = api.as_user(hr_user)
    assert post(client, SWEDISH.encode(), mapping="{not json").status_code == 400
    response = post(client, SWEDISH.encode(), mapping=json.dumps({"colour": "Kanal"}))
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "row": 1,
        "column": "file",
        "message": "There is no traffic field “colour” to map a column to.",
    }


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 300,
        b"\xff\xfe" + "Datum;Kanal\n\ud800".encode("utf-16-le", "surrogatepass"),
        b'date,start\n2025-03-03,"' + b"y" * 150_000,
        b"Datum;Intervall;Kanal;Erbjudna;AHT\n2025-03-03;08:00;Tele\x00fon;1;60\n",
    ],
    ids=["binary", "utf-16-surrogate", "huge-cell", "nul"],
)
def test_hostile_files_get_a_400_with_a_message(api, hr_user, data):
    response = post(api.as_user(hr_user), data)
    assert response.status_code == 400
    assert response.json()["message"] and response.json()["errors"]
    assert not TrafficImport.objects.exists()


def test_a_file_over_the_limit_is_413(api, hr_user, monkeypatch):
    monkeypatch.setattr(traffic_csv, "MAX_BYTES", 1_000_000)
    response = post(
        api.as_user(hr_user), b"date,start,channel,contacts,aht\n" + b"2025-03-03,08:00,phone,1,60\n" * 40_000
    )
    assert response.status_code == 413
    assert response.json()["message"] == "The file is larger than 1 MB; split it into smaller files."


def test_the_list_shows_the_imports_newest_first_with_what_is_still_in_use(api, manager, hr_user):
    first = traffic_import_make(day_rows(MARCH, opens=8, closes=10), user=hr_user, filename="a.csv")
    second = traffic_import_make(day_rows(MARCH, opens=9, closes=11), user=hr_user, filename="b.csv")
    response = api.as_user(manager).get(IMPORTS)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(r["id"], r["filename"], r["rows"], r["intervals_kept"]) for r in body["results"]] == [
        (second.traffic_import.id, "b.csv", 4, 4),
        (first.traffic_import.id, "a.csv", 4, 2),
    ]
    assert body["results"][0]["imported_by"] == "henrik" and body["results"][0]["channels"] == ["phone"]


def test_outsiders_are_refused(api, client, recruiter, manager, outsider):
    assert client.post(IMPORT).status_code == 401
    assert client.get(IMPORTS).status_code == 401
    for user in (recruiter, outsider):
        client_for_user = api.as_user(user)
        assert post(client_for_user, SWEDISH.encode()).status_code == 403
        assert client_for_user.get(IMPORTS).status_code == 403
    assert post(api.as_user(manager), SWEDISH.encode()).status_code == 403
    assert not TrafficImport.objects.exists()
