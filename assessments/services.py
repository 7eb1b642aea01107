"""Writes for assessments: invitations, attempts, answers, submission, scoring, statistics."""

import random
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from assessments import psychometrics, scoring
from assessments.models import (
    Answer,
    Assessment,
    Attempt,
    AttemptResult,
    Invitation,
    Item,
    Option,
    PsychometricReport,
    ReviewerScore,
)
from profiles.analysis import AnalysisInputError, UnsupportedLanguage, analyze_text
from profiles.lexicon_file import LANGUAGES, SERVICE_TYPES
from servicefit.core.exceptions import ApplicationError
from servicefit.core.services import access_log, access_log_forget

TOKEN_SALT = "servicefit.assessments.invitation"  # noqa: S105 (an HMAC salt, not a secret)
INVITATION_DAYS = 14
GRACE_SECONDS = 30  # network latency and a slow last click after the clock reaches zero
MAX_TEXT_ANSWER = 5000
LIKERT_VALUES = range(1, 6)


# Tokens -------------------------------------------------------------------------------------------


def invitation_token(invitation: Invitation) -> str:
    signature = salted_hmac(TOKEN_SALT, invitation.public_id, algorithm="sha256").hexdigest()[:32]
    return f"{invitation.public_id}.{signature}"


def invitation_for_token(token: str, *, for_writing: bool = False) -> Invitation:
    """The invitation a link belongs to, or the error its holder should see."""
    public_id, _dot, signature = token.partition(".")
    # The attempt comes along in the same query: every candidate request needs both.
    invitation = (
        Invitation.objects.select_related("assessment", "attempt").filter(public_id=public_id).first()
        if public_id
        else None
    )
    if invitation is None or not constant_time_compare(invitation_token(invitation), token):
        raise ApplicationError(_("This link is not valid. Check that you copied the whole link."), status=404)
    if invitation.status == Invitation.Status.REVOKED:
        raise ApplicationError(_("This invitation has been withdrawn."), status=410)
    if invitation.status != Invitation.Status.SUBMITTED and invitation.expires_at <= timezone.now():
        raise ApplicationError(
            _("This link expired on %(date)s. Ask the recruiter for a new one.")
            % {"date": formats.date_format(timezone.localtime(invitation.expires_at), "SHORT_DATETIME_FORMAT")},
            status=410,
        )
    if for_writing and invitation.status == Invitation.Status.SUBMITTED:
        raise ApplicationError(_("Your answers have been submitted and can no longer be changed."), status=409)
    return invitation


# Invitations --------------------------------------------------------------------------------------


def invitation_create(
    *,
    assessment: Assessment,
    email: str,
    name: str,
    language: str,
    user=None,
    candidate_ref: int | None = None,
    send: bool = True,
) -> Invitation:
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter a valid e-mail address.")]
    if not name.strip():
        errors["name"] = [_("Enter the candidate's name.")]
    if language not in LANGUAGES:
        errors["language"] = [_("Choose one of: %(languages)s.") % {"languages": ", ".join(LANGUAGES)}]
    if not assessment.is_active:
        errors["assessment"] = [_("This assessment is not active.")]
    if errors:
        raise ApplicationError(_("The invitation is not valid."), extra={"fields": errors})
    from assessments.tasks import invitation_send_task

    with transaction.atomic():
        invitation = Invitation.objects.create(
            assessment=assessment,
            email=email.strip(),
            name=name.strip(),
            language=language,
            candidate_ref=candidate_ref,
            public_id=secrets.token_urlsafe(18),
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
            created_by=user,
        )
        if send:
            transaction.on_commit(lambda: invitation_send_task.delay(invitation.id))
    return invitation


def invitation_resend(*, invitation: Invitation) -> Invitation:
    """Send the link again; an expired, unused link gets a new expiry date first."""
    from assessments.tasks import invitation_send_task

    if invitation.status in (Invitation.Status.REVOKED, Invitation.Status.SUBMITTED):
        raise ApplicationError(_("A withdrawn or completed invitation cannot be sent again."), status=409)
    if invitation.expires_at <= timezone.now():
        invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
        invitation.reminded_at = None
        invitation.save(update_fields=["expires_at", "reminded_at", "updated_at"])
    transaction.on_commit(lambda: invitation_send_task.delay(invitation.id))
    return invitation


def invitation_revoke(*, invitation: Invitation) -> Invitation:
    if invitation.status == Invitation.Status.SUBMITTED:
        raise ApplicationError(
            _("A completed assessment cannot be withdrawn; delete the candidate's data instead."), status=409
        )
    invitation.status = Invitation.Status.REVOKED
    invitation.save(update_fields=["status", "updated_at"])
    return invitation


