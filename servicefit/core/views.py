from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from servicefit.core import registry
from servicefit.core.decorators import role_required
from servicefit.core.roles import ALL_ROLES


@role_required(*ALL_ROLES)
def home(request):
    """What to do next for the user's roles, each with a count and the list it links to; when
    nothing waits, where to start. Below it, each app's panel."""
    sources = registry.home_work()
    waiting = [item for source in sources for item in source.items(request.user) if item.count]
    first_steps = [] if waiting else [step for source in sources for step in source.first_steps(request.user)]
    panels = []
    for panel in registry.home_panels():
        context = panel.context(request)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return render(request, "home.html", {"work": waiting, "first_steps": first_steps, "panels": panels})


@never_cache
def health(request):
    """For load balancers and `make run`: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
