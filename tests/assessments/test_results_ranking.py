"""A fit computed from competency scores that still wait for written answers to be reviewed says it
is provisional where the ranking shows it, and stops saying so once they are reviewed."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from assessments import services
from assessments.models import Answer, Item

from .test_results_page import requisition_make, taken_for

PROVISIONAL = "Provisional: 2 written answers are not reviewed yet, so this fit may change once they are."


@pytest.fixture
def ranked(client, battery, recruiter):
    """The ranking page of a requisition and the submitted attempt of its one candidate."""
    client.force_login(recruiter)
    requisition = requisition_make(recruiter)
    return f"/hiring/requisitions/{requisition.id}/ranking/", taken_for(requisition, battery, recruiter)


def test_the_ranking_calls_a_fit_with_unreviewed_written_answers_provisional(client, ranked):
    url, _attempt = ranked
    assertContains(client.get(url), PROVISIONAL)


def test_the_mark_goes_once_every_written_answer_is_reviewed(
    client, ranked, recruiter, django_capture_on_commit_callbacks
):
    url, attempt = ranked
    with django_capture_on_commit_callbacks(execute=True):  # the fit is refreshed when the attempt is re-scored
        for answer in Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT).select_related("item"):
            scores = dict.fromkeys(map(str, range(len(answer.item.rubric["en"]))), 2)
            services.review_save(answer=answer, scores=scores, reviewer=recruiter)
    response = client.get(url)
    assertNotContains(response, "Provisional:")
    assertContains(response, "Kandidat")
