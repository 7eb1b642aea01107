"""Candidates in every state the retention rules and the talent pool care about."""

from datetime import timedelta

from django.utils import timezone

from assessments.models import Assessment, Attempt, AttemptResult, Invitation
from hiring import pipeline, ranking, talent_pool
from hiring.models import Requisition
from profiles.models import RoleProfile

TYPES = ["accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock"]


def requisition_make(user, *, title="Kundeservice Malmö", team=None):
    return pipeline.requisition_create(
        user=user,
        title=title,
        role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
        status=Requisition.Status.OPEN,
        team=team,
    )


def requisition_end(requisition, *, days_ago: int, status=Requisition.Status.CLOSED):
    """Closed (or filled) `days_ago` days ago: written directly, as the pipeline dates a closing today."""
    closed_on = timezone.localdate() - timedelta(days=days_ago)
    Requisition.objects.filter(id=requisition.id).update(status=status, opened_on=closed_on, closed_on=closed_on)
    requisition.refresh_from_db()
    return requisition


def candidate_make(user, number: int = 1, *, language="da", source="job_board", team=None, **fields):
    candidate = pipeline.candidate_create(
        user=user,
        name=f"Ansøger Nummer{number}",
        email=f"ansoger{number}@example.dk",
        language=language,
        source=source,
        team=team,
    ).candidate
    if fields:
        type(candidate).objects.filter(id=candidate.id).update(**fields)
        candidate.refresh_from_db()
    return candidate


def apply(user, candidate, requisition):
    """An application, also to a requisition that has ended (it took the application while open)."""
    ended = requisition.status
    Requisition.objects.filter(id=requisition.id).update(status=Requisition.Status.OPEN)
    requisition.status = Requisition.Status.OPEN
    application = pipeline.application_create(user=user, candidate=candidate, requisition=requisition)
    Requisition.objects.filter(id=requisition.id).update(status=ended)
    requisition.status = ended
    return application


def assessed(application, user, *, types=None, competencies=None):
    """A submitted, scored attempt linked to the application (written directly, as in test_ranking)."""
    invitation = ranking.application_invite(
        application=application, assessment=Assessment.objects.get(slug="service-profile-standard"), user=user
    )
    at = timezone.now() - timedelta(days=1)
    attempt = Attempt.objects.create(invitation=invitation, started_at=at, submitted_at=at, consent_at=at, layout={})
    type_scores = dict.fromkeys(TYPES, 3.0) | (types or {})
    AttemptResult.objects.create(
        attempt=attempt,
        type_scores=type_scores,
        top_type=max(type_scores, key=type_scores.get),
        competency_scores=competencies or {"de_escalation": 70.0},
        text_analysis={"note": "analysed"},
    )
    Invitation.objects.filter(id=invitation.id).update(status=Invitation.Status.SUBMITTED)
    return invitation


def pooled(user, candidate, *, expires_in_days: int | None = None, version="pool-v1"):
    entry = talent_pool.talent_pool_add(user=user, candidate=candidate, consent_text_version=version)
    if expires_in_days is not None:
        entry.consent_expires_at = timezone.now() + timedelta(days=expires_in_days)
        entry.consent_given_at = entry.consent_expires_at - timedelta(days=365)
        entry.save()
    return entry
