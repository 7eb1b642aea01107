"""E-mails to candidates: rejection, interview and (with a team's own wording) the assessment
invitation and its reminder, in the candidate's language. Recorded as sent, never kept as a copy of
the text.

The assessment invitation and its reminder are normally the e-mails assessments sends itself; a team
that wrote its own invitation or reminder text for the candidate's language gets that one instead,
never both.
"""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from assessments.emails import invitation_email
from assessments.models import Invitation
from assessments.services.tokens import invitation_token
from hiring.models import Application, ApplicationInvitation, CandidateEmail, CandidateEmailTemplate, EmailKind
from servicefit.core.employer import employer_identity
from servicefit.core.exceptions import ApplicationError

MAX_PLACE_LENGTH = 200
# The kinds that carry the application's assessment link.
LINK_KINDS = (EmailKind.INVITATION, EmailKind.REMINDER)


def email_template_override(*, team_id: int, kind: str, language: str) -> CandidateEmailTemplate | None:
    return CandidateEmailTemplate.objects.filter(team_id=team_id, kind=kind, language=language).first()


def email_render(*, kind: str, language: str, team_id: int, context: dict) -> tuple[str, str]:
    """(subject, body): the team's own template for the kind and language, else the built-in one."""
    override = email_template_override(team_id=team_id, kind=kind, language=language)
    if override is not None:
        subject, body = override.subject.format_map(context), override.body.format_map(context)
    else:
        with translation.override(language):
            subject = render_to_string(f"hiring/email/{language}/{kind}_subject.txt", context)
            body = render_to_string(f"hiring/email/{language}/{kind}_body.txt", context)
    # One line: a team's subject or a candidate's name can hold a line break, which a mail header cannot.
    return " ".join(subject.split()), body


def _interview_checked(extra: dict) -> dict:
    when, place = extra.get("when"), (extra.get("place") or "").strip()
    errors = {}
    if not isinstance(when, datetime):
        errors["when"] = [_("Give the date and time of the interview.")]
    elif when < timezone.now():
        errors["when"] = [_("The interview time has passed; give a time in the future.")]
    if not place:
        errors["place"] = [_("Say where the interview is (an address or a video link).")]
    elif len(place) > MAX_PLACE_LENGTH:
        errors["place"] = [_("Keep the place under 200 characters.")]
    if errors:
        raise ApplicationError(_("The interview invitation is not valid."), extra={"fields": errors})
    return {"when": when.isoformat(), "place": place}


def candidate_email_send(*, application: Application, kind: str, user, extra: dict | None = None) -> CandidateEmail:
    """Record the e-mail and send it after the surrounding transaction commits (a task).

    `extra`: for an interview {"when": aware datetime, "place": text}; for an invitation or a
    reminder {"invitation_id": id} of the application's assessment invitation.
    """
    from hiring.tasks import candidate_email_task

    extra = dict(extra or {})
    if kind not in EmailKind.values:
        raise ApplicationError(_("There is no e-mail of that kind."), extra={"fields": {"kind": ["invalid"]}})
    if kind == EmailKind.INTERVIEW:
        extra = _interview_checked(extra)
    elif kind in LINK_KINDS:
        if not application.invitation_links.filter(invitation_id=extra.get("invitation_id")).exists():
            raise ApplicationError(_("The application has no such invitation."), status=409)
        extra = {"invitation_id": extra["invitation_id"]}
    else:
        extra = {}
    email = CandidateEmail.objects.create(
        application=application, kind=kind, language=application.candidate.language, by=user
    )
    transaction.on_commit(lambda: candidate_email_task.delay(email.id, extra))
    return email


def _context(email: CandidateEmail, extra: dict) -> dict:
    application = email.application
    context = {
        "candidate_name": application.candidate.name,
        "job_title": application.requisition.title,
        "team_name": application.requisition.team.name,
        # The built-in texts name and sign with the employer, as its assessment invitation does; a
        # team is an internal unit ("Copenhagen", "Team Bergen"), named only when no employer name is set.
        "employer_name": employer_identity().name or application.requisition.team.name,
        "interview_when": "",
        "interview_place": extra.get("place", ""),
        "assessment_link": "",
    }
    if extra.get("when"):
        with translation.override(email.language):
            when = timezone.localtime(datetime.fromisoformat(extra["when"]))
            context["interview_when"] = formats.date_format(when, "DATETIME_FORMAT")
    if extra.get("invitation_id"):
        invitation = Invitation.objects.get(id=extra["invitation_id"])
        context["assessment_link"] = settings.SITE_URL.rstrip("/") + reverse(
            "take:welcome", args=[invitation_token(invitation)]
        )
    return context


