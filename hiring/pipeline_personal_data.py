"""Applicants' personal data in hiring: candidates, their applications, stage history and voluntary
self-identification.

Erasure deletes them: a pipeline keeps no aggregate that needs an anonymous placeholder, and a
move's reason may name the person. Requisitions stay (they hold no one's data).
"""

from collections.abc import Sequence

from django.db.models import Prefetch, Q

from hiring.models import Application, ApplicationMove, Candidate, SelfIdAnswer
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
    self_id: dict[int, list] = {}
    for answer in SelfIdAnswer.objects.filter(candidate__in=candidates).select_related("question").order_by("id"):
        self_id.setdefault(answer.candidate_id, []).append(
            {"question": answer.question.label, "answer": answer.option, "given_at": answer.given_at.isoformat()}
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
                "self_identification": self_id.get(candidate.id, []),
            }
            for candidate in candidates
        ]
    }


def applicant_erase(candidates: Sequence[Candidate], user) -> None:
    ids = [candidate.id for candidate in candidates]
    Candidate.objects.filter(id__in=ids).delete()


def applicant_related(candidates: Sequence[Candidate]) -> list[tuple[type, object]]:
    ids = [candidate.id for candidate in candidates]
    rows = [(Candidate, pk) for pk in ids]
    rows += [(Application, pk) for pk in Application.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)]
    rows += [
        (ApplicationMove, pk)
        for pk in ApplicationMove.objects.filter(application__candidate_id__in=ids).values_list("pk", flat=True)
    ]
    rows += [
        (SelfIdAnswer, pk) for pk in SelfIdAnswer.objects.filter(candidate_id__in=ids).values_list("pk", flat=True)
    ]
    return rows


HANDLER = PersonalDataHandler(
    category=APPLICANT,
    models=(Candidate, Application, ApplicationMove, SelfIdAnswer),
    find=applicant_find,
    export=applicant_export,
    erase=applicant_erase,
    related=applicant_related,
)