def invitation_send(*, invitation_id: int, reminder: bool = False) -> None:
    """E-mail the link in the candidate's language. Safe to run twice: at worst a second e-mail."""
    from assessments.emails import invitation_email

    invitation = Invitation.objects.select_related("assessment").get(id=invitation_id)
    if invitation.status in (Invitation.Status.REVOKED, Invitation.Status.SUBMITTED):
        return
    # Claim a reminder first: a task delivered twice must not remind the candidate twice.
    claimed = reminder and Invitation.objects.filter(id=invitation.id, reminded_at__isnull=True).update(
        reminded_at=timezone.now()
    )
    if reminder and not claimed:
        return
    invitation_email(invitation, invitation_token(invitation), reminder=reminder).send()
    if not reminder:
        Invitation.objects.filter(id=invitation.id).update(sent_at=timezone.now())


def invitation_reminders_due() -> list[int]:
    """Unfinished invitations expiring within two days that have had no reminder yet."""
    now = timezone.now()
    return list(
        Invitation.objects.filter(
            status__in=[Invitation.Status.PENDING, Invitation.Status.STARTED],
            expires_at__gt=now,
            expires_at__lte=now + timedelta(days=2),
            reminded_at__isnull=True,
            sent_at__isnull=False,
        ).values_list("id", flat=True)
    )


# Attempts -----------------------------------------------------------------------------------------


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


def section_deadline(attempt: Attempt, section) -> datetime | None:
    """When a timed section closes (without the grace), or None if untimed or not opened yet."""
    opened = attempt.section_started.get(str(section.id))
    if not section.time_limit_seconds or not opened:
        return None
    return parse_datetime(opened) + timedelta(seconds=section.time_limit_seconds)


def section_open(*, attempt: Attempt, section) -> Attempt:
    """Start a timed section's clock the first time it is shown. The server's clock is the only one."""
    key = str(section.id)
    if section.time_limit_seconds and key not in attempt.section_started and not attempt.submitted_at:
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(id=attempt.id)
            if key not in locked.section_started:
                locked.section_started[key] = timezone.now().isoformat()
                locked.save(update_fields=["section_started", "updated_at"])
            attempt.section_started = locked.section_started
    return attempt


def _attempt_of(invitation: Invitation) -> Attempt | None:
    """The invitation's attempt, from the join `invitation_for_token` made; asked again when the
    join found none, since it may have been started since."""
    try:
        return invitation.attempt
    except Attempt.DoesNotExist:
        return Attempt.objects.filter(invitation=invitation).first()


def section_open_by_id(*, invitation: Invitation, section_id: int) -> None:
    attempt = Attempt.objects.filter(invitation=invitation).first()
    section = invitation.assessment.sections.filter(id=section_id).first()
    if attempt is not None and section is not None:
        section_open(attempt=attempt, section=section)


def invitation_language_set(*, invitation: Invitation, language: str) -> None:
    """The candidate chose another of the four languages; e-mails and pages follow it."""
    if language in LANGUAGES and language != invitation.language:
        invitation.language = language
        invitation.save(update_fields=["language", "updated_at"])


def _attempt_item(attempt: Attempt, item_id: int) -> Item:
    section_id = next((int(section) for section, items in attempt.layout["items"].items() if item_id in items), None)
    if section_id is None:
        raise ApplicationError(_("This question is not part of your assessment."), status=404)
    return (
        Item.objects.select_related("section")
        .only("id", "kind", "section__id", "section__time_limit_seconds")
        .get(id=item_id)
    )


def _validated_value(item: Item, value, shown_options: list[int]):
    if item.kind == Item.Kind.LIKERT:
        if isinstance(value, bool) or not isinstance(value, int) or value not in LIKERT_VALUES:
            raise ApplicationError(_("Choose a value from 1 to 5."), status=422)
    elif item.kind == Item.Kind.TEXT:
        if not isinstance(value, str):
            raise ApplicationError(_("Write your answer as text."), status=422)
        if len(value) > MAX_TEXT_ANSWER:
            raise ApplicationError(
                _("Your answer is longer than %(n)s characters.") % {"n": MAX_TEXT_ANSWER}, status=422
            )
    elif isinstance(value, bool) or value not in shown_options:  # the options this candidate was shown
        raise ApplicationError(_("Choose one of the options shown."), status=422)
    return value


