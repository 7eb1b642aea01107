"""An auditor's check of erasure across apps: one person who applied, was assessed, hired and
re-assessed as an agent, with admin history on every row; after the erasure no table's text holds
their name, either e-mail address or employee number."""

from datetime import date

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from assessments import services as assessment_services
from assessments.models import Answer, Assessment, Invitation, Item
from hiring import pipeline
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export
from tests.assessments import factories as assessment_factories
from tests.hiring.privacy_factories import apply, assessed, candidate_make, pooled, requisition_make
from tests.workforce.agent_factories import agent_make, everything_make
from tests.workforce.test_agents_erasure import database_text
from workforce import development
from workforce.models import Agent

MARKER = "Zebrafinke"
PRIVATE_EMAIL = "sofie.zebrafinke@privat.dk"
WORK_EMAIL = "sz@servicefit-centre.dk"
NUMBER = "EMP-7731"


def reassessed(agent, user) -> Invitation:
    """A submitted re-assessment whose written answers name the person."""
    battery = Assessment.objects.get(slug="service-profile-standard")
    invitation = development.agent_reassess(agent=agent, assessment=battery, user=user, send=False).invitation
    assessment_services.attempt_start(invitation=invitation, consent=True)
    assessment_factories.answer_all(invitation, assessment_factories.items_of(battery))
    Answer.objects.filter(attempt__invitation=invitation, item__kind=Item.Kind.TEXT).update(
        value=f"Jeg hedder Sofie {MARKER} og elsker kunder"
    )
    assessment_services.attempt_submit(invitation=invitation)
    return invitation


def the_person(recruiter, hr_user, manager, admin_user):
    candidate = candidate_make(
        recruiter, 7, cv_text=f"CV for Sofie {MARKER}", cover_letter_text=f"Kære {MARKER}", experience=MARKER
    )
    type(candidate).objects.filter(id=candidate.id).update(name=f"Sofie {MARKER}", email=PRIVATE_EMAIL)
    candidate.refresh_from_db()
    first = apply(recruiter, candidate, requisition_make(recruiter, title="Første"))
    pipeline.application_move(application=first, stage="rejected", user=recruiter, reason=f"{MARKER} valgte andet")
    second = apply(recruiter, candidate, requisition_make(recruiter, title="Anden"))
    assessed(second, recruiter)
    pooled(recruiter, candidate)
    # Hired: the agent has a work address, and is re-assessed at it.
    agent = agent_make(
        hr_user, name=f"Sofie {MARKER}", email=WORK_EMAIL, employee_number=NUMBER, manager=manager, source=MARKER
    )
    Agent.objects.filter(id=agent.id).update(candidate=candidate, application=second, hire_date=date(2024, 3, 1))
    everything_make(agent, marker=MARKER)
    invitation = reassessed(agent, manager)
    for obj in (candidate, first, second, agent, invitation):
        LogEntry.objects.create(
            user_id=admin_user.id,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=f"Sofie {MARKER}",
            action_flag=CHANGE,
            change_message=f"Changed {MARKER} <{WORK_EMAIL}>",
        )
    return candidate, agent, invitation


def assert_nothing_names_them():
    text = database_text()
    for value in (MARKER, MARKER.lower(), PRIVATE_EMAIL, WORK_EMAIL, NUMBER):
        assert value not in text, value


def test_it_leaves_nothing_of_an_applicant_turned_agent_erased_by_their_private_address(
    recruiter, hr_user, manager, admin_user
):
    _candidate, _agent, invitation = the_person(recruiter, hr_user, manager, admin_user)
    assert all(value in database_text() for value in (MARKER, PRIVATE_EMAIL, WORK_EMAIL, NUMBER))

    personal_data_erase(subject=Subject(email=PRIVATE_EMAIL), user=hr_user)

    assert_nothing_names_them()
    erased = AccessLog.objects.filter(action="erase")
    assert ("candidate", str(invitation.id)) in set(erased.values_list("category", "target_id"))


def test_it_erases_the_re_assessment_when_the_admin_erases_the_agent(client, recruiter, hr_user, manager, admin_user):
    candidate, agent, invitation = the_person(recruiter, hr_user, manager, admin_user)
    client.force_login(admin_user)
    selected = {"action": "erase_personal_data", "_selected_action": [agent.id], "post": "yes"}
    assert client.post("/admin/workforce/agent/", selected).status_code == 302

    erased = Invitation.objects.get(id=invitation.id)
    assert (erased.name, erased.email) == ("—", "")
    assert not Answer.objects.filter(attempt__invitation=invitation, item__kind=Item.Kind.TEXT).exists()
    history = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Invitation))
    assert list(history.values_list("object_id", "object_repr")) == [(str(invitation.id), "(erased)")]
    # The agent only: the applicant's own records are hiring's, erased on their own request.
    candidate.refresh_from_db()
    assert candidate.email == PRIVATE_EMAIL


def test_it_exports_the_re_assessment_with_the_agent(recruiter, hr_user, manager, admin_user):
    candidate, _agent, invitation = the_person(recruiter, hr_user, manager, admin_user)
    document = personal_data_export(subject=Subject(reference=candidate.id), user=hr_user)["data"]
    [reassessment] = document["employee"]["reassessments"]
    assert (reassessment["id"], reassessment["email"]) == (invitation.id, WORK_EMAIL)
    written = [a["value"] for a in reassessment["answers"] if a["kind"] == Item.Kind.TEXT]
    assert written and all(MARKER in value for value in written)
