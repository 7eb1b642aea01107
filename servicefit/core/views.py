from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from servicefit.core import registry
from servicefit.core.decorators import role_required
from servicefit.core.roles import ALL_ROLES


@role_required(*ALL_ROLES)
def home(request):
    panels = []
    for panel in registry.home_panels():
        context = panel.context(request)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return render(request, "home.html", {"panels": panels})


@never_cache
def health(request):
    """For load balancers and `make run`: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
