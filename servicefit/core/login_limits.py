"""Failed logins are counted per account and per client address in the shared cache.

Every login path (the login page, the admin login, the API token endpoint) goes through
`login_authenticate`, so guessing passwords is slowed down the same way everywhere, across all
worker processes (the cache must be shared: see the core.E012 deploy check).
"""

import hashlib
import math
import time
import unicodedata

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.utils.translation import ngettext

from servicefit.core.client_address import client_address


class LoginLocked(Exception):
    def __init__(self, seconds: int):
        self.seconds = seconds
        minutes = max(1, math.ceil(seconds / 60))
        self.message = ngettext(
            "Logging in is locked after too many failed attempts. Try again in %(minutes)d minute.",
            "Logging in is locked after too many failed attempts. Try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        super().__init__(self.message)


def username_normalise(username: str) -> str:
    # "Rikke", " rikke" and "ｒｉｋｋｅ" are one target for a guesser, so they share one counter.
    return unicodedata.normalize("NFKC", username).strip().casefold()


def _digest(value: str) -> str:
    # Hashed so that the cache never holds what people typed as a username (often a password).
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def _limits(*, username: str, address: str) -> list[tuple[str, int]]:
    return [
        (f"login:account:{_digest(username_normalise(username))}", settings.LOGIN_FAILURES_PER_ACCOUNT),
        (f"login:address:{_digest(address)}", settings.LOGIN_FAILURES_PER_ADDRESS),
    ]


def login_locked_seconds(*, username: str, address: str) -> int:
    """How long this account or address stays locked; 0 when it may try."""
    now = time.time()
    until = cache.get_many([f"{key}:locked" for key, _limit in _limits(username=username, address=address)])
    return max([math.ceil(value - now) for value in until.values()] + [0])


def login_failure_record(*, username: str, address: str) -> None:
    window = settings.LOGIN_LOCK_MINUTES * 60
    for key, limit in _limits(username=username, address=address):
        cache.add(f"{key}:failures", 0, timeout=window)
        try:
            failures = cache.incr(f"{key}:failures")
        except ValueError:  # the window ended between add and incr
            cache.set(f"{key}:failures", 1, timeout=window)
            failures = 1
        if failures >= limit:
            cache.set(f"{key}:locked", time.time() + window, timeout=window)


def login_success_record(*, username: str) -> None:
    # Only the account's own counter: a success from a shared address must not wipe out the
    # failures others (a guesser behind the same NAT) made from it.
    account_key, _limit = _limits(username=username, address="")[0]
    cache.delete(f"{account_key}:failures")


def login_authenticate(*, request, username: str, password: str):
    """The user for these credentials, or None. Raises LoginLocked while the account or address is locked."""
    address = client_address(request)
    seconds = login_locked_seconds(username=username, address=address)
    if seconds > 0:
        raise LoginLocked(seconds)
    user = authenticate(request, username=username, password=password)
    if user is None:
        login_failure_record(username=username, address=address)
        seconds = login_locked_seconds(username=username, address=address)
        if seconds > 0:
            raise LoginLocked(seconds)
        return None
    login_success_record(username=username)
    return user
