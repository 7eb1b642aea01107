from django.conf import settings
from django.utils.translation import gettext as _

from servicefit.core.exceptions import API_PREFIX, UnsafeText, bad_request
from servicefit.core.unsafe_text import has_unsafe_text

# Everything the product loads is served by this server: no CDN, fonts or analytics (air-gapped
# installs), and no inline script, so a strict policy holds.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
# Swagger UI (/api/docs/) sets element styles from its scripts and its page has a <style> block,
# which 'self' alone would block. Its scripts are our own files (the split view serves the init
# script as a file) and nothing more is allowed: no inline script, no eval, no other host.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
DOCS_PREFIX = "/api/docs/"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = DOCS_POLICY if request.path.startswith(DOCS_PREFIX) else POLICY
            response["Content-Security-Policy"] = policy
        if settings.DEBUG:
            response.setdefault("Cache-Control", "no-store")
        return response


class UnsafeTextMiddleware:
    """A NUL or an unpaired surrogate in the address, a query parameter or a page's form field is
    refused before any view sees it: PostgreSQL refuses NUL in text (a 500 in every search, lookup
    or save that passes it on), and an endpoint added later is protected without remembering to be.
    API bodies are checked by the API's parsers (core/parsers.py). The refusal is the project's 400
    (core/exceptions.py): JSON under /api/, else the error page of the address, in the user's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_unsafe_text(request.path) or _has_unsafe_values(request.GET):
            if request.path.startswith(API_PREFIX):
                message = _("The address or a query parameter contains a NUL or unpaired surrogate.")
            else:
                message = _("The address contains characters that are not allowed.")
            return _refused(request, message)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # A view that validates its own form text (`checks_own_text`, e.g. the candidate pages, which
        # answer in the candidate's language) is left to do so. CSRF checking has already parsed the
        # form, so this reads nothing new.
        if getattr(view_func, "checks_own_text", False) or request.path.startswith(API_PREFIX):
            return None
        if request.method == "POST" and _has_unsafe_values(request.POST):
            return _refused(request, _("The form contains characters that are not allowed."))
        return None


def _has_unsafe_values(data) -> bool:
    return any(has_unsafe_text(key) or any(has_unsafe_text(v) for v in values) for key, values in data.lists())


def _refused(request, message: str):
    response = bad_request(request, UnsafeText(message))
    # Refused before any view: nothing may keep it (a candidate link's error included).
    response["Cache-Control"] = "no-store"
    return response
