"""A person's decision against the ranking (advance, reject, hire): recorded with who, when, a short
reason and what the ranking showed them, and carried out as a pipeline move in the same transaction.

Who may decide: whoever may write candidates (CANDIDATE_WRITE: the team's recruiters, HR, admins),
and a manager for the requisitions they are the hiring manager of.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring import pipeline
from hiring.fit_records import application_fit_refresh, effective_status
from hiring.models import STAGE_MOVES, Application, FitRecord, RankingDecision, Requisition, Stage
from hiring.ranking import ranking_position
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import CANDIDATE_WRITE, RANKING_DECIDE

REASON_MAX = 300


def decider_allowed(*, user, requisition: Requisition) -> bool:
    if CANDIDATE_WRITE.allows_team(user, requisition.team_id):
        return True
    return RANKING_DECIDE.allows_team(user, requisition.team_id) and requisition.hiring_manager_id == user.id


def advance_stages(stage: str) -> list[str]:
    """The stages an advance may go to, in pipeline order; hiring is a decision of its own."""
    return [s for s in Stage.values if s in STAGE_MOVES.get(stage, ()) and s != Stage.HIRED]


def _target(application: Application, decision: str, to_stage: str | None) -> str:
    if decision == RankingDecision.Decision.REJECT:
        return Stage.REJECTED
    if decision == RankingDecision.Decision.HIRE:
        if application.stage != Stage.OFFER:
            raise ApplicationError(
                _("Only an application at the offer stage can be hired; this one is at %(stage)s.")
                % {"stage": Stage(application.stage).label},
                extra={"fields": {"decision": ["not_allowed"]}},
                status=409,
            )
        return Stage.HIRED
    stages = advance_stages(application.stage)
    if not stages:
        raise ApplicationError(
            _("An application at %(stage)s cannot be advanced.") % {"stage": Stage(application.stage).label},
            extra={"fields": {"decision": ["not_allowed"]}},
            status=409,
        )
    if to_stage and to_stage not in stages:
        raise ApplicationError(
            _("From %(stage)s an application advances to %(stages)s.")
            % {"stage": Stage(application.stage).label, "stages": ", ".join(str(Stage(s).label) for s in stages)},
            extra={"fields": {"stage": ["not_allowed"]}},
        )
    return to_stage or stages[0]


def ranking_decide(
    *, application: Application, decision: str, reason: str, user, to_stage: str | None = None
) -> RankingDecision:
    """Record the decision with the fit, label, position and version shown, and move the application."""
    reason = " ".join((reason or "").split())
    errors = {}
    if decision not in RankingDecision.Decision.values:
        errors["decision"] = [_("Choose advance, reject or hire.")]
    if not reason:
        errors["reason"] = [_("Give a short reason for the decision.")]
    elif len(reason) > REASON_MAX:
        errors["reason"] = [_("Keep the reason under %(max)s characters.") % {"max": REASON_MAX}]
    if errors:
        raise ApplicationError(_("The decision is not valid."), extra={"fields": errors})
    requisition = application.requisition
    if not decider_allowed(user=user, requisition=requisition):
        raise ApplicationError(
            _("Only a recruiter or the requisition's hiring manager can decide on its applications."), status=403
        )
    with transaction.atomic():
        current = Application.objects.select_for_update().get(pk=application.pk)
        target = _target(current, decision, to_stage)
        record = FitRecord.objects.filter(application=current).select_related("application").first()
        if record is None:
            record = application_fit_refresh(application=current)
        from_stage = current.stage
        pipeline.application_move(application=current, stage=target, user=user, reason=reason)
        return RankingDecision.objects.create(
            application=current,
            decision=decision,
            reason=reason,
            from_stage=from_stage,
            to_stage=target,
            by=user,
            at=timezone.now(),
            status=effective_status(record, timezone.localdate()),
            fit=record.fit,
            label=record.label,
            position=ranking_position(record),
            fit_version=record.fit_version,
        )


def decision_list(*, application: Application) -> QuerySet[RankingDecision]:
    return RankingDecision.objects.filter(application=application).select_related("by").order_by("-at", "-id")
