"""Choices shared by every app, derived from their one definition."""

from django.db import models

from servicefit.core.languages import LANGUAGE_CODES, LANGUAGE_LABELS

Language = models.TextChoices("Language", [(code.upper(), (code, LANGUAGE_LABELS[code])) for code in LANGUAGE_CODES])
