"""Written answers start as "not reviewed", never as 0: what the scores, the norms, the export and the
API say until a reviewer has scored every criterion of an answer's rubric."""

import importlib

import pytest
from django.apps import apps

from assessments import selectors, services
from assessments.models import Answer, AttemptResult, Item, NormStatistic, ReviewerScore
from assessments.personal_data import invitation_export
from assessments.scoring import ItemKey, score

from . import factories

WRITTEN = "written_communication"


@pytest.fixture
def submitted(battery):
    return factories.submitted_attempt(battery, number=1)


def written(attempt) -> list[Answer]:
    return list(
        Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT).select_related("item").order_by("item__order")
    )


def all_criteria(answer: Answer, value) -> dict:
    return dict.fromkeys(map(str, range(len(answer.item.rubric["en"]))), value)


def result_of(attempt) -> AttemptResult:
    return AttemptResult.objects.get(attempt=attempt)


# The pure scoring ---------------------------------------------------------------------------------

TEXT = ItemKey(1, "text", WRITTEN, criteria=3)
SJT = ItemKey(2, "sjt", options={21: ("", False, {WRITTEN: 2}), 22: ("", False, {WRITTEN: 0})})


def test_an_answer_scored_on_some_criteria_only_is_not_counted_and_keeps_its_competency_provisional():
    # The situation alone: 2 of 2 points = 100. A half-scored answer adds nothing (not 0 of 9).
    result = score([TEXT, SJT], {1: "Hej", 2: 21}, [], reviews={1: [3, None, None]})
    assert result.competency_scores == {WRITTEN: 100.0}
    assert (result.not_reviewed, result.provisional) == (1, [WRITTEN])


def test_a_fully_scored_answer_counts_with_its_zeros():
    # 2 (situation) + 0 + 1 + 0 (the answer's three criteria) of 2 + 9 possible = 27.3.
    result = score([TEXT, SJT], {1: "Hej", 2: 21}, [], reviews={1: [0, 1, 0]})
    assert result.competency_scores == {WRITTEN: 27.3}
    assert (result.not_reviewed, result.provisional) == (0, [])


def test_an_unanswered_written_question_waits_for_no_review():
    result = score([TEXT, SJT], {2: 22}, [])
    assert (result.not_reviewed, result.provisional) == (0, [])


# The service --------------------------------------------------------------------------------------


def test_a_submitted_attempt_starts_with_its_written_answers_not_reviewed(submitted):
    result = result_of(submitted)
    assert result.written_not_reviewed == 2
    assert result.provisional_scales == [WRITTEN]
    assert not ReviewerScore.objects.exists()


def test_a_partial_review_is_kept_with_nulls_and_changes_no_score(submitted, hr_user):
    first = written(submitted)[0]
    before = result_of(submitted).competency_scores[WRITTEN]
    scores = all_criteria(first, None) | {"0": 3, "1": 0}
    review = services.review_save(answer=first, scores=scores, reviewer=hr_user)
    stored = ReviewerScore.objects.get(answer=first)
    assert stored.scores == {"0": 3, "1": 0, "2": None, "3": None, "4": None}
    assert review.reviewed_at is None and stored.reviewed_at is None
    assert result_of(submitted).competency_scores[WRITTEN] == before
    assert result_of(submitted).written_not_reviewed == 2


def test_scoring_every_criterion_completes_the_review_and_the_score(submitted, hr_user):
    first, second = written(submitted)
    services.review_save(answer=first, scores=all_criteria(first, 0), reviewer=hr_user)
    assert ReviewerScore.objects.get(answer=first).reviewed_at is not None
    assert (result_of(submitted).written_not_reviewed, result_of(submitted).provisional_scales) == (1, [WRITTEN])
    services.review_save(answer=second, scores=all_criteria(second, 3), reviewer=hr_user)
    assert (result_of(submitted).written_not_reviewed, result_of(submitted).provisional_scales) == (0, [])


def test_clearing_every_criterion_makes_the_answer_not_reviewed_again(submitted, hr_user):
    first = written(submitted)[0]
    services.review_save(answer=first, scores=all_criteria(first, 2), reviewer=hr_user)
    assert services.review_save(answer=first, scores=all_criteria(first, None), reviewer=hr_user) is None
    assert not ReviewerScore.objects.exists()
    assert result_of(submitted).written_not_reviewed == 2


