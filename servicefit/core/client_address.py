"""The one place that decides which address a request came from (rate limits, login limits)."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR, or the address our own proxy saw when TRUSTED_PROXY_COUNT says one is in front.

    X-Forwarded-For is written by the client first and appended to by each proxy, so only the
    entries our proxies added are trustworthy: with N trusted proxies, the Nth from the right.
    Anything a client typed further left is ignored, so it cannot pick its own address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if not entries:
        return remote
    candidate = entries[-min(proxies, len(entries))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
