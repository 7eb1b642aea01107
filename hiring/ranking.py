"""Applications invited to an assessment, and a requisition's applications ranked by fit.

The ranking advises and a person decides (EU AI Act, Annex III 4(a)), so every read of it is
written to the access log, and an application without a finished assessment is "not scorable",
never 0.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from assessments import selectors as assessment_selectors
from assessments import services as assessment_services
from assessments.models import Assessment, Invitation
from hiring.fit import NOT_SCORABLE, FitConfig, fit_score
from hiring.models import Application, ApplicationInvitation, Requisition
from servicefit.core.models import AccessLog
from servicefit.core.services import access_log_many

FIT_CONFIG = FitConfig(version="fit-v1")


def application_invite(*, application: Application, assessment: Assessment, user, send: bool = True) -> Invitation:
    """An invitation for the candidate (their name, e-mail and language) in the requisition's team, linked.
    `send=False`: assessments sends no e-mail (hiring sends the team's own invitation text instead)."""
    candidate = application.candidate
    with transaction.atomic():
        invitation = assessment_services.invitation_create(
            assessment=assessment,
            email=candidate.email,
            name=candidate.name,
            language=candidate.language,
            user=user,
            team=application.requisition.team,
            send=send,
        )
        ApplicationInvitation.objects.create(application=application, invitation=invitation)
    return invitation


@dataclass(frozen=True)
class Ranked:
    application: Application
    fit: dict  # FitResult.to_dict()


def requisition_ranking(*, requisition: Requisition, today: date | None = None) -> list[Ranked]:
    """Every application of the requisition, the best fit first and the not scorable last.

    A label outranks a higher fit: a candidate capped by a hurdle stays below the label they were
    capped to. Queries: five, plus two per distinct assessment taken (whatever the number of applications).
    """
    today = today or timezone.localdate()
    role = requisition.role_profile
    type_mix = {w.service_type.code: float(w.weight) for w in role.type_weights.select_related("service_type")}
    required = {c.competency.code: c.target_level for c in role.competencies.select_related("competency")}
    applications = list(Application.objects.filter(requisition=requisition).select_related("candidate").order_by("id"))
    latest = _latest_submitted(requisition)
    norms = {
        assessment_id: assessment_selectors.assessment_norms(assessment_id=assessment_id)[0]
        for assessment_id in sorted({link.invitation.assessment_id for link in latest.values()})
    }
    ranked = []
    for application in applications:
        link = latest.get(application.id)
        percentiles = scores = assessed_on = None
        if link is not None:
            attempt = link.invitation.attempt
            scale_norms = norms[link.invitation.assessment_id]
            percentiles = {
                scale: round(scale_norms[scale].percentile(value), 1)
                for scale, value in attempt.result.type_scores.items()
                if scale in scale_norms
            }
            scores = attempt.result.competency_scores
            assessed_on = timezone.localdate(attempt.submitted_at)
        result = fit_score(
            percentiles=percentiles,
            type_mix=type_mix,
            competency_scores=scores,
            required_levels=required,
            assessed_on=assessed_on,
            today=today,
            config=FIT_CONFIG,
        )
        ranked.append(Ranked(application, result.to_dict()))
    ranked.sort(key=_rank_key)
    return ranked


def _latest_submitted(requisition: Requisition) -> dict[int, ApplicationInvitation]:
    """Per application, the link to its most recently submitted, scored attempt (one query)."""
    links = (
        ApplicationInvitation.objects.filter(
            application__requisition=requisition,
            invitation__attempt__submitted_at__isnull=False,
            invitation__attempt__result__isnull=False,
        )
        .select_related("invitation__attempt__result")
        .order_by("application_id", "-invitation__attempt__submitted_at", "-id")
    )
    latest: dict[int, ApplicationInvitation] = {}
    for link in links:
        latest.setdefault(link.application_id, link)
    return latest


def _rank_key(row: Ranked):
    fit = row.fit
    if fit["status"] == NOT_SCORABLE:
        return (1, 0, 0.0, row.application.id)
    return (0, FIT_CONFIG.rank(fit["label"]), -fit["fit"], row.application.id)


def ranking_shown(*, user, rows: list[Ranked]) -> list[Ranked]:
    """The rows a ranking page shows; each application written to the access log."""
    rows = list(rows)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=[row.application for row in rows])
    return rows
