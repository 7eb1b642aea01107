"""Why the analysis refused a text: a stable code and its parameters, put into words on demand.

A refusal that is kept (a bulk run's ad) stores the code and the parameters, never the message: the
worker that met the text speaks the server's language, and each reader should read their own.
"""

from collections.abc import Mapping

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from profiles.analysis.engine import MAX_CHARACTERS
from servicefit.core.exceptions import ApplicationError

# Where the user can choose a text's language, so a refusal tells them what they can do there.
LANGUAGE_IN_SETTINGS = "settings"  # the studio's Settings
LANGUAGE_IN_FORM = "form"  # a Language field on the form the text was sent with
LANGUAGE_IN_CSV = "csv"  # the language column of a bulk CSV


class Refusal(models.TextChoices):
    TOO_LONG = "too_long", gettext_lazy("Too long")
    EMPTY = "empty", gettext_lazy("Empty")
    NO_WORDS = "no_words", gettext_lazy("No words")
    LANGUAGE_UNSUPPORTED = "language_unsupported", gettext_lazy("Language not supported")
    LANGUAGE_NYNORSK = "language_nynorsk", gettext_lazy("Nynorsk")
    LANGUAGE_UNSURE = "language_unsure", gettext_lazy("Language unclear")


REFUSAL_STATUS = {
    Refusal.TOO_LONG: 413,
    Refusal.EMPTY: 400,
    Refusal.NO_WORDS: 400,
    Refusal.LANGUAGE_UNSUPPORTED: 422,
    Refusal.LANGUAGE_NYNORSK: 422,
    Refusal.LANGUAGE_UNSURE: 422,
}


class TextRefused(ApplicationError):
    """The analysis cannot read this text. The message is in the active language; `refusal` and
    `params` are kept for a reader who comes later (`code` is the API's error code, as for any
    ApplicationError)."""

    def __init__(self, code: Refusal, params: dict | None = None, *, language_in: str = LANGUAGE_IN_SETTINGS):
        self.refusal = code
        self.params = params or {}
        super().__init__(
            refusal_message(code, self.params, language_in=language_in),
            # For a program, the same in every language: {"code": "too_long", "length": 60000, "limit": 50000}.
            extra={"code": str(code), **self.params},
            status=REFUSAL_STATUS.get(code, 400),
        )


def refusal_message(code: str, params: Mapping, *, language_in: str = LANGUAGE_IN_SETTINGS) -> str:
    """The refusal in the active language; a code this version does not know still reads as a sentence."""
    if code == Refusal.TOO_LONG:
        return _text_length_refusal(params["length"], params.get("limit") or MAX_CHARACTERS)
    if code == Refusal.EMPTY:
        return _("The text is empty.")
    if code == Refusal.NO_WORDS:
        return _("The text has no words.")
    if code in (Refusal.LANGUAGE_UNSUPPORTED, Refusal.LANGUAGE_NYNORSK, Refusal.LANGUAGE_UNSURE):
        return _language_refusal(code, language_in=language_in)
    return _("The ad could not be analysed.")


def _text_length_refusal(length: int, limit: int) -> str:
    return _("The text is %(length)s characters long; the limit is %(limit)s. Paste only the ad itself.") % {
        "length": number_format(length, force_grouping=True),
        "limit": number_format(limit, force_grouping=True),
    }


def _language_refusal(code: str, *, language_in: str) -> str:
    """Why the analysis cannot read a text, and what the user can do about it where they are."""
    if language_in == LANGUAGE_IN_FORM:
        return _language_refusal_on_a_form(code)
    if language_in == LANGUAGE_IN_CSV:
        return _language_refusal_in_a_csv(code)
    if code == Refusal.LANGUAGE_NYNORSK:
        return _("Nynorsk is not supported yet: write the ad in Bokmål, or choose the language under Settings.")
    if code == Refusal.LANGUAGE_UNSURE:
        return _("The text is too short to tell which language it is in: choose the language under Settings.")
    return _(
        "The text is not in a language the analysis reads: Danish, Norwegian Bokmål, Swedish or English. "
        "If it is in one of them, choose the language under Settings."
    )


def _language_refusal_on_a_form(code: str) -> str:
    if code == Refusal.LANGUAGE_NYNORSK:
        return _("Nynorsk is not supported yet: write the ad in Bokmål, or choose the language in the Language field.")
    if code == Refusal.LANGUAGE_UNSURE:
        return _("The text is too short to tell which language it is in: choose the language in the Language field.")
    return _(
        "The text is not in a language the analysis reads: Danish, Norwegian Bokmål, Swedish or English. "
        "If it is in one of them, choose the language in the Language field."
    )


def _language_refusal_in_a_csv(code: str) -> str:
    if code == Refusal.LANGUAGE_NYNORSK:
        return _(
            "Nynorsk is not supported yet: write the ad in Bokmål, "
            "or give its language as nb in the “language” column of a CSV file."
        )
    if code == Refusal.LANGUAGE_UNSURE:
        return _(
            "The text is too short to tell which language it is in: "
            "give its language (da, nb, sv or en) in the “language” column of a CSV file."
        )
    return _(
        "The text is not in a language the analysis reads: Danish, Norwegian Bokmål, Swedish or English. "
        "If it is in one of them, give its language (da, nb, sv or en) in the “language” column of a CSV file."
    )
