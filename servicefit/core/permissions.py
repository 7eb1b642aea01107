"""Who may use an endpoint. Every API view declares its policies with `policy_permission`.

Anonymous requests get 401 (the API's TokenAuthentication names the scheme), authenticated users
without a fitting role get 403. `allowed_roles` and the policies are exposed on each class so the
permission test can walk every URL and prove that each other role and each other team is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import SAFE_METHODS, BasePermission

from servicefit.core.roles import ALL_ROLES, user_roles

if TYPE_CHECKING:
    # Not imported at run time: DRF loads this module while servicefit.core.exceptions is still importing.
    from servicefit.core.policies import Policy


class DenyAll(BasePermission):
    """The default: an endpoint that forgets to declare its roles is closed, not open."""

    allowed_roles = frozenset()

    def has_permission(self, request, view):
        return False


def policy_permission(read: Policy, write: Policy | None = None) -> type[BasePermission]:
    """Permission by `read` on safe methods and `write` (default: the same policy) on the others."""
    write = write or read

    class PolicyPermission(BasePermission):
        read_policy = read
        write_policy = write
        allowed_roles = read.roles | write.roles
        allowed_read_roles = read.roles
        allowed_write_roles = write.roles
        message = "Your role does not give access to this."

        def has_permission(self, request, view):
            policy = read if request.method in SAFE_METHODS else write
            return policy.allows(request.user)

    PolicyPermission.__name__ = f"Policy_{read.name}_{write.name}"
    return PolicyPermission


def roles_allowed(*read_roles: str, write: tuple[str, ...] | None = None) -> type[BasePermission]:
    """Permission by bare roles, for endpoints that show no team's records. Prefer named policies."""
    unknown = (set(read_roles) | set(write or ())) - ALL_ROLES
    if unknown:
        raise ValueError(f"Unknown roles: {sorted(unknown)}")

    from servicefit.core.policies import Policy

    def policy(roles) -> Policy:
        return Policy("roles_" + "_".join(sorted(roles)), all_teams=frozenset(roles), team_data=False)

    return policy_permission(policy(read_roles), policy(write) if write is not None else None)


class IsStaffRole(BasePermission):
    """Any of the four roles (used for the API schema and docs)."""

    allowed_roles = ALL_ROLES

    def has_permission(self, request, view):
        return bool(user_roles(request.user))
