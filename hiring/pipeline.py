"""Writes for requisitions, candidates and applications: creating them and moving applications
through the pipeline. Every move is stamped with who and when, and can be taken back."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring import fit_records, hires, pipeline_invitations, stage_templates
from hiring.models import (
    ENDED_STAGES,
    STAGES_WITH_REASON,
    Application,
    ApplicationMove,
    Candidate,
    DuplicateFlag,
    JobAd,
    Requisition,
    Stage,
    StageTemplate,
)
from hiring.pipeline_matching import name_key, names_close, phone_normalize, phone_tail
from hiring.pipeline_selectors import application_moves
from hiring.stage_template_selectors import stage_template_default
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.policies import CANDIDATE_WRITE, JOB_AD_READ, JOB_AD_WRITE, team_for_new_record
from servicefit.core.services import personal_data_records_erase

APPLICANT = "applicant"  # the personal-data category of hiring's candidates (hiring/pipeline_personal_data.py)
UNCHANGED = object()
DOCUMENT_FIELDS = {"cv": "cv_text", "cover_letter": "cover_letter_text"}
# Statuses a requisition takes new applications in.
TAKING_APPLICATIONS = frozenset({Requisition.Status.DRAFT, Requisition.Status.OPEN, Requisition.Status.ON_HOLD})


def _invalid(message: str, fields: dict[str, list[str]], status: int = 400) -> ApplicationError:
    return ApplicationError(message, extra={"fields": fields}, status=status)


def _validated(instance, message: str, *, errors: dict | None = None, exclude=()) -> None:
    """full_clean(), with the errors found before it, as one ApplicationError listing every field.
    The database constraints are checked by the callers with a message per field (they stay as the
    last guard)."""
    errors = {key: list(value) for key, value in (errors or {}).items()}
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=False)
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if errors:
        raise _invalid(message, errors)


# Requisitions -------------------------------------------------------------------------------------


def _requisition_checked(requisition: Requisition, *, today: date) -> None:
    errors: dict[str, list[str]] = {}
    if requisition.job_ad is not None and requisition.job_ad.team_id != requisition.team_id:
        errors["job_ad"] = [_("There is no such job ad in the requisition's team.")]
    manager = requisition.hiring_manager
    if manager is not None and not JOB_AD_READ.allows_team(manager, requisition.team_id):
        errors["hiring_manager"] = [_("This person cannot see the requisition's team.")]
    template = requisition.stage_template
    if template.team_id is not None and template.team_id != requisition.team_id:
        errors["stage_template"] = [_("There is no such stage template in the requisition's team.")]
    if requisition.openings is None or requisition.openings < 1:
        errors["openings"] = [_("A requisition has at least one opening.")]
    # The dates follow the status unless they were given.
    if requisition.status == Requisition.Status.OPEN and requisition.opened_on is None:
        requisition.opened_on = today
    if requisition.status in (Requisition.Status.FILLED, Requisition.Status.CLOSED):
        requisition.closed_on = requisition.closed_on or today
        requisition.opened_on = requisition.opened_on or min(today, requisition.closed_on)
    if requisition.opened_on and requisition.closed_on and requisition.closed_on < requisition.opened_on:
        errors["closed_on"] = [_("The closing date is before the opening date.")]
    _validated(requisition, _("The requisition is not valid."), errors=errors)


def requisition_create(
    *,
    user,
    title: str,
    role_profile: RoleProfile,
    team: Team | None = None,
    job_ad: JobAd | None = None,
    openings: int = 1,
    status: str = Requisition.Status.DRAFT,
    opened_on: date | None = None,
    closed_on: date | None = None,
    hiring_manager=None,
    stage_template: StageTemplate | None = None,
) -> Requisition:
    """A requisition; its pipeline follows `stage_template` (the default template if none is given)."""
    team = team_for_new_record(policy=JOB_AD_WRITE, user=user, team=team)
    requisition = Requisition(
        title=title.strip(),
        role_profile=role_profile,
        team=team,
        job_ad=job_ad,
        openings=openings,
        status=status,
        opened_on=opened_on,
        closed_on=closed_on,
        hiring_manager=hiring_manager,
        stage_template=stage_template or stage_template_default(),
    )
    _requisition_checked(requisition, today=timezone.localdate())
    requisition.save()
    return requisition


def requisition_update(*, requisition: Requisition, **changes) -> Requisition:
    """Change the given fields (title, role_profile, job_ad, openings, status, opened_on, closed_on,
    hiring_manager, stage_template). Reopening a closed requisition clears its closing date. A stage
    template that lacks a stage some application is in is refused."""
    allowed = {
        "title",
        "role_profile",
        "job_ad",
        "openings",
        "status",
        "opened_on",
        "closed_on",
        "hiring_manager",
        "stage_template",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"requisition_update() got unknown fields {sorted(unknown)}")
    if "title" in changes:
        changes["title"] = changes["title"].strip()
    if "stage_template" in changes and changes["stage_template"] is None:
        changes["stage_template"] = stage_template_default()
    ended = (Requisition.Status.FILLED, Requisition.Status.CLOSED)
    reopened = requisition.status in ended and changes.get("status", requisition.status) not in ended
    for field, value in changes.items():
        setattr(requisition, field, value)
    if reopened and "closed_on" not in changes:
        requisition.closed_on = None
    _requisition_checked(requisition, today=timezone.localdate())
    with transaction.atomic():
        if "stage_template" in changes:
            missing = stage_templates.stages_in_use_missing(
                template=requisition.stage_template,
                stages=requisition.stage_template.stage_codes,
                requisition=requisition,
            )
            if missing:
                raise stage_templates.stages_missing_error(missing)
        requisition.save()
    return requisition


def requisition_delete(*, requisition: Requisition) -> None:
    try:
        requisition.delete()
    except ProtectedError as exc:
        raise ApplicationError(
            _("The requisition has applications; close it instead of deleting it."), status=409
        ) from exc


# Candidates ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PossibleDuplicate:
    candidate: Candidate
    reasons: tuple[str, ...]  # "email", "phone", "name"


@dataclass(frozen=True)
class CandidateSaved:
    candidate: Candidate
    possible_duplicates: list[PossibleDuplicate]


def candidate_duplicates(*, candidate: Candidate) -> list[PossibleDuplicate]:
    """Other candidates of the same team with the same e-mail address or phone number, or a very
    close name. For a person to look at: nothing is merged."""
    others = Candidate.objects.filter(team_id=candidate.team_id).exclude(pk=candidate.pk)
    condition = Q(email__iexact=candidate.email)
    tail = phone_tail(candidate.phone)
    if tail:
        condition |= Q(phone__endswith=tail)
    # Names narrowed in the database by a word they share, then compared in full here.
    for word in {w for w in name_key(candidate.name).split() if len(w) >= 3}:
        condition |= Q(name__icontains=word[:4])
    found = []
    for other in others.filter(condition).order_by("id")[:200]:
        reasons = []
        if other.email.casefold() == candidate.email.casefold():
            reasons.append("email")
        if tail and phone_tail(other.phone) == tail:
            reasons.append("phone")
        if names_close(other.name, candidate.name):
            reasons.append("name")
        if reasons:
            found.append(PossibleDuplicate(candidate=other, reasons=tuple(reasons)))
    return found


def _candidate_checked(candidate: Candidate) -> None:
    errors: dict[str, list[str]] = {}
    phone = phone_normalize(candidate.phone)
    if phone is None:
        errors["phone"] = [_("Give a phone number of 6 to 15 digits, optionally starting with +.")]
    else:
        candidate.phone = phone
    if not candidate.name:
        errors["name"] = [_("Give the candidate's name.")]
    if candidate.consent_at is not None and not candidate.consent_text_version:
        errors["consent_text_version"] = [_("Say which version of the consent text the candidate agreed to.")]
    _validated(candidate, _("The candidate is not valid."), errors=errors)


def candidate_create(
    *,
    user,
    name: str,
    email: str,
    language: str,
    phone: str = "",
    source: str = Candidate.Source.OTHER,
    consent_at=None,
    consent_text_version: str = "",
    education: str = "",
    experience: str = "",
    team: Team | None = None,
) -> CandidateSaved:
    team = team_for_new_record(policy=CANDIDATE_WRITE, user=user, team=team)
    candidate = Candidate(
        name=" ".join(name.split()),
        email=email.strip(),
        phone=phone,
        language=language,
        source=source,
        consent_at=consent_at,
        consent_text_version=consent_text_version.strip(),
        education=education.strip(),
        experience=experience.strip(),
        team=team,
    )
    _candidate_checked(candidate)
    with transaction.atomic():
        duplicates = candidate_duplicates(candidate=candidate)
        candidate.save()
        duplicate_flags_open(pairs=[(candidate, duplicates)])
    return CandidateSaved(candidate=candidate, possible_duplicates=duplicates)


def candidate_update(*, candidate: Candidate, **changes) -> CandidateSaved:
    allowed = {
        "name",
        "email",
        "phone",
        "language",
        "source",
        "consent_at",
        "consent_text_version",
        "education",
        "experience",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"candidate_update() got unknown fields {sorted(unknown)}")
    if "name" in changes:
        changes["name"] = " ".join(changes["name"].split())
    if "email" in changes:
        changes["email"] = changes["email"].strip()
    for field, value in changes.items():
        setattr(candidate, field, value)
    _candidate_checked(candidate)
    candidate.save()
    return CandidateSaved(candidate=candidate, possible_duplicates=candidate_duplicates(candidate=candidate))


def duplicate_flags_open(*, pairs: list[tuple[Candidate, list[PossibleDuplicate]]]) -> list[DuplicateFlag]:
    """Flag each new candidate with the existing ones that may be the same person, for a person to
    decide on (hiring/duplicates.py). One INSERT for a whole import."""
    return DuplicateFlag.objects.bulk_create(
        DuplicateFlag(candidate=candidate, other=found.candidate, reasons=list(found.reasons))
        for candidate, duplicates in pairs
        for found in duplicates
    )


def candidate_document_save(*, candidate: Candidate, kind: str, text: str) -> Candidate:
    """Keep a CV or cover letter as the plain text hiring/documents.py made of it; "" removes it."""
    field = DOCUMENT_FIELDS.get(kind)
    if field is None:
        raise _invalid(_("Choose a CV or a cover letter."), {"kind": ["invalid"]})
    setattr(candidate, field, text)
    candidate.save(update_fields=[field, "updated_at"])
    if field == "cover_letter_text":
        fit_records.candidate_fit_refresh_later(candidate_id=candidate.id)
    return candidate


def candidate_delete(*, candidate: Candidate, user) -> None:
    """Deleting a candidate is an erasure: the same path as a data-subject request, logged."""
    personal_data_records_erase(category=APPLICANT, records=[candidate], user=user)


# Applications and the pipeline --------------------------------------------------------------------


def application_create(*, user, candidate: Candidate, requisition: Requisition) -> Application:
    if candidate.team_id != requisition.team_id:
        raise _invalid(_("The candidate and the requisition belong to different teams."), {"candidate": ["team"]})
    if requisition.status not in TAKING_APPLICATIONS:
        raise _invalid(
            _("The requisition is %(status)s and takes no new applications.")
            % {"status": requisition.get_status_display()},
            {"requisition": ["status"]},
            status=409,
        )
    with transaction.atomic():
        if Application.objects.select_for_update().filter(candidate=candidate, requisition=requisition).exists():
            raise _invalid(
                _("This candidate has already applied for this requisition."), {"candidate": ["unique"]}, status=409
            )
        application = Application.objects.create(candidate=candidate, requisition=requisition)
        ApplicationMove.objects.create(application=application, to_stage=Stage.APPLIED, by=user)
    return application


def application_move(
    *, application: Application, stage: str, user, reason: str = "", hired_on: date | None = None
) -> Application:
    """Move to `stage` (one of the next stages of the requisition's template, or out with a reason),
    stamped with who and when. A move to hired records the hire (on `hired_on`, default today)."""
    reason = reason.strip()
    with transaction.atomic():
        locked = (
            # Only the application is locked: the template and role profile are shared by many.
            Application.objects.select_for_update(of=("self",))
            .select_related("requisition__stage_template", "requisition__role_profile", "candidate")
            .get(pk=application.pk)
        )
        if stage not in Stage.values:
            raise _invalid(_("There is no stage %(stage)r.") % {"stage": stage}, {"stage": ["invalid"]})
        if stage not in application_moves(locked):
            raise _invalid(
                _("An application in %(from)s cannot move to %(to)s.")
                % {"from": Stage(locked.stage).label, "to": Stage(stage).label},
                {"stage": ["not_allowed"]},
                status=409,
            )
        if stage in STAGES_WITH_REASON and not reason:
            raise _invalid(_("Give a reason for rejecting or withdrawing."), {"reason": ["required"]})
        if len(reason) > 300:
            raise _invalid(_("Keep the reason under 300 characters."), {"reason": ["max_length"]})
        if hired_on is not None and stage != Stage.HIRED:
            raise _invalid(_("A hiring date goes only with a move to hired."), {"hired_on": ["not_hired"]})
        if stage == Stage.HIRED:
            requisition = Requisition.objects.select_for_update().get(pk=locked.requisition_id)
            locked.requisition = requisition
            if requisition.applications.filter(stage=Stage.HIRED).count() >= requisition.openings:
                raise _invalid(
                    _("Every opening of this requisition is filled."), {"stage": ["openings_filled"]}, status=409
                )
        move = ApplicationMove.objects.create(
            application=locked, from_stage=locked.stage, to_stage=stage, reason=reason, by=user
        )
        locked.stage = stage
        locked.reason = reason if stage in STAGES_WITH_REASON else ""
        locked.save(update_fields=["stage", "reason", "updated_at"])
        if stage == Stage.HIRED:
            hires.hire_record(application=locked, user=user, hired_on=hired_on)
        if stage in ENDED_STAGES:
            pipeline_invitations.open_invitations_withdraw(application=locked, move=move)
    return locked


@dataclass(frozen=True)
class MoveUndone:
    application: Application
    links: pipeline_invitations.LinksRestored  # the assessment links the undone move had withdrawn


def application_move_undo(*, application: Application, user, reason: str = "") -> Application:
    """application_move_undo_outcome() for callers that need only the application."""
    return application_move_undo_outcome(application=application, user=user, reason=reason).application


def application_move_undo_outcome(*, application: Application, user, reason: str = "") -> MoveUndone:
    """Take back the latest move (a rejection too): the previous stage returns, and the undo is a
    move of its own, so the history shows both. Undoing a hire cancels it and reopens a filled
    requisition. The assessment links the move withdrew work again, unless they expired meanwhile."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        last = (
            locked.moves.filter(undone_at__isnull=True, undo_of__isnull=True)
            .exclude(from_stage="")
            .order_by("-at", "-id")
            .first()
        )
        if last is None or last.to_stage != locked.stage:
            raise ApplicationError(_("There is no move to undo."), status=409)
        now = timezone.now()
        ApplicationMove.objects.filter(pk=last.pk).update(undone_at=now)
        ApplicationMove.objects.create(
            application=locked,
            from_stage=locked.stage,
            to_stage=last.from_stage,
            reason=reason.strip()[:300],
            by=user,
            at=now,
            undo_of=last,
        )
        was_hired = locked.stage == Stage.HIRED
        locked.stage = last.from_stage
        locked.reason = ""
        locked.save(update_fields=["stage", "reason", "updated_at"])
        if was_hired:
            hires.hire_cancel(application=locked, user=user)
        links = pipeline_invitations.withdrawn_invitations_restore(move=last)
    return MoveUndone(application=locked, links=links)
