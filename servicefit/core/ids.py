"""Record ids from query strings and paths: a database id is a positive 64-bit integer.

A longer number matches no record, and SQLite cannot even compare it ("Python int too large to
convert to SQLite INTEGER"), so it is refused here instead of reaching the database.
"""

MAX_ID = 2**63 - 1


def record_id(raw) -> int | None:
    """The id in `raw` (ASCII digits within the database's range), else None."""
    text = str(raw)
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None
