"""Applications invited to an assessment, and a requisition's applications ranked by fit.

The ranking advises and a person decides (EU AI Act, Annex III 4(a)), so every read of it is
written to the access log, and an application without a finished assessment is "not scorable",
never 0.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, Invitation
from hiring.fit import NOT_SCORABLE, SCORED, STALE
from hiring.fit_records import requisition_fit_complete, role_fit, status_on
from hiring.models import Application, ApplicationInvitation, FitRecord, Requisition
from servicefit.core.models import AccessLog
from servicefit.core.policies import RANKING_READ, Policy
from servicefit.core.services import access_log_many


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
class RankedCandidate:
    id: int
    name: str


@dataclass(frozen=True)
class RankedApplication:
    """What a ranking shows of an application: plain values, so that reading 10,000 rows does not
    build 30,000 model instances."""

    id: int
    stage: str
    requisition_id: int
    candidate: RankedCandidate


@dataclass(frozen=True)
class Ranked:
    application: RankedApplication
    fit: dict  # FitResult.to_dict(), with the status as of today
    # Written answers of the assessment not reviewed yet: the fit is provisional until they are.
    written_not_reviewed: int = 0
    # (label rank, fit): what orders the ranking. Rows with the same place share a position.
    place: tuple[int, float | None] = (0, None)


# A page's positions are counted in one query; more places than this are read in one pass instead.
PLACES_COUNTED = 100
ROW_FIELDS = (
    "status",
    "stale_on",
    "result",
    "application_id",
    "application__stage",
    "application__requisition_id",
    "application__candidate_id",
    "application__candidate__name",
    "attempt__result__written_not_reviewed",
    "label_rank",
    "fit",
)


class RankingRows:
    """A requisition's ranking read lazily from the stored records: counting it is one query and
    each page or slice one more, with the application's stage and the candidate's name joined in.
    `records` may be narrowed by a filter; `ranking` is the whole ranking the positions are read in."""

    def __init__(self, records: QuerySet[FitRecord], today: date, ranking: QuerySet[FitRecord] | None = None):
        self.records = records
        self.today = today
        self.ranking = records if ranking is None else ranking

    @property
    def narrowed(self) -> bool:
        return self.records is not self.ranking

    def count(self) -> int:
        return self.records.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._ranked(row) for row in self.records.values_list(*ROW_FIELDS)[index]]
        return self._ranked(self.records.values_list(*ROW_FIELDS)[index])

    def __iter__(self):
        return (self._ranked(row) for row in self.records.values_list(*ROW_FIELDS).iterator(chunk_size=2000))

    def positions(self, rows: list[Ranked]) -> list[int]:
        """The positions of `rows` in the whole ranking (1 first), filtered or not: the place the
        ranking gave a candidate, which is also the one a decision records (ranking_position). Rows
        with the same label and fit share a position (1, 1, 3): the order in which they applied
        must not read as merit. A page is one query; a long list reads the ranking's places once."""
        places = list(dict.fromkeys(row.place for row in rows))
        if len(places) > PLACES_COUNTED:
            where = self._every_position()
        else:
            ahead = self.ranking.aggregate(
                **{f"p{n}": Count("pk", filter=_ahead_of(*place)) for n, place in enumerate(places)}
            )
            where = {place: ahead[f"p{n}"] + 1 for n, place in enumerate(places)}
        return [where[row.place] for row in rows]

    def _every_position(self) -> dict[tuple[int, float | None], int]:
        """Each place of the whole ranking and its position, as _ahead_of counts it."""
        where: dict[tuple[int, float | None], int] = {}
        by_label: dict[int, int] = {}  # the position of the label's first record: where its not scorable stand
        places = self.ranking.values_list("label_rank", "fit").iterator(chunk_size=2000)
        for index, place in enumerate(places, start=1):
            by_label.setdefault(place[0], index)
            where.setdefault(place, by_label[place[0]] if place[1] is None else index)
        return where

    def _ranked(self, row) -> Ranked:
        (
            status,
            stale_on,
            result,
            application_id,
            stage,
            requisition_id,
            candidate_id,
            name,
            not_reviewed,
            rank,
            fit,
        ) = row
        application = RankedApplication(application_id, stage, requisition_id, RankedCandidate(candidate_id, name))
        shown = {**result, "status": status_on(status, stale_on, self.today)}
        return Ranked(application, shown, not_reviewed or 0, place=(rank, fit))


def _ahead_of(label_rank: int, fit: float | None) -> Q:
    """The records ranked strictly above a place: a better label, or the same label and a higher fit."""
    ahead = Q(label_rank__lt=label_rank)
    if fit is not None:
        ahead |= Q(label_rank=label_rank, fit__gt=fit)
    return ahead


def ranking_requisition_get(*, user, requisition_id: int, policy: Policy = RANKING_READ) -> Requisition:
    """The requisition whose ranking the user may read. Not pipeline_selectors.requisition_get: its
    application count is a GROUP BY over every application, the slowest query of a large ranking."""
    requisitions = policy.scope(Requisition.objects.select_related("role_profile", "team"), user)
    return get_object_or_404(requisitions, id=requisition_id)


def requisition_ranking(
    *, requisition: Requisition, today: date | None = None, label: str = "", status: str = ""
) -> RankingRows:
    """Every application of the requisition, the best label first, then the highest fit; the not
    scorable last. A label outranks a higher fit: a candidate capped by a hurdle stays below the
    label they were capped to. Applications without a current record are scored here first (so a
    ranking is never short of anyone); the queries do not grow with the number of applications.
    `label` and `status` ("scored", "stale", "not_scorable") narrow it."""
    today = today or timezone.localdate()
    role = role_fit(requisition.role_profile)
    requisition_fit_complete(requisition=requisition, role=role, today=today)
    ordering = ("label_rank", F("fit").desc(nulls_last=True), "application_id")
    whole = records = FitRecord.objects.filter(application__requisition=requisition).order_by(*ordering)
    if label:
        records = records.filter(label=label)
    if status == NOT_SCORABLE:
        records = records.filter(status=NOT_SCORABLE)
    elif status == STALE:
        records = records.exclude(status=NOT_SCORABLE).filter(stale_on__lte=today)
    elif status == SCORED:
        records = records.exclude(status=NOT_SCORABLE).filter(stale_on__gt=today)
    return RankingRows(records, today, ranking=whole)


def ranking_position(record: FitRecord) -> int:
    """Where the record stands in its requisition's ranking, 1 first, shared with any record of the
    same label and fit (one query)."""
    requisition_id = record.application.requisition_id
    ahead = _ahead_of(record.label_rank, record.fit)
    return FitRecord.objects.filter(ahead, application__requisition_id=requisition_id).count() + 1


def ranking_shown(*, user, rows: list[Ranked]) -> list[Ranked]:
    """The rows a ranking page shows; each application written to the access log."""
    rows = list(rows)
    access_log_many(
        user=user, action=AccessLog.Action.VIEW, targets=[Application(pk=row.application.id) for row in rows]
    )
    return rows
