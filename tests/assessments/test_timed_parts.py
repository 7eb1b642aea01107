"""A timed part's questions are served only once the candidate opens it, and its clock starts then."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments.models import Answer, Attempt, Item, Section

from .conftest import answer_for


@pytest.fixture
def candidate():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def started(candidate, token):
    response = candidate.post(f"/api/take/{token}/start/", {"consent": True}, content_type="application/json")
    assert response.status_code == 201
    return Attempt.objects.get()


@pytest.fixture
def timed(battery) -> Section:
    return battery.sections.filter(time_limit_seconds__isnull=False).order_by("order").first()


def open_part(candidate, token, section_id):
    return candidate.post(f"/api/take/{token}/sections/{section_id}/open/")


def section_of(view: dict, section_id: int) -> dict:
    return next(s for s in view["sections"] if s["id"] == section_id)


def test_the_api_serves_a_timed_part_without_its_items_until_it_is_opened(candidate, battery, token, started, timed):
    view = candidate.get(f"/api/take/{token}/").json()
    part = section_of(view, timed.id)
    assert part["items"] == []
    assert part["opened"] is False
    assert part["item_count"] == timed.items.count() > 0
    assert part["time_limit_seconds"] == timed.time_limit_seconds
    assert part["deadline"] is None
    untimed = battery.sections.filter(time_limit_seconds__isnull=True).first()
    assert len(section_of(view, untimed.id)["items"]) == untimed.items.count()
    assert Attempt.objects.get().section_started == {}  # reading it started no clock


def test_before_starting_the_timed_items_are_not_served_either(candidate, token, timed):
    view = candidate.get(f"/api/take/{token}/").json()
    assert section_of(view, timed.id)["items"] == []
    stems = {item["stem"] for section in view["sections"] for item in section["items"]}
    assert not stems & {item.stem["da"] for item in timed.items.all()}


def test_opening_a_part_serves_it_and_starts_its_clock_once(candidate, token, started, timed):
    before = timezone.now()
    response = open_part(candidate, token, timed.id)
    assert response.status_code == 200
    part = response.json()
    assert part["opened"] is True
    assert {item["id"] for item in part["items"]} == set(timed.items.values_list("id", flat=True))
    deadline = timezone.datetime.fromisoformat(part["deadline"])
    limit = timedelta(seconds=timed.time_limit_seconds)
    assert before + limit <= deadline <= timezone.now() + limit
    again = open_part(candidate, token, timed.id)
    assert again.status_code == 200
    assert again.json()["deadline"] == part["deadline"]  # idempotent: the clock is not reset


def test_an_answer_to_an_unopened_timed_part_is_refused(candidate, token, started, timed):
    item = timed.items.first()
    response = candidate.put(
        f"/api/take/{token}/answers/{item.id}/", {"value": answer_for(item)}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["message"]
    assert not Answer.objects.exists()
    assert Attempt.objects.get().section_started == {}  # refusing it did not start the clock either


def test_an_opened_timed_part_takes_answers(candidate, token, started, timed):
    item = timed.items.first()
    open_part(candidate, token, timed.id)
    response = candidate.put(
        f"/api/take/{token}/answers/{item.id}/", {"value": answer_for(item)}, content_type="application/json"
    )
    assert response.status_code == 200
    assert Answer.objects.get().item_id == item.id


def test_opening_before_starting_after_submitting_or_a_foreign_part_is_refused(candidate, battery, token, timed):
    assert open_part(candidate, token, timed.id).status_code == 409  # not started
    candidate.post(f"/api/take/{token}/start/", {"consent": True}, content_type="application/json")
    assert open_part(candidate, token, 10**9).status_code == 404
    Attempt.objects.update(submitted_at=timezone.now())
    assert open_part(candidate, token, timed.id).status_code == 409


# The page, without JavaScript ---------------------------------------------------------------------


def part_number(attempt, section) -> int:
    return attempt.layout["sections"].index(section.id) + 1


def test_the_page_of_an_unopened_timed_part_offers_to_start_it_instead_of_the_items(candidate, token, started, timed):
    number = part_number(started, timed)
    response = candidate.get(f"/take/{token}/part/{number}/")
    assert response.status_code == 200
    assertContains(response, f'action="/take/{token}/part/{number}/start/"')
    assertContains(response, "fieldset", count=0)
    for item in Item.objects.filter(section=timed):
        assertNotContains(response, item.stem["da"][:40])
    assert Attempt.objects.get().section_started == {}  # looking at the page starts no clock


def test_start_this_part_opens_it_and_shows_the_items_with_the_clock(candidate, token, started, timed):
    number = part_number(started, timed)
    response = candidate.post(f"/take/{token}/part/{number}/start/")
    assertRedirects(response, f"/take/{token}/part/{number}/", fetch_redirect_response=False)
    assert str(timed.id) in Attempt.objects.get().section_started
    page = candidate.get(f"/take/{token}/part/{number}/")
    assertContains(page, 'id="timer"')
    assertContains(page, "<fieldset", count=timed.items.count())


def test_start_this_part_is_a_post(candidate, token, started, timed):
    assert candidate.get(f"/take/{token}/part/{part_number(started, timed)}/start/").status_code == 405
    assert Attempt.objects.get().section_started == {}


def test_posting_answers_to_an_unopened_timed_part_saves_nothing(candidate, token, started, timed):
    number = part_number(started, timed)
    form = {f"item-{item.id}": str(answer_for(item)) for item in timed.items.all()}
    candidate.post(f"/take/{token}/part/{number}/", form)
    assert not Answer.objects.exists()
