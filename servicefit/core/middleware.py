from django.conf import settings

# Everything the product loads is served by this server: no CDN, fonts or analytics (air-gapped
# installs), and no inline script, so a strict policy holds.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
# The Swagger UI page builds itself with an inline bootstrap script; it is staff-only.
RELAXED_PREFIXES = ("/api/docs/", "/api/redoc/")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response and not request.path.startswith(RELAXED_PREFIXES):
            response["Content-Security-Policy"] = POLICY
        if settings.DEBUG:
            response.setdefault("Cache-Control", "no-store")
        return response
