"""The traffic pages: the list and coverage, the two-step import, the result and deleting an import."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from staffing import traffic_csv, traffic_files
from staffing.models import TrafficImport, TrafficInterval
from tests.staffing.factories import day_rows, traffic_file, traffic_import_make

MARCH = datetime.date(2025, 3, 3)
DANISH = (
    "Dato;Interval;Kanal;Tilbudte opkald;Besvarede;Gns. behandlingstid\n"
    "03-03-2025;08:00;Telefon;12;11;185,5\n"
    "03-03-2025;08:30;Telefon;15;15;3:10\n"
    "03-03-2025;08:00;Mail;4;4;420\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def hr(client, hr_user):
    client.force_login(hr_user)
    return client


def upload(client, data: bytes, name: str = "acd.csv"):
    return client.post("/staffing/traffic/import/", {"file": SimpleUploadedFile(name, data)})


def pending_files(tmp_path):
    folder = tmp_path / traffic_files.PENDING_DIR
    return sorted(os.listdir(folder)) if folder.exists() else []


def test_it_guesses_the_columns_shows_the_first_rows_and_imports(hr, tmp_path):
    assert upload(hr, DANISH.encode("cp1252")).url == "/staffing/traffic/import/map/"
    assert len(pending_files(tmp_path)) == 1
    page = hr.get("/staffing/traffic/import/map/")
    assert page.context["form"].initial == {
        "column_date": "Dato",
        "column_start": "Interval",
        "column_channel": "Kanal",
        "column_contacts": "Tilbudte opkald",
        "column_aht": "Gns. behandlingstid",
        "aht_unit": "seconds",
    }
    body = page.content.decode()
    assert "acd.csv has 3 rows" in body and "185,5" in body
    response = hr.post("/staffing/traffic/import/map/", {**page.context["form"].initial, "interval_minutes": ""})
    assert response.url == "/staffing/traffic/import/done/"
    done = hr.get(response.url).content.decode()
    assert "Intervals imported" in done and "Intervals replaced" in done
    assert sorted(TrafficInterval.objects.values_list("channel", "contacts", "aht_seconds")) == [
        ("email", 4, 420.0),
        ("phone", 12, 185.5),
        ("phone", 15, 190.0),
    ]
    assert "staffing_traffic_import" not in hr.session and pending_files(tmp_path) == []


def test_a_second_import_says_how_many_intervals_it_replaced(hr):
    traffic_import_make(day_rows(MARCH), user=None)
    upload(hr, traffic_file(day_rows(MARCH, opens=8, closes=10, contacts=30)))
    page = hr.get("/staffing/traffic/import/map/")
    response = hr.post("/staffing/traffic/import/map/", page.context["form"].initial)
    done = hr.get(response.url).content.decode()
    assert "4 intervals already imported for the same channel, date and start were replaced" in done


def test_it_warns_when_the_count_is_of_answered_contacts(hr):
    upload(hr, b"Datum;Intervall;Kanal;Besvarade;AHT\n2025-03-03;08:00;chat;3;300\n")
    page = hr.get("/staffing/traffic/import/map/")
    assert page.context["answered_column"] == "Besvarade"
    assert "sounds like answered contacts" in page.content.decode()


def test_it_lists_the_bad_rows_with_their_numbers_and_imports_nothing(hr):
    text = DANISH.replace("03-03-2025;08:30;Telefon;15", "31-02-2025;08:30;Fax;15")
    upload(hr, text.encode())
    page = hr.get("/staffing/traffic/import/map/")
    response = hr.post("/staffing/traffic/import/map/", page.context["form"].initial)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Rows with errors: 1. Nothing was imported" in body
    assert [(e["row"], e["column_label"]) for e in response.context["errors"]] == [(3, "Date"), (3, "Channel")]
    assert "“31-02-2025” is not a date" in body
    assert not TrafficImport.objects.exists()
    # The file is kept: the mapping can be changed and the import tried again.
    assert hr.get("/staffing/traffic/import/map/").status_code == 200


def test_the_mapping_chosen_on_the_page_is_the_one_used(hr):
    upload(hr, DANISH.encode())
    page = hr.get("/staffing/traffic/import/map/")
    posted = {**page.context["form"].initial, "column_contacts": "Besvarede", "channel_default": ""}
    assert hr.post("/staffing/traffic/import/map/", posted).status_code == 302
    assert sorted(TrafficInterval.objects.values_list("contacts", flat=True)) == [4, 11, 15]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02" * 400, "The file is not a text file"),
        (b"", "The submitted file is empty."),
        (b'date,start\n2025-03-03,"' + b"x" * 140_000 + b'"\n', "could not be read as CSV"),
    ],
    ids=["binary", "empty", "huge-cell"],
)
def test_a_file_it_cannot_read_is_refused_on_the_upload_page(hr, tmp_path, data, message):
    response = upload(hr, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert pending_files(tmp_path) == []


def test_a_file_over_the_limit_is_refused_with_the_limit(hr, monkeypatch):
    monkeypatch.setattr(traffic_csv, "MAX_BYTES", 2_000_000)
    response = upload(hr, b"date,start,channel,contacts,aht\n" + b"2025-03-03,08:00,phone,1,60\n" * 80_000)
    assert "The file is larger than 2 MB" in response.content.decode()


def test_the_mapping_step_without_an_upload_sends_back_to_the_upload(hr):
    response = hr.get("/staffing/traffic/import/map/")
    assert response.url == "/staffing/traffic/import/"
    assert hr.get("/staffing/traffic/import/done/").url == "/staffing/traffic/import/"


def test_an_upload_left_unmapped_is_swept_a_day_later(hr, tmp_path):
    upload(hr, DANISH.encode())
    upload(hr, DANISH.encode())  # the second upload replaces the first
    assert len(pending_files(tmp_path)) == 1
    tomorrow = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1, minutes=1)
    assert traffic_files.pending_sweep(now=tomorrow) == 1
    assert pending_files(tmp_path) == []
    assert hr.get("/staffing/traffic/import/map/").url == "/staffing/traffic/import/"


def test_the_list_shows_each_import_and_each_channels_history(hr, hr_user):
    traffic_import_make(day_rows(MARCH) + day_rows(MARCH, "chat"), user=hr_user, filename="march.csv")
    body = hr.get("/staffing/traffic/").content.decode()
    assert "march.csv" in body and "henrik" in body
    coverage = hr.get("/staffing/traffic/").context["coverage"]
    assert [(c.label, c.days, c.intervals) for c in coverage] == [("Phone", 1, 16), ("Chat", 1, 16)]
    assert "Import traffic" in body and "Delete" in body


def test_the_empty_list_points_to_the_sample_file_and_the_demo_data(hr):
    body = hr.get("/staffing/traffic/").content.decode()
    assert "No traffic yet" in body
    assert "staffing/sample_traffic.csv" in body and "seed_demo" in body


def test_deleting_asks_first_and_then_removes_the_import(hr, hr_user):
    made = traffic_import_make(day_rows(MARCH), user=hr_user, filename="march.csv").traffic_import
    confirm = hr.get(f"/staffing/traffic/imports/{made.id}/delete/")
    assert confirm.status_code == 200 and "march.csv" in confirm.content.decode()
    assert TrafficImport.objects.exists()
    response = hr.post(f"/staffing/traffic/imports/{made.id}/delete/")
    assert response.url == "/staffing/traffic/"
    assert not TrafficImport.objects.exists() and not TrafficInterval.objects.exists()
    assert hr.post(f"/staffing/traffic/imports/{made.id}/delete/").status_code == 404


# Who may do what -----------------------------------------------------------------------------------

PAGES = ["/staffing/traffic/", "/staffing/traffic/import/", "/staffing/traffic/import/map/"]


def test_anonymous_users_are_sent_to_the_login_page(client):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url


def test_a_recruiter_sees_no_traffic(client, recruiter):
    client.force_login(recruiter)
    for url in PAGES:
        assert client.get(url).status_code == 403, url


def test_a_manager_reads_the_traffic_but_cannot_import_or_delete(client, manager):
    made = traffic_import_make(day_rows(MARCH), user=None).traffic_import
    client.force_login(manager)
    page = client.get("/staffing/traffic/")
    assert page.status_code == 200
    assert "Import traffic" not in page.content.decode() and "/delete/" not in page.content.decode()
    assert client.get("/staffing/traffic/import/").status_code == 403
    assert upload(client, DANISH.encode()).status_code == 403
    assert client.post(f"/staffing/traffic/imports/{made.id}/delete/").status_code == 403
    assert TrafficImport.objects.filter(id=made.id).exists()


def test_an_admin_imports_like_hr(client, admin_user):
    client.force_login(admin_user)
    upload(client, DANISH.encode())
    page = client.get("/staffing/traffic/import/map/")
    assert client.post("/staffing/traffic/import/map/", page.context["form"].initial).status_code == 302
    assert TrafficImport.objects.get().uploaded_by == admin_user


def test_the_mapping_step_writes_the_row_count_as_the_readers_language_does(hr):
    # Was "acd.csv har 1600 rækker" in Danish, where the list of imports says "1.600".
    from tests.staffing.factories import days_rows

    upload(hr, traffic_file(days_rows(MARCH, 100)))
    body = hr.get("/staffing/traffic/import/map/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    lead = body.split('class="lead"')[1].split("</p>")[0]
    assert "1.600" in lead and "1600" not in lead
