"""Personal links: a token is `<public_id>.<signature>`, checked on every candidate request."""

import re

from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from assessments.models import Invitation
from servicefit.core.exceptions import ApplicationError

TOKEN_SALT = "servicefit.assessments.invitation"  # noqa: S105 (an HMAC salt, not a secret)
# A public id from secrets.token_urlsafe, a dot, 32 hex digits. Anything else (NUL bytes, junk,
# overlong guesses) is refused before it reaches the database.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,32}\.[0-9a-f]{32}")


def invitation_token(invitation: Invitation) -> str:
    signature = salted_hmac(TOKEN_SALT, invitation.public_id, algorithm="sha256").hexdigest()[:32]
    return f"{invitation.public_id}.{signature}"


def invitation_signed(token: str) -> Invitation | None:
    """The invitation a genuine link belongs to, whatever its state (withdrawn, expired, submitted)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    public_id, _dot, _signature = token.partition(".")
    # The attempt comes along in the same query: every candidate request needs both.
    invitation = Invitation.objects.select_related("assessment", "attempt").filter(public_id=public_id).first()
    if invitation is None or not constant_time_compare(invitation_token(invitation), token):
        return None
    return invitation


def invitation_for_token(token: str, *, for_writing: bool = False) -> Invitation:
    """The invitation a link belongs to, or the error its holder should see."""
    return invitation_usable(invitation_signed(token), for_writing=for_writing)


def invitation_usable(invitation: Invitation | None, *, for_writing: bool = False) -> Invitation:
    """The invitation of a link (`invitation_signed`), if it can still be used; else the error to show."""
    if invitation is None:
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
