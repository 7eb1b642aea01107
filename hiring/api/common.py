"""Serializer fields the hiring API modules share."""

from rest_framework import serializers

from profiles.models import RoleProfile
from servicefit.core.models import Team
from servicefit.core.permissions import policy_permission
from servicefit.core.policies import (
    JOB_AD_READ,
    JOB_AD_WRITE,
)

JOB_AD_ACCESS = policy_permission(JOB_AD_READ, JOB_AD_WRITE)


class RoleProfileSlugField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", queryset=RoleProfile.objects.all(), **kwargs)

    default_error_messages = {"does_not_exist": "There is no role profile {slug_name}={value}."}


class TeamField(serializers.PrimaryKeyRelatedField):
    """A team id; the service checks that the user may add records to it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Team id. Default: your team (required when you belong to several).")
        super().__init__(queryset=Team.objects.all(), required=False, allow_null=True, **kwargs)
