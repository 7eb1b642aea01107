"""The seven service personality types of the CEB/HBR study: the one home of their codes.

Plain Python, so the pure analysis modules, file validators, scoring and the models all derive
from it.
"""

from django.utils.translation import gettext_lazy as _

SERVICE_TYPES = ("accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock")

SERVICE_TYPE_LABELS = {
    "accommodator": _("Accommodator"),
    "competitor": _("Competitor"),
    "controller": _("Controller"),
    "empathizer": _("Empathizer"),
    "hard_worker": _("Hard Worker"),
    "innovator": _("Innovator"),
    "rock": _("Rock"),
}

# A sentence label is a service type or none of them.
NEUTRAL = "neutral"
SENTENCE_LABELS = (*SERVICE_TYPES, NEUTRAL)
