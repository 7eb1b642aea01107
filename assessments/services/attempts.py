"""A candidate's attempt: starting it, opening timed parts, saving answers and submitting."""

import random
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import kinds, timing
from assessments.models import Answer, Attempt, Invitation, Item, Section
from assessments.services.scoring import attempt_score
from servicefit.core.exceptions import ApplicationError

MAX_TEXT_ANSWER = 5000
LIKERT_VALUES = range(1, 6)


def attempt_start(*, invitation: Invitation, consent: bool) -> Attempt:
    """Start (or return the already started) attempt, with item and option order shuffled for it."""
    existing = Attempt.objects.filter(invitation=invitation).first()
    if existing is not None:
        return existing
    if not consent:
        raise ApplicationError(_("Please confirm that you have read how your answers are used."))
    rng = random.Random(secrets.randbits(64))  # noqa: S311 (presentation order, not security)
    layout = {"sections": [], "items": {}, "options": {}}
    sections = invitation.assessment.sections.prefetch_related("items__options").order_by("order")
    for section in sections:
        layout["sections"].append(section.id)
        items = list(section.items.all())
        rng.shuffle(items)
        layout["items"][str(section.id)] = [item.id for item in items]
        for item in items:
            options = [option.id for option in item.options.all()]
            rng.shuffle(options)
            if options:
                layout["options"][str(item.id)] = options
    now = timezone.now()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(invitation=invitation, started_at=now, consent_at=now, layout=layout)
            Invitation.objects.filter(id=invitation.id).update(status=Invitation.Status.STARTED, updated_at=now)
    except IntegrityError:  # a second tab started it at the same moment: use that one
        return Attempt.objects.get(invitation=invitation)
    return attempt


def _attempt_of(invitation: Invitation) -> Attempt | None:
    """The invitation's attempt, from the join `invitation_for_token` made; asked again when the
    join found none, since it may have been started since."""
    try:
        return invitation.attempt
    except Attempt.DoesNotExist:
        return Attempt.objects.filter(invitation=invitation).first()


def _open_attempt(invitation: Invitation, *, not_started: str) -> Attempt:
    attempt = _attempt_of(invitation)
    if attempt is None:
        raise ApplicationError(not_started, status=409)
    if attempt.submitted_at:
        raise ApplicationError(_("Your answers have been submitted and can no longer be changed."), status=409)
    return attempt


def section_open(*, invitation: Invitation, section_id: int) -> Attempt:
    """The candidate opens a part. A timed part's items are shown only from now on, and its clock
    starts now, once: opening it again changes nothing. The server's clock is the only one."""
    attempt = _open_attempt(invitation, not_started=_("Start the assessment before answering."))
    if section_id not in attempt.layout["sections"]:
        raise ApplicationError(_("There is no such part in your assessment."), status=404)
    section = Section.objects.only("id", "time_limit_seconds").get(id=section_id)
    key = str(section.id)
    if section.time_limit_seconds and key not in attempt.section_started:
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(id=attempt.id)
            if key not in locked.section_started:
                locked.section_started[key] = timezone.now().isoformat()
                locked.save(update_fields=["section_started", "updated_at"])
            attempt.section_started = locked.section_started
    return attempt


def _attempt_item(attempt: Attempt, item_id: int) -> Item:
    section_id = next((int(section) for section, items in attempt.layout["items"].items() if item_id in items), None)
    if section_id is None:
        raise ApplicationError(_("This question is not part of your assessment."), status=404)
    return (
        Item.objects.select_related("section")
        .only("id", "kind", "section__id", "section__time_limit_seconds")
        .get(id=item_id)
    )


def _storable_text(value: str) -> bool:
    # PostgreSQL cannot store NUL in text or JSON, and a lone surrogate is not encodable UTF-8.
    return "\x00" not in value and not any("\ud800" <= char <= "\udfff" for char in value)


