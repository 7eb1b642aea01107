"""Applicants' personal data in hiring: candidates, their applications and stage history, their
stored fit results and the decisions made against the ranking.

Erasure deletes them: a pipeline keeps no aggregate that needs an anonymous placeholder, and a
move's or a decision's reason may name the person. Requisitions stay (they hold no one's data).
"""

from collections.abc import Sequence

from django.db.models import Prefetch, Q

from hiring.models import Application, ApplicationMove, Candidate, FitRecord, RankingDecision
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
    records = {r.application_id: r for r in FitRecord.objects.filter(application__candidate__in=candidates)}
    decisions: dict[int, list] = {}
    for decision in RankingDecision.objects.filter(application__candidate__in=candidates).select_related("by"):
        decisions.setdefault(decision.application_id, []).append(decision)
    by_candidate: dict[int, list] = {}
    for application in applications:
        record = records.get(application.id)
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
                "fit": None
                if record is None
                else {
                    "fit_version": record.fit_version,
                    "computed_at": record.computed_at.isoformat(),
                    **record.result,
                },
                "decisions": [
                    {
                        "decision": d.decision,
                        "reason": d.reason,
                        "from": d.from_stage,
                        "to": d.to_stage,
                        "by": d.by.get_username() if d.by else None,
                        "at": d.at.isoformat(),
                        "fit": d.fit,
                        "label": d.label,
                        "position": d.position,
                        "fit_version": d.fit_version,
                    }
                    for d in sorted(decisions.get(application.id, []), key=lambda d: (d.at, d.id))
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
            }
            for candidate in candidates
        ]
    }


def applicant_erase(candidates: Sequence[Candidate], user) -> None:
    ids = [candidate.id for candidate in candidates]
    # Named first so a change of on_delete can never leave a person's fit or a reason behind.
    FitRecord.objects.filter(application__candidate_id__in=ids).delete()
    RankingDecision.objects.filter(application__candidate_id__in=ids).delete()
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
        (FitRecord, pk)
        for pk in FitRecord.objects.filter(application__candidate_id__in=ids).values_list("pk", flat=True)
    ]
    rows += [
        (RankingDecision, pk)
        for pk in RankingDecision.objects.filter(application__candidate_id__in=ids).values_list("pk", flat=True)
    ]
    return rows


HANDLER = PersonalDataHandler(
    category=APPLICANT,
    models=(Candidate, Application, ApplicationMove, FitRecord, RankingDecision),
    find=applicant_find,
    export=applicant_export,
    erase=applicant_erase,
    related=applicant_related,
)
