"""Who e-mails an invitation when it is sent again, or its reminder. Assessments sends its own wording;
an app that writes to candidates in a team's own words (hiring, with a team's invitation or reminder
text) registers a sender in its AppConfig.ready(), so that a resend reads the same as the first e-mail
and a reminder is the team's. A sender is called with `invitation`, `user` (None for the scheduled
reminder) and `reminder`, and returns True when it has taken the e-mail over (then assessments sends
nothing), else False.
"""

from collections.abc import Callable

from assessments.models import Invitation

_senders: dict[str, Callable[..., bool]] = {}


def invitation_sender_register(*, name: str, sender: Callable[..., bool]) -> None:
    _senders[name] = sender


def invitation_sent_elsewhere(*, invitation: Invitation, user, reminder: bool = False) -> bool:
    return any(_senders[name](invitation=invitation, user=user, reminder=reminder) for name in sorted(_senders))
