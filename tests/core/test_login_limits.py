"""Guessing passwords is slowed down on every login path, per account and per client address."""

import pytest
from django.contrib.auth import get_user_model

LOCKED = "Logging in is locked after too many failed attempts. Try again in 15 minutes."


@pytest.fixture(autouse=True)
def limits(settings):
    # The defaults, spelled out: the tests count to them.
    settings.LOGIN_FAILURES_PER_ACCOUNT = 5
    settings.LOGIN_FAILURES_PER_ADDRESS = 20
    settings.LOGIN_LOCK_MINUTES = 15
    settings.TRUSTED_PROXY_COUNT = 0


def page_login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def api_login(client, username, password, **extra):
    return client.post("/api/auth/token/", {"username": username, "password": password}, **extra)


def test_it_locks_the_login_page_after_five_wrong_passwords_even_for_the_right_one(client, recruiter):
    for _ in range(4):
        body = page_login(client, "rikke", "guess").content.decode()
        assert "did not match" in body and LOCKED not in body
    assert LOCKED in page_login(client, "rikke", "guess").content.decode()  # the fifth says so at once
    response = page_login(client, "rikke", "pw-rikke")
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_locks_the_admin_login(client, admin_user):
    for _ in range(5):
        client.post("/admin/login/", {"username": "astrid", "password": "guess"})
    response = client.post("/admin/login/?next=/admin/", {"username": "astrid", "password": "pw-astrid"})
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_it_answers_a_locked_api_login_with_429_json_and_retry_after(client, recruiter):
    for _ in range(4):
        assert api_login(client, "rikke", "guess").status_code == 400
    response = api_login(client, "rikke", "pw-rikke" + "x")
    assert response.status_code == 429
    assert response.json() == {"message": LOCKED, "code": "throttled", "extra": {}}
    assert 890 <= int(response["Retry-After"]) <= 900
    assert api_login(client, "rikke", "pw-rikke").status_code == 429


def test_a_valid_token_does_not_lift_the_limit_on_the_token_endpoint(client, api, recruiter, hr_user):
    # Before, the endpoint's throttle skipped any request that carried a valid token.
    authenticated = api.as_user(hr_user)
    statuses = [api_login(authenticated, "rikke", f"guess-{n}").status_code for n in range(6)]
    assert statuses == [400, 400, 400, 400, 429, 429]


def test_the_lock_is_shared_by_all_login_paths(client, recruiter):
    for n in range(3):
        api_login(client, "rikke", f"guess-{n}")
    for n in range(2):
        page_login(client, "rikke", f"guess-{n}")
    assert LOCKED in page_login(client, "rikke", "pw-rikke").content.decode()
    assert api_login(client, "rikke", "pw-rikke").status_code == 429


def test_spellings_of_one_username_share_one_counter(client, recruiter):
    for spelling in ["RIKKE", " rikke", "Rikke", "ｒｉｋｋｅ", "rikke"]:
        api_login(client, spelling, "guess")
    assert api_login(client, "rikke", "pw-rikke").status_code == 429


def test_another_account_is_not_locked_by_failures_on_one(client, recruiter, hr_user):
    for _ in range(5):
        api_login(client, "rikke", "guess")
    assert api_login(client, "henrik", "pw-henrik").status_code == 200


def test_a_success_before_the_limit_resets_the_accounts_counter(client, recruiter):
    for _ in range(4):
        api_login(client, "rikke", "guess")
    assert api_login(client, "rikke", "pw-rikke").status_code == 200
    for _ in range(4):
        assert api_login(client, "rikke", "guess").status_code == 400


def test_it_locks_an_address_that_tries_many_accounts(client, recruiter):
    for n in range(20):
        api_login(client, f"user{n}", "guess")
    response = api_login(client, "rikke", "pw-rikke")
    assert response.status_code == 429
    # Another address may still log in to the same account.
    assert api_login(client, "rikke", "pw-rikke", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_x_forwarded_for_does_not_dodge_the_address_limit(client, recruiter):
    for n in range(20):
        api_login(client, f"user{n}", "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert api_login(client, "rikke", "pw-rikke", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_trusted_proxy_the_proxys_entry_is_the_address(client, settings, recruiter):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client's own entries (left) change every time; the proxy appends the real address.
    for n in range(20):
        api_login(client, f"user{n}", "guess", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 192.0.2.10")
    assert api_login(client, "rikke", "pw-rikke", HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 429
    assert api_login(client, "rikke", "pw-rikke", HTTP_X_FORWARDED_FOR="192.0.2.11").status_code == 200


def test_a_success_does_not_reset_the_address_counter_others_filled(client, recruiter):
    for n in range(19):
        api_login(client, f"user{n}", "guess")
    assert api_login(client, "rikke", "pw-rikke").status_code == 200
    assert api_login(client, "user99", "guess").status_code == 429


def test_an_inactive_accounts_correct_password_counts_as_a_failure(client, recruiter):
    get_user_model().objects.filter(username="rikke").update(is_active=False)
    statuses = [api_login(client, "rikke", "pw-rikke").status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 400, 429]


def test_the_lock_ends_after_the_lock_time(client, recruiter, monkeypatch):
    import time

    for _ in range(5):
        api_login(client, "rikke", "guess")
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 15 * 60 + 1)
    # The cache entries expire on their own; the remaining time read from them is never negative.
    from servicefit.core.login_limits import login_locked_seconds

    assert login_locked_seconds(username="rikke", address="127.0.0.1") == 0


def test_the_limits_hold_in_a_redis_cache_shared_by_workers(client, settings, recruiter):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/14").ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "test-login-limits",
        }
    }
    from django.core.cache import cache

    cache.clear()
    try:
        for _ in range(5):
            api_login(client, "rikke", "guess")
        # A second client is another worker's view of the same counters.
        assert api_login(client.__class__(), "rikke", "pw-rikke").status_code == 429
        keys = redis.Redis.from_url("redis://127.0.0.1:6379/14").keys("test-login-limits:*")
        assert keys and not any(b"rikke" in key for key in keys)  # the username is hashed
    finally:
        cache.clear()
