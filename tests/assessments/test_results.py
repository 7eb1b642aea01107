"""Percentiles and stens in a result: against an imported norm, or else against the group."""

import pytest
from pytest_django.asserts import assertContains

from assessments import selectors, services
from assessments.models import NormTable

from . import factories


@pytest.fixture
def items(battery):
    return factories.items_of(battery)


def attempt_scoring(battery, items, level: int, number: int = 1):
    """A submitted attempt whose every service-type scale (controller included) scores `level`."""
    return factories.submitted_attempt(battery, number=number, likert=factories.keyed(level), items=items)


@pytest.mark.parametrize(
    ("sd", "percentile", "sten"),
    [
        # z = (4 − 3) / 0.5 = 2: Φ(2) = 0.97725 → 97.7; sten 5.5 + 2·2 = 9.5, rounded half up → 10
        # (the same rule that puts a score exactly at the mean in sten 6, see test_psychometrics).
        (0.5, 97.7, 10),
        # z = 1 / 0.6 = 1.667: Φ(1.667) = 0.9522 → 95.2; sten 5.5 + 3.33 = 8.83 → 9
        (0.6, 95.2, 9),
    ],
)
def test_an_imported_norm_gives_the_percentile_and_sten(battery, items, sd, percentile, sten):
    NormTable.objects.create(assessment=battery, scale="controller", mean=3, sd=sd, n=1200, source="2024 sample")
    attempt = attempt_scoring(battery, items, 4)
    result = selectors.attempt_result(attempt=attempt)
    assert result["type_scores"]["controller"] == 4.0
    assert result["percentiles"]["controller"] == percentile
    assert result["stens"]["controller"] == sten


def test_without_a_norm_one_attempt_has_no_percentiles(battery, items):
    attempt = attempt_scoring(battery, items, 4)
    result = selectors.attempt_result(attempt=attempt)
    assert result["type_scores"]["controller"] == 4.0
    assert result["percentiles"] == {}
    assert result["stens"] == {}
    assert result["norm_group_size"] == 1


def test_without_a_norm_the_completed_attempts_are_the_norm_group(battery, items, api, hr_user):
    low, middle, high = (attempt_scoring(battery, items, level, number=level) for level in (2, 3, 4))
    unfinished = factories.invitation(battery, number=9)  # not in the group
    services.attempt_start(invitation=unfinished, consent=True)
    # Group 2, 3, 4: mean 3, sd 1. Mid-rank percentile of 4: (2 below + ½ tie) / 3 = 83.3; sten 5.5 + 2 = 7.5 → 8.
    result = selectors.attempt_result(attempt=high)
    assert result["norm_group_size"] == 3
    assert result["percentiles"]["controller"] == 83.3
    assert result["stens"]["controller"] == 8
    # 3 sits at the mean: (1 + ½) / 3 = 50.0, sten 6; 2: ½ / 3 = 16.7, sten 3.5 → 4.
    assert selectors.attempt_result(attempt=middle)["percentiles"]["controller"] == 50.0
    assert selectors.attempt_result(attempt=middle)["stens"]["controller"] == 6
    assert selectors.attempt_result(attempt=low)["percentiles"]["controller"] == 16.7
    assert selectors.attempt_result(attempt=low)["stens"]["controller"] == 4

    api_result = api.as_user(hr_user).get(f"/api/attempts/{high.id}/result/").json()
    assert api_result["percentiles"]["controller"] == 83.3
    assert api_result["stens"]["controller"] == 8


def test_a_norm_for_one_scale_leaves_the_others_on_the_group(battery, items):
    NormTable.objects.create(assessment=battery, scale="controller", mean=3, sd=0.5, n=1200)
    attempt_scoring(battery, items, 2, number=2)
    high = attempt_scoring(battery, items, 4, number=4)
    result = selectors.attempt_result(attempt=high)
    assert result["percentiles"]["controller"] == 97.7
    assert result["percentiles"]["rock"] == 75.0  # group 2, 4: (1 + ½) / 2
    assert result["stens"]["rock"] == 7  # mean 3, sd √2: 5.5 + 2 / 1.414 = 6.91 → 7


def test_the_staff_page_shows_percentile_and_sten(client, recruiter, battery, items):
    attempt_scoring(battery, items, 2, number=2)
    attempt_scoring(battery, items, 3, number=3)
    high = attempt_scoring(battery, items, 4, number=4)
    client.force_login(recruiter)
    response = client.get(f"/assessments/invitations/{high.invitation_id}/")
    assertContains(response, "<td>4.0</td><td>83.3</td><td>8</td>", count=7)  # all seven types score 4
    assertContains(response, "Compared with 3 completed attempts.")
