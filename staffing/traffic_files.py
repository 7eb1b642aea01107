"""An uploaded traffic file kept between the upload and the import, while its columns are mapped.

A traffic export can be 20 MB: too much for the session, which is read on every request. The file
waits in the default storage under a random name that only the uploader's session knows, and goes
when it is imported, when the next upload replaces it, or a day later.
"""

import datetime
import re
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

PENDING_DIR = "staffing/pending"
KEPT = datetime.timedelta(days=1)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")


def _path(token: str) -> str:
    if not TOKEN.match(token or ""):
        raise ValueError("not a pending-upload token")
    return f"{PENDING_DIR}/{token}.csv"


def pending_save(data: bytes) -> str:
    """Keep the file; returns its token. Files older than a day are removed first."""
    pending_sweep()
    token = secrets.token_urlsafe(24)
    default_storage.save(_path(token), ContentFile(data))
    return token


def pending_read(token: str) -> bytes | None:
    """The file, or None when it is gone (imported, swept, or the token is not one)."""
    try:
        path = _path(token)
    except ValueError:
        return None
    if not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as handle:
        return handle.read()


def pending_delete(token: str) -> None:
    try:
        default_storage.delete(_path(token))
    except ValueError:
        return


def pending_sweep(*, now: datetime.datetime | None = None) -> int:
    """Remove the files left more than a day ago (an upload whose columns were never mapped)."""
    if not default_storage.exists(PENDING_DIR):
        return 0
    cutoff = (now or timezone.now()) - KEPT
    removed = 0
    for name in default_storage.listdir(PENDING_DIR)[1]:
        path = f"{PENDING_DIR}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            removed += 1
    return removed
