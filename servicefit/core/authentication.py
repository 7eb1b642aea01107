"""Session authentication for the API (the pages' own login, used by their scripts and Swagger UI)."""

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

# A module, not its names: rest_framework.views loads this class while core.exceptions loads.
from servicefit.core import exceptions as core_exceptions


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's, with its CSRF refusal said like the pages' (`csrf_failure`): DRF's is English
    ("CSRF Failed: CSRF cookie not set.") whatever the caller's language, with no code of its own."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _("CSRF check failed. Reload the page and send it again."), code=core_exceptions.CSRF_FAILED
            ) from None
