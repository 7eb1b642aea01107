"""Candidates with the same label and fit share a place in the ranking (1, 1, 3): the order in which
they applied must not read as merit, on the page, in the CSV, or in the decision record."""

import csv
import io

import pytest

from hiring import decisions, ranking, ranking_views
from hiring.models import FitRecord
from tests.hiring.fitting import IN_BAND, ONE_LEVEL_SHORT, apply, assessed_and_stored, battery_with_norms
from tests.hiring.fitting import requisition_make as fit_requisition


@pytest.fixture
def tied(recruiter, manager):
    battery = battery_with_norms()
    requisition = fit_requisition(recruiter, hiring_manager=manager)
    applications = [
        apply(requisition, recruiter, 1, name="Asta Ahl"),
        apply(requisition, recruiter, 2, name="Bent Bro"),
        apply(requisition, recruiter, 3, name="Carl Dam"),
        apply(requisition, recruiter, 4, name="Dorte Eg"),
    ]
    assessed_and_stored(applications[0], battery, recruiter, competencies=ONE_LEVEL_SHORT)
    assessed_and_stored(applications[1], battery, recruiter, competencies=IN_BAND)
    assessed_and_stored(applications[2], battery, recruiter, competencies=IN_BAND)  # the same answers: a tie
    return requisition, applications


def test_it_gives_tied_candidates_the_same_place_on_the_page(client, recruiter, tied):
    requisition, _applications = tied
    client.force_login(recruiter)
    page = client.get(f"/hiring/requisitions/{requisition.id}/ranking/").content.decode()

    assert "1. Bent Bro" in page and "1. Carl Dam" in page
    assert "3. Asta Ahl" in page and "4. Dorte Eg" in page


def test_a_tie_across_a_page_break_keeps_its_place(client, recruiter, tied, monkeypatch):
    requisition, _applications = tied
    monkeypatch.setattr(ranking_views, "PAGE_SIZE", 1)
    client.force_login(recruiter)
    second = client.get(f"/hiring/requisitions/{requisition.id}/ranking/?page=2").content.decode()
    assert "1. Carl Dam" in second


def test_the_csv_and_the_decision_record_the_shared_place(client, recruiter, manager, tied):
    requisition, applications = tied
    client.force_login(recruiter)
    response = client.get(f"/hiring/requisitions/{requisition.id}/ranking.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert [(r["position"], r["candidate"]) for r in rows] == [
        ("1", "Bent Bro"),
        ("1", "Carl Dam"),
        ("3", "Asta Ahl"),
        ("4", "Dorte Eg"),
    ]

    decision = decisions.ranking_decide(application=applications[2], decision="reject", reason="Nej", user=manager)
    assert decision.position == 1


def test_it_numbers_a_filtered_ranking_by_the_place_a_decision_records(client, recruiter, manager, tied):
    requisition, applications = tied
    client.force_login(recruiter)
    label = FitRecord.objects.get(application=applications[0]).label
    url = f"/hiring/requisitions/{requisition.id}/ranking/?label={label}"

    page = client.get(url).content.decode()
    not_scorable = client.get(f"/hiring/requisitions/{requisition.id}/ranking/?status=not_scorable").content.decode()

    assert "3. Asta Ahl" in page and "1. Asta Ahl" not in page
    assert "places in the whole ranking" in page
    assert "4. Dorte Eg" in not_scorable
    decision = decisions.ranking_decide(application=applications[0], decision="reject", reason="Nej", user=manager)
    assert decision.position == 3


def test_it_numbers_a_filtered_csv_by_the_whole_ranking(client, recruiter, tied):
    requisition, _applications = tied
    client.force_login(recruiter)
    response = client.get(f"/hiring/requisitions/{requisition.id}/ranking.csv?status=not_scorable")
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert [(r["position"], r["candidate"]) for r in rows] == [("4", "Dorte Eg")]


def test_it_reads_the_same_positions_for_a_long_list_as_for_a_page(recruiter, tied, monkeypatch):
    requisition, _applications = tied
    rows = ranking.requisition_ranking(requisition=requisition)
    paged = rows.positions(list(rows))
    monkeypatch.setattr(ranking, "PLACES_COUNTED", 1)
    assert rows.positions(list(rows)) == paged == [1, 1, 3, 4]
