from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from servicefit.core.exceptions import API_PREFIX, error_json
from servicefit.core.parsers import has_unsafe_text

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
    """A NUL or an unpaired surrogate in the address or a query parameter is refused before any view
    sees it: PostgreSQL refuses NUL in text (a 500 in every search and lookup that passes it on), and
    an endpoint added later is protected without remembering to be."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_unsafe_text(request.path) or any(
            has_unsafe_text(key) or any(has_unsafe_text(value) for value in values)
            for key, values in request.GET.lists()
        ):
            if request.path.startswith(API_PREFIX):
                return error_json("The address or a query parameter contains a NUL or unpaired surrogate.", 400)
            return HttpResponseBadRequest(
                _("The address contains characters that are not allowed."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
