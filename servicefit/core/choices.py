"""Choices shared by every app, derived from their one definition."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from servicefit.core.countries import COUNTRY_CODES
from servicefit.core.languages import LANGUAGE_CODES, LANGUAGE_LABELS

Language = models.TextChoices("Language", [(code.upper(), (code, LANGUAGE_LABELS[code])) for code in LANGUAGE_CODES])

COUNTRY_LABELS = {"DK": _("Denmark"), "NO": _("Norway"), "SE": _("Sweden")}
Country = models.TextChoices("Country", [(code, (code, COUNTRY_LABELS[code])) for code in COUNTRY_CODES])
