"""Writing an agent's development: ratings, re-assessments, goals and career moves."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, AttemptResult, Invitation
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.teams import team_create
from tests.assessments import factories as assessment_factories
from tests.conftest import make_user
from tests.workforce import development_factories as factories
from workforce import development
from workforce.analysis.development import level_from_score
from workforce.models import AgentAssessment, CareerMove, CompetencySnapshot, GoalStatus, MoveKind, SnapshotSource


@pytest.fixture
def agent(db):
    return factories.agent()


def test_it_records_a_manager_rating_on_the_anchors(agent, manager):
    snapshot = development.snapshot_record(agent=agent, levels={"de_escalation": 3, "resilience": 4}, user=manager)
    assert snapshot.source == SnapshotSource.MANAGER_RATING and snapshot.rated_by == manager
    assert dict(snapshot.levels.values_list("competency__code", "level")) == {
        "de_escalation": Decimal("3.00"),
        "resilience": Decimal("4.00"),
    }


@pytest.mark.parametrize(
    ("levels", "field"),
    [
        ({}, "levels"),
        ({"de_escalation": 6}, "levels"),
        ({"de_escalation": 2.5}, "levels"),  # a rating is a whole anchor
        ({"no_such_thing": 3}, "levels"),
    ],
)
def test_it_refuses_a_rating_that_is_not_on_the_anchors(agent, manager, levels, field):
    with pytest.raises(ApplicationError) as caught:
        development.snapshot_record(agent=agent, levels=levels, user=manager)
    assert field in caught.value.extra["fields"]
    assert not CompetencySnapshot.objects.exists()


def test_it_refuses_a_rating_dated_in_the_future_or_before_the_hire(agent, manager):
    for day in (timezone.localdate() + timedelta(days=1), agent.hire_date - timedelta(days=1)):
        with pytest.raises(ApplicationError) as caught:
            development.snapshot_record(agent=agent, levels={"resilience": 3}, taken_on=day, user=manager)
        assert "taken_on" in caught.value.extra["fields"]


def test_achieving_a_goal_sets_its_completion_day_and_reopening_clears_it(agent, manager):
    plan = development.plan_create(
        agent=agent, title="Into specialist support", user=manager, goals=[{"description": "Handle escalations"}]
    )
    goal = plan.goals.get()
    goal = development.goal_update(goal=goal, status=GoalStatus.ACHIEVED)
    assert goal.completed_on == timezone.localdate()
    goal = development.goal_update(goal=goal, status=GoalStatus.IN_PROGRESS)
    assert goal.completed_on is None


def test_a_plan_with_a_bad_goal_is_not_written_at_all(agent, manager):
    with pytest.raises(ApplicationError) as caught:
        development.plan_create(
            agent=agent,
            title="Plan",
            user=manager,
            goals=[{"description": "Fine"}, {"description": "Too high", "target_level": 9}],
        )
    assert "goals[1].target_level" in caught.value.extra["fields"]
    assert not agent.development_plans.exists()


def test_an_internal_move_changes_the_agents_team_and_role_profile_in_the_same_step(agent, hr_user):
    oslo = team_create(name="Oslo")
    specialist = RoleProfile.objects.get(slug="technical-support-specialist")
    old_team, old_role = agent.team, agent.role_profile
    move = development.career_move_record(
        agent=agent,
        kind=MoveKind.INTERNAL,
        moved_on=timezone.localdate(),
        user=hr_user,
        to_team=oslo,
        to_role_profile=specialist,
    )
    agent.refresh_from_db()
    assert (agent.team, agent.role_profile) == (oslo, specialist)
    assert (move.from_team, move.to_team, move.from_role_profile, move.to_role_profile) == (
        old_team,
        oslo,
        old_role,
        specialist,
    )


def test_a_manager_cannot_move_an_agent_into_a_team_they_do_not_lead(agent, manager):
    bergen = team_create(name="Bergen")
    with pytest.raises(ApplicationError) as caught:
        development.career_move_record(
            agent=agent, kind=MoveKind.INTERNAL, moved_on=timezone.localdate(), user=manager, to_team=bergen
        )
    assert "to_team" in caught.value.extra["fields"]
    agent.refresh_from_db()
    assert agent.team.name != "Bergen" and not CareerMove.objects.exists()


def test_an_internal_move_must_go_somewhere(agent, hr_user):
    with pytest.raises(ApplicationError) as caught:
        development.career_move_record(
            agent=agent, kind=MoveKind.INTERNAL, moved_on=timezone.localdate(), user=hr_user, to_team=agent.team
        )
    assert "to_team" in caught.value.extra["fields"]


def test_a_certificate_cannot_expire_before_it_was_obtained(agent):
    with pytest.raises(ApplicationError) as caught:
        development.training_add(
            agent=agent, kind="certification", title="COPC", completed_on=date(2025, 3, 1), expires_on=date(2025, 1, 1)
        )
    assert "expires_on" in caught.value.extra["fields"]


# Re-assessment ------------------------------------------------------------------------------------


def test_a_scored_re_assessment_becomes_a_competency_snapshot(agent, django_capture_on_commit_callbacks):
    team_lead = make_user("tina", "manager", teams=[agent.team])
    battery = Assessment.objects.get(slug="service-profile-standard")
    link = development.agent_reassess(agent=agent, assessment=battery, user=team_lead, language="da", send=False)
    invitation = link.invitation
    assert (invitation.email, invitation.name, invitation.team, invitation.language) == (
        agent.email,
        agent.name,
        agent.team,
        "da",
    )
    assert link.requested_by == team_lead and invitation.created_by == team_lead

    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.attempt_start(invitation=invitation, consent=True)
        assessment_factories.answer_all(invitation, assessment_factories.items_of(battery))
        assessment_services.attempt_submit(invitation=invitation)

    snapshot = CompetencySnapshot.objects.get(agent=agent)
    scores = AttemptResult.objects.get(attempt__invitation=invitation).competency_scores
    assert scores, "the standard battery scores competencies"
    assert snapshot.source == SnapshotSource.ASSESSMENT and snapshot.agent_assessment == link
    assert snapshot.taken_on == timezone.localdate()
    levels = {code: float(level) for code, level in snapshot.levels.values_list("competency__code", "level")}
    assert levels == {code: level_from_score(score) for code, score in scores.items()}


def test_a_re_score_replaces_the_snapshots_levels_instead_of_adding_one(agent, hr_user):
    battery = Assessment.objects.get(slug="service-profile-standard")
    link = development.agent_reassess(agent=agent, assessment=battery, user=hr_user, send=False)
    assessment_services.attempt_start(invitation=link.invitation, consent=True)
    assessment_factories.answer_all(link.invitation, assessment_factories.items_of(battery))
    assessment_services.attempt_submit(invitation=link.invitation)
    development.snapshot_from_assessment(agent_assessment=link)
    result = AttemptResult.objects.get(attempt__invitation=link.invitation)
    code = next(iter(result.competency_scores))
    result.competency_scores = {code: 90.0}
    result.save()
    development.snapshot_from_assessment(agent_assessment=link)
    snapshot = CompetencySnapshot.objects.get(agent=agent)
    assert list(snapshot.levels.values_list("competency__code", "level")) == [(code, Decimal("5.00"))]


def test_it_refuses_to_re_assess_an_agent_without_an_e_mail(hr_user):
    agent = factories.agent(email="")
    with pytest.raises(ApplicationError) as caught:
        development.agent_reassess(
            agent=agent, assessment=Assessment.objects.get(slug="service-profile-standard"), user=hr_user, send=False
        )
    assert "email" in caught.value.extra["fields"]
    assert not Invitation.objects.exists() and not AgentAssessment.objects.exists()
