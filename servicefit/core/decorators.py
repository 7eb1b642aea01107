from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from servicefit.core.policies import Policy
from servicefit.core.roles import ALL_ROLES


def policy_required(policy: Policy):
    """Page access by a named policy: anonymous users go to the login page, other roles get 403.

    Which records of which teams the page shows is up to its selectors, with the same policy.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not policy.allows(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.policy = policy
        # Read by the navigation and by the test that walks every URL.
        wrapped.allowed_roles = policy.roles
        return wrapped

    return decorator


def role_required(*roles: str):
    """Page access by bare roles, for pages that show no team's records. Prefer a named policy."""
    unknown = set(roles) - ALL_ROLES
    if unknown:
        raise ValueError(f"Unknown roles: {sorted(unknown)}")
    return policy_required(Policy("roles_" + "_".join(sorted(roles)), all_teams=frozenset(roles), team_data=False))