def answer_save(*, invitation: Invitation, item_id: int, value) -> Answer:
    """Save one answer; the same answer twice, or from two tabs at once, is still one answer."""
    attempt = _attempt_of(invitation)
    if attempt is None:
        raise ApplicationError(_("Start the assessment before answering."), status=409)
    if attempt.submitted_at:
        raise ApplicationError(_("Your answers have been submitted and can no longer be changed."), status=409)
    item = _attempt_item(attempt, item_id)
    value = _validated_value(item, value, attempt.layout["options"].get(str(item_id), []))
    attempt = section_open(attempt=attempt, section=item.section)
    deadline = section_deadline(attempt, item.section)
    if deadline is not None and timezone.now() > deadline + timedelta(seconds=GRACE_SECONDS):
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
    closed = {sid for sid, section in sections.items() if (d := section_deadline(attempt, section)) and now > d}
    required = Item.objects.filter(section__in=sections, required=True).values_list("id", "section_id")
    return sorted(item_id for item_id, section_id in required if item_id not in answered and section_id not in closed)


# Scoring ------------------------------------------------------------------------------------------


def item_keys(assessment: Assessment) -> list[scoring.ItemKey]:
    # Plain rows, not model instances: this runs on every submit and every item analysis.
    options: dict[int, dict] = {}
    for option_id, item_id, service_type, correct, scores in Option.objects.filter(
        item__section__assessment=assessment
    ).values_list("id", "item_id", "service_type", "correct", "scores"):
        options.setdefault(item_id, {})[option_id] = (service_type, correct, scores)
    items = Item.objects.filter(section__assessment=assessment).values_list("id", "kind", "scale", "reverse")
    return [
        scoring.ItemKey(id=item_id, kind=kind, scale=scale, reverse=reverse, options=options.get(item_id, {}))
        for item_id, kind, scale, reverse in items
    ]


def attempt_score(*, attempt: Attempt) -> AttemptResult:
    """(Re)compute an attempt's result; written answers are also run through the text analysis."""
    assessment = attempt.invitation.assessment
    answers = {a.item_id: a.value for a in attempt.answers.all()}
    reviews = {
        a.item_id: [int(v) for v in a.review.scores.values()]
        for a in attempt.answers.select_related("review").filter(review__isnull=False)
    }
    result = scoring.score(item_keys(assessment), answers, list(SERVICE_TYPES), reviews)
    text_items = Item.objects.filter(section__assessment=assessment, kind=Item.Kind.TEXT)
    analysed = {}
    for item in text_items:
        text = answers.get(item.id)
        if not text:
            continue
        try:
            data = analyze_text(text, attempt.invitation.language).to_dict()
        except (AnalysisInputError, UnsupportedLanguage) as exc:
            analysed[str(item.id)] = {"error": str(exc)}
            continue
        analysed[str(item.id)] = {
            key: data[key] for key in ("scores", "controller_index", "readability", "word_count", "language")
        }
    stored, _created = AttemptResult.objects.update_or_create(
        attempt=attempt,
        defaults={
            "type_scores": result.type_scores,
            "top_type": result.top_type or "",
            "competency_scores": result.competency_scores,
            "text_analysis": analysed,
            "consistency": {
                "forced_choice_counts": result.forced_choice_counts,
                "spearman": result.consistency,
                "consistent": result.consistent,
            },
        },
    )
    return stored


def review_save(*, answer: Answer, scores: dict[str, int], reviewer) -> None:
    if not answer.attempt.submitted_at:
        raise ApplicationError(_("Written answers can be reviewed once the candidate has submitted."), status=409)
    criteria = answer.item.rubric.get("en", [])
    if not criteria:
        raise ApplicationError(_("This answer has no rubric to score."))
    expected = {str(i) for i in range(len(criteria))}
    if set(scores) != expected or any(not isinstance(v, int) or not 0 <= v <= 3 for v in scores.values()):
        raise ApplicationError(_("Score every criterion from 0 to 3."), extra={"criteria": criteria})
    with transaction.atomic():
        ReviewerScore.objects.update_or_create(answer=answer, defaults={"scores": scores, "reviewer": reviewer})
        attempt_score(attempt=answer.attempt)


# Item analysis ------------------------------------------------------------------------------------


