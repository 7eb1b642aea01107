"""A lock held in the shared cache, so that it holds across gunicorn workers (not only threads)."""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache


@contextmanager
def cache_lock(name: str, *, timeout: int) -> Iterator[bool]:
    """Yields whether this caller got the lock. `timeout` frees it if the holder's process dies."""
    key = f"lock:{name}"
    owner = secrets.token_hex(8)
    acquired = cache.add(key, owner, timeout=timeout)
    try:
        yield acquired
    finally:
        # Only the holder releases, and only its own lock (not one taken after its own timed out).
        if acquired and cache.get(key) == owner:
            cache.delete(key)
