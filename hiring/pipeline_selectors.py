"""Reads for requisitions, candidates and applications, scoped to the teams the user reaches.

A record of a team the user does not reach is as absent as one that never existed (404).
Candidate and application reads that show people are written to the access log.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from hiring.models import ENDED_STAGES, Application, ApplicationMove, Candidate, DuplicateFlag, Requisition, Stage
from servicefit.core.models import AccessLog
from servicefit.core.policies import CANDIDATE_RESULTS_READ, JOB_AD_READ, Policy
from servicefit.core.services import access_log_many


def requisition_list(*, user, policy: Policy = JOB_AD_READ, q: str = "", status: str = "") -> QuerySet[Requisition]:
    requisitions = policy.scope(
        Requisition.objects.select_related("role_profile", "job_ad", "team", "hiring_manager"), user
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
        Application.objects.select_related("candidate", "requisition").prefetch_related(
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
    """The stages of the requisition's pipeline in board order, the open ones first, then hired,
    rejected and withdrawn. Every requisition uses the default stages until stage templates exist."""
    return [stage for stage in Stage.values if stage not in ENDED_STAGES] + [
        stage for stage in Stage.values if stage in ENDED_STAGES
    ]
