import pytest

from profiles import services
from profiles.analysis.classifier import SentenceClassifier, sentence_words
from profiles.models import ClassifierModel, SentenceLabel

SENTENCE = "Du sørger for, at kunden går fra samtalen med en plan."


@pytest.fixture
def quick_cv(monkeypatch):
    """Cross-validation costs seconds per language; these tests check the bookkeeping around it."""
    monkeypatch.setattr(services, "cross_validated_macro_f1", lambda rows: {"da": 0.71234})


def test_a_fresh_install_has_classifier_v1_trained_on_the_shipped_corpus(db):
    model = ClassifierModel.objects.get()
    assert (model.version, model.corrections) == (1, 0)
    assert model.sentences >= 800
    assert set(SentenceClassifier.loads(bytes(model.blob)).models) == {"en", "da", "nb", "sv"}


def test_retraining_learns_a_correction_and_makes_a_new_version(db, recruiter, quick_cv):
    for _ in range(3):  # the latest correction of a sentence wins; it is one row
        services.sentence_label_save(language="da", text=SENTENCE, label="controller", user=recruiter)
    label = SentenceLabel.objects.get()
    model = services.classifier_train(user=recruiter)
    assert (model.version, model.corrections, model.macro_f1) == (2, 1, {"da": 0.712})
    label.refresh_from_db()
    assert label.used_in == model
    [probabilities] = SentenceClassifier.loads(bytes(model.blob)).predict([sentence_words(SENTENCE, "da")], "da")
    assert max(probabilities, key=probabilities.get) == "controller"


def test_the_nightly_job_retrains_only_when_there_are_new_corrections(db, recruiter, quick_cv):
    assert services.classifier_retrain_if_needed() is None
    services.sentence_label_save(language="sv", text="Du leder samtalen framåt.", label="controller", user=recruiter)
    assert services.classifier_retrain_if_needed().version == 2
    assert services.classifier_retrain_if_needed() is None


def test_an_empty_sentence_is_refused(db, recruiter):
    from servicefit.core.exceptions import ApplicationError

    with pytest.raises(ApplicationError, match="empty"):
        services.sentence_label_save(language="da", text="   ", label="rock", user=recruiter)


def test_hr_starts_retraining_through_the_api(api, hr_user, quick_cv, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(hr_user).post("/api/classifier-versions/")
    assert response.status_code == 202
    versions = api.as_user(hr_user).get("/api/classifier-versions/").json()["results"]
    assert [v["version"] for v in versions] == [2, 1]


def test_the_classifier_page_lists_versions_and_corrections(client, hr_user, recruiter):
    services.sentence_label_save(language="da", text=SENTENCE, label="controller", user=recruiter)
    client.force_login(hr_user)
    body = client.get("/profiles/classifier/").content.decode()
    assert "m1" in body and SENTENCE in body
    assert "Retrain now" in body
