"""The role an invitation was sent for, and its competency targets, when an app above knows one.

Assessments never imports hiring (hiring → assessments): hiring links an invitation to an
application, and so to a requisition and its role profile. It registers a provider here in its
`AppConfig.ready()`; the result page asks `role_targets_for(invitation)` and shows the competency
bars against the targets only when a provider answers.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RoleTargets:
    requisition: str  # the requisition's title, as its team knows it
    role: str  # the role profile's name in the active language
    # competency code → (target level 1–5, the 0–100 score band of that level)
    targets: dict[str, tuple[int, tuple[float, float]]]


Provider = Callable[[object], RoleTargets | None]

_providers: dict[str, Provider] = {}


def role_targets_provider_register(*, name: str, provider: Provider) -> None:
    _providers[name] = provider


def role_targets_for(invitation) -> RoleTargets | None:
    for name in sorted(_providers):
        targets = _providers[name](invitation)
        if targets is not None:
            return targets
    return None
