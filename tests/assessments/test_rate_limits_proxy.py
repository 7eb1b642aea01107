"""The candidate API's per-address limit reads the address like the login limits do."""

import pytest
from django.core.cache import cache

from assessments.api import TakeAddressThrottle


def wrong_links(token: str, n: int) -> list[str]:
    """`n` well-formed links that are not `token` (its signature's last digit changed)."""
    return [token[:-1] + digit for digit in "0123456789abcdef" if digit != token[-1]][:n]


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_x_forwarded_for_does_not_dodge_the_per_address_limit(client, monkeypatch, token):
    # The project's settings as they are (no trusted proxy): before, each forged header was a new address.
    monkeypatch.setitem(TakeAddressThrottle.THROTTLE_RATES, TakeAddressThrottle.scope, "3/min")
    for guess, link in enumerate(wrong_links(token, 3)):
        response = client.get(f"/api/take/{link}/", HTTP_X_FORWARDED_FOR=f"203.0.113.{guess}")
        assert response.status_code == 404
    assert client.get(f"/api/take/{token}/", HTTP_X_FORWARDED_FOR="203.0.113.77").status_code == 429


def test_behind_a_trusted_proxy_each_real_client_has_its_own_count(client, settings, monkeypatch, token):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    monkeypatch.setitem(TakeAddressThrottle.THROTTLE_RATES, TakeAddressThrottle.scope, "3/min")
    for guess, link in enumerate(wrong_links(token, 3)):
        client.get(f"/api/take/{link}/", HTTP_X_FORWARDED_FOR=f"10.0.0.{guess}, 198.51.100.5")
    assert client.get(f"/api/take/{token}/", HTTP_X_FORWARDED_FOR="198.51.100.5").status_code == 429
    assert client.get(f"/api/take/{token}/", HTTP_X_FORWARDED_FOR="198.51.100.6").status_code == 200


def test_the_setting_follows_trusted_proxy_count():
    from servicefit import settings_test

    assert settings_test.REST_FRAMEWORK["NUM_PROXIES"] == settings_test.TRUSTED_PROXY_COUNT == 0
