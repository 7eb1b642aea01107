"""Applicants' personal data in hiring: candidates, their applications, stage history and hires.

Erasure deletes candidates, applications and moves: a pipeline keeps no aggregate that needs an
anonymous placeholder, and a move's reason may name the person. Requisitions stay (they hold no
one's data). A hire is anonymised, not deleted: its link to the candidate and application, the
assessment profile and the fit are cleared, and what stays (requisition, team, role profile, hiring
date) counts the filled opening. The person's employment is then the employer's record under its
own legal basis (workforce), not the applicant's data kept by hiring.
"""

from collections.abc import Sequence

from django.db.models import Prefetch, Q
from django.utils import timezone

from hiring.models import Application, ApplicationMove, Candidate, Hire
from hiring.pipeline import APPLICANT
from servicefit.core.personal_data import PersonalDataHandler, Subject


def applicant_find(subject: Subject) -> list[Candidate]:
    condition = Q(pk__in=[])
    if subject.email:
        condition |= Q(email__iexact=subject.email)
    if subject.reference is not None:
        condition |= Q(pk=subject.reference)
    return list(Candidate.objects.filter(condition).order_by("id"))


def applicant_export(candidates: Sequence[Candidate]) -> dict:
    moves = ApplicationMove.objects.select_related("by").order_by("at", "id")
    applications = (
        Application.objects.filter(candidate__in=candidates)
        .select_related("requisition")
        .prefetch_related(Prefetch("moves", queryset=moves))
        .order_by("id")
    )
    hires_by_candidate: dict[int, list] = {}
    for hire in Hire.objects.filter(candidate__in=candidates).select_related("requisition", "role_profile"):
        hires_by_candidate.setdefault(hire.candidate_id, []).append(
            {
                "id": hire.id,
                "requisition": hire.requisition.title,
                "role_profile": hire.role_profile.slug,
                "hired_on": hire.hired_on.isoformat(),
                "assessment_profile": hire.assessment_profile,
                "fit": hire.fit_explanation,
                "cancelled_at": hire.cancelled_at.isoformat() if hire.cancelled_at else None,
            }
        )
    by_candidate: dict[int, list] = {}
    for application in applications:
        by_candidate.setdefault(application.candidate_id, []).append(
            {
                "id": application.id,
                "requisition": application.requisition.title,
                "stage": application.stage,
                "reason": application.reason,
                "applied_at": application.created_at.isoformat(),
                "moves": [
                    {
                        "from": move.from_stage,
                        "to": move.to_stage,
                        "reason": move.reason,
                        "by": move.by.get_username() if move.by else None,
                        "at": move.at.isoformat(),
                        "undone_at": move.undone_at.isoformat() if move.undone_at else None,
                    }
                    for move in application.moves.all()
                ],
            }
        )
    return {
        "candidates": [
            {
                "id": candidate.id,
                "name": candidate.name,
                "email": candidate.email,
                "phone": candidate.phone,
                "language": candidate.language,
                "source": candidate.source,
                "consent_at": candidate.consent_at.isoformat() if candidate.consent_at else None,
                "consent_text_version": candidate.consent_text_version,
                "created_at": candidate.created_at.isoformat(),
                "applications": by_candidate.get(candidate.id, []),
                "hires": hires_by_candidate.get(candidate.id, []),
            }
            for candidate in candidates
        ]
    }


def applicant_erase(candidates: Sequence[Candidate], user) -> None:
    ids = [candidate.id for candidate in candidates]
    Hire.objects.filter(Q(candidate_id__in=ids) | Q(application__candidate_id__in=ids)).update(
        candidate=None,
        application=None,
        assessment_profile={},
        fit_status="",
        fit=None,
        fit_label="",
        fit_version="",
        fit_explanation={},
        anonymised_at=timezone.now(),
    )
    Candidate.objects.filter(id__in=ids).delete()


def applicant_related(candidates: Sequence[Candidate]) -> list[tuple[type, object]]:
    ids = [candidate.id for candidate in candidates]
    rows = [(Candidate, pk) for pk in ids]
    rows += [(Application, pk) for pk in Application.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)]
    rows += [
        (ApplicationMove, pk)
        for pk in ApplicationMove.objects.filter(application__candidate_id__in=ids).values_list("pk", flat=True)
    ]
    rows += [(Hire, pk) for pk in Hire.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)]
    return rows


HANDLER = PersonalDataHandler(
    category=APPLICANT,
    models=(Candidate, Application, ApplicationMove, Hire),
    find=applicant_find,
    export=applicant_export,
    erase=applicant_erase,
    related=applicant_related,
)
