"""The four languages of ServiceFit: the UI, the candidate pages and the text analysis.

The one home of the language codes. Plain Python (no models), so settings and the pure analysis
modules can import it too.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = ("en", "da", "nb", "sv")
DEFAULT_LANGUAGE = "en"

# Shown in the UI's language ("Danish" in English, "dansk" in Danish).
LANGUAGE_LABELS = {
    "en": _("English"),
    "da": _("Danish"),
    "nb": _("Norwegian Bokmål"),
    "sv": _("Swedish"),
}

# Each language in itself: what a candidate looks for in a language switch.
NATIVE_NAMES = {"en": "English", "da": "Dansk", "nb": "Norsk (bokmål)", "sv": "Svenska"}
