from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.workforce.tabular_data import hr_csv, hr_rows
from workforce.models import AttritionModel, ModelKind, SnapshotTraining
from workforce.tasks import snapshot_training_uploads_purge_task

pytestmark = pytest.mark.django_db
URL = reverse("workforce:attrition-models")


@pytest.fixture(scope="module")
def table_csv():
    return hr_csv(hr_rows(150))


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    def post(text, **fields):
        data = {"target": "Left", "positive": "Yes", "drop": "", **fields}
        data["file"] = SimpleUploadedFile("hr.csv", text if isinstance(text, bytes) else text.encode(), "text/csv")
        # The training task is enqueued after commit; in tests it runs right there (eager Celery).
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("workforce:attrition-model-train"), data)

    return post


def test_it_trains_from_an_upload_and_shows_the_result(client, upload, hr_user, table_csv):
    client.force_login(hr_user)
    response = upload(table_csv, drop="Noise")
    training = SnapshotTraining.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workforce:attrition-training", args=[training.id])
    assert training.status == "done" and training.data == "" and training.drop == ["Noise"]
    model = training.attrition_model
    assert (model.kind, model.version, model.is_active, model.trained_by) == ("snapshot", 1, True, hr_user)
    page = client.get(response["Location"]).content.decode()
    assert "Snapshot classifier (imported HR table) v1" in page and "ROC AUC" in page and "OverTime" in page
    listing = client.get(URL).content.decode()
    assert "hr.csv: Left" in listing and "henrik" in listing


def test_it_names_the_model_in_words_in_danish(client, upload, hr_user, table_csv):
    client.force_login(hr_user)
    response = upload(table_csv, drop="Noise")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "snapshot v1" not in page
    assert "Øjebliksmodel (importeret HR-tabel) v1" in page


def test_it_shows_why_a_training_failed(client, upload, hr_user, table_csv):
    client.force_login(hr_user)
    response = upload(table_csv, target="Gone")
    training = SnapshotTraining.objects.get()
    assert training.status == "failed"
    assert "There is no column 'Gone'" in training.error
    assert training.data == ""  # the rows are not kept for a retry that would fail the same way
    assert "There is no column" in client.get(response["Location"]).content.decode()
    assert not AttritionModel.objects.exists()


def test_it_says_a_training_stopped_on_an_error_of_ours_without_the_error_itself(
    client, upload, hr_user, table_csv, monkeypatch
):
    from workforce import snapshot_trainings

    def broken(**kwargs):
        raise MemoryError("sklearn/linear_model/_logistic.py ran out")

    monkeypatch.setattr(snapshot_trainings, "snapshot_train", broken)
    client.force_login(hr_user)
    response = upload(table_csv)
    training = SnapshotTraining.objects.get()
    assert (training.status, training.error, training.error_detail) == (
        "failed",
        "",
        "MemoryError: sklearn/linear_model/_logistic.py ran out",
    )
    page = client.get(response["Location"]).content.decode()
    assert "The training stopped. Something went wrong on our side" in page and "MemoryError" not in page
    retry = reverse("workforce:attrition-training-retry", args=[training.id])
    assert f'action="{retry}"' in page  # the table is kept: an error of ours may not happen twice


def test_it_refuses_a_file_that_is_not_utf8_on_the_form(client, upload, hr_user):
    client.force_login(hr_user)
    response = upload("Afdeling,Left\nKøbenhavn,Yes\n".encode("latin-1"))
    assert response.status_code == 400
    assert "not UTF-8" in response.content.decode()
    assert not SnapshotTraining.objects.exists()


def test_it_puts_an_older_version_back_in_use(client, upload, admin_user, table_csv):
    client.force_login(admin_user)
    upload(table_csv)
    upload(table_csv, drop="Department")
    first = AttritionModel.objects.get(kind=ModelKind.SNAPSHOT, version=1)
    response = client.post(reverse("workforce:attrition-model-use", args=[first.id]))
    assert response.status_code == 302
    assert list(AttritionModel.objects.filter(is_active=True).values_list("version", flat=True)) == [1]
    assert "Use this version" in client.get(URL).content.decode()


def test_it_is_closed_to_managers_and_recruiters(client, manager, recruiter):
    for user in (manager, recruiter):
        client.force_login(user)
        assert client.get(URL).status_code == 403


def test_it_lists_the_hazard_models_too(client, hr_user):
    from workforce.attrition_models import attrition_model_save

    for concordance in (0.71, 0.74):
        attrition_model_save(
            kind=ModelKind.HAZARD,
            schema=[{"name": "tenure_months", "kind": "numeric"}],
            parameters={},
            metrics={"concordance": concordance},
            n_rows=900,
            positives=80,
            source="agents",
            horizon_months=6,
        )
    client.force_login(hr_user)
    page = client.get(URL).content.decode()
    assert "concordance 0.740" in page and "concordance 0.710" in page
    assert page.count("Use this version") == 1


def test_it_empties_an_unfinished_uploads_table_after_a_week_and_then_asks_for_it_again(client, hr_user, table_csv):
    # A job that crashed keeps its table for a retry (only refused input empties it at once).
    crashed = SnapshotTraining.objects.create(
        file_name="hr.csv", data=table_csv, target="Left", positive="Yes", status="failed", created_by=hr_user
    )
    recent = SnapshotTraining.objects.create(
        file_name="hr2.csv", data=table_csv, target="Left", positive="Yes", status="failed", created_by=hr_user
    )
    SnapshotTraining.objects.filter(id=crashed.id).update(updated_at=timezone.now() - timedelta(days=8))

    assert snapshot_training_uploads_purge_task() == 1

    crashed.refresh_from_db()
    recent.refresh_from_db()
    assert (crashed.data, recent.data) == ("", table_csv)
    client.force_login(hr_user)
    response = client.post(reverse("workforce:attrition-training-retry", args=[crashed.id]), follow=True)
    assert "The uploaded table is no longer kept: upload it again." in response.content.decode()
    crashed.refresh_from_db()
    assert crashed.status == "failed"
