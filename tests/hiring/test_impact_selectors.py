import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hiring import pipeline
from hiring.impact_selectors import requisition_adverse_impact
from hiring.models import SelfIdQuestion, Stage
from hiring.self_identification import self_id_answers_record
from profiles.models import RoleProfile
from tests.hiring.impact_factories import applicants


@pytest.fixture
def requisition(recruiter):
    return pipeline.requisition_create(
        user=recruiter,
        title="Kundeservice Odense",
        role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
        openings=10,
    )


def grouping(requisition, stage, key):
    (at_stage,) = requisition_adverse_impact(requisition=requisition, stage=stage)
    return next(g for g in at_stage.groupings if g.key == key)


def rows(requisition, stage, key):
    return {group.key: group.impact for group in grouping(requisition, stage, key).groups}


def test_it_finds_the_reference_case_48_of_80_against_21_of_50_flagged(recruiter, requisition):
    applicants(user=recruiter, requisition=requisition, count=48, reach=Stage.SCREENED, source="job_board")
    applicants(user=recruiter, requisition=requisition, count=32, reach=Stage.APPLIED, source="job_board", reject=True)
    applicants(user=recruiter, requisition=requisition, count=21, reach=Stage.SCREENED, source="referral")
    applicants(user=recruiter, requisition=requisition, count=29, reach=Stage.APPLIED, source="referral", reject=True)

    impact = rows(requisition, Stage.SCREENED, "source")

    assert (impact["job_board"].applicants, impact["job_board"].selected) == (80, 48)
    assert impact["job_board"].is_reference
    assert (impact["referral"].applicants, impact["referral"].selected) == (50, 21)
    assert impact["referral"].impact_ratio == pytest.approx(0.70)
    assert impact["referral"].flagged
    assert 0.01 < impact["referral"].p_value < 0.1


def test_it_counts_a_later_stage_as_selected_at_every_stage_before_it(recruiter, requisition):
    applicants(user=recruiter, requisition=requisition, count=5, reach=Stage.HIRED)
    applicants(user=recruiter, requisition=requisition, count=5, reach=Stage.ASSESSED, reject=True)

    stages = {s.stage: s for s in requisition_adverse_impact(requisition=requisition)}

    assert list(stages) == ["screened", "assessed", "interview", "offer", "hired"]
    assert (stages["assessed"].applicants, stages["assessed"].selected) == (10, 10)
    # At the interview only those who reached "assessed" are applicants, and half went on.
    assert (stages["interview"].applicants, stages["interview"].selected) == (10, 5)
    assert (stages["hired"].applicants, stages["hired"].selected) == (5, 5)


def test_it_leaves_out_moves_that_were_taken_back(recruiter, requisition):
    moved = applicants(user=recruiter, requisition=requisition, count=6, reach=Stage.INTERVIEW)
    applicants(user=recruiter, requisition=requisition, count=6, reach=Stage.ASSESSED)
    for application in moved[:3]:
        pipeline.application_move_undo(application=application, user=recruiter, reason="Fejlklik")
    # A rejection taken back keeps the stages reached before it.
    rejected = pipeline.application_move(application=moved[3], stage=Stage.REJECTED, user=recruiter, reason="Nej")
    pipeline.application_move_undo(application=rejected, user=recruiter)

    (interview,) = requisition_adverse_impact(requisition=requisition, stage=Stage.INTERVIEW)

    assert (interview.applicants, interview.selected) == (12, 3)


def test_it_suppresses_groups_under_five_and_never_compares_with_them(recruiter, requisition):
    applicants(user=recruiter, requisition=requisition, count=4, reach=Stage.SCREENED, language="sv")
    applicants(user=recruiter, requisition=requisition, count=3, reach=Stage.SCREENED, language="da")
    applicants(user=recruiter, requisition=requisition, count=3, reach=Stage.APPLIED, language="da")
    applicants(user=recruiter, requisition=requisition, count=5, reach=Stage.SCREENED, language="nb")

    impact = rows(requisition, Stage.SCREENED, "language")

    assert impact["sv"].suppressed and impact["sv"].applicants is None and impact["sv"].rate is None
    assert impact["nb"].is_reference
    assert impact["da"].impact_ratio == pytest.approx(0.5)
    assert impact["da"].flagged


def test_it_groups_by_self_identification_without_the_undisclosed(recruiter, requisition):
    question = SelfIdQuestion.objects.create(
        team=requisition.team, key="age_band", label="Alder", options=["under 30", "30 eller derover"]
    )
    SelfIdQuestion.objects.create(team=requisition.team, key="old", label="Udgået", options=["a", "b"], active=False)
    young = applicants(user=recruiter, requisition=requisition, count=6, reach=Stage.SCREENED)
    older = applicants(user=recruiter, requisition=requisition, count=6, reach=Stage.APPLIED)
    silent = applicants(user=recruiter, requisition=requisition, count=3, reach=Stage.SCREENED)
    for application in young:
        self_id_answers_record(candidate=application.candidate, answers={"age_band": "under 30"}, user=recruiter)
    for application in older:
        self_id_answers_record(
            candidate=application.candidate, answers={"age_band": "30 eller derover"}, user=recruiter
        )
    self_id_answers_record(candidate=silent[0].candidate, answers={"age_band": "prefer_not_to_say"}, user=recruiter)

    (screened,) = requisition_adverse_impact(requisition=requisition, stage=Stage.SCREENED)

    assert [g.key for g in screened.groupings] == ["source", "language", "self_id:age_band"]
    age = screened.groupings[-1]
    assert (age.label, age.not_stated) == (question.label, 3)
    assert {g.key: (g.impact.applicants, g.impact.selected) for g in age.groups} == {
        "under 30": (6, 6),
        "30 eller derover": (6, 0),
    }
    assert age.flagged


def test_it_counts_only_the_requisitions_own_applications(recruiter, requisition):
    other = pipeline.requisition_create(
        user=recruiter, title="Andet", role_profile=requisition.role_profile, openings=10
    )
    applicants(user=recruiter, requisition=other, count=7, reach=Stage.HIRED)
    applicants(user=recruiter, requisition=requisition, count=5, reach=Stage.SCREENED)

    (screened,) = requisition_adverse_impact(requisition=requisition, stage=Stage.SCREENED)

    assert (screened.applicants, screened.selected) == (5, 5)


def test_it_refuses_a_stage_that_is_not_measured(requisition):
    with pytest.raises(ValueError):
        requisition_adverse_impact(requisition=requisition, stage="rejected")


def test_it_has_every_stage_empty_for_a_requisition_without_applications(requisition):
    stages = requisition_adverse_impact(requisition=requisition)
    assert [(s.applicants, s.selected) for s in stages] == [(0, 0)] * 5
    assert all(not g.groups for s in stages for g in s.groupings)


def test_it_keeps_the_query_count_flat_as_applications_grow(recruiter, requisition):
    SelfIdQuestion.objects.create(team=requisition.team, key="age_band", label="Alder", options=["a", "b"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            requisition_adverse_impact(requisition=requisition)
        return len(captured)

    applicants(user=recruiter, requisition=requisition, count=5, reach=Stage.INTERVIEW)
    few = queries()
    applicants(user=recruiter, requisition=requisition, count=40, reach=Stage.OFFER, source="referral")
    assert queries() == few <= 5
