"""seed_demo's workforce part on a fresh database: one test (it writes a few thousand rows)."""

import time

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from hiring import pipeline
from profiles.models import RoleProfile
from servicefit.core.roles import Role
from workforce.demo import DEMO_AGENTS, DEMO_EMAIL_DOMAIN, demo_load
from workforce.models import (
    Agent,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    DevelopmentPlan,
    PlanGoal,
    PulseInvitation,
    PulseResponse,
    PulseSurvey,
    Training,
)


def counts():
    models = (
        Agent,
        CoachingSession,
        Training,
        DevelopmentPlan,
        PlanGoal,
        CompetencyLevel,
        CareerMove,
        PulseSurvey,
        PulseInvitation,
        PulseResponse,
    )
    return {model.__name__: model.objects.count() for model in models}


def demo_hire(recruiter):
    """A hire as the hiring demo leaves them (a candidate moved to hired)."""
    requisition = pipeline.requisition_create(
        user=recruiter, title="Kundeservice", role_profile=RoleProfile.objects.get(slug="classic-service-agent")
    )
    candidate = pipeline.candidate_create(
        user=recruiter, name="Jonas Holm", email="jonas.holm@example.dk", language="da", source="referral"
    ).candidate
    application = pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition)
    for stage in ("screened", "interview", "offer", "hired"):
        pipeline.application_move(application=application, stage=stage, user=recruiter)
    return application.hires.get()


def test_it_writes_the_demo_centre_once_with_its_sites_leads_and_records(role_users):
    hire = demo_hire(role_users[Role.RECRUITER])
    users = {
        "recruiter": role_users[Role.RECRUITER],
        "hr": role_users[Role.HR],
        "manager": role_users[Role.MANAGER],
        "admin": role_users[Role.ADMIN],
    }
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        line = demo_load(users=users)
    seconds = time.perf_counter() - started
    print(f"demo_load: {seconds:.2f} s, {len(queries)} queries")
    assert line.startswith(f"demo agents created: {DEMO_AGENTS}, from demo hires: 1; risk model v1 trained")
    assert len(queries) < 400  # bulk writes, not a query per row

    generated = Agent.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN)
    by_team = dict(generated.values_list("team__name").annotate(n=Count("id")))
    assert set(by_team) == {"Copenhagen", "Oslo", "Stockholm"}
    assert all(n >= 60 for n in by_team.values()), by_team
    stockholm = Agent.objects.filter(team__name="Stockholm").first().team
    assert (stockholm.country, stockholm.parent.name) == ("SE", "Nordic Customer Care")
    # The demo manager leads Copenhagen's agents; the other sites have their own leads.
    managers = dict(generated.values_list("team__name", "manager__username").distinct())
    assert managers == {"Copenhagen": users["manager"].username, "Oslo": "lead-oslo", "Stockholm": "lead-stockholm"}
    assert not Agent.objects.filter(team__name="Oslo").first().manager.has_usable_password()  # no login

    # The hire became an agent, linked to its candidate and application.
    hired = Agent.objects.get(hire=hire)
    assert (hired.employee_number, hired.name, hired.hire_date) == (f"SF-{hire.id}", "Jonas Holm", hire.hired_on)
    assert (hired.candidate_id, hired.application_id, hired.source) == (
        hire.candidate_id,
        hire.application_id,
        "referral",
    )
    assert hired.trainings.count() == 1

    written = counts()
    assert all(n > 0 for n in written.values()), written
    assert written["Agent"] == DEMO_AGENTS + 1
    assert PulseSurvey.objects.filter(status="closed").count() >= 11
    assert Agent.objects.filter(exit_date__isnull=True).count() >= 60
    assert Agent.objects.exclude(hiring_fit=None).exclude(hiring_dominant_type="").exists()
    assert Agent.objects.filter(role_profile__slug="technical-support-specialist").exists()

    # Running it again (seed_demo twice) duplicates nothing.
    assert demo_load(users=users) == "demo agents created: 0, from demo hires: 0"
    assert counts() == written
