"""The employer profile: its settings page (HR and administrators) and its logo (public: candidates'
pages and anyone's browser load it; it names no person)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from servicefit.core import logo
from servicefit.core.decorators import policy_required
from servicefit.core.employer import (
    employer_identity,
    employer_logo,
    employer_profile_get,
    employer_profile_update,
)
from servicefit.core.employer_forms import EmployerProfileForm
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import EMPLOYER_PROFILE_EDIT

# The address changes with the logo, so a browser may keep one for good.
LOGO_CACHE = "public, max-age=31536000, immutable"
# Opened directly, an SVG is a document: it may draw, and nothing else.
LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


@require_GET
def employer_logo_view(request, version: str, ext: str):
    found = employer_logo(version=version)
    if found is None or logo.EXTENSIONS[found[1]] != ext:
        raise Http404
    data, content_type = found
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = LOGO_CACHE
    response["ETag"] = f'"{version}"'
    response["Content-Security-Policy"] = LOGO_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@policy_required(EMPLOYER_PROFILE_EDIT)
@require_http_methods(["GET", "POST"])
def employer_settings(request):
    profile = employer_profile_get()
    form = EmployerProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            employer_profile_update(**form.service_arguments(), user=request.user)
        except ApplicationError as exc:
            form.errors_from(exc)
        else:
            messages.success(request, _("The employer profile is saved. Candidates see it from their next page."))
            return redirect("employer:settings")
    return render(
        request,
        "core/employer_settings.html",
        {"form": form, "identity": employer_identity(), "max_kb": logo.MAX_BYTES // 1024},
        status=400 if form.is_bound and form.errors else 200,
    )
