"""Reads for a requisition's pipeline board and its figures, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from hiring.models import (
    ENDED_STAGES,
    STAGES_WITH_REASON,
    Application,
    ApplicationInvitation,
    ApplicationMove,
    Requisition,
    Stage,
)
from hiring.pipeline_figures import ApplicationRow, MoveRow, requisition_figures
from hiring.pipeline_selectors import application_moves, requisition_list, requisition_stage_names, requisition_stages


@dataclass
class Column:
    stage: str
    label: str
    cards: list[Application] = field(default_factory=list)


def board_applications(
    *, requisition: Requisition, stage: str = "", source: str = "", language: str = "", q: str = ""
) -> QuerySet[Application]:
    """The requisition's applications with what a card shows: when it entered its stage, whether the
    latest move can be taken back, and the status of its latest assessment invitation. One query."""
    moves = ApplicationMove.objects.filter(application=OuterRef("pk")).order_by("-at", "-id")
    undoable = moves.filter(undone_at__isnull=True, undo_of__isnull=True).exclude(from_stage="")
    invitations = ApplicationInvitation.objects.filter(application=OuterRef("pk")).order_by("-created_at", "-id")
    applications = (
        Application.objects.filter(requisition=requisition)
        .select_related("candidate", "requisition__stage_template")
        .annotate(
            stage_since=Subquery(moves.values("at")[:1]),
            undoable_to=Subquery(undoable.values("to_stage")[:1]),
            invitation_status=Subquery(invitations.values("invitation__status")[:1]),
        )
        .order_by("stage_since", "id")
    )
    if stage:
        applications = applications.filter(stage=stage)
    if source:
        applications = applications.filter(candidate__source=source)
    if language:
        applications = applications.filter(candidate__language=language)
    if q:
        applications = applications.filter(Q(candidate__name__icontains=q))
    return applications


def board_columns(*, requisition: Requisition, applications) -> list[Column]:
    """A column per stage of the requisition's pipeline, in board order, each card with its moves."""
    stages = requisition_stages(requisition)
    names = requisition_stage_names(requisition)
    columns = {stage: Column(stage=stage, label=names[stage]) for stage in stages}
    now = timezone.now()
    order = {stage: index for index, stage in enumerate(stages)}
    for application in applications:
        since = application.stage_since or application.created_at
        application.days_in_stage = max((now - since).days, 0)
        application.can_undo = application.undoable_to == application.stage
        application.requisition = requisition  # its template is loaded once, not per card
        application.moves_to = [
            (stage, names.get(stage) or Stage(stage).label, stage in STAGES_WITH_REASON)
            for stage in sorted(application_moves(application), key=lambda s: order.get(s, len(order)))
            if stage in order
        ]
        columns.setdefault(application.stage, Column(stage=application.stage, label=Stage(application.stage).label))
        columns[application.stage].cards.append(application)
    return list(columns.values())


def requisition_figures_get(*, requisition: Requisition) -> dict:
    """Time in stage, sources and conversion for the requisition: two queries."""
    applications = [
        ApplicationRow(id=pk, source=source)
        for pk, source in Application.objects.filter(requisition=requisition).values_list("id", "candidate__source")
    ]
    moves = [
        MoveRow(application=application_id, to_stage=to_stage, at=at, undone=undone_at is not None)
        for application_id, to_stage, at, undone_at in ApplicationMove.objects.filter(
            application__requisition=requisition
        )
        .order_by("application_id", "at", "id")
        .values_list("application_id", "to_stage", "at", "undone_at")
    ]
    return requisition_figures(
        applications=applications,
        moves=moves,
        stages=requisition_stages(requisition),
        ended=frozenset(ENDED_STAGES),
        out=frozenset(STAGES_WITH_REASON),
        now=timezone.now(),
    )


def requisition_rows(
    *, user, q: str = "", status: str = "", team=None, role_profile=None, without_candidates: bool = False
) -> QuerySet[Requisition]:
    """The requisitions the user reaches, filtered as on the list page, each with its application count."""
    requisitions = requisition_list(user=user, q=q, status=status)
    if team is not None:
        requisitions = requisitions.filter(team=team)
    if role_profile is not None:
        requisitions = requisitions.filter(role_profile=role_profile)
    if without_candidates:
        requisitions = requisitions.filter(application_count=0)
    return requisitions.order_by("-created_at", "-id")
