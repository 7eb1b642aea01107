"""Requisitions with assessed applications, for the fit-record, ranking-page and decision tests."""

from datetime import timedelta

from django.utils import timezone

from assessments.models import Assessment, Attempt, AttemptResult, Invitation, NormTable
from hiring import fit_records, pipeline, ranking
from hiring.models import Requisition
from profiles.models import RoleProfile

ROLE = "advisor-controller-led"
TYPES = ["accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock"]
REQUIRED = {
    "complex_problem_solving": 4,
    "dialogue_leadership": 5,
    "product_technical_insight": 4,
    "commercial_sense": 4,
    "de_escalation": 3,
    "learning_agility": 3,
    "customer_insight": 4,
}
IN_BAND = {code: 20.0 * (level - 1) + 10 for code, level in REQUIRED.items()}
ONE_LEVEL_SHORT = {code: 20.0 * (level - 2) for code, level in REQUIRED.items()}


def battery_with_norms() -> Assessment:
    """The standard battery with a normal norm: mean 3, SD 1, so a percentile is Φ(score − 3)."""
    battery = Assessment.objects.get(slug="service-profile-standard")
    for scale in TYPES:
        NormTable.objects.update_or_create(assessment=battery, scale=scale, defaults={"mean": 3.0, "sd": 1.0, "n": 500})
    return battery


def requisition_make(user, *, title: str = "Kundeservice", hiring_manager=None, team=None) -> Requisition:
    return pipeline.requisition_create(
        user=user,
        title=title,
        role_profile=RoleProfile.objects.get(slug=ROLE),
        status=Requisition.Status.OPEN,
        hiring_manager=hiring_manager,
        team=team,
    )


def apply(requisition, user, number: int, *, name: str | None = None):
    candidate = pipeline.candidate_create(
        user=user,
        name=name or f"Kandidat {number}",
        email=f"kandidat{number}@example.dk",
        language="da",
        team=requisition.team,
    ).candidate
    return pipeline.application_create(user=user, candidate=candidate, requisition=requisition)


def assessed(application, battery, user, *, types: dict | None = None, competencies: dict, days_ago: int = 1):
    """A scored attempt written as rows (no signal is sent: the caller refreshes when it wants to)."""
    invitation = ranking.application_invite(application=application, assessment=battery, user=user)
    at = timezone.now() - timedelta(days=days_ago)
    attempt = Attempt.objects.create(invitation=invitation, started_at=at, submitted_at=at, consent_at=at, layout={})
    type_scores = dict.fromkeys(TYPES, 3.0) | (types or {})
    AttemptResult.objects.create(
        attempt=attempt,
        type_scores=type_scores,
        top_type=max(type_scores, key=type_scores.get),
        competency_scores=competencies,
    )
    Invitation.objects.filter(id=invitation.id).update(status=Invitation.Status.SUBMITTED)
    return attempt


def assessed_and_stored(application, battery, user, **kwargs):
    attempt = assessed(application, battery, user, **kwargs)
    fit_records.application_fit_refresh(application=application)
    return attempt
