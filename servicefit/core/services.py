from collections.abc import Iterable
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from servicefit.core.models import AccessLog, Team, TeamMembership
from servicefit.core.roles import ALL_ROLES, Role
from servicefit.core.teams import team_default, team_membership_set

# Apps whose models the admin role manages in the Django admin.
ADMIN_MANAGED_APPS = ("profiles", "hiring", "assessments", "auth", "authtoken", "core")


def expired_sessions_clear() -> None:
    """Delete expired login sessions (Django never does this by itself)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@transaction.atomic
def role_groups_ensure() -> None:
    """Create the role groups; give the admin group every permission on the managed apps."""
    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role)
    admin = Group.objects.get(name=Role.ADMIN)
    admin.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_MANAGED_APPS))


@transaction.atomic
def user_create_or_update(
    *,
    username: str,
    password: str,
    roles: Iterable[str] = (),
    role: str | None = None,
    teams: Iterable[Team] | None = None,
    email: str = "",
    first_name: str = "",
):
    """Create (or reset) a user holding exactly `roles` (`role`: a single one). Admins get the Django admin.

    `teams` are the user's teams; without them a new user joins the default team and an existing
    one keeps theirs.
    """
    wanted = set(roles) | ({role} if role else set())
    unknown = wanted - ALL_ROLES
    if unknown or not wanted:
        raise ValueError(f"Unknown or no roles: {sorted(unknown)!r}")
    role_groups_ensure()
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.email = email
    user.first_name = first_name
    user.is_staff = Role.ADMIN in wanted
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set(Group.objects.filter(name__in=wanted))
    if teams is not None:
        team_membership_set(user=user, teams=teams)
    elif not TeamMembership.objects.filter(user=user).exists():
        team_membership_set(user=user, teams=[team_default()])
    return user


def access_log(*, user, action: str, target) -> None:
    """Record access to a person's data (candidates, agents); the log is kept for audits."""
    AccessLog.objects.create(
        user=user if user and user.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:200],
    )


def access_log_forget(*, model, ids: list) -> None:
    """After erasing people's data the log keeps that it was accessed, but no longer who they were."""
    AccessLog.objects.filter(target_type=model._meta.label_lower, target_id__in=[str(i) for i in ids]).update(
        target_label=""
    )
