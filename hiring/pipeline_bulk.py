"""Actions on many applications at once, and the interview invitation: every application is checked
first, then all are written in one transaction, or none. E-mails go out after the commit."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.models import Assessment, Invitation
from hiring import pipeline, ranking
from hiring.messages import candidate_email_send, invitation_needs_own_email
from hiring.models import ENDED_STAGES, STAGES_WITH_REASON, Application, EmailKind, Stage
from hiring.pipeline_selectors import application_moves
from servicefit.core.exceptions import ApplicationError

MAX_REASON = 300


def _refused(refusals: list[tuple[Application, str]], total: int) -> ApplicationError:
    message = ngettext(
        "Nothing was done: %(refused)d of %(total)d applications cannot take this action.",
        "Nothing was done: %(refused)d of %(total)d applications cannot take this action.",
        len(refusals),
    ) % {"refused": len(refusals), "total": total}
    return ApplicationError(
        message,
        extra={"refused": [{"application": a.id, "name": a.candidate.name, "reason": r} for a, r in refusals]},
        status=409,
    )


def _checked_selection(applications) -> list[Application]:
    applications = list(applications)
    if not applications:
        raise ApplicationError(_("Select at least one application."), extra={"fields": {"applications": ["required"]}})
    return applications


def _reason_checked(stage: str, reason: str) -> str:
    reason = reason.strip()
    if stage in STAGES_WITH_REASON and not reason:
        raise ApplicationError(
            _("Give a reason for rejecting or withdrawing."), extra={"fields": {"reason": ["required"]}}
        )
    if len(reason) > MAX_REASON:
        raise ApplicationError(_("Keep the reason under 300 characters."), extra={"fields": {"reason": ["max_length"]}})
    return reason


def _move_refusals(applications: list[Application], stage: str) -> list[tuple[Application, str]]:
    refusals = []
    for application in applications:
        if stage not in application_moves(application):
            refusals.append(
                (
                    application,
                    _("An application in %(from)s cannot move to %(to)s.")
                    % {"from": Stage(application.stage).label, "to": Stage(stage).label},
                )
            )
    if stage == Stage.HIRED:
        requisition = applications[0].requisition
        left = requisition.openings - requisition.applications.filter(stage=Stage.HIRED).count()
        movable = [a for a in applications if a not in {r[0] for r in refusals}]
        for application in movable[max(left, 0) :]:
            refusals.append((application, _("Every opening of this requisition is filled.")))
    return refusals


def application_bulk_move(*, applications, stage: str, user, reason: str = "", notify: bool = False) -> int:
    """Move every application to `stage`; with `notify`, a rejection e-mail to each one rejected."""
    applications = _checked_selection(applications)
    if stage not in Stage.values:
        raise ApplicationError(
            _("There is no stage %(stage)r.") % {"stage": stage}, extra={"fields": {"stage": ["invalid"]}}
        )
    reason = _reason_checked(stage, reason)
    refusals = _move_refusals(applications, stage)
    if refusals:
        raise _refused(refusals, len(applications))
    with transaction.atomic():
        for application in applications:
            pipeline.application_move(application=application, stage=stage, user=user, reason=reason)
            if notify and stage == Stage.REJECTED:
                candidate_email_send(application=application, kind=EmailKind.REJECTION, user=user)
    return len(applications)


def application_bulk_reject(*, applications, reason: str, user, notify: bool = True) -> int:
    """Reject with one reason, and (by default) one rejection e-mail to each candidate."""
    return application_bulk_move(
        applications=applications, stage=Stage.REJECTED, user=user, reason=reason, notify=notify
    )


def application_invite_send(*, application: Application, assessment: Assessment, user) -> Invitation:
    """Invite to the assessment with one e-mail: assessments' own, or the team's own invitation text."""
    own_text = invitation_needs_own_email(application=application)
    with transaction.atomic():
        invitation = ranking.application_invite(
            application=application, assessment=assessment, user=user, send=not own_text
        )
        if own_text:
            candidate_email_send(
                application=application, kind=EmailKind.INVITATION, user=user, extra={"invitation_id": invitation.id}
            )
    return invitation


def application_bulk_invite(*, applications, assessment: Assessment, user) -> int:
    applications = _checked_selection(applications)
    if not assessment.is_active:
        raise ApplicationError(_("This assessment is not active."), extra={"fields": {"assessment": ["inactive"]}})
    open_statuses = (Invitation.Status.PENDING, Invitation.Status.STARTED)
    invited = set(
        Application.objects.filter(
            id__in=[a.id for a in applications],
            invitation_links__invitation__assessment=assessment,
            invitation_links__invitation__status__in=open_statuses,
        ).values_list("id", flat=True)
    )
    refusals = []
    for application in applications:
        if application.stage in ENDED_STAGES:
            refusals.append(
                (application, _("The application is %(stage)s.") % {"stage": Stage(application.stage).label})
            )
        elif application.id in invited:
            refusals.append((application, _("An invitation to this assessment is already open.")))
    if refusals:
        raise _refused(refusals, len(applications))
    with transaction.atomic():
        for application in applications:
            application_invite_send(application=application, assessment=assessment, user=user)
    return len(applications)


def application_interview_invite(*, application: Application, when: datetime, place: str, user) -> Application:
    """E-mail an interview invitation and move the application to interview when that move is allowed."""
    if application.stage in ENDED_STAGES:
        raise ApplicationError(
            _("The application is %(stage)s.") % {"stage": Stage(application.stage).label}, status=409
        )
    with transaction.atomic():
        if Stage.INTERVIEW in application_moves(application):
            application = pipeline.application_move(application=application, stage=Stage.INTERVIEW, user=user)
        candidate_email_send(
            application=application, kind=EmailKind.INTERVIEW, user=user, extra={"when": when, "place": place}
        )
    return application
