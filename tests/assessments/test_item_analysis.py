"""Item analysis over submitted attempts: the stored report, its API and its page."""

import html
import math

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from assessments import services
from assessments.models import Answer, Item, PsychometricReport
from assessments.psychometrics import alpha_if_item_deleted, cronbach_alpha, item_rest_correlations
from tests.i18n.pending import pending_translations

from . import factories

N_ATTEMPTS = 4
URL = "/api/assessments/service-profile-standard/psychometrics/"


@pytest.fixture
def attempts(battery):
    items = factories.items_of(battery)
    return [
        factories.submitted_attempt(battery, number=n, likert=factories.noisy(seed=n), items=items)
        for n in range(N_ATTEMPTS)
    ]


def keyed_matrix(attempts, items: list[Item]) -> list[list[float]]:
    """The answers as stored, one row per attempt, reverse-keyed items mirrored (6 − answer)."""
    stored = {(a.attempt_id, a.item_id): a.value for a in Answer.objects.filter(item__in=items)}
    return [
        [6 - stored[(attempt.id, item.id)] if item.reverse else stored[(attempt.id, item.id)] for item in items]
        for attempt in attempts
    ]


def controller_items(battery) -> list[Item]:
    return list(Item.objects.filter(section__assessment=battery, kind=Item.Kind.LIKERT, scale="controller"))


def test_the_report_has_reliability_per_scale_and_statistics_per_item(battery, attempts):
    report = services.psychometrics_compute(assessment_id=battery.id)
    assert report.n_attempts == N_ATTEMPTS
    scales = report.data["scales"]
    types = {"accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock"}
    # The situations and the multiple-choice questions are scales of their own, next to the seven types.
    assert set(scales) == types | {"sjt", "mcq"}
    for scale in types:
        summary = scales[scale]
        assert summary["n_items"] == 6 and summary["n_attempts"] == N_ATTEMPTS and summary["n_complete"] == N_ATTEMPTS
        assert {"alpha", "omega", "sem"} <= set(summary)
    assert (scales["sjt"]["n_items"], scales["mcq"]["n_items"]) == (12, 4)
    rows = {row["id"]: row for row in report.data["items"]}
    likert = Item.objects.filter(section__assessment=battery, kind=Item.Kind.LIKERT)
    sjt = Item.objects.filter(section__assessment=battery, kind=Item.Kind.SJT)
    mcq = Item.objects.filter(section__assessment=battery, kind=Item.Kind.MCQ)
    assert set(rows) == {i.id for i in likert} | {i.id for i in sjt} | {i.id for i in mcq}
    for row in rows.values():
        assert {"difficulty", "item_total_r", "alpha_if_deleted", "flags"} <= set(row)
        assert 0 <= row["difficulty"] <= 1
        assert isinstance(row["flags"], list)
    for item in mcq:  # every attempt chose the first option: difficulty is the share answered correctly
        assert rows[item.id]["difficulty"] == (1.0 if item.options.order_by("order").first().correct else 0.0)
        assert rows[item.id]["n"] == N_ATTEMPTS


def test_the_controller_statistics_match_a_direct_computation_on_the_answers(battery, attempts):
    items = controller_items(battery)
    assert sum(item.reverse for item in items) == 2  # so the check below covers the reverse keying
    matrix = keyed_matrix(attempts, items)
    expected_alpha = cronbach_alpha(matrix)
    correlations = item_rest_correlations(matrix)
    without = alpha_if_item_deleted(matrix)
    assert math.isfinite(expected_alpha) and all(math.isfinite(r) for r in correlations)

    report = services.psychometrics_compute(assessment_id=battery.id)
    summary = report.data["scales"]["controller"]
    assert summary["alpha"] == pytest.approx(expected_alpha, abs=5e-4)
    assert summary["sem"] >= 0 and summary["omega"] is not None
    rows = {row["id"]: row for row in report.data["items"]}
    for index, item in enumerate(items):
        column = [row[index] for row in matrix]
        # difficulty: the keyed mean rescaled from 1–5 to 0–1
        assert rows[item.id]["difficulty"] == pytest.approx((sum(column) / len(column) - 1) / 4, abs=5e-4)
        assert rows[item.id]["item_total_r"] == pytest.approx(correlations[index], abs=5e-4)
        assert rows[item.id]["alpha_if_deleted"] == pytest.approx(without[index], abs=5e-4)
        assert rows[item.id]["reverse"] == item.reverse


def test_without_attempts_the_report_says_nothing_rather_than_fails(battery):
    report = services.psychometrics_compute(assessment_id=battery.id)
    assert report.n_attempts == 0
    assert report.data["scales"]["controller"] == {
        "alpha": None,
        "omega": None,
        "sem": None,
        "n_items": 6,
        "n_attempts": 0,
    }


# API and page -------------------------------------------------------------------------------------


def test_hr_reads_the_report_through_the_api_and_posting_recomputes_it(api, hr_user, battery, attempts):
    response = api.as_user(hr_user).get(URL)
    assert response.status_code == 200
    body = response.json()
    controller = body["scales"]["controller"]
    assert {"alpha", "omega", "sem", "n_items", "n_attempts"} <= set(controller)
    assert controller["n_attempts"] == N_ATTEMPTS and controller["n_items"] == 6
    assert body["n_attempts"] == N_ATTEMPTS
    assert all({"id", "difficulty", "item_total_r"} <= set(row) for row in body["items"])
    assert PsychometricReport.objects.count() == 1  # computed once; the next read uses it
    assert api.as_user(hr_user).get(URL).json()["computed_at"] == body["computed_at"]
    assert PsychometricReport.objects.count() == 1

    started = factories.invitation(battery, number=98)  # an unfinished attempt does not count
    services.attempt_start(invitation=started, consent=True)
    factories.answer_all(started, controller_items(battery), factories.keyed(1))
    factories.submitted_attempt(battery, number=99)
    response = api.as_user(hr_user).post(URL)
    assert response.status_code == 202
    assert response.json()["message"]
    assert api.as_user(hr_user).get(URL).json()["n_attempts"] == N_ATTEMPTS + 1


def test_admins_may_read_the_report_too(api, admin_user):
    assert api.as_user(admin_user).get(URL).status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
def test_recruiters_and_managers_may_not_see_item_statistics(api, recruiter, manager, method):
    for user in (recruiter, manager):
        assert getattr(api.as_user(user), method)(URL).status_code == 403
    assert not PsychometricReport.objects.exists()


def test_the_item_analysis_page_shows_the_report_to_hr_and_recomputes_it(client, hr_user, battery, attempts):
    client.force_login(hr_user)
    assertContains(client.get("/assessments/service-profile-standard/items/"), "No statistics yet.")
    response = client.post("/assessments/service-profile-standard/items/recompute/", follow=True)
    assertContains(response, "The statistics are being recomputed")
    assertContains(response, "Item analysis")
    assertContains(response, f"from {N_ATTEMPTS} completed attempts")
    assertContains(response, '<a href="#scale-controller">Controller</a>')
    for item in controller_items(battery):  # each item by its own words, never by its key
        assertContains(response, html.escape(item.stem["en"]))
        assertNotContains(response, item.key)


def test_the_item_analysis_page_is_closed_to_recruiters(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/assessments/service-profile-standard/items/").status_code == 403
    assert client.post("/assessments/service-profile-standard/items/recompute/").status_code == 403


def test_the_api_says_it_recomputes_in_the_callers_language(api, hr_user):
    # Was English in every language.
    with pending_translations("h-errors"):
        response = api.as_user(hr_user).post(URL, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 202
    assert response.json()["message"] == "Beregner på nytt."
