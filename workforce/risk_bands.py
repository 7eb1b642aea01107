"""Risk probabilities in words. The probability is of a voluntary exit within the model's horizon
(six months by default); with contact-centre attrition of 30–45 % a year, about one agent in six
leaves in any six months, so "medium" starts near that base rate and "high" at about twice it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RiskBand(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


MEDIUM_FROM = 0.15
HIGH_FROM = 0.30
# (lowest probability, band), highest first.
BANDS = [(HIGH_FROM, RiskBand.HIGH), (MEDIUM_FROM, RiskBand.MEDIUM), (0.0, RiskBand.LOW)]


def risk_band(probability: float) -> RiskBand:
    if probability >= HIGH_FROM:
        return RiskBand.HIGH
    if probability >= MEDIUM_FROM:
        return RiskBand.MEDIUM
    return RiskBand.LOW


def band_bounds(band: str) -> tuple[float, float]:
    """The probabilities [lowest, upper) a band covers."""
    upper = 1.0 + 1e-9
    for lowest, name in BANDS:
        if name == band:
            return lowest, upper
        upper = lowest
    raise KeyError(band)
