"""Who may use an endpoint. Every API view declares its roles with `roles_allowed`.

Anonymous requests get 401 (the API's TokenAuthentication names the scheme), authenticated users
without a fitting role get 403. `allowed_roles` is exposed on each class so the permission test can
walk every URL and prove that each other role is refused.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from servicefit.core.roles import ALL_ROLES, user_has_role, user_roles


class DenyAll(BasePermission):
    """The default: an endpoint that forgets to declare its roles is closed, not open."""

    allowed_roles = frozenset()

    def has_permission(self, request, view):
        return False


def roles_allowed(*read_roles: str, write: tuple[str, ...] | None = None) -> type[BasePermission]:
    """Permission for `read_roles` on safe methods and `write` roles (default: the same) on others."""
    read = frozenset(read_roles)
    write_roles = read if write is None else frozenset(write)
    unknown = (read | write_roles) - ALL_ROLES
    if unknown:
        raise ValueError(f"Unknown roles: {sorted(unknown)}")

    class RolePermission(BasePermission):
        allowed_roles = read | write_roles
        allowed_read_roles = read
        allowed_write_roles = write_roles
        message = "Your role does not give access to this."

        def has_permission(self, request, view):
            roles = write_roles if request.method not in SAFE_METHODS else read
            return user_has_role(request.user, roles)

    RolePermission.__name__ = "Roles_" + "_".join(sorted(read | write_roles))
    return RolePermission


class IsStaffRole(BasePermission):
    """Any of the four roles (used for the API schema and docs)."""

    allowed_roles = ALL_ROLES

    def has_permission(self, request, view):
        return bool(user_roles(request.user))
