"""Reads for requisitions, candidates and applications, scoped to the teams the user reaches.

A record of a team the user does not reach is as absent as one that never existed (404).
Candidate and application reads that show people are written to the access log.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from hiring.models import (
    ENDED_STAGES,
    STAGES_WITH_REASON,
    Application,
    ApplicationMove,
    Candidate,
    DuplicateFlag,
    Requisition,
    Stage,
)
from hiring.stage_flow import forward_moves
from servicefit.core.models import AccessLog
from servicefit.core.policies import CANDIDATE_RESULTS_READ, JOB_AD_READ, Policy
from servicefit.core.services import access_log_many


def requisition_list(*, user, policy: Policy = JOB_AD_READ, q: str = "", status: str = "") -> QuerySet[Requisition]:
    requisitions = policy.scope(
        Requisition.objects.select_related("role_profile", "job_ad", "team", "hiring_manager", "stage_template"), user
    ).annotate(application_count=Count("applications"))
    if q:
        requisitions = requisitions.filter(title__icontains=q)
    if status:
        requisitions = requisitions.filter(status=status)
    return requisitions


def requisition_get(*, user, requisition_id: int, policy: Policy = JOB_AD_READ) -> Requisition:
    return get_object_or_404(requisition_list(user=user, policy=policy), id=requisition_id)


def candidate_list(
    *,
    user,
    policy: Policy = CANDIDATE_RESULTS_READ,
    q: str = "",
    source: str = "",
    language: str = "",
    open_duplicates: bool = False,
    requisition: int | None = None,
) -> QuerySet[Candidate]:
    """`has_open_duplicates` on each: an undecided possible-duplicate flag either way round."""
    open_flags = DuplicateFlag.objects.filter(status=DuplicateFlag.Status.OPEN).filter(
        Q(candidate=OuterRef("pk")) | Q(other=OuterRef("pk"))
    )
    candidates = policy.scope(Candidate.objects.select_related("team"), user).annotate(
        has_open_duplicates=Exists(open_flags)
    )
    if q:
        candidates = candidates.filter(Q(name__icontains=q) | Q(email__icontains=q) | Q(phone__icontains=q))
    if source:
        candidates = candidates.filter(source=source)
    if language:
        candidates = candidates.filter(language=language)
    if open_duplicates:
        candidates = candidates.filter(has_open_duplicates=True)
    if requisition is not None:
        candidates = candidates.filter(applications__requisition_id=requisition)
    return candidates


def candidate_get(*, user, candidate_id: int, policy: Policy = CANDIDATE_RESULTS_READ) -> Candidate:
    return get_object_or_404(candidate_list(user=user, policy=policy), id=candidate_id)


def application_list(
    *, user, policy: Policy = CANDIDATE_RESULTS_READ, requisition: int | None = None, stage: str = "", q: str = ""
) -> QuerySet[Application]:
    moves = ApplicationMove.objects.select_related("by").order_by("at", "id")
    applications = policy.scope(
        Application.objects.select_related("candidate", "requisition__stage_template").prefetch_related(
            Prefetch("moves", queryset=moves)
        ),
        user,
        field="requisition__team",
    )
    if requisition is not None:
        applications = applications.filter(requisition_id=requisition)
    if stage:
        applications = applications.filter(stage=stage)
    if q:
        applications = applications.filter(Q(candidate__name__icontains=q) | Q(candidate__email__icontains=q))
    return applications


def application_get(*, user, application_id: int, policy: Policy = CANDIDATE_RESULTS_READ) -> Application:
    return get_object_or_404(application_list(user=user, policy=policy), id=application_id)


def people_shown(*, user, records) -> list:
    """The candidates or applications a list or detail shows, written to the access log (ids only)."""
    shown = list(records)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=shown)
    return shown


def requisition_stages(requisition: Requisition) -> list[str]:
    """The stages of the requisition's pipeline in board order: its template's open stages, then
    hired, rejected and withdrawn."""
    stages = requisition.stage_template.stage_codes
    return [stage for stage in stages if stage not in ENDED_STAGES] + [
        stage for stage in Stage.values if stage in ENDED_STAGES
    ]


def requisition_stage_names(requisition: Requisition) -> dict[str, str]:
    """Each stage's name on the requisition's board: the template's own name, else the stage's label."""
    names = {entry["stage"]: entry.get("name", "") for entry in requisition.stage_template.stages}
    return {stage: names.get(stage) or str(Stage(stage).label) for stage in requisition_stages(requisition)}


def application_moves(application: Application) -> list[str]:
    """The stages the application may move to under its requisition's template: forward to the next
    stage (or over one optional stage), or out with a reason. None once it has ended."""
    if application.stage in ENDED_STAGES:
        return []
    template = application.requisition.stage_template
    forward = forward_moves(template.stage_codes, template.optional_stages, application.stage)
    return forward + [stage for stage in Stage.values if stage in STAGES_WITH_REASON]
