"""A lexicon upload that failed or stalled says so and can be tried again from its page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from profiles import services
from profiles.models import LexiconUpload, LexiconVersion

GOOD = '{"markers": [{"language": "sv", "type": "rock", "phrase": "stresstålig"}]}'


@pytest.fixture
def failed(db):
    return LexiconUpload.objects.create(
        filename="sv.json", format="json", content=GOOD, status="failed", error_detail="OSError: disk full", attempts=1
    )


def page(client, upload):
    return client.get(f"/profiles/lexicon/uploads/{upload.id}/").content.decode()


def test_a_failed_upload_says_so_and_shows_a_try_again_button(client, admin_user, failed):
    client.force_login(admin_user)
    body = page(client, failed)
    assert "The import stopped and nothing was imported." in body and "Something went wrong on our side" in body
    assert "OSError" not in body  # the admin's, in the Django admin and the log
    assert "Traceback" not in body
    assert f'action="/profiles/lexicon/uploads/{failed.id}/retry/"' in body and "Try again" in body
    assert "hx-trigger" not in body


def test_try_again_imports_the_file(client, admin_user, failed, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/profiles/lexicon/uploads/{failed.id}/retry/")
    assert response.status_code == 302 and response.url == f"/profiles/lexicon/uploads/{failed.id}/"
    failed.refresh_from_db()
    assert (failed.status, failed.error, failed.error_detail, failed.attempts) == ("done", "", "", 2)
    assert failed.lexicon_version.number == 3  # after the shipped v1 and v2
    assert LexiconVersion.objects.get(number=3).markers.get().phrase == "stresstålig"
    body = page(client, failed)
    assert "Imported as lexicon v3." in body and "Try again" not in body


def test_a_stalled_import_says_so_and_can_be_tried_again(client, admin_user, db, django_capture_on_commit_callbacks):
    upload = LexiconUpload.objects.create(
        filename="sv.json",
        format="json",
        content=GOOD,
        status="running",
        claimed_at=timezone.now() - timedelta(hours=2),
    )
    client.force_login(admin_user)
    body = page(client, upload)
    assert "the worker running it has probably stopped" in body and "Try again" in body
    assert "hx-trigger" not in body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/profiles/lexicon/uploads/{upload.id}/retry/")
    assert LexiconUpload.objects.get(id=upload.id).status == "done"


def test_a_running_import_offers_no_retry_and_refuses_one(client, admin_user, db):
    upload = LexiconUpload.objects.create(
        filename="sv.json", format="json", content=GOOD, status="running", claimed_at=timezone.now()
    )
    client.force_login(admin_user)
    body = page(client, upload)
    assert "Try again" not in body and 'hx-trigger="every 1s"' in body
    response = client.post(f"/profiles/lexicon/uploads/{upload.id}/retry/", follow=True)
    assert "Only a failed or stalled job can be tried again." in response.content.decode()
    assert LexiconUpload.objects.get(id=upload.id).status == "running"


def test_a_refused_file_is_not_retried(client, admin_user, db):
    upload = LexiconUpload.objects.create(
        filename="bad.json", format="json", content="{}", status="failed", errors=["file, markers: expected"]
    )
    client.force_login(admin_user)
    assert "Try again" not in page(client, upload)
    response = client.post(f"/profiles/lexicon/uploads/{upload.id}/retry/", follow=True)
    assert "This file was refused. Fix the rows listed and upload it again." in response.content.decode()
    assert LexiconUpload.objects.get(id=upload.id).status == "failed"


@pytest.mark.parametrize("role", ["recruiter", "manager", "hr"])
def test_only_admins_may_try_again(client, role_users, failed, role):
    client.force_login(role_users[role])
    assert client.post(f"/profiles/lexicon/uploads/{failed.id}/retry/").status_code == 403
    assert LexiconUpload.objects.get(id=failed.id).status == "failed"


def test_anonymous_users_are_sent_to_the_login_page(client, failed):
    response = client.post(f"/profiles/lexicon/uploads/{failed.id}/retry/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_retry_of_an_unknown_upload_is_404_and_get_is_405(client, admin_user, db):
    client.force_login(admin_user)
    assert client.post("/profiles/lexicon/uploads/987/retry/").status_code == 404
    assert client.get("/profiles/lexicon/uploads/987/retry/").status_code == 405


def test_the_service_refuses_a_finished_upload(admin_user, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload = services.lexicon_upload_create(filename="sv.json", raw=GOOD.encode(), user=admin_user)
    upload.refresh_from_db()
    assert upload.status == "done"
    with pytest.raises(services.ApplicationError) as caught:
        services.lexicon_upload_retry(upload=upload)
    assert caught.value.status == 409
