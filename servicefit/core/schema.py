"""What the OpenAPI schema says beyond each view's own annotations: the error responses.

Every operation documents the 4xx answers the project really gives, all in the one error shape
(`ErrorOutput`, see core/exceptions.py), derived from how the view is set up, so an endpoint added
later documents them without anyone remembering to. A view adds its business-rule statuses (409,
410, 422, ...) with `error_statuses`.
"""

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from servicefit.core.exceptions import ERROR_CODES

ERROR_DESCRIPTIONS = {
    400: "The request is malformed: invalid parameters or body, or a NUL in the address.",
    401: "No valid credentials were sent.",
    403: "Your role does not give access to this.",
    404: "There is nothing at this address.",
    409: "The request conflicts with the current state of the object.",
    410: "The link or object is no longer valid.",
    413: "The request body is too large.",
    415: "The body's media type is not supported.",
    422: "The value cannot be accepted.",
    429: "Too many requests; wait and try again.",
}
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class ErrorOutput(serializers.Serializer):
    message = serializers.CharField(
        help_text="What went wrong, for a person to read, in the request's language (Accept-Language)."
    )
    code = serializers.ChoiceField(
        choices=list(ERROR_CODES.items()),
        help_text="What went wrong, for a program: the same in every language, and kept when the message is reworded.",
    )
    extra = serializers.DictField(help_text="Details; a validation error puts the fields' errors under `fields`.")


class MessageOutput(serializers.Serializer):
    """A request was accepted and work goes on in the background."""

    message = serializers.CharField()


class ServiceFitAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in sorted(self._error_statuses()):
            if str(code) not in responses:
                response = self._get_response_for_code(ErrorOutput, str(code), direction=direction)
                response["description"] = ERROR_DESCRIPTIONS[code]
                responses[str(code)] = response
        return responses

    def _error_statuses(self) -> set[int]:
        codes = {400, 404}
        if self.view.get_authenticators():
            codes.add(401)
        if not all(isinstance(p, AllowAny) for p in self.view.get_permissions()):
            codes |= {401, 403}
        if self.method in BODY_METHODS and self.get_request_serializer() is not None:
            codes |= {413, 415}
        if self.view.get_throttles():
            codes.add(429)
        return codes | set(getattr(self.view, "error_statuses", ()))


class ServiceFitSessionScheme(SessionScheme):
    """The session cookie, as DRF's SessionAuthentication (core/authentication.py only rewords its CSRF refusal)."""

    target_class = "servicefit.core.authentication.SessionAuthentication"
