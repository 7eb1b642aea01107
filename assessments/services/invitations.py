"""Invitations: creating, re-sending, withdrawing and e-mailing a candidate's personal link."""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.invitation_senders import invitation_sent_elsewhere
from assessments.models import Assessment, Attempt, Invitation
from assessments.queues import EXPIRING_WITHIN
from assessments.services.tokens import invitation_token
from assessments.signals import invitation_language_chosen
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.models import Team
from servicefit.core.policies import CANDIDATE_WRITE, team_for_new_record

INVITATION_DAYS = 14


def invitation_create(
    *,
    assessment: Assessment,
    email: str,
    name: str,
    language: str,
    user=None,
    send: bool = True,
    team: Team | None = None,
) -> Invitation:
    """An invitation in `team` (default: the inviting user's team; without a user, the default team)."""
    team = team_for_new_record(policy=CANDIDATE_WRITE, user=user, team=team)
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter a valid e-mail address.")]
    if not name.strip():
        errors["name"] = [_("Enter the candidate's name.")]
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose one of: %(languages)s.") % {"languages": ", ".join(LANGUAGE_CODES)}]
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
            public_id=secrets.token_urlsafe(18),
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
            created_by=user,
            team=team,
        )
        if send:
            transaction.on_commit(lambda: invitation_send_task.delay(invitation.id))
    return invitation


def invitation_resend(*, invitation: Invitation, user=None) -> Invitation:
    """Send the link again, in the words of the first e-mail (an app that sent it in its own words
    sends it again: assessments.invitation_senders); an expired, unused link gets a new expiry date first."""
    from assessments.tasks import invitation_send_task

    if invitation.status in (Invitation.Status.REVOKED, Invitation.Status.SUBMITTED):
        raise ApplicationError(_("A withdrawn or completed invitation cannot be sent again."), status=409)
    if invitation.expires_at <= timezone.now():
        invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
        invitation.reminded_at = None
        invitation.save(update_fields=["expires_at", "reminded_at", "updated_at"])
    if not invitation_sent_elsewhere(invitation=invitation, user=user):
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


def invitation_restore(*, invitation: Invitation) -> Invitation:
    """Make a withdrawn link work again, as it was: started if the candidate had begun. For the app
    that withdrew it and knows why (hiring, when the decision that withdrew it is undone); an expired
    link is not restored."""
    if invitation.status != Invitation.Status.REVOKED:
        raise ApplicationError(_("Only a withdrawn invitation can be restored."), status=409)
    if invitation.expires_at <= timezone.now():
        raise ApplicationError(_("The invitation has expired; invite the candidate again."), status=409)
    started = Attempt.objects.filter(invitation=invitation).exists()
    invitation.status = Invitation.Status.STARTED if started else Invitation.Status.PENDING
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
    # A team's own reminder text (hiring's) goes out instead of ours, never both.
    if reminder and invitation_sent_elsewhere(invitation=invitation, user=None, reminder=True):
        return
    invitation_email(invitation, invitation_token(invitation), reminder=reminder).send()
    if not reminder:
        Invitation.objects.filter(id=invitation.id).update(sent_at=timezone.now())


def invitation_reminders_due() -> list[int]:
    """Unfinished invitations expiring within two days that have had no reminder yet (the home page
    counts the same window as "expiring")."""
    now = timezone.now()
    return list(
        Invitation.objects.filter(
            status__in=[Invitation.Status.PENDING, Invitation.Status.STARTED],
            expires_at__gt=now,
            expires_at__lte=now + EXPIRING_WITHIN,
            reminded_at__isnull=True,
            sent_at__isnull=False,
        ).values_list("id", flat=True)
    )


def invitation_language_set(*, invitation: Invitation, language: str) -> None:
    """The candidate chose another of the four languages; e-mails and pages follow it."""
    if language in LANGUAGE_CODES and language != invitation.language:
        with transaction.atomic():
            invitation.language = language
            invitation.save(update_fields=["language", "updated_at"])
            invitation_language_chosen.send(sender=Invitation, invitation_id=invitation.id, language=language)
