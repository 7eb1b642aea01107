import pytest
from django.core.cache import cache
from django.utils import translation
from rest_framework.test import APIClient

from servicefit.core.roles import Role
from servicefit.core.services import user_create_or_update
from servicefit.core.teams import team_create
from servicefit.core.tokens import api_token_issue


@pytest.fixture(autouse=True)
def fresh_cache():
    """Login and rate-limit counters live in the cache, which outlives each test's database
    transaction: without this, failed logins in one test would lock out logins in a later one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A test request in Danish leaves Danish active in the thread (LocaleMiddleware activates the
    request's language and nothing deactivates it), and what follows the active language (CSV
    dialects, dates, messages) would then depend on which test ran before: each test ends in the
    default language."""
    yield
    translation.deactivate()


def make_user(username: str, role: str | None, *, roles=(), teams=None):
    """A user with `role` (and `roles`), in `teams` (default: the default team)."""
    from django.contrib.auth import get_user_model

    if role is None and not roles:
        return get_user_model().objects.create_user(username=username, password="pw-outsider")
    return user_create_or_update(username=username, password=f"pw-{username}", role=role, roles=roles, teams=teams)


@pytest.fixture
def recruiter(db):
    return make_user("rikke", Role.RECRUITER)


@pytest.fixture
def hr_user(db):
    return make_user("henrik", Role.HR)


@pytest.fixture
def manager(db):
    return make_user("maja", Role.MANAGER)


@pytest.fixture
def admin_user(db):
    return make_user("astrid", Role.ADMIN)


@pytest.fixture
def outsider(db):
    """Logged in, but holds no role."""
    return make_user("olle", None)


@pytest.fixture
def role_users(recruiter, hr_user, manager, admin_user):
    return {Role.RECRUITER: recruiter, Role.HR: hr_user, Role.MANAGER: manager, Role.ADMIN: admin_user}


@pytest.fixture
def other_team(db):
    return team_create(name="Team Bergen")


@pytest.fixture
def other_team_users(other_team):
    """One user per role, all in another team than the fixtures above (who are in the default team)."""
    return {role: make_user(f"other-{role}", role, teams=[other_team]) for role in Role.values}


@pytest.fixture
def api():
    """An API client; `api.as_user(user)` authenticates with the user's token, as an integration would."""
    client = APIClient()

    def as_user(user):
        _token, key = api_token_issue(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    client.as_user = as_user
    return client
