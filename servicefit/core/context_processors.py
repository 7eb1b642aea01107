from django.urls import resolve, reverse

from servicefit.core import registry
from servicefit.core.roles import user_roles


def navigation(request):
    """The areas this user may open, read from each area's own `role_required` declaration."""
    roles = user_roles(getattr(request, "user", None))
    areas = []
    if roles:
        match = getattr(request, "resolver_match", None)
        for area in registry.areas():
            url = reverse(f"{area.namespace}:index")
            if roles & resolve(url).func.allowed_roles:
                areas.append(
                    {
                        "app": area.namespace,
                        "url": url,
                        "label": area.label,
                        "current": bool(match and match.app_name == area.namespace),
                    }
                )
    return {"user_roles": roles, "nav_areas": areas, "nav_apps": {a["app"] for a in areas}}
