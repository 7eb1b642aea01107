"""Invitations and attempts made through the services, as a candidate would make them."""

import random
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from assessments import services
from assessments.models import Assessment, Attempt, AttemptResult, Invitation, Item
from servicefit.core.teams import team_default

from .conftest import answer_for

LikertRule = Callable[[Item], int]


def keyed(level: int) -> LikertRule:
    """Answers that score `level` on every scale: a reverse-keyed item gets the mirrored value."""
    return lambda item: 6 - level if item.reverse else level


def noisy(seed: int) -> LikertRule:
    """A respondent with one overall level per scale and some noise, answering consistently."""
    rng = random.Random(seed)
    levels: dict[str, int] = {}

    def value(item: Item) -> int:
        level = levels.setdefault(item.scale, rng.randint(1, 5))
        raw = min(5, max(1, level + rng.choice([-1, 0, 0, 1])))
        return 6 - raw if item.reverse else raw

    return value


def invitation(battery: Assessment, *, number: int, language: str = "en", user=None) -> Invitation:
    return services.invitation_create(
        assessment=battery,
        email=f"candidate{number}@example.dk",
        name=f"Candidate {number}",
        language=language,
        user=user,
        send=False,
    )


def items_of(battery: Assessment) -> list[Item]:
    return list(Item.objects.filter(section__assessment=battery).prefetch_related("options"))


def answer_all(invitation: Invitation, items: list[Item], likert: LikertRule | None = None) -> None:
    likert = likert or keyed(4)
    for section_id in sorted({item.section_id for item in items}):  # timed parts take answers once opened
        services.section_open(invitation=invitation, section_id=section_id)
    for item in items:
        value = likert(item) if item.kind == Item.Kind.LIKERT else answer_for(item)
        services.answer_save(invitation=invitation, item_id=item.id, value=value)


def answer_all_through_start(invitation: Invitation, items: list[Item]) -> Attempt:
    """Start, answer everything (4 on every Likert item) and submit."""
    services.attempt_start(invitation=invitation, consent=True)
    answer_all(invitation, items)
    return services.attempt_submit(invitation=invitation)


def submitted_attempt(
    battery: Assessment, *, number: int, likert: LikertRule | None = None, items: list[Item] | None = None, user=None
) -> Attempt:
    """A submitted attempt; Likert answers follow `likert` (default: 4 on every scale)."""
    invite = invitation(battery, number=number, user=user)
    services.attempt_start(invitation=invite, consent=True)
    answer_all(invite, items if items is not None else items_of(battery), likert)
    return services.attempt_submit(invitation=invite)


def bulk_submitted(battery: Assessment, *, count: int, start: int = 0, seed: int = 0) -> list[Attempt]:
    """`count` completed attempts written as rows in a few queries (not through the services, so
    the norm statistics are not updated): random service-type and competency scores."""
    rng = random.Random(seed)
    now = timezone.now()
    types = ["accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock"]
    team = team_default()
    invitations = Invitation.objects.bulk_create(
        Invitation(
            assessment=battery,
            team=team,
            name=f"Bulk {number}",
            email=f"bulk{number}@example.dk",
            language="en",
            public_id=secrets.token_urlsafe(18),
            expires_at=now + timedelta(days=14),
            status=Invitation.Status.SUBMITTED,
        )
        for number in range(start, start + count)
    )
    attempts = Attempt.objects.bulk_create(
        Attempt(invitation=i, started_at=now, submitted_at=now, consent_at=now, layout={}) for i in invitations
    )
    results = []
    for attempt in attempts:
        type_scores = {t: round(rng.randint(6, 30) / 6, 3) for t in types}  # means of six 1–5 answers
        results.append(
            AttemptResult(
                attempt=attempt,
                type_scores=type_scores,
                top_type=max(type_scores, key=type_scores.get),
                competency_scores={"empathy": round(rng.randint(0, 20) * 5.0, 1)},
            )
        )
    AttemptResult.objects.bulk_create(results, batch_size=1000)
    return attempts
