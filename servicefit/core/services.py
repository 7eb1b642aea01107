from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from servicefit.core import registry
from servicefit.core.models import AccessLog
from servicefit.core.roles import ALL_ROLES, Role

# Besides the apps that register themselves (registry.admin_models_register), the admin role
# manages users, API tokens and core's own models.
CORE_ADMIN_APPS = ("auth", "authtoken", "core")


def expired_sessions_clear() -> None:
    """Delete expired login sessions (Django never does this by itself)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@transaction.atomic
def role_groups_ensure() -> None:
    """Create the role groups; give the admin group every permission on the managed apps."""
    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role)
    admin = Group.objects.get(name=Role.ADMIN)
    admin.permissions.set(
        Permission.objects.filter(content_type__app_label__in=[*CORE_ADMIN_APPS, *registry.admin_app_labels()])
    )


@transaction.atomic
def user_create_or_update(*, username: str, password: str, role: str, email: str = "", first_name: str = ""):
    """Create (or reset) a user holding exactly one role. Admins get access to the Django admin."""
    if role not in ALL_ROLES:
        raise ValueError(f"Unknown role {role!r}")
    role_groups_ensure()
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.email = email
    user.first_name = first_name
    user.is_staff = role == Role.ADMIN
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set(Group.objects.filter(name=role))
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
