"""After submission plus a short while, the candidate's link shows only a thank-you; candidate API
responses are never stored by a browser or a proxy."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments.api import TakeTokenThrottle
from assessments.models import Attempt, Item

from . import factories
from .conftest import answer_for

WRITTEN = answer_for(Item(kind="text"))


@pytest.fixture
def submitted(client, battery, invitation, token):
    factories.answer_all_through_start(invitation, factories.items_of(battery))
    return Attempt.objects.get()


def submitted_ago(minutes: int) -> None:
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=minutes))


def test_right_after_submission_the_api_still_shows_the_answers(client, token, submitted):
    view = client.get(f"/api/take/{token}/").json()
    assert view["submitted"] is True
    assert any(item["answer"] == WRITTEN for section in view["sections"] for item in section["items"])


def test_after_the_period_the_api_shows_only_a_thank_you(client, token, submitted):
    submitted_ago(31)
    response = client.get(f"/api/take/{token}/")
    assert response.status_code == 200
    view = response.json()
    assert view["submitted"] is True
    assert view["sections"] == []
    assert view["message"]
    assert WRITTEN not in response.content.decode()
    assert "answer" not in view


def test_the_period_is_a_setting(client, settings, token, submitted):
    settings.TAKE_ANSWERS_VISIBLE_MINUTES = 5
    submitted_ago(6)
    assert client.get(f"/api/take/{token}/").json()["sections"] == []
    settings.TAKE_ANSWERS_VISIBLE_MINUTES = 10
    assert client.get(f"/api/take/{token}/").json()["sections"]


def test_after_the_period_the_pages_show_only_the_thank_you(client, token, submitted):
    submitted_ago(31)
    for url in (f"/take/{token}/", f"/take/{token}/part/1/", f"/take/{token}/finish/"):
        assertRedirects(client.get(url), f"/take/{token}/done/", fetch_redirect_response=False)
    done = client.get(f"/take/{token}/done/")
    assertContains(done, "<h1>")
    assertNotContains(done, WRITTEN)
    assertNotContains(done, "<fieldset")


@pytest.fixture
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_every_candidate_api_response_is_no_store(client, monkeypatch, battery, token, fresh_counters):
    item = Item.objects.filter(section__assessment=battery, section__time_limit_seconds__isnull=True).first()
    responses = [
        client.get(f"/api/take/{token}/"),  # 200
        client.put(f"/api/take/{token}/answers/{item.id}/", {"value": 3}, content_type="application/json"),  # 409
        client.post(f"/api/take/{token}/start/", {"consent": True}, content_type="application/json"),  # 201
        client.put(f"/api/take/{token}/answers/{item.id}/", {"value": 9}, content_type="application/json"),  # 422
        client.post(f"/api/take/{token}/submit/"),  # 400
        client.get(f"/api/take/{token[:-1]}{'1' if token.endswith('0') else '0'}/"),  # 404
        client.get("/api/take/a%00b/"),  # 400, refused by servicefit.core.middleware
    ]
    monkeypatch.setitem(TakeTokenThrottle.THROTTLE_RATES, TakeTokenThrottle.scope, "1/min")
    responses.append(client.get(f"/api/take/{token}/"))  # 429
    assert [r.status_code for r in responses] == [200, 409, 201, 422, 400, 404, 400, 429]
    assert all(r["Cache-Control"] == "no-store" for r in responses), [r.get("Cache-Control") for r in responses]