def psychometrics_compute(*, assessment_id: int) -> PsychometricReport:
    """Item and scale statistics over every submitted attempt, as one stored report."""
    assessment = Assessment.objects.get(id=assessment_id)
    attempts = list(
        Attempt.objects.filter(invitation__assessment=assessment, submitted_at__isnull=False).values_list(
            "id", flat=True
        )
    )
    answers: dict[tuple[int, int], object] = {
        (attempt_id, item_id): value
        for attempt_id, item_id, value in Answer.objects.filter(attempt_id__in=attempts).values_list(
            "attempt_id", "item_id", "value"
        )
    }
    items = list(Item.objects.filter(section__assessment=assessment).prefetch_related("options"))
    scales, item_rows = {}, []
    for scale in SERVICE_TYPES:
        scale_items = [i for i in items if i.kind == Item.Kind.LIKERT and i.scale == scale]
        if not scale_items:
            continue
        matrix = [[_keyed(answers.get((attempt_id, item.id)), item) for item in scale_items] for attempt_id in attempts]
        stats = psychometrics.scale_statistics(matrix, min_score=1, max_score=5) if attempts else None
        scales[scale] = _scale_summary(stats, len(scale_items), len(attempts))
        for index, item in enumerate(scale_items):
            item_rows.append(_item_summary(item, stats, index))
    for item in items:
        if item.kind == Item.Kind.MCQ:
            correct = {o.id for o in item.options.all() if o.correct}
            values = [answers.get((a, item.id)) for a in attempts]
            given = [1.0 if v in correct else 0.0 for v in values if v is not None]
            item_rows.append(
                {
                    "id": item.id,
                    "key": item.key,
                    "scale": item.scale,
                    "kind": item.kind,
                    "n": len(given),
                    "difficulty": round(sum(given) / len(given), 3) if given else None,
                    "item_total_r": None,
                    "alpha_if_deleted": None,
                    "flags": [],
                }
            )
    report = PsychometricReport.objects.create(
        assessment=assessment, n_attempts=len(attempts), data={"scales": scales, "items": item_rows}
    )
    return report


def _keyed(value, item: Item) -> float:
    if value is None:
        return float("nan")
    return float(scoring.reverse_key(value, 1, 5)) if item.reverse else float(value)


def _finite(value):
    return None if value is None or value != value else round(float(value), 3)  # NaN → None


def _scale_summary(stats, n_items: int, n_attempts: int) -> dict:
    if stats is None:
        return {"alpha": None, "omega": None, "sem": None, "n_items": n_items, "n_attempts": n_attempts}
    return {
        "alpha": _finite(stats.alpha),
        "omega": _finite(stats.omega),
        "sem": _finite(stats.sem),
        "mean": _finite(stats.mean),
        "sd": _finite(stats.sd),
        "n_items": n_items,
        "n_attempts": n_attempts,
        "n_complete": stats.n_respondents,
    }


def _item_summary(item: Item, stats, index: int) -> dict:
    def at(values):
        return _finite(values[index]) if stats is not None else None

    return {
        "id": item.id,
        "key": item.key,
        "scale": item.scale,
        "kind": item.kind,
        "reverse": item.reverse,
        "difficulty": at(stats.difficulty) if stats else None,
        "item_total_r": at(stats.item_rest) if stats else None,
        "alpha_if_deleted": at(stats.alpha_if_deleted) if stats else None,
        "flags": list(stats.flags[index]) if stats else [],
    }


# Personal data ------------------------------------------------------------------------------------


def invitation_export(*, invitation: Invitation, user=None) -> dict:
    """Everything ServiceFit holds about the person behind an invitation (a data-subject request)."""
    access_log(user=user, action="export", target=invitation)
    attempt = Attempt.objects.filter(invitation=invitation).first()
    data = {
        "name": invitation.name,
        "email": invitation.email,
        "language": invitation.language,
        "assessment": invitation.assessment.slug,
        "status": invitation.status,
        "invited_at": invitation.created_at.isoformat(),
        "expires_at": invitation.expires_at.isoformat(),
        "answers": [],
        "result": None,
    }
    if attempt is not None:
        data["started_at"] = attempt.started_at.isoformat()
        data["submitted_at"] = attempt.submitted_at.isoformat() if attempt.submitted_at else None
        data["answers"] = [
            {"item": key, "value": value, "saved_at": saved.isoformat()}
            for key, value, saved in attempt.answers.order_by("item__key").values_list("item__key", "value", "saved_at")
        ]
        result = AttemptResult.objects.filter(attempt=attempt).first()
        if result is not None:
            data["result"] = {
                "type_scores": result.type_scores,
                "top_type": result.top_type,
                "competency_scores": result.competency_scores,
            }
    return data


def invitation_erase(*, invitation: Invitation, user=None) -> None:
    """Delete the person's invitation, attempt, answers and result; the access log keeps that it happened."""
    with transaction.atomic():
        access_log(user=user, action="erase", target=invitation)
        access_log_forget(model=Invitation, ids=[invitation.id])
        invitation.delete()


def candidate_data_purge(*, now=None) -> int:
    """Delete candidates' data older than CANDIDATE_RETENTION_DAYS: finished attempts by their
    submission date, unfinished ones by their link's expiry. Returns how many invitations went."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CANDIDATE_RETENTION_DAYS)
    stale = Invitation.objects.filter(
        Q(status=Invitation.Status.SUBMITTED, attempt__submitted_at__lt=cutoff)
        | (~Q(status=Invitation.Status.SUBMITTED) & Q(expires_at__lt=cutoff))
    )
    with transaction.atomic():
        ids = list(stale.values_list("id", flat=True))
        access_log_forget(model=Invitation, ids=ids)
        Invitation.objects.filter(id__in=ids).delete()
    return len(ids)