def _validated_value(item: Item, value, shown_options: list[int]):
    if item.kind == kinds.LIKERT:
        if isinstance(value, bool) or not isinstance(value, int) or value not in LIKERT_VALUES:
            raise ApplicationError(_("Choose a value from 1 to 5."), status=422)
    elif item.kind == kinds.TEXT:
        if not isinstance(value, str):
            raise ApplicationError(_("Write your answer as text."), status=422)
        # A form sends line breaks as CRLF, a script as LF, and the text box counts each as one
        # character: one line break is one "\n" whichever way the answer came.
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        if len(value) > MAX_TEXT_ANSWER:
            raise ApplicationError(
                _("Your answer is longer than %(n)s characters.") % {"n": MAX_TEXT_ANSWER}, status=422
            )
        if not _storable_text(value):
            raise ApplicationError(_("Your answer contains characters that cannot be saved."), status=422)
    # The options this candidate was shown, by their integer id: 12.0 == 12 in Python, but a float
    # stored in place of an id is no longer the option to anything that reads the answer as JSON.
    elif type(value) is not int or value not in shown_options:
        raise ApplicationError(_("Choose one of the options shown."), status=422)
    return value


def answer_save(*, invitation: Invitation, item_id: int, value) -> Answer:
    """Save one answer; the same answer twice, or from two tabs at once, is still one answer."""
    attempt = _open_attempt(invitation, not_started=_("Start the assessment before answering."))
    item = _attempt_item(attempt, item_id)
    value = _validated_value(item, value, attempt.layout["options"].get(str(item_id), []))
    if item.section.time_limit_seconds and not timing.section_opened(attempt.section_started, item.section):
        # Its items were never served: an answer now would come from a copy prepared in advance.
        raise ApplicationError(_("Start this part before answering its questions."), status=409)
    if timing.section_time_is_up(timing.section_deadline(attempt, item.section), timezone.now()):
        raise ApplicationError(_("The time for this part is up; this answer was not saved."), status=409)
    # One statement whatever the race: INSERT … ON CONFLICT (attempt, item) DO UPDATE.
    [answer] = Answer.objects.bulk_create(
        [Answer(attempt=attempt, item=item, value=value)],
        update_conflicts=True,
        unique_fields=["attempt", "item"],
        update_fields=["value", "saved_at"],
    )
    return answer


def attempt_submit(*, invitation: Invitation) -> Attempt:
    attempt = _attempt_of(invitation)
    if attempt is None:
        raise ApplicationError(_("Start the assessment before submitting it."), status=409)
    if attempt.submitted_at:
        raise ApplicationError(_("Your answers have already been submitted."), status=409)
    missing = _missing_required(attempt)
    if missing:
        raise ApplicationError(
            _("Answer every question before you submit: %(n)s still open.") % {"n": len(missing)},
            extra={"missing_items": missing},
        )
    now = timezone.now()
    with transaction.atomic():
        # The update must hit exactly one unsubmitted row: a double click submits once.
        if not Attempt.objects.filter(id=attempt.id, submitted_at__isnull=True).update(
            submitted_at=now, updated_at=now
        ):
            raise ApplicationError(_("Your answers have already been submitted."), status=409)
        Invitation.objects.filter(id=invitation.id).update(status=Invitation.Status.SUBMITTED, updated_at=now)
        attempt.submitted_at = now
        attempt_score(attempt=attempt)
    return attempt


def _missing_required(attempt: Attempt) -> list[int]:
    """Required items without an answer, except in timed sections whose time has run out."""
    answered = set(attempt.answers.values_list("item_id", flat=True))
    now = timezone.now()
    sections = {section.id: section for section in attempt.invitation.assessment.sections.all()}
    closed = {sid for sid, section in sections.items() if (d := timing.section_deadline(attempt, section)) and now > d}
    required = Item.objects.filter(section__in=sections, required=True).values_list("id", "section_id")
    return sorted(item_id for item_id, section_id in required if item_id not in answered and section_id not in closed)
