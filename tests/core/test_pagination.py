import datetime as dt

import pytest
from django.utils import timezone

from profiles.models import SentenceLabel

URL = "/api/sentence-labels/"
TOTAL = 523  # more than the old silent cut at 500, and not a multiple of the page size


@pytest.fixture
def labels(db):
    SentenceLabel.objects.bulk_create(
        SentenceLabel(language="da", text=f"Sætning nummer {n}.", label="neutral") for n in range(TOTAL)
    )
    # All at the same moment: rows that tie on the ordering must still each appear exactly once.
    SentenceLabel.objects.update(updated_at=timezone.make_aware(dt.datetime(2026, 1, 5, 9, 0)))
    return set(SentenceLabel.objects.values_list("id", flat=True))


def test_it_counts_every_row_and_pages_by_the_default_size(api, recruiter, labels):
    body = api.as_user(recruiter).get(URL).json()
    assert body["count"] == TOTAL
    assert len(body["results"]) == 50
    assert body["previous"] is None
    assert body["next"].endswith("?limit=50&offset=50")


def test_next_and_previous_walk_every_row_once(api, recruiter, labels):
    client = api.as_user(recruiter)
    seen, pages = [], []
    url = f"{URL}?limit=100"
    while url:
        body = client.get(url).json()
        pages.append(body)
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert [len(page["results"]) for page in pages] == [100, 100, 100, 100, 100, 23]
    assert len(seen) == TOTAL and set(seen) == labels

    back, url = [], pages[-1]["previous"]
    while url:
        body = client.get(url).json()
        back = [row["id"] for row in body["results"]] + back
        url = body["previous"]
    assert back == seen[:500]


@pytest.mark.parametrize("limit", ["0", "501", "abc", "-5", "1.5", "٥"])
def test_it_refuses_a_limit_outside_1_to_500(api, recruiter, labels, limit):
    response = api.as_user(recruiter).get(URL, {"limit": limit})
    assert response.status_code == 400
    assert response.json() == {
        "message": "Validation error",
        "code": "validation_error",
        "extra": {"fields": {"limit": ["Give a whole number from 1 to 500."]}},
    }


@pytest.mark.parametrize("offset", ["-1", "x", "1e3"])
def test_it_refuses_an_offset_that_is_not_a_whole_number(api, recruiter, labels, offset):
    response = api.as_user(recruiter).get(URL, {"offset": offset})
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"offset": ["Give a whole number from 0 up."]}


def test_an_offset_past_the_end_is_404_with_a_message(api, recruiter, labels):
    response = api.as_user(recruiter).get(URL, {"offset": TOTAL})
    assert response.status_code == 404
    assert response.json() == {
        "message": f"There is nothing at offset {TOTAL}: the list has {TOTAL} items.",
        "code": "not_found",
        "extra": {},
    }


def test_an_empty_list_is_an_empty_first_page(api, recruiter, db):
    assert api.as_user(recruiter).get(URL).json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_every_list_endpoint_is_paginated(api, admin_user, db):
    client = api.as_user(admin_user)
    for url in [
        "/api/service-types/",
        "/api/markers/",
        "/api/lexicon-versions/",
        "/api/competencies/",
        "/api/role-profiles/",
        "/api/classifier-versions/",
        "/api/job-ads/",
        "/api/sentence-labels/",
        "/api/bulk-analyses/",
        "/api/assessments/",
        "/api/invitations/",
    ]:
        body = client.get(url, {"limit": 1}).json()
        assert set(body) == {"count", "next", "previous", "results"}, url
        assert len(body["results"]) == min(1, body["count"]), url
