"""Norm statistics are precomputed: kept current on submit and re-scoring, rebuilt after erasure,
and read by a result page in a fixed number of queries whatever the size of the group."""

import random
from statistics import NormalDist, mean, stdev

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from scipy.stats import percentileofscore

from assessments import norms, psychometrics, selectors, services
from assessments.models import Answer, AttemptResult, Item, NormStatistic, NormTable

from . import factories


@pytest.fixture
def items(battery):
    return factories.items_of(battery)


def level_attempt(battery, items, level: int, number: int):
    return factories.submitted_attempt(battery, number=number, likert=factories.keyed(level), items=items)


def statistic(battery, scale: str) -> NormStatistic:
    return NormStatistic.objects.get(assessment=battery, scale=scale)


# The pure maths -----------------------------------------------------------------------------------


def test_it_ranks_like_scipy_mean_kind_on_scores_with_ties():
    rng = random.Random(7)
    scores = [round(rng.choice([1, 1.5, 2, 2.333, 3, 3.667, 4, 4.5, 5]), 3) for _ in range(500)]
    histogram: norms.Histogram = {}
    for score in scores:
        histogram = norms.histogram_changed(histogram, add=score)
    for value in [0.5, 1, 2.333, 3, 3.2, 4.5, 5, 6]:
        expected = percentileofscore(scores, value, kind="mean")
        assert norms.percentile_rank(value, histogram) == pytest.approx(expected, abs=1e-9)
        assert norms.percentile_rank(value, histogram) == pytest.approx(psychometrics.percentile_rank(value, scores))


def test_it_ranks_a_small_group_as_computed_by_hand():
    # Group 2, 3, 3, 4: below 3 one score, equal two → (1 + 2/2) / 4 = 50 %; 4: (3 + ½) / 4 = 87.5 %.
    histogram = {"2.0": 1, "3.0": 2, "4.0": 1}
    assert norms.percentile_rank(3, histogram) == 50.0
    assert norms.percentile_rank(4, histogram) == 87.5
    assert norms.percentile_rank(1, histogram) == 0.0


def test_its_mean_and_sd_match_the_statistics_module():
    rng = random.Random(3)
    scores = [round(rng.uniform(0, 100), 1) for _ in range(300)]
    histogram: norms.Histogram = {}
    for score in scores:
        histogram = norms.histogram_changed(histogram, add=score)
    n, group_mean, sd = norms.summary(histogram)
    assert n == 300
    assert group_mean == pytest.approx(mean(scores), rel=1e-12)
    assert sd == pytest.approx(stdev(scores), rel=1e-12)


def test_it_leaves_the_sd_undefined_for_one_score_and_everything_for_none():
    assert norms.summary({"4.0": 1}) == (1, 4.0, None)
    assert norms.summary({}) == (0, None, None)


def test_it_refuses_to_remove_a_score_that_is_not_counted():
    with pytest.raises(ValueError):
        norms.histogram_changed({"4.0": 1}, remove=3.0)


def test_an_imported_norm_uses_the_normal_distribution():
    assert norms.normal_percentile(4, 3, 0.5) == pytest.approx(100 * NormalDist(3, 0.5).cdf(4))
    assert norms.normal_percentile(4, 3, 0.5) == pytest.approx(97.725, abs=1e-3)  # Φ(2) from a table


# Kept current -------------------------------------------------------------------------------------


def test_each_submission_adds_its_scores_to_the_statistics(battery, items):
    for level in (2, 3, 4):
        level_attempt(battery, items, level, number=level)
    controller = statistic(battery, "controller")
    # Hand-computed: 2, 3, 4 → mean 3, sd √(((−1)² + 0 + 1²) / 2) = 1.
    assert (controller.n, controller.mean, controller.sd) == (3, 3.0, 1.0)
    assert controller.histogram == {"2.0": 1, "3.0": 1, "4.0": 1}


def test_an_unsubmitted_attempt_is_not_counted(battery, items):
    level_attempt(battery, items, 4, number=1)
    unfinished = factories.invitation(battery, number=2)
    services.attempt_start(invitation=unfinished, consent=True)
    factories.answer_all(unfinished, items, factories.keyed(2))
    assert statistic(battery, "controller").n == 1


def test_a_provisional_competency_joins_the_group_once_its_written_answers_are_reviewed(battery, items, hr_user):
    attempt = level_attempt(battery, items, 4, number=1)
    written = list(Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT, item__rubric__has_key="en"))
    competency = written[0].item.scale
    before = AttemptResult.objects.get(attempt=attempt).competency_scores[competency]  # the situations' points only
    assert not NormStatistic.objects.filter(assessment=battery, scale=competency).exists()
    for number, text in enumerate(written, start=1):
        services.review_save(
            answer=text, scores=dict.fromkeys(map(str, range(len(text.item.rubric["en"]))), 3), reviewer=hr_user
        )
        # Still provisional while another written answer waits: the group does not see it yet.
        assert NormStatistic.objects.filter(assessment=battery, scale=competency).exists() == (number == len(written))
    after = AttemptResult.objects.get(attempt=attempt).competency_scores[competency]
    assert after != before
    row = statistic(battery, competency)
    assert row.n == 1
    assert row.histogram == {repr(float(after)): 1}
    call_command("norms_rebuild", battery.slug)  # a recount agrees
    assert statistic(battery, competency).histogram == {repr(float(after)): 1}