def candidate_email_deliver(*, candidate_email_id: int, extra: dict) -> None:
    """Render and send one recorded e-mail. Run twice, it sends once: a sent e-mail is not sent again."""
    email = (
        CandidateEmail.objects.select_related("application__candidate", "application__requisition__team", "by")
        .filter(id=candidate_email_id, sent_at__isnull=True)
        .first()
    )
    if email is None:  # sent already, or the candidate was erased meanwhile
        return
    team_id = email.application.requisition.team_id
    if (
        email.kind in LINK_KINDS
        and email_template_override(team_id=team_id, kind=email.kind, language=email.language) is None
    ):
        # The team deleted its own text after this e-mail was queued: the candidate still gets the
        # link, in assessments' own wording (hiring has no built-in invitation or reminder text).
        _deliver_assessments_own(email, extra)
        return
    context = _context(email, extra)
    subject, body = email_render(kind=email.kind, language=email.language, team_id=team_id, context=context)
    # Replies reach the recruiter who sent it (for the scheduled reminder, who invited), not the
    # server's no-reply address.
    replier = email.by
    if replier is None and extra.get("invitation_id"):
        invitation = Invitation.objects.select_related("created_by").filter(id=extra["invitation_id"]).first()
        replier = invitation.created_by if invitation is not None else None
    reply_to = [replier.email] if replier is not None and replier.email else None
    EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=employer_identity().from_email,  # the employer, as on the assessment e-mails
        to=[email.application.candidate.email],
        reply_to=reply_to,
    ).send()
    now = timezone.now()
    CandidateEmail.objects.filter(id=email.id).update(sent_at=now)
    if email.kind == EmailKind.INVITATION and extra.get("invitation_id"):
        # Stands in for assessments' own e-mail, so its reminder knows the link went out.
        Invitation.objects.filter(id=extra["invitation_id"], sent_at__isnull=True).update(sent_at=now)


def _deliver_assessments_own(email: CandidateEmail, extra: dict) -> None:
    invitation = (
        Invitation.objects.select_related("assessment", "created_by").filter(id=extra.get("invitation_id")).first()
    )
    if invitation is None:  # erased meanwhile
        return
    invitation_email(invitation, invitation_token(invitation), reminder=email.kind == EmailKind.REMINDER).send()
    now = timezone.now()
    CandidateEmail.objects.filter(id=email.id).update(sent_at=now)
    if email.kind == EmailKind.INVITATION:
        Invitation.objects.filter(id=invitation.id, sent_at__isnull=True).update(sent_at=now)


def invitation_needs_own_email(*, application: Application, kind: str = EmailKind.INVITATION) -> bool:
    """Whether the team wrote its own invitation (or reminder) text in the candidate's language, sent
    instead of assessments' own."""
    return (
        email_template_override(
            team_id=application.requisition.team_id, kind=kind, language=application.candidate.language
        )
        is not None
    )


def invitation_own_email_send(*, invitation: Invitation, user, reminder: bool = False) -> bool:
    """A resend of an application's invitation in the team's own invitation text when the first one
    was, or its reminder in the team's own reminder text (registered with
    assessments.invitation_senders); False leaves it to assessments' own wording."""
    kind = EmailKind.REMINDER if reminder else EmailKind.INVITATION
    link = (
        ApplicationInvitation.objects.select_related("application__candidate", "application__requisition")
        .filter(invitation=invitation)
        .first()
    )
    if link is None or not invitation_needs_own_email(application=link.application, kind=kind):
        return False
    candidate_email_send(application=link.application, kind=kind, user=user, extra={"invitation_id": invitation.id})
    return True


def email_template_save(*, team, kind: str, language: str, subject: str, body: str) -> CandidateEmailTemplate:
    """Create or replace a team's template for a kind and language; placeholders are checked."""
    template = CandidateEmailTemplate.objects.filter(team=team, kind=kind, language=language).first()
    template = template or CandidateEmailTemplate(team=team, kind=kind, language=language)
    template.subject, template.body = subject.strip(), body.strip()
    try:
        template.full_clean(validate_constraints=False)
    except ValidationError as exc:
        raise ApplicationError(_("The e-mail template is not valid."), extra={"fields": exc.message_dict}) from exc
    template.save()
    return template


def email_template_delete(*, template: CandidateEmailTemplate) -> None:
    template.delete()
