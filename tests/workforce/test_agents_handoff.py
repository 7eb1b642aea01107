"""A hire recorded in hiring becomes an agent; taking the hire back removes it (or exits it)."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from hiring import pipeline
from hiring.models import Hire
from tests.hiring.privacy_factories import apply, assessed, candidate_make, requisition_make
from workforce import hire_handoff
from workforce.models import Agent, CoachingSession

TO_HIRED = ("screened", "interview", "offer", "hired")


@pytest.fixture
def hired(recruiter, django_capture_on_commit_callbacks):
    """A candidate from a job board, assessed as a Controller, moved to hired through the pipeline."""
    candidate = candidate_make(recruiter, 3, source="referral")
    application = apply(recruiter, candidate, requisition_make(recruiter))
    assessed(application, recruiter, types={"controller": 4.5, "rock": 4.0})
    with django_capture_on_commit_callbacks(execute=True):
        for stage in TO_HIRED:
            pipeline.application_move(application=application, stage=stage, user=recruiter)
    return application


def test_it_makes_the_agent_from_the_hire(hired):
    hire = Hire.objects.get()
    agent = Agent.objects.get()
    assert agent.hire == hire
    assert (agent.name, agent.email, agent.source) == ("Ansøger Nummer3", "ansoger3@example.dk", "referral")
    assert (agent.team_id, agent.role_profile_id, agent.hire_date) == (
        hire.team_id,
        hire.role_profile_id,
        hire.hired_on,
    )
    assert (agent.candidate, agent.application) == (hired.candidate, hired)
    assert agent.employee_number == f"SF-{hire.id}"
    assert agent.hiring_profile == hire.assessment_profile
    assert agent.hiring_profile["type_scores"]["controller"] == 4.5
    assert (agent.hiring_fit, agent.hiring_fit_label) == (hire.fit, hire.fit_label)
    assert agent.hiring_dominant_type == "controller"
    assert agent.employment_status == "active"


def test_a_hire_announced_twice_makes_one_agent(hired):
    hire = Hire.objects.get()
    again = hire_handoff.agent_from_hire(hire_id=hire.id)
    assert again == Agent.objects.get()


def test_undoing_the_hire_removes_an_agent_without_development(hired, recruiter, django_capture_on_commit_callbacks):
    assert Agent.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.application_move_undo(application=hired, user=recruiter, reason="Offer withdrawn")
    assert not Agent.objects.exists()
    assert hire_handoff.agent_hire_cancelled(hire_id=Hire.objects.get().id) == "none"


def test_undoing_the_hire_leaves_no_name_in_the_removed_agents_admin_history(
    hired, recruiter, admin_user, django_capture_on_commit_callbacks
):
    agent = Agent.objects.get()
    LogEntry.objects.create(
        user_id=admin_user.id,
        content_type=ContentType.objects.get_for_model(Agent),
        object_id=str(agent.id),
        object_repr=agent.name,
        action_flag=CHANGE,
        change_message=f"Changed {agent.name}",
    )
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.application_move_undo(application=hired, user=recruiter, reason="Offer withdrawn")
    assert not Agent.objects.exists()
    assert list(LogEntry.objects.values_list("object_id", "object_repr", "change_message")) == [
        (str(agent.id), "(erased)", "")
    ]


def test_undoing_the_hire_keeps_an_agent_with_development_as_an_involuntary_exit(
    hired, recruiter, django_capture_on_commit_callbacks, caplog
):
    agent = Agent.objects.get()
    CoachingSession.objects.create(agent=agent, held_on=agent.hire_date, topic="product", notes="first week")
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.application_move_undo(application=hired, user=recruiter, reason="Offer withdrawn")
    agent.refresh_from_db()
    assert (agent.exit_type, agent.exit_reason, agent.employment_status) == ("involuntary", "other", "exited")
    assert agent.exit_date >= agent.hire_date
    assert "was cancelled" in caplog.text


def test_a_cancelled_hire_or_an_erased_applicant_makes_no_agent(hired, recruiter):
    hire = Hire.objects.get()
    Agent.objects.all().delete()
    Hire.objects.filter(id=hire.id).update(candidate=None)
    assert hire_handoff.agent_from_hire(hire_id=hire.id) is None
    assert hire_handoff.agent_from_hire(hire_id=hire.id + 1000) is None
    assert not Agent.objects.exists()


def test_the_dominant_type_is_the_highest_score_and_ties_are_stable():
    assert hire_handoff.dominant_type({"rock": 3.0, "controller": 3.0, "empathizer": 2.0}) == "controller"
    assert hire_handoff.dominant_type({}) == ""
    assert hire_handoff.dominant_type(None) == ""


def test_the_agent_page_links_the_requisition_only_for_those_who_may_see_it(hired, client, hr_user, manager):
    agent = Agent.objects.get()
    link = f"/hiring/requisitions/{hired.requisition_id}/"
    client.force_login(hr_user)
    page = client.get(f"/workforce/agents/{agent.id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert link in page and "Controller" in page
    client.force_login(manager)
    page = client.get(f"/workforce/agents/{agent.id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert link not in page and "Controller" in page
