"""The four roles of ServiceFit. A role is a Django auth group of the same name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RECRUITER = "recruiter", _("Recruiter")
    HR = "hr", _("HR")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")


ALL_ROLES = frozenset(Role.values)


def user_roles(user) -> frozenset[str]:
    """The roles a user holds; a superuser holds them all. Cached on the user for the request."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_servicefit_roles", None)
    if cached is None:
        if user.is_superuser:
            cached = ALL_ROLES
        else:
            names = user.groups.filter(name__in=ALL_ROLES).values_list("name", flat=True)
            cached = frozenset(names)
        user._servicefit_roles = cached
    return cached


def user_has_role(user, roles) -> bool:
    return bool(user_roles(user) & frozenset(roles))
