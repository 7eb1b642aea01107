"""What the staffing plan (the staffing app, above hiring) reads from the hiring pipeline.

Contract (hiring never imports staffing):

- `pipeline_times(*, since)` → PipelineTimes: over the hires whose standing move to hired was made on or
  after `since`, the median days from the application's first move (it entering the pipeline) to that
  move, and the median days from its move to offer to the hire's first working day (`Hire.hired_on`).
  A move that was taken back (undone) does not count; a hire that was cancelled does not either.
- `hires_starting_after(day)` → [(hire id, first working day)] of the hires that start after `day`.
- `offers_open()` → the days the applications now waiting in the offer stage got their offer, for
  requisitions that are still recruiting (draft, open or on hold).

Plain data out, the whole pipeline read in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import median

from django.utils import timezone

from hiring.models import ApplicationMove, Hire, Requisition, Stage

STILL_RECRUITING = (Requisition.Status.DRAFT, Requisition.Status.OPEN, Requisition.Status.ON_HOLD)


@dataclass(frozen=True)
class PipelineTimes:
    hires: int  # hires in the period with a standing move to hired
    time_to_hire_days: float | None  # median, application → hired; None without a hire
    offer_to_start_days: float | None  # median, offer → first working day; None without an offer move


def _standing(moves):
    return moves.filter(undone_at__isnull=True, undo_of__isnull=True)


def pipeline_times(*, since: date) -> PipelineTimes:
    hired_moves = _standing(ApplicationMove.objects.filter(to_stage=Stage.HIRED, at__date__gte=since)).filter(
        application__hires__cancelled_at__isnull=True
    )
    hired_at = dict(hired_moves.order_by("at").values_list("application_id", "at"))
    if not hired_at:
        return PipelineTimes(hires=0, time_to_hire_days=None, offer_to_start_days=None)
    first_move = {}
    offer_on = {}
    moves = ApplicationMove.objects.filter(application_id__in=list(hired_at)).order_by("at", "id")
    for application_id, to_stage, at, undone in moves.values_list(
        "application_id", "to_stage", "at", "undone_at"
    ).iterator():
        first_move.setdefault(application_id, at)
        if to_stage == Stage.OFFER and undone is None:
            offer_on[application_id] = timezone.localdate(at)
    starts = dict(
        Hire.objects.filter(application_id__in=list(offer_on), cancelled_at__isnull=True).values_list(
            "application_id", "hired_on"
        )
    )
    to_hire = [(hired_at[a] - first_move[a]).total_seconds() / 86_400 for a in hired_at]
    to_start = [(starts[a] - offer_on[a]).days for a in offer_on if a in starts]
    return PipelineTimes(
        hires=len(hired_at),
        time_to_hire_days=float(median(to_hire)),
        offer_to_start_days=float(median(to_start)) if to_start else None,
    )


def hires_starting_after(day: date) -> list[tuple[int, date]]:
    hires = Hire.objects.filter(hired_on__gt=day, cancelled_at__isnull=True).order_by("hired_on", "id")
    return list(hires.values_list("id", "hired_on"))


def offers_open() -> list[date]:
    offers = _standing(
        ApplicationMove.objects.filter(
            to_stage=Stage.OFFER,
            application__stage=Stage.OFFER,
            application__requisition__status__in=STILL_RECRUITING,
        )
    )
    latest: dict[int, date] = defaultdict(lambda: date.min)
    for application_id, at in offers.values_list("application_id", "at"):
        latest[application_id] = max(latest[application_id], timezone.localdate(at))
    return sorted(latest.values())
