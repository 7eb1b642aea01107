"""The candidate API slows down a script hammering one link or guessing links from one address."""

import pytest
from django.core.cache import cache

from assessments import services
from assessments.api import TakeAddressThrottle, TakeTokenThrottle

from . import factories


@pytest.fixture(autouse=True)
def fresh_counters():
    # The throttles count in the cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


def test_the_fourth_request_on_one_link_within_a_minute_is_refused(client, monkeypatch, battery, token):
    monkeypatch.setitem(TakeTokenThrottle.THROTTLE_RATES, TakeTokenThrottle.scope, "3/min")
    for _ in range(3):
        assert client.get(f"/api/take/{token}/").status_code == 200
    response = client.get(f"/api/take/{token}/")
    assert response.status_code == 429
    assert response.json()["message"]
    assert int(response["Retry-After"]) > 0
    other = services.invitation_token(factories.invitation(battery, number=2))
    assert client.get(f"/api/take/{other}/").status_code == 200  # counted per link


def test_guessing_links_from_one_address_is_refused(client, monkeypatch, token):
    monkeypatch.setitem(TakeAddressThrottle.THROTTLE_RATES, TakeAddressThrottle.scope, "3/min")
    wrong = [token[:-1] + digit for digit in "0123456789abcdef" if digit != token[-1]][:3]
    for link in wrong:
        assert client.get(f"/api/take/{link}/").status_code == 404
    response = client.get(f"/api/take/{token}/")
    assert response.status_code == 429
    assert response.json()["message"]
