"""The Swedish merit statement: a rejected applicant may ask for written information on the
education, professional experience and other merits of the person who got the job
(Diskrimineringslagen (2008:567) 2 kap. 4 §). Staff print or download it and send it themselves.

It shows only the hired candidates of a filled requisition, and only the merits the statement is
for: education, experience and the assessment summary (service-type profile in words and
competency levels of the latest scored attempt). Every read is written to the access log.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy

from hiring.fit import level_of
from hiring.models import Application, ApplicationInvitation, Candidate, Requisition, Stage
from profiles.models import Competency, ServiceType
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.services import access_log_many

STATEMENT_LANGUAGES = ("sv", "en", "da", "nb")


@dataclass
class Merits:
    candidate: Candidate
    hired_on: object  # the date the application reached "hired"
    assessed_on: object = None
    type_order: list[str] = field(default_factory=list)  # service types, strongest first (labels)
    competencies: list[tuple[str, int]] = field(default_factory=list)  # (name, level 1–5)


def merit_statement(*, requisition: Requisition, user) -> list[Merits]:
    """The merits of the person(s) hired for a filled requisition, logged as viewed by `user`."""
    if requisition.status != Requisition.Status.FILLED:
        # Lazy: the statement is built in its own language, the refusal is read in the user's.
        raise ApplicationError(gettext_lazy("A merit statement is only given for a filled requisition."), status=409)
    hired = list(
        Application.objects.filter(requisition=requisition, stage=Stage.HIRED)
        .select_related("candidate")
        .prefetch_related("moves")
        .order_by("candidate__name", "id")
    )
    latest = _latest_results(hired)
    competency_names = {
        c.code: (c.translation().name if c.translation() else c.code)
        for c in Competency.objects.prefetch_related("translations")
    }
    merits = []
    for application in hired:
        hired_moves = [m for m in application.moves.all() if m.to_stage == Stage.HIRED and m.undone_at is None]
        item = Merits(
            candidate=application.candidate,
            hired_on=timezone.localdate(hired_moves[-1].at) if hired_moves else None,
        )
        link = latest.get(application.id)
        if link is not None:
            attempt = link.invitation.attempt
            result = attempt.result
            item.assessed_on = timezone.localdate(attempt.submitted_at)
            item.type_order = [
                _type_label(code) for code, _score in sorted(result.type_scores.items(), key=lambda kv: (-kv[1], kv[0]))
            ]
            item.competencies = [
                (competency_names.get(code, code), level_of(score))
                for code, score in sorted(result.competency_scores.items())
            ]
        merits.append(item)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=[m.candidate for m in merits])
    return merits


def _type_label(code: str) -> str:
    return str(ServiceType.Code(code).label) if code in ServiceType.Code.values else code


def _latest_results(applications: list[Application]) -> dict[int, ApplicationInvitation]:
    links = (
        ApplicationInvitation.objects.filter(
            application__in=applications,
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
