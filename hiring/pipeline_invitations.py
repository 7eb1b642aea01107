"""An application's assessment links and the moves that end it. A hired, rejected or withdrawn
candidate is neither reminded that an assessment "is still waiting" (after the offer or the rejection
e-mail) nor able to go on with one, so the move withdraws the links not yet submitted and records
that it did; undoing that move gives those links back, and only those: a link withdrawn by hand stays
withdrawn, and one that expired meanwhile cannot be given back (invite again).

Both run inside hiring.pipeline's move transaction, with the application locked.
"""

from dataclasses import dataclass

from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Invitation
from hiring.models import Application, ApplicationMove


@dataclass(frozen=True)
class LinksRestored:
    restored: int = 0  # work again
    expired: int = 0  # withdrawn by the move, expired since: they stay withdrawn


def open_invitations_withdraw(*, application: Application, move: ApplicationMove) -> None:
    """Withdraw the application's links not yet submitted (a submitted assessment stays as it is)."""
    open_statuses = (Invitation.Status.PENDING, Invitation.Status.STARTED)
    links = application.invitation_links.select_related("invitation").filter(invitation__status__in=open_statuses)
    for link in links:
        assessment_services.invitation_revoke(invitation=link.invitation)
        link.withdrawn_by_move = move
        link.save(update_fields=["withdrawn_by_move"])


def withdrawn_invitations_restore(*, move: ApplicationMove) -> LinksRestored:
    """Give back the links `move` withdrew, now that it is undone."""
    links = move.withdrawn_invitation_links.select_related("invitation").filter(
        invitation__status=Invitation.Status.REVOKED
    )
    now, restored, expired = timezone.now(), 0, 0
    for link in links:
        if link.invitation.expires_at <= now:
            expired += 1
            continue
        assessment_services.invitation_restore(invitation=link.invitation)
        link.withdrawn_by_move = None
        link.save(update_fields=["withdrawn_by_move"])
        restored += 1
    return LinksRestored(restored=restored, expired=expired)
