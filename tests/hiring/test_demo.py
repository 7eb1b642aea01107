import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings

from hiring import ranking
from hiring.impact_selectors import requisition_adverse_impact
from hiring.models import Application, ApplicationMove, Candidate, Requisition, SelfIdAnswer, Stage
from hiring.pipeline import candidate_duplicates
from hiring.pipeline_demo import DEMO_REQUISITIONS


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """seed_demo once for this module's tests (it takes seconds): inside one transaction that is rolled
    back after the last of them. Each test runs in a savepoint of it, so what a test writes goes too."""
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    return None


def demo_requisitions():
    return list(Requisition.objects.filter(title__in=[spec.title for spec in DEMO_REQUISITIONS]).order_by("id"))


def test_it_adds_two_open_requisitions_in_copenhagen_with_every_stage(seeded):
    requisitions = demo_requisitions()
    assert len(requisitions) == 2
    for requisition in requisitions:
        assert (requisition.team.name, requisition.status) == ("Copenhagen", "open")
        stages = dict(requisition.applications.values_list("stage").annotate(n=Count("id")))
        assert set(stages) == set(Stage.values), (requisition.title, stages)
        assert 40 <= sum(stages.values()) <= 80
        assert stages[Stage.HIRED] <= requisition.openings
        assert all(a.reason for a in requisition.applications.filter(stage__in=["rejected", "withdrawn"]))


def test_running_it_again_duplicates_nothing(seeded, settings):
    settings.DEBUG = True
    counts = (Requisition.objects.count(), Candidate.objects.count(), ApplicationMove.objects.count())
    call_command("seed_demo")
    assert (Requisition.objects.count(), Candidate.objects.count(), ApplicationMove.objects.count()) == counts


def test_the_ranking_has_scored_and_not_yet_scorable_candidates(seeded):
    for requisition in demo_requisitions():
        statuses = [row.fit["status"] for row in ranking.requisition_ranking(requisition=requisition)]
        assert statuses.count("scored") >= 15, (requisition.title, statuses)
        assert "not_scorable" in statuses


def test_the_adverse_impact_page_has_groups_of_five_and_a_flag(seeded):
    first, second = demo_requisitions()
    stages = requisition_adverse_impact(requisition=first)
    shown = [g for s in stages for grouping in s.groupings for g in grouping.groups if not g.impact.suppressed]
    assert shown and max(g.impact.applicants for g in shown) >= 5
    assert any(g.impact.flagged for g in shown)
    age = next(grouping for grouping in stages[0].groupings if grouping.key == "self_id:age_band")
    assert any(not g.impact.suppressed for g in age.groups)
    assert SelfIdAnswer.objects.exists()


def test_moves_are_spread_over_past_weeks_in_order(seeded):
    first = demo_requisitions()[0]
    moves = list(ApplicationMove.objects.filter(application__requisition=first).order_by("application", "id"))
    span = max(m.at for m in moves) - min(m.at for m in moves)
    assert span.days >= 21
    by_application: dict[int, list] = {}
    for move in moves:
        by_application.setdefault(move.application_id, []).append(move.at)
    assert all(times == sorted(times) for times in by_application.values())
    assert Application.objects.filter(requisition=first).values("created_at").distinct().count() > 30


def test_it_includes_a_few_possible_duplicates(seeded):
    first = demo_requisitions()[0]
    candidates = Candidate.objects.filter(applications__requisition=first)
    flagged = [c for c in candidates if candidate_duplicates(candidate=c)]
    assert 2 <= len(flagged) <= 12
