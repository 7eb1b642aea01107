"""API tokens expire, and a password change or deactivation revokes them."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from servicefit.core.models import ApiToken

REVOKED = "This token was revoked because the password changed or the account was deactivated. Ask for a new one."


def obtain(client, username="rikke", password="pw-rikke") -> str:  # noqa: S107  (the fixture user)
    response = client.post("/api/auth/token/", {"username": username, "password": password})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def get(client, key):
    return client.get("/api/service-types/", HTTP_AUTHORIZATION=f"Token {key}")


def test_it_returns_the_expiry_of_a_new_token(client, settings, recruiter):
    settings.API_TOKEN_DAYS = 30
    before = timezone.now()
    response = client.post("/api/auth/token/", {"username": "rikke", "password": "pw-rikke"})
    expires_at = parse_datetime(response.json()["expires_at"])
    assert before + timedelta(days=30) <= expires_at <= timezone.now() + timedelta(days=30)
    assert get(client, response.json()["token"]).status_code == 200


def test_it_stores_only_a_hash_of_the_key(client, recruiter):
    key = obtain(client)
    token = ApiToken.objects.get()
    assert key not in {token.digest, token.auth_hash}
    assert not ApiToken.objects.filter(digest=key).exists()


def test_it_refuses_an_expired_token(client, recruiter):
    key = obtain(client)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = get(client, key)
    assert response.status_code == 401
    assert response.json()["message"] == "This token has expired. Ask for a new one with your username and password."


def test_it_accepts_a_token_until_it_expires(client, recruiter):
    key = obtain(client)
    ApiToken.objects.update(expires_at=timezone.now() + timedelta(seconds=30))
    assert get(client, key).status_code == 200


def test_it_refuses_an_unknown_token(client, recruiter):
    obtain(client)
    response = get(client, "not-a-token")
    assert response.status_code == 401
    assert response.json()["message"] == "Invalid token."


def test_a_password_change_in_the_admin_revokes_the_users_tokens(client, recruiter, admin_user):
    key = obtain(client)
    client.force_login(admin_user)
    response = client.post(
        f"/admin/auth/user/{recruiter.pk}/password/",
        {"password1": "a-new-long-password-7", "password2": "a-new-long-password-7", "usable_password": "true"},
    )
    assert response.status_code == 302
    client.logout()
    response = get(client, key)
    assert response.status_code == 401
    assert response.json()["message"] == REVOKED
    assert get(client, obtain(client, password="a-new-long-password-7")).status_code == 200


def test_resetting_a_user_through_the_service_revokes_the_users_tokens(client, recruiter):
    from servicefit.core.services import user_create_or_update

    key = obtain(client)
    user_create_or_update(username="rikke", password="another-password", role="recruiter")
    assert get(client, key).status_code == 401


def test_changing_ones_own_password_revokes_ones_tokens(client, admin_user):
    key = obtain(client, "astrid", "pw-astrid")
    client.force_login(admin_user)
    client.post(
        "/admin/password_change/",
        {
            "old_password": "pw-astrid",
            "new_password1": "a-new-long-password-7",
            "new_password2": "a-new-long-password-7",
        },
    )
    client.logout()
    assert get(client, key).json()["message"] == REVOKED


def test_deactivation_revokes_tokens_for_good(client, recruiter):
    key = obtain(client)
    get_user_model().objects.filter(pk=recruiter.pk).update(is_active=False)
    response = get(client, key)
    assert (response.status_code, response.json()["message"]) == (401, REVOKED)
    get_user_model().objects.filter(pk=recruiter.pk).update(is_active=True)
    assert get(client, key).status_code == 401  # reactivating the account does not bring the token back
    assert not ApiToken.objects.exists()


def test_other_users_tokens_survive_a_password_change(client, recruiter, hr_user):
    key = obtain(client, "henrik", "pw-henrik")
    recruiter.set_password("something-else-entirely")
    recruiter.save()
    assert get(client, key).status_code == 200


@pytest.mark.parametrize("days", [1, 90])
def test_the_lifetime_follows_the_setting(client, settings, recruiter, days):
    settings.API_TOKEN_DAYS = days
    obtain(client)
    lifetime = ApiToken.objects.get().expires_at - ApiToken.objects.get().created_at
    assert abs(lifetime - timedelta(days=days)) < timedelta(seconds=5)
