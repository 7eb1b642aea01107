"""One error path for the API: services raise, the handler turns it into a 4xx a user can act on.

Every error body has the same shape: {"message": "...", "code": "...", "extra": {...}}. `message` is for
a person, in the request's language (LocaleMiddleware: the language cookie, else Accept-Language);
`code` is for a program and never changes with the language or the wording (ERROR_CODES). Errors
raised outside an API view (an unknown /api/ address, a server error) get the shape too, from the
handlers at the bottom, which `servicefit/urls.py` installs. Pages get our own error pages in the
user's language (the templates 400, 403, 403_csrf, 404 and 500.html), or the ones an app registered
for its addresses (registry.error_pages_register: the candidate pages speak the invitation's language).
"""

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from servicefit.core import registry

API_PREFIX = "/api/"

# The `code` of every error body, for programs: the same in every language, and kept when a message
# is reworded. The descriptions are the OpenAPI schema's (core/schema.py).
ERROR_CODES = {
    "bad_request": "The request could not be understood.",
    "validation_error": "Some values are not valid; extra.fields has the errors of each field.",
    "parse_error": "The body is not valid JSON or form data, or is nested too deep.",
    "unsafe_text": "A NUL or an unpaired surrogate in the address, a query parameter, a form field or the body.",
    "not_authenticated": "No credentials were sent.",
    "authentication_failed": "The credentials sent are not valid (a wrong or expired token).",
    "permission_denied": "The role does not give access to this.",
    "csrf_failed": "A request authenticated by the session cookie came without its CSRF token.",
    "not_found": "There is nothing at this address, or nothing the user may see.",
    "method_not_allowed": "The address does not take this HTTP method.",
    "not_acceptable": "The Accept header asks for a format the API does not give.",
    "conflict": "The request conflicts with the current state of the object.",
    "gone": "The link or object is no longer valid.",
    "request_too_large": "The body is over the size limit.",
    "unsupported_media_type": "The body's Content-Type is not one the endpoint reads.",
    "unprocessable": "The value is well-formed but cannot be accepted.",
    "throttled": "Too many requests; Retry-After says when to try again.",
    "server_error": "Something went wrong on the server; it has been logged.",
}
# The code of an error by its status, where no more precise code applies.
STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "gone",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "throttled",
    500: "server_error",
}
VALIDATION_ERROR = "validation_error"
UNSAFE_TEXT = "unsafe_text"
CSRF_FAILED = "csrf_failed"
DRF_NO_DATA = "No data provided"


class ApplicationError(Exception):
    """A business rule refused the request. `status` is the HTTP status the API answers with."""

    status = 400

    def __init__(self, message: str, *, extra: dict | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
        if status is not None:
            self.status = status

    @property
    def code(self) -> str:
        # A service's full_clean() errors are a validation error like a serializer's: extra.fields.
        if self.status == 400 and "fields" in self.extra:
            return VALIDATION_ERROR
        return _status_code(self.status)


class UnsafeText(SuspiciousOperation):
    """A NUL or an unpaired surrogate where no view should see it (core/middleware.py); the message
    says where, for the person who sent it."""


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = STATUS_CODES[413]


def request_too_large() -> RequestTooLarge:
    return RequestTooLarge(_request_too_large_message())


def _request_too_large_message() -> str:
    limit = number_format(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, force_grouping=True)
    return _("The request body is larger than the limit of %(limit)s bytes.") % {"limit": limit}


def _status_code(status_code: int) -> str:
    return STATUS_CODES.get(status_code, STATUS_CODES[500 if status_code >= 500 else 400])


def error_body(message: str, code: str, extra: dict | None = None) -> dict:
    return {"message": message, "code": code, "extra": extra or {}}


def application_error_body(exc: ApplicationError) -> dict:
    return error_body(exc.message, exc.code, exc.extra)


def api_exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        return Response(application_error_body(exc), status=exc.status)
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
        exc = exceptions.ParseError(_("The request has too many fields or files."))
    elif type(exc) is exceptions.Throttled:
        # DRF puts the wait into its message before translating it, so it stays English.
        exc = _throttled(exc.wait)

    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug: Django logs it with its traceback and answers through `server_error`
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(_("Validation error"), VALIDATION_ERROR, {"fields": _no_data(response.data)})
        response.status_code = status.HTTP_400_BAD_REQUEST
    else:
        detail = response.data.get("detail", response.data) if isinstance(response.data, dict) else response.data
        response.data = error_body(str(detail), _api_exception_code(exc, response.status_code))
    return response


def _no_data(fields):
    # A body of `null` (or none at all with some media types): DRF's message is a literal, never translated.
    key = api_settings.NON_FIELD_ERRORS_KEY
    if isinstance(fields, dict) and fields.get(key) == [DRF_NO_DATA]:
        return {key: [_("No data was sent: send a JSON object with the fields.")]}
    return fields


def _throttled(wait: int | None) -> exceptions.Throttled:
    if not wait:
        return exceptions.Throttled()
    message = ngettext(
        "Too many requests: try again in %(wait)s second.", "Too many requests: try again in %(wait)s seconds.", wait
    )
    throttled = exceptions.Throttled(detail=message % {"wait": wait})
    throttled.wait = wait
    return throttled


def _api_exception_code(exc, status_code: int) -> str:
    code = getattr(exc.detail, "code", None) or getattr(exc, "default_code", None)
    return code if code in ERROR_CODES else _status_code(status_code)


def error_json(message: str, status_code: int, *, code: str | None = None) -> JsonResponse:
    return JsonResponse(error_body(message, code or _status_code(status_code)), status=status_code)


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _error_page(request, status_code: int, template: str, context: dict | None = None):
    """Our page for the error, in the language LocaleMiddleware chose, or the page the app that owns
    the address registered. The page reads neither the query nor the body: they may be what was refused."""
    pages = registry.error_pages_for(request.path)
    if pages is not None:
        return pages.render(request, status_code)
    return render(request, template, context, status=status_code)


def bad_request(request, exception):
    unsafe = isinstance(exception, UnsafeText)
    if _is_api(request):
        if isinstance(exception, RequestDataTooBig):
            return error_json(_request_too_large_message(), 413)
        if unsafe:
            return error_json(str(exception), 400, code=UNSAFE_TEXT)
        return error_json(_("The request could not be understood."), 400)
    return _error_page(request, 400, "400.html", {"reason": str(exception)} if unsafe else None)


def permission_denied(request, exception):
    if _is_api(request):
        return error_json(str(exceptions.PermissionDenied.default_detail), 403)
    return _error_page(request, 403, "403.html")


def page_not_found(request, exception):
    if _is_api(request):
        return error_json(_("There is no API endpoint at this address."), 404)
    return _error_page(request, 404, "404.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its valid token (a page open too long, cookies off)."""
    if _is_api(request):
        return error_json(_("CSRF check failed. Reload the page and send it again."), 403, code=CSRF_FAILED)
    return _error_page(request, 403, "403_csrf.html")


def server_error(request):
    # The traceback is already in the log (django.request); the body tells nothing of the internals.
    if _is_api(request):
        return error_json(_("Something went wrong on our side. It has been logged; please try again later."), 500)
    pages = registry.error_pages_for(request.path)
    if pages is not None:
        return pages.render(request, 500)
    # Without the request's context: what failed may be the database, the session or a context processor.
    return HttpResponse(render_to_string("500.html"), status=500)