# Norms, export, API -------------------------------------------------------------------------------


def test_a_provisional_score_stays_out_of_the_norm_group(battery, hr_user):
    unreviewed = factories.submitted_attempt(battery, number=1)
    reviewed = factories.submitted_attempt(battery, number=2)
    for answer in written(reviewed):
        services.review_save(answer=answer, scores=all_criteria(answer, 3), reviewer=hr_user)
    row = NormStatistic.objects.get(assessment=battery, scale=WRITTEN)
    # Only the reviewed attempt's final score; the other's situation-only score is not in the group.
    assert row.histogram == {repr(float(result_of(reviewed).competency_scores[WRITTEN])): 1}
    assert NormStatistic.objects.get(assessment=battery, scale="controller").n == 2
    services.norm_statistics_rebuild(assessment=battery)
    assert NormStatistic.objects.get(assessment=battery, scale=WRITTEN).n == 1
    assert result_of(unreviewed).competency_scores[WRITTEN] is not None


def test_the_export_shows_a_criterion_not_scored_as_null(submitted, hr_user):
    first = written(submitted)[0]
    services.review_save(answer=first, scores=all_criteria(first, None) | {"2": 1}, reviewer=hr_user)
    data = invitation_export(invitation=submitted.invitation, user=hr_user)
    reviews = [answer["review"] for answer in data["answers"] if answer["kind"] == "text"]
    assert reviews[0]["scores"] == {"0": None, "1": None, "2": 1, "3": None, "4": None}
    assert reviews[0]["reviewed_at"] is None
    assert reviews[1] is None
    assert (data["result"]["written_not_reviewed"], data["result"]["provisional_scales"]) == (2, [WRITTEN])


def test_the_result_api_says_how_many_written_answers_wait(api, recruiter, submitted):
    body = api.as_user(recruiter).get(f"/api/attempts/{submitted.id}/result/").json()
    assert (body["written_not_reviewed"], body["provisional_scales"]) == (2, [WRITTEN])


def test_the_to_review_list_holds_only_answers_not_fully_scored_in_the_users_teams(
    battery, hr_user, recruiter, other_team_users
):
    attempt = factories.submitted_attempt(battery, number=1, user=recruiter)
    first, second = written(attempt)
    services.review_save(answer=first, scores=all_criteria(first, 2), reviewer=hr_user)
    services.review_save(answer=second, scores=all_criteria(second, None) | {"0": 1}, reviewer=hr_user)
    assert list(selectors.written_answers_awaiting_review(user=recruiter)) == [second]
    assert not selectors.written_answers_awaiting_review(user=other_team_users["recruiter"]).exists()


# The migration that introduced "not reviewed" ------------------------------------------------------


def test_the_migration_marks_complete_reviews_and_counts_what_waits(battery, hr_user):
    attempt = factories.submitted_attempt(battery, number=1)
    first, second = written(attempt)
    services.review_save(answer=first, scores=all_criteria(first, 2), reviewer=hr_user)
    services.review_save(answer=second, scores=all_criteria(second, None) | {"0": 1}, reviewer=hr_user)
    # As an installation upgraded from before: no review marked complete, no result knowing what waits,
    # and the provisional score still in the norm group.
    ReviewerScore.objects.update(reviewed_at=None)
    AttemptResult.objects.update(written_not_reviewed=0, provisional_scales=[])
    services.norm_statistics_rebuild(assessment=battery)
    assert NormStatistic.objects.filter(assessment=battery, scale=WRITTEN).exists()

    migration = importlib.import_module("assessments.migrations.0007_written_answers_start_not_reviewed")
    migration.reviews_and_results_backfilled(apps, None)

    complete = ReviewerScore.objects.get(answer=first)
    assert complete.reviewed_at == complete.updated_at
    assert ReviewerScore.objects.get(answer=second).reviewed_at is None  # a criterion still null
    assert (result_of(attempt).written_not_reviewed, result_of(attempt).provisional_scales) == (1, [WRITTEN])
    assert not NormStatistic.objects.filter(assessment=battery, scale=WRITTEN).exists()
    assert NormStatistic.objects.get(assessment=battery, scale="controller").n == 1
