import pytest

from profiles import services
from profiles.analysis.classifier import SentenceClassifier, sentence_words
from profiles.models import ClassifierModel, SentenceLabel
from profiles.tasks import classifier_retrain_task
from servicefit.core.locks import cache_lock

SENTENCE = "Du sørger for, at kunden går fra samtalen med en plan."


@pytest.fixture
def quick_cv(monkeypatch):
    """Cross-validation costs seconds per language; these tests check the bookkeeping around it."""
    monkeypatch.setattr(services, "cross_validated_macro_f1", lambda rows: {"da": 0.71234})


def test_a_fresh_install_has_classifier_v1_trained_on_the_shipped_corpus(db):
    model = ClassifierModel.objects.get(version=1)
    assert (model.version, model.corrections) == (1, 0)
    assert model.sentences >= 800
    assert set(SentenceClassifier.loads(bytes(model.blob)).models) == {"en", "da", "nb", "sv"}


def test_retraining_learns_a_correction_and_makes_a_new_version(db, recruiter, quick_cv):
    for _ in range(3):  # the latest correction of a sentence wins; it is one row
        services.sentence_label_save(language="da", text=SENTENCE, label="controller", user=recruiter)
    label = SentenceLabel.objects.get()
    # A fresh install has v1 and v2 (real-ad sentences); retraining makes m3 from the shipped
    # sentences and the corrections (the real sentences are not shipped).
    model = services.classifier_train(user=recruiter)
    assert (model.version, model.corrections, model.macro_f1) == (3, 1, {"da": 0.712})
    label.refresh_from_db()
    assert label.used_in == model
    [probabilities] = SentenceClassifier.loads(bytes(model.blob)).predict([sentence_words(SENTENCE, "da")], "da")
    assert max(probabilities, key=probabilities.get) == "controller"


def test_the_nightly_job_retrains_only_when_there_are_new_corrections(db, recruiter, quick_cv):
    assert services.classifier_retrain_if_needed() is None
    services.sentence_label_save(language="sv", text="Du leder samtalen framåt.", label="controller", user=recruiter)
    assert services.classifier_retrain_if_needed().version == 3
    assert services.classifier_retrain_if_needed() is None


def test_an_empty_sentence_is_refused(db, recruiter):
    from servicefit.core.exceptions import ApplicationError

    with pytest.raises(ApplicationError, match="empty"):
        services.sentence_label_save(language="da", text="   ", label="rock", user=recruiter)


def test_without_a_broker_hr_retrains_through_the_api_and_gets_the_new_version(api, hr_user, quick_cv):
    response = api.as_user(hr_user).post("/api/classifier-versions/")
    assert response.status_code == 201
    assert (response.json()["version"], response.json()["label"]) == (3, "m3")
    versions = api.as_user(hr_user).get("/api/classifier-versions/").json()["results"]
    assert [v["version"] for v in versions] == [3, 2, 1]


def test_without_a_broker_a_second_concurrent_retraining_is_refused_with_409(api, hr_user, quick_cv):
    # Another web worker is training: it holds the lock in the shared cache.
    with cache_lock("profiles:classifier-training", timeout=60) as acquired:
        assert acquired
        response = api.as_user(hr_user).post("/api/classifier-versions/")
    assert response.status_code == 409
    assert "already being retrained" in response.json()["message"]
    assert ClassifierModel.objects.count() == 2
    # Once that training has finished, the next one runs.
    assert api.as_user(hr_user).post("/api/classifier-versions/").status_code == 201


def test_without_a_broker_the_page_says_a_retraining_is_already_running(client, hr_user, quick_cv):
    client.force_login(hr_user)
    with cache_lock("profiles:classifier-training", timeout=60):
        body = client.post("/profiles/classifier/retrain/", follow=True).content.decode()
    assert "The classifier is already being retrained." in body
    assert ClassifierModel.objects.count() == 2
    body = client.post("/profiles/classifier/retrain/", follow=True).content.decode()
    assert "The classifier has been retrained: m3." in body


def test_a_training_that_fails_releases_the_lock(api, hr_user, monkeypatch):
    def broken(rows):
        raise MemoryError("worker ran out of memory")

    monkeypatch.setattr(services, "cross_validated_macro_f1", broken)
    with pytest.raises(MemoryError):
        services.classifier_retrain_request(user=hr_user)
    with cache_lock("profiles:classifier-training", timeout=60) as acquired:
        assert acquired


def test_with_a_broker_retraining_is_queued_for_the_worker(
    api, hr_user, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queued = []
    monkeypatch.setattr(classifier_retrain_task, "delay", lambda *args: queued.append(args))
    # A lock held in the web tier does not matter: the worker's queue runs trainings one by one.
    with cache_lock("profiles:classifier-training", timeout=60), django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(hr_user).post("/api/classifier-versions/")
    assert response.status_code == 202
    assert queued == [(hr_user.id,)]
    assert ClassifierModel.objects.count() == 2


def test_the_classifier_page_lists_versions_and_corrections(client, hr_user, recruiter):
    services.sentence_label_save(language="da", text=SENTENCE, label="controller", user=recruiter)
    client.force_login(hr_user)
    body = client.get("/profiles/classifier/").content.decode()
    assert "m1" in body and SENTENCE in body
    assert "Retrain now" in body
