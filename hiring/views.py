from django.shortcuts import render
from django.views.decorators.http import require_GET

from profiles import selectors as profile_selectors
from servicefit.core.decorators import role_required
from servicefit.core.roles import Role

HIRING_ROLES = (Role.RECRUITER, Role.MANAGER, Role.HR, Role.ADMIN)


@require_GET
@role_required(*HIRING_ROLES)
def index(request):
    """Hiring starts from a role profile: the target service-type mix and competencies to recruit for."""
    return render(request, "hiring/index.html", {"role_profiles": profile_selectors.role_profile_list()})
