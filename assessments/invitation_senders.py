"""Who e-mails an invitation when it is sent again. Assessments sends its own wording; an app that
sends the first invitation in its own words (hiring, with a team's invitation text) registers a
sender in its AppConfig.ready(), so that a resend reads the same as the first e-mail. A sender
returns True when it has taken the e-mail over (then assessments sends nothing), else False.
"""

from collections.abc import Callable

from assessments.models import Invitation

_senders: dict[str, Callable[..., bool]] = {}


def invitation_sender_register(*, name: str, sender: Callable[..., bool]) -> None:
    _senders[name] = sender


def invitation_sent_elsewhere(*, invitation: Invitation, user) -> bool:
    return any(_senders[name](invitation=invitation, user=user) for name in sorted(_senders))
