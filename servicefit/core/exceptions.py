"""One error path for the API: services raise, the handler turns it into a 4xx a user can act on.

Every error body has the same shape: {"message": "...", "extra": {...}}. Errors raised outside an
API view (an unknown /api/ address, a server error) get it too, from the handlers at the bottom,
which `servicefit/urls.py` installs. Pages get our own error pages in the user's language (the
templates 400, 403, 403_csrf, 404 and 500.html), or the ones an app registered for its addresses
(registry.error_pages_register: the candidate pages speak the invitation's language).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

from servicefit.core import registry

API_PREFIX = "/api/"


class ApplicationError(Exception):
    """A business rule refused the request. `status` is the HTTP status the API answers with."""

    status = 400

    def __init__(self, message: str, *, extra: dict | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
        if status is not None:
            self.status = status


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE


def request_too_large() -> RequestTooLarge:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return RequestTooLarge(f"The request body is larger than the limit of {limit} bytes.")


def api_exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        return Response({"message": exc.message, "extra": exc.extra}, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        # Django's form parsing enforces DATA_UPLOAD_MAX_MEMORY_SIZE; our JSON parser does the same.
        exc = request_too_large()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ParseError(str(exc))

    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug: Django logs it with its traceback and answers through `server_error`
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"message": "Validation error", "extra": {"fields": response.data}}
        response.status_code = status.HTTP_400_BAD_REQUEST
    else:
        detail = response.data.get("detail", response.data) if isinstance(response.data, dict) else response.data
        response.data = {"message": str(detail), "extra": {}}
    return response


def error_json(message: str, status_code: int) -> JsonResponse:
    return JsonResponse({"message": message, "extra": {}}, status=status_code)


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _error_page(request, status_code: int, template: str):
    """Our page for the error, in the language LocaleMiddleware chose, or the page the app that owns
    the address registered. The page reads neither the query nor the body: they may be what was refused."""
    pages = registry.error_pages_for(request.path)
    if pages is not None:
        return pages.render(request, status_code)
    return render(request, template, status=status_code)


def bad_request(request, exception):
    if _is_api(request):
        if isinstance(exception, RequestDataTooBig):
            return error_json(str(request_too_large().detail), 413)
        return error_json("The request could not be understood.", 400)
    return _error_page(request, 400, "400.html")


def permission_denied(request, exception):
    if _is_api(request):
        return error_json(str(exceptions.PermissionDenied.default_detail), 403)
    return _error_page(request, 403, "403.html")


def page_not_found(request, exception):
    if _is_api(request):
        return error_json("There is no API endpoint at this address.", 404)
    return _error_page(request, 404, "404.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its valid token (a page open too long, cookies off)."""
    if _is_api(request):
        return error_json("CSRF check failed. Reload the page and send it again.", 403)
    return _error_page(request, 403, "403_csrf.html")


def server_error(request):
    # The traceback is already in the log (django.request); the body tells nothing of the internals.
    if _is_api(request):
        return error_json("Something went wrong on our side. It has been logged; please try again later.", 500)
    pages = registry.error_pages_for(request.path)
    if pages is not None:
        return pages.render(request, 500)
    # Without the request's context: what failed may be the database, the session or a context processor.
    return HttpResponse(render_to_string("500.html"), status=500)
