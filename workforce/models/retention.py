"""What an exit costs a team, for the retention dashboard's cost of attrition.

The currency follows the team's country (Team.country, else SERVICEFIT_RETENTION_COUNTRY): DKK, NOK,
SEK, or EUR elsewhere. Without a setting a team's replacement cost is DEFAULT_REPLACEMENT_COST in its
currency: 60,000 DKK (recruiting, onboarding and the months before a new agent is fully productive,
a common Nordic contact-centre estimate) converted at rounded rates and rounded to the thousand.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicefit.core.models import Team, TimeStampedModel

CURRENCY_BY_COUNTRY = {"DK": "DKK", "NO": "NOK", "SE": "SEK"}
OTHER_CURRENCY = "EUR"
DEFAULT_REPLACEMENT_COST = {
    "DKK": Decimal("60000"),
    "NOK": Decimal("93000"),
    "SEK": Decimal("89000"),
    "EUR": Decimal("8000"),
}


class RetentionSettings(TimeStampedModel):
    team = models.OneToOneField(
        Team, on_delete=models.CASCADE, related_name="retention_settings", verbose_name=_("team")
    )
    replacement_cost = models.DecimalField(
        _("replacement cost per exit"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Recruiting, onboarding and lost output when an agent leaves, in the team's currency."),
    )

    class Meta:
        ordering = ["team"]
        constraints = [
            models.CheckConstraint(condition=models.Q(replacement_cost__gte=0), name="retention_cost_not_negative")
        ]
        verbose_name = _("retention settings")
        verbose_name_plural = _("retention settings")

    def __str__(self):
        return f"{self.team}: {self.replacement_cost}"
