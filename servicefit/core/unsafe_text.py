"""Text no database here can store: a NUL (PostgreSQL refuses it in text) or an unpaired surrogate
(it cannot be encoded as UTF-8). Pure: the API's parsers, the file importers and the commands refuse
it with the same test, before anything is written."""

import re

UNSAFE_TEXT = re.compile("[\x00\ud800-\udfff]")


def has_unsafe_text(value: str) -> bool:
    return UNSAFE_TEXT.search(value) is not None
