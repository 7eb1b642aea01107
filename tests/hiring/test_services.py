import pytest

from hiring import services
from hiring.models import BulkAnalysis, JobAd, JobAdRevision
from servicefit.core.exceptions import ApplicationError
from tests.hiring.factories import ADVISOR, DA_AD, EN_AD, job_ad_make

EMPATHIC_DA = "Vi søger en servicemindet og hjælpsom medarbejder, der kan smile i telefonen."
MASCULINE_EN = (
    "We want a dominant, competitive and assertive self-starter who leads and decides. "
    "You are driven, ambitious and confident."
)


def suggestion_index(revision: JobAdRevision, kind: str) -> int:
    return next(i for i, s in enumerate(revision.analysis["suggestions"]) if s["kind"] == kind)


def test_an_ad_needs_a_title_and_nothing_is_saved_without_one(recruiter):
    with pytest.raises(ApplicationError) as caught:
        services.job_ad_create(title="   ", text=DA_AD, owner=recruiter)
    assert "title" in caught.value.extra["fields"]
    assert JobAd.objects.count() == 0 and JobAdRevision.objects.count() == 0


def test_revisions_are_numbered_one_after_another(recruiter):
    job_ad = job_ad_make(owner=recruiter)
    second = services.job_ad_revise(job_ad=job_ad, text=DA_AD + " Du er grundig.", user=recruiter)
    third = services.job_ad_revise(job_ad=job_ad, text=DA_AD + " Du er systematisk.", user=recruiter)
    assert (second.number, third.number) == (2, 3)
    assert list(job_ad.revisions.values_list("number", flat=True)) == [3, 2, 1]


def test_a_revision_of_pasted_html_keeps_only_the_text(recruiter):
    job_ad = job_ad_make(owner=recruiter)
    revision = services.job_ad_revise(
        job_ad=job_ad, text="<p>Vi søger en <em>problemløser</em>.</p><script>alert(1)</script>", user=recruiter
    )
    assert revision.text == "Vi søger en problemløser."


def test_saving_the_same_html_again_makes_no_revision(recruiter):
    html = "<p>Vi søger en <b>servicemindet</b> medarbejder.</p><p>Du er en problemløser.</p>"
    job_ad = job_ad_make(owner=recruiter, text=html)
    services.job_ad_revise(job_ad=job_ad, text=html, user=recruiter)
    assert job_ad.revisions.count() == 1


def test_an_add_suggestion_appends_its_sentence_on_a_new_line(recruiter):
    job_ad = job_ad_make(owner=recruiter, text=EMPATHIC_DA, role=ADVISOR)
    first = job_ad.revisions.get()
    index = suggestion_index(first, "add")
    sentence = first.analysis["suggestions"][index]["replacement"]
    revision = services.job_ad_apply_suggestion(job_ad=job_ad, index=index, revision_number=1, user=recruiter)
    assert sentence.startswith("\n")  # the engine's replacement starts the new line itself
    assert revision.text == EMPATHIC_DA + sentence


def test_a_remove_suggestion_cannot_be_applied_automatically(recruiter):
    job_ad = job_ad_make(owner=recruiter, text=MASCULINE_EN, role=ADVISOR)
    first = job_ad.revisions.get()
    index = suggestion_index(first, "remove")
    with pytest.raises(ApplicationError) as caught:
        services.job_ad_apply_suggestion(job_ad=job_ad, index=index, revision_number=1, user=recruiter)
    assert caught.value.status == 400
    assert "your own wording" in caught.value.message
    assert job_ad.revisions.count() == 1


def test_a_bulk_run_is_safe_to_run_twice(recruiter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bulk = services.bulk_analysis_create(
            name="  Forår  ", items=[{"name": "a", "text": DA_AD}, {"name": "b", "text": EN_AD}], user=recruiter
        )
    services.bulk_analysis_run(bulk_analysis_id=bulk.id)
    bulk.refresh_from_db()
    assert bulk.name == "Forår"
    assert (bulk.status, bulk.processed, bulk.total) == (BulkAnalysis.Status.DONE, 2, 2)
    assert bulk.finished_at is not None
    assert all(item.result for item in bulk.items.all())


def test_a_bulk_run_refuses_too_many_ads(recruiter):
    items = [{"name": f"{n}.txt", "text": DA_AD} for n in range(services.MAX_BULK_ITEMS + 1)]
    with pytest.raises(ApplicationError) as caught:
        services.bulk_analysis_create(name="Alt", items=items, user=recruiter)
    assert caught.value.status == 413
    assert not BulkAnalysis.objects.exists()
