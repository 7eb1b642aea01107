"""The retention purge: applicants whose requisitions all closed longer ago than their team's period,
and who are not in the talent pool with a consent still running, are erased through the
personal-data layer (the same path as an erasure on request: access log, admin history scrubbed).

A hired candidate is kept: their application is where their employment record starts (the
workforce issue), not an applicant's file. Safe to run twice: an erased candidate is gone.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from hiring.models import Application, Candidate, Requisition, Stage, TalentPoolEntry
from hiring.pipeline import APPLICANT
from hiring.retention import closed_before, retention_months
from servicefit.core.models import Team
from servicefit.core.services import personal_data_records_erase

ENDED_REQUISITIONS = (Requisition.Status.FILLED, Requisition.Status.CLOSED)


@dataclass(frozen=True)
class ExpiryCounts:
    candidates: int  # erased (or, in a dry run, that would be)
    lapsed_consents: int  # talent-pool entries whose consent ran out, of candidates an application still keeps


def team_retention_months(team: Team) -> int:
    return retention_months(
        country=team.country or settings.SERVICEFIT_RETENTION_COUNTRY,
        team_months=team.retention_months,
        install_months=settings.SERVICEFIT_RETENTION_MONTHS,
    )


def _cutoffs(today: date) -> dict[date, list[int]]:
    """Team ids by the closing date on or before which their applicants' data has been kept long enough."""
    by_cutoff: dict[date, list[int]] = {}
    for team in Team.objects.only("id", "country", "retention_months"):
        by_cutoff.setdefault(closed_before(today=today, months=team_retention_months(team)), []).append(team.id)
    return by_cutoff


def candidates_expired(*, now: datetime | None = None) -> list[int]:
    """Ids of the candidates the retention rules no longer allow to keep. One query per distinct period."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    consent_valid = TalentPoolEntry.objects.filter(candidate=OuterRef("pk"), consent_expires_at__gt=now)
    expired: list[int] = []
    for cutoff, team_ids in sorted(_cutoffs(today).items()):
        keeps = Application.objects.filter(candidate=OuterRef("pk")).filter(
            ~Q(requisition__status__in=ENDED_REQUISITIONS)
            | Q(requisition__closed_on__isnull=True)
            | Q(requisition__closed_on__gt=cutoff)
            | Q(stage=Stage.HIRED)
        )
        applied = Application.objects.filter(candidate=OuterRef("pk"))
        expired += (
            Candidate.objects.filter(team_id__in=team_ids)
            .filter(
                # Never applied: kept as long as an application would have been, counted from their creation.
                Q(Exists(applied)) | Q(created_at__date__lte=cutoff),
                ~Exists(keeps),
                ~Exists(consent_valid),
            )
            .values_list("id", flat=True)
        )
    return sorted(expired)


def talent_pool_lapsed(*, now: datetime | None = None, keep_out: list[int] = ()) -> list[int]:
    now = now or timezone.now()
    return list(
        TalentPoolEntry.objects.filter(consent_expires_at__lte=now)
        .exclude(candidate_id__in=keep_out)
        .values_list("id", flat=True)
    )


def candidates_expire(*, now: datetime | None = None, dry_run: bool = False) -> ExpiryCounts:
    """Erase the expired candidates (by the system: no user) and drop consents that ran out."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = candidates_expired(now=now)
        lapsed = talent_pool_lapsed(now=now, keep_out=expired)
        if not dry_run:
            personal_data_records_erase(
                category=APPLICANT, records=list(Candidate.objects.filter(id__in=expired)), user=None
            )
            TalentPoolEntry.objects.filter(id__in=lapsed).delete()
    return ExpiryCounts(candidates=len(expired), lapsed_consents=len(lapsed))
