"""How two candidate records may be the same person: phone numbers and names compared. Pure.

A flag for a person to look at, never a merge, so the name rule may err towards flagging.
"""

import re
import unicodedata
from difflib import SequenceMatcher

# E.164 allows at most 15 digits; Nordic numbers have 8 without the country code.
PHONE_DIGITS = (6, 15)
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()./-]+$")
NAME_RATIO = 0.88


def phone_normalize(raw: str) -> str | None:
    """The number as "+digits" or "digits" (spaces, dashes, dots and brackets dropped); None when
    it is not a phone number. "" stays "" (no number given)."""
    raw = raw.strip()
    if not raw:
        return ""
    if not PHONE_CHARACTERS.match(raw):
        return None
    digits = re.sub(r"\D", "", raw)
    if not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
        return None
    if raw.startswith("00"):
        return "+" + digits[2:]
    return ("+" if raw.startswith("+") else "") + digits


def phone_tail(phone: str) -> str:
    """The last eight digits: "+45 20 12 34 56" and "20123456" are the same Danish number."""
    return re.sub(r"\D", "", phone)[-8:]


def name_key(name: str) -> str:
    """Lower case, accents off (é → e, å → a; æ and ø stay), words sorted, so
    "Hansen, Mette" and "mette  HANSEN" compare equal."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.findall(r"\w+", unicodedata.normalize("NFC", plain))
    return " ".join(sorted(words))


def names_close(a: str, b: str) -> bool:
    """The same name up to order, case, accents or a typo or two."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    return key_a == key_b or SequenceMatcher(None, key_a, key_b).ratio() >= NAME_RATIO
