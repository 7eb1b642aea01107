"""Words for the codes our data stores, so a page never shows `hard_worker`, `da` or `low_item_rest`.

Each filter looks a code up in the one place it is defined; an unknown code is shown as it is.
"""

from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from profiles.analysis.lexicon import CLAUSE
from profiles.models import PartOfSpeech, ServiceType

register = template.Library()

GENDER_VERDICTS = {
    "neutral": _("neutral"),
    "masculine-coded": _("masculine-coded"),
    "feminine-coded": _("feminine-coded"),
    "strongly masculine-coded": _("strongly masculine-coded"),
    "strongly feminine-coded": _("strongly feminine-coded"),
}
# LIX bands (profiles.analysis.readability.BANDS): the engine names them in the ad's language, on
# that language's scale; the reader reads the band in their own.
LIX_BANDS = {
    "very_easy": _("very easy to read"),
    "easy": _("easy to read"),
    "medium": _("medium difficulty"),
    "hard": _("hard to read"),
    "very_hard": _("very hard to read"),
}
# The reasons assessments.psychometrics.flag_items gives for flagging an item.
ITEM_FLAGS = {
    "low_item_rest": _("low item-rest correlation"),
    "hurts_reliability": _("scale more reliable without it"),
}


@register.filter
def language_label(code: str) -> str:
    # Not `language_name`: Django's i18n library has a filter of that name (English names only),
    # and whichever library a template loads last would win.
    return dict(settings.LANGUAGES).get(code, code)


@register.filter
def type_name(code: str) -> str:
    return ServiceType.Code(code).label if code in ServiceType.Code.values else code


@register.filter
def lookup(names: dict, code: str) -> str:
    """`{{ scale_names|lookup:item.scale }}`: the name a view looked up for a code."""
    return names.get(code, code)


@register.filter
def gender_verdict(verdict: str) -> str:
    return GENDER_VERDICTS.get(verdict, verdict)


@register.filter
def item_flag(flag: str) -> str:
    return ITEM_FLAGS.get(flag, flag)


@register.filter
def part_of_speech(code: str) -> str:
    """A marker's or a rewrite suggestion's part of speech; "clause" is a whole replacement sentence."""
    if code == CLAUSE:
        return _("whole sentence")
    return PartOfSpeech(code).label if code in PartOfSpeech.values else code


@register.filter
def lix_band(readability: dict) -> str:
    """An analysis's LIX band in the reader's language; an analysis without a band code as saved."""
    code = readability.get("band_code", "")
    return LIX_BANDS[code] if code in LIX_BANDS else readability.get("band", "")


# The notes the shipped lexicon files carry, in English (migrations 0002 and 0008 stored them as they are).
SHIPPED_LEXICON_NOTES = {
    "Initial lexicon shipped with ServiceFit": _("The first lexicon shipped with ServiceFit."),
    "Lexicon v2: revised from 75 real contact-centre and customer-facing job ads in Danish, Norwegian, Swedish "
    "and English (bench/adcorpus.py); parts of speech and grammatical rewrites.": _(
        "Revised from 75 real job ads for contact-centre and customer-facing jobs in Danish, Norwegian, Swedish "
        "and English; with parts of speech and rewrites that keep the sentence grammatical."
    ),
}


@register.filter
def lexicon_note(note: str) -> str:
    """A shipped lexicon version's note in the reader's language; an uploaded version's note as written."""
    return SHIPPED_LEXICON_NOTES.get(note, note)