def test_erasing_a_candidate_keeps_their_anonymous_scores_in_the_group(battery, items, api, hr_user):
    # Erasure leaves an anonymous placeholder with the closed answers and scores (see
    # assessments/personal_data.py), so the norms others are compared with do not shift.
    low = level_attempt(battery, items, 2, number=2)
    level_attempt(battery, items, 4, number=4)
    response = api.as_user(hr_user).delete(f"/api/invitations/{low.invitation_id}/")
    assert response.status_code == 204
    controller = statistic(battery, "controller")
    assert controller.n == 2
    assert controller.histogram == {"2.0": 1, "4.0": 1}
    call_command("norms_rebuild", battery.slug)
    assert statistic(battery, "controller").histogram == {"2.0": 1, "4.0": 1}


def test_the_rebuild_command_repairs_drifted_statistics(battery, items):
    for level in (2, 3, 4):
        level_attempt(battery, items, level, number=level)
    expected = {row.scale: (row.n, row.mean, row.sd, row.histogram) for row in NormStatistic.objects.all()}
    NormStatistic.objects.filter(scale="controller").update(n=99, histogram={"1.0": 99}, mean=1, sd=0)
    NormStatistic.objects.filter(scale="rock").delete()
    call_command("norms_rebuild", battery.slug)
    rebuilt = {row.scale: (row.n, row.mean, row.sd, row.histogram) for row in NormStatistic.objects.all()}
    assert rebuilt == expected


def test_the_rebuild_command_refuses_an_unknown_assessment(db):
    with pytest.raises(Exception, match="No such assessment: nope"):
        call_command("norms_rebuild", "nope")


# Read in constant queries -------------------------------------------------------------------------


def bulk_results(battery, count: int, start: int) -> None:
    """Many completed attempts at once, as rows, then the statistics recounted."""
    factories.bulk_submitted(battery, count=count, start=start)
    services.norm_statistics_rebuild(assessment=battery)


def result_queries(api, hr_user, attempt_id) -> list[str]:
    client = api.as_user(hr_user)
    client.get(f"/api/attempts/{attempt_id}/result/")  # warm the token lookup's caches alike
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/attempts/{attempt_id}/result/")
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_result_api_reads_no_other_result_and_its_query_count_does_not_grow(battery, items, api, hr_user):
    high = level_attempt(battery, items, 4, number=1)
    level_attempt(battery, items, 2, number=2)
    few = result_queries(api, hr_user, high.id)
    bulk_results(battery, 25, start=10)
    many = result_queries(api, hr_user, high.id)
    assert len(many) == len(few)
    # Only the attempt's own result is read, joined to the attempt: never the group's.
    assert [
        sql for sql in many if "assessments_attemptresult" in sql and 'assessments_attempt"."id" =' not in sql
    ] == []
    assert sum("assessments_attemptresult" in sql for sql in many) == 1
    assert selectors.attempt_result(attempt=high)["norm_group_size"] == 27


def test_the_staff_page_query_count_does_not_grow(client, battery, items, recruiter):
    high = level_attempt(battery, items, 4, number=1)
    level_attempt(battery, items, 2, number=2)
    client.force_login(recruiter)
    url = f"/assessments/invitations/{high.invitation_id}/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    bulk_results(battery, 25, start=10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_an_imported_norm_still_wins_over_the_group(battery, items):
    NormTable.objects.create(assessment=battery, scale="controller", mean=3, sd=0.5, n=1200)
    level_attempt(battery, items, 2, number=2)
    high = level_attempt(battery, items, 4, number=4)
    result = selectors.attempt_result(attempt=high)
    assert result["percentiles"]["controller"] == 97.7  # Φ(2), not the group's 75.0
    assert result["percentiles"]["rock"] == 75.0


# Importing a norm in the admin --------------------------------------------------------------------

NORM_ADD = "/admin/assessments/normtable/add/"


def norm_form(battery, **fields):
    form = {"assessment": battery.id, "scale": "controller", "mean": "3", "sd": "0.5", "n": "1200", "source": ""}
    return form | fields


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"sd": "0"}, "The standard deviation must be greater than 0."),
        ({"sd": "-1"}, "The standard deviation must be greater than 0."),
        ({"scale": "Controller"}, "Select a valid choice."),  # codes are lower case: it would never apply
        ({"scale": "nope"}, "Select a valid choice."),
        ({"n": "1"}, "greater than or equal to 2"),  # no standard deviation from one person
    ],
)
def test_a_norm_that_could_not_apply_is_refused_in_words_and_not_saved(client, admin_user, battery, fields, message):
    client.force_login(admin_user)
    response = client.post(NORM_ADD, norm_form(battery, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "norm_sd_positive" not in response.content.decode()
    assert not NormTable.objects.exists()


def test_the_norm_form_offers_the_scales_by_name_and_saves_a_good_norm(client, admin_user, battery):
    client.force_login(admin_user)
    page = client.get(NORM_ADD).content.decode()
    assert '<option value="hard_worker">Hard Worker</option>' in page
    assert '<option value="written_communication">Written communication</option>' in page
    assert client.post(NORM_ADD, norm_form(battery)).status_code == 302
    assert NormTable.objects.get().scale == "controller"


def test_the_norm_form_speaks_danish_to_a_danish_admin(client, admin_user, battery, settings):
    client.force_login(admin_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    NormTable.objects.create(assessment=battery, scale="controller", mean=3, sd=0.5, n=1200)
    page = client.post(NORM_ADD, norm_form(battery)).content.decode()
    assert "Norm med dette Vurdering og Skala eksisterer allerede." in page  # Django's own Danish sentence
    assert ">Vurdering:</label>" in page
    assert "Assessment" not in page
