"""Every page and API endpoint declares who may use it, and everyone else is refused.

The test walks the whole URL configuration, so an endpoint added later is checked without anyone
remembering to add it here; one that declares no roles fails `test_every_endpoint_declares_its_roles`.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from servicefit.core.roles import ALL_ROLES

# Reachable without a role, on purpose.
PUBLIC = {"login", "logout", "set_language", "health", "api:token-obtain"}
WRITE_METHODS = ("post", "put", "patch", "delete")


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's admin has its own staff check, tested in test_admin_needs_staff
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}", pattern.callback


def sample_url(route: str) -> str:
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    return "/" + route.lstrip("^").rstrip("$")


def is_candidate_endpoint(callback) -> bool:
    """Candidate pages and API: no role, the link's token is the credential."""
    cls = getattr(callback, "cls", None)
    return bool(getattr(cls, "candidate_endpoint", False) or getattr(callback, "candidate_page", False))


def endpoints():
    for route, name, callback in walk(get_resolver().url_patterns):
        if name in PUBLIC or is_candidate_endpoint(callback):
            continue
        yield pytest.param(sample_url(route), callback, id=name)


def candidate_endpoints():
    for route, name, callback in walk(get_resolver().url_patterns):
        if is_candidate_endpoint(callback):
            yield pytest.param(sample_url(route), callback, id=name)


@pytest.mark.parametrize(("url", "callback"), list(candidate_endpoints()))
def test_candidate_endpoints_refuse_a_made_up_token(client, db, url, callback):
    assert list(candidate_endpoints()), "the candidate endpoints were not found"
    methods = [m for m in ("get", "post", "put") if hasattr(getattr(callback, "cls", None), m)] or ["get", "post"]
    for method in methods:
        response = getattr(client, method)(url.replace("/x/", "/not-a-real-token.abc/"))
        assert response.status_code in (404, 405), (method, url, response.status_code)


def declared_roles(callback):
    """(read roles, write roles, methods) an endpoint declares."""
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None and hasattr(cls, "permission_classes"):
        read, write = set(), set()
        for permission in cls.permission_classes:
            read |= set(getattr(permission, "allowed_read_roles", getattr(permission, "allowed_roles", ())))
            write |= set(getattr(permission, "allowed_write_roles", getattr(permission, "allowed_roles", ())))
        methods = [m for m in ("get", *WRITE_METHODS) if hasattr(cls, m)]
        return read, write, methods, True
    roles = set(getattr(callback, "allowed_roles", ()))
    # Pages answer 405 to the method they do not take, before the role check; try both.
    return roles, roles, ["get", "post"], False


@pytest.mark.parametrize(("url", "callback"), list(endpoints()))
def test_every_endpoint_declares_its_roles(url, callback):
    read, write, _methods, _is_api = declared_roles(callback)
    assert read or write, f"{url} declares no roles: add roles_allowed(...) or @role_required(...)"
    assert (read | write) <= ALL_ROLES


@pytest.mark.parametrize(("url", "callback"), list(endpoints()))
def test_anonymous_and_outsiders_are_refused(client, outsider, url, callback):
    _read, _write, methods, is_api = declared_roles(callback)
    for method in methods:
        response = getattr(client, method)(url)
        if is_api:
            assert response.status_code == 401, (method, url)
        elif response.status_code != 405:
            assert response.status_code == 302 and response.url.startswith("/accounts/login/"), (method, url)
    client.force_login(outsider)
    statuses = [getattr(client, method)(url).status_code for method in methods]
    assert set(statuses) <= {403, 405} and 403 in statuses, (url, statuses)


@pytest.mark.parametrize(("url", "callback"), list(endpoints()))
def test_wrong_roles_are_refused(client, role_users, url, callback):
    read, write, methods, _is_api = declared_roles(callback)
    for role, user in role_users.items():
        client.force_login(user)
        for method in methods:
            allowed = read if method == "get" else write
            if role in allowed:
                continue
            response = getattr(client, method)(url)
            assert response.status_code in (403, 405), (role, method, url, response.status_code)
        client.logout()


def test_posting_to_a_page_that_needs_a_role_is_refused(client, recruiter):
    client.force_login(recruiter)
    assert client.post("/profiles/lexicon/uploads/").status_code == 403


def test_admin_needs_staff(client, recruiter, admin_user):
    client.force_login(recruiter)
    assert client.get("/admin/").status_code == 302
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/profiles/servicetype/").status_code == 200


def test_the_api_answers_401_with_the_token_scheme(client):
    response = client.get("/api/service-types/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["message"]
