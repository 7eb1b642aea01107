"""Requisitions with applications, made through the services the pages use (board, bulk, e-mail tests)."""

from hiring import pipeline
from hiring.models import Requisition
from profiles.models import RoleProfile

ADVISOR = "advisor-controller-led"


def requisition_make(user, *, title="Kundeservice Aarhus", status=Requisition.Status.OPEN, **kwargs):
    return pipeline.requisition_create(
        user=user, title=title, role_profile=RoleProfile.objects.get(slug=ADVISOR), status=status, **kwargs
    )


def application_make(user, requisition, *, name="Mette Hansen", email=None, language="da", source="job_board"):
    email = email or name.lower().replace(" ", ".") + "@example.dk"
    candidate = pipeline.candidate_create(
        user=user, name=name, email=email, language=language, source=source, team=requisition.team
    ).candidate
    return pipeline.application_create(user=user, candidate=candidate, requisition=requisition)
