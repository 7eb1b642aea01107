"""The framework's part of the home page. It holds no one's open work; where to start is describing a role."""

from django.urls import reverse
from django.utils.translation import gettext as _

from servicefit.core.policies import FRAMEWORK_EDIT
from servicefit.core.registry import FirstStep


def home_first_steps(user) -> list[FirstStep]:
    if not FRAMEWORK_EDIT.allows(user):
        return []
    return [
        FirstStep(
            label=_("Describe the role you hire for: its service-type mix and competencies"),
            url=reverse("profiles:role-profile-new"),
        )
    ]
