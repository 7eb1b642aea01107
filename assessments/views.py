from django.shortcuts import render
from django.views.decorators.http import require_GET

from profiles import selectors as profile_selectors
from servicefit.core.decorators import role_required
from servicefit.core.roles import Role

ASSESSMENT_ROLES = (Role.HR, Role.RECRUITER, Role.ADMIN)


@require_GET
@role_required(*ASSESSMENT_ROLES)
def index(request):
    """What assessments measure: the competency framework with its behavioural anchors."""
    return render(request, "assessments/index.html", {"competencies": profile_selectors.competency_list()})
