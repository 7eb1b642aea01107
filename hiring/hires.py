"""Recording a hire when an application moves to hired, and cancelling it when that move is undone.

Both run inside hiring.pipeline's move transaction. The hire keeps the candidate's assessment
profile and fit as they were at that moment: the application's fit record is refreshed with the role
profile's current fit settings (hiring.fit_records, what the ranking shows) and copied.
"""

from datetime import date

from django.utils import timezone

from assessments import selectors as assessment_selectors
from hiring import events, fit_records
from hiring.models import Application, ApplicationInvitation, Hire, Requisition, Stage


def application_assessment(*, application: Application, today: date) -> tuple[dict, dict]:
    """(assessment profile, fit as FitResult.to_dict()) of the application's latest submitted,
    scored attempt; an empty profile and a "not scorable" fit without one."""
    link = (
        ApplicationInvitation.objects.filter(
            application=application,
            invitation__attempt__submitted_at__isnull=False,
            invitation__attempt__result__isnull=False,
        )
        .select_related("invitation__assessment", "invitation__attempt__result")
        .order_by("-invitation__attempt__submitted_at", "-id")
        .first()
    )
    profile: dict = {}
    if link is not None:
        attempt = link.invitation.attempt
        scale_norms, _group = assessment_selectors.assessment_norms(assessment_id=link.invitation.assessment_id)
        percentiles = {
            scale: round(scale_norms[scale].percentile(value), 1)
            for scale, value in attempt.result.type_scores.items()
            if scale in scale_norms
        }
        scores = attempt.result.competency_scores
        assessed_on = timezone.localdate(attempt.submitted_at)
        profile = {
            "assessment": link.invitation.assessment.slug,
            "submitted_on": assessed_on.isoformat(),
            "type_scores": attempt.result.type_scores,
            "type_percentiles": percentiles,
            "competency_scores": scores,
        }
    record = fit_records.application_fit_refresh(application=application, today=today)
    return profile, {**record.result, "status": fit_records.effective_status(record, today)}


def hire_record(*, application: Application, user, hired_on: date | None = None) -> Hire:
    """The hire of an application just moved to hired; the requisition is filled when its hires
    reach its openings. The caller holds the application and requisition locked."""
    today = timezone.localdate()
    requisition = application.requisition
    profile, fit = application_assessment(application=application, today=today)
    hire = Hire.objects.create(
        application=application,
        candidate=application.candidate,
        requisition=requisition,
        team_id=requisition.team_id,
        role_profile_id=requisition.role_profile_id,
        hired_on=hired_on or today,
        assessment_profile=profile,
        fit_status=fit["status"],
        fit=fit["fit"],
        fit_label=fit["label"] or "",
        fit_version=fit["fit_version"] or "",
        fit_explanation=fit,
        recorded_by=user,
    )
    hired = requisition.applications.filter(stage=Stage.HIRED).count()
    if hired >= requisition.openings and requisition.status != Requisition.Status.FILLED:
        requisition.status = Requisition.Status.FILLED
        requisition.opened_on = requisition.opened_on or today
        requisition.closed_on = max(today, requisition.opened_on)
        requisition.save(update_fields=["status", "opened_on", "closed_on", "updated_at"])
    events.hire_announce(hire_id=hire.id)
    return hire


def hire_cancel(*, application: Application, user) -> Hire | None:
    """Cancel the application's hire (its move to hired was undone) and reopen a filled requisition."""
    hire = Hire.objects.select_for_update().filter(application=application, cancelled_at__isnull=True).first()
    requisition = Requisition.objects.select_for_update().get(pk=application.requisition_id)
    if requisition.status == Requisition.Status.FILLED:
        requisition.status = Requisition.Status.OPEN
        requisition.closed_on = None
        requisition.save(update_fields=["status", "closed_on", "updated_at"])
    if hire is None:
        return None
    hire.cancelled_at = timezone.now()
    hire.cancelled_by = user
    hire.save(update_fields=["cancelled_at", "cancelled_by"])
    events.hire_cancel_announce(hire_id=hire.id)
    return hire
