from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from profiles import selectors as profile_selectors
from servicefit.core.decorators import role_required
from servicefit.core.roles import ALL_ROLES


@role_required(*ALL_ROLES)
def home(request):
    return render(request, "home.html", {"overview": profile_selectors.framework_overview()})


@never_cache
def health(request):
    """For load balancers and `make run`: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
