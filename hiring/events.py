"""Hiring's domain events, for apps above hiring (workforce) that must not be imported by it.

- `candidate_hired(sender=Hire, hire_id=int)`: a hire was recorded (an application moved to hired).
- `hire_cancelled(sender=Hire, hire_id=int)`: a recorded hire was taken back (the move undone); the
  Hire row stays, with `cancelled_at` and `cancelled_by`.

Both are sent only after the transaction that made the change commits, never for one that rolls
back, so a receiver can read the hire with hiring.hire_selectors.hire_get(hire_id). A receiver
should do little (enqueue a Celery task with the id): one that raises is logged, and neither the
change nor the other receivers are affected.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

from hiring.models import Hire

logger = logging.getLogger(__name__)

candidate_hired = Signal()
hire_cancelled = Signal()


def _send(signal: Signal, name: str, hire_id: int) -> None:
    for receiver, response in signal.send_robust(sender=Hire, hire_id=hire_id):
        if isinstance(response, Exception):
            logger.error("A receiver of %s (%r) failed for hire %s", name, receiver, hire_id, exc_info=response)


def hire_announce(*, hire_id: int) -> None:
    transaction.on_commit(lambda: _send(candidate_hired, "candidate_hired", hire_id))


def hire_cancel_announce(*, hire_id: int) -> None:
    transaction.on_commit(lambda: _send(hire_cancelled, "hire_cancelled", hire_id))
