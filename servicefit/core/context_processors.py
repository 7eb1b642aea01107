from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from servicefit.core.roles import user_roles

AREAS = [
    ("profiles", _("Profiles")),
    ("hiring", _("Hiring")),
    ("assessments", _("Assessments")),
]


def navigation(request):
    """The areas this user may open, read from each area's own `role_required` declaration."""
    roles = user_roles(getattr(request, "user", None))
    areas = []
    if roles:
        match = getattr(request, "resolver_match", None)
        for app_name, label in AREAS:
            url = reverse(f"{app_name}:index")
            if roles & resolve(url).func.allowed_roles:
                areas.append(
                    {"app": app_name, "url": url, "label": label, "current": match and match.app_name == app_name}
                )
    return {"user_roles": roles, "nav_areas": areas, "nav_apps": {a["app"] for a in areas}}
