"""A fit computed from competency scores that still wait for written answers to be reviewed says it
is provisional where the ranking shows it, and stops saying so once they are reviewed."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from assessments import services
from assessments.models import Answer, Item

from .test_results_page import requisition, taken_for  # noqa: F401 (requisition is a fixture)

PROVISIONAL = "Provisional: 2 written answers are not reviewed yet, so this fit may change once they are."


@pytest.fixture
def ranked(client, battery, recruiter, requisition):  # noqa: F811
    client.force_login(recruiter)
    return taken_for(requisition, battery, recruiter)


def test_the_ranking_calls_a_fit_with_unreviewed_written_answers_provisional(client, ranked, requisition):  # noqa: F811
    assertContains(client.get(f"/hiring/requisitions/{requisition.id}/ranking/"), PROVISIONAL)


def test_the_mark_goes_once_every_written_answer_is_reviewed(
    client,
    ranked,
    requisition,
    recruiter,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):  # the fit is refreshed when the attempt is re-scored
        for answer in Answer.objects.filter(attempt=ranked, item__kind=Item.Kind.TEXT).select_related("item"):
            scores = dict.fromkeys(map(str, range(len(answer.item.rubric["en"]))), 2)
            services.review_save(answer=answer, scores=scores, reviewer=recruiter)
    response = client.get(f"/hiring/requisitions/{requisition.id}/ranking/")
    assertNotContains(response, "Provisional:")
    assertContains(response, "Kandidat")
