from django.core.exceptions import ValidationError
from rest_framework.exceptions import NotAuthenticated

from servicefit.core.exceptions import ApplicationError, api_exception_handler


def test_application_errors_keep_their_message_status_and_extra():
    response = api_exception_handler(ApplicationError("Nope", extra={"a": 1}, status=409), {})
    assert (response.status_code, response.data) == (409, {"message": "Nope", "extra": {"a": 1}})


def test_django_validation_errors_become_400_with_fields():
    response = api_exception_handler(ValidationError({"slug": ["taken"]}), {})
    assert response.status_code == 400
    assert response.data == {"message": "Validation error", "extra": {"fields": {"slug": ["taken"]}}}


def test_drf_errors_get_the_same_shape():
    response = api_exception_handler(NotAuthenticated(), {})
    assert response.status_code in (401, 403)
    assert set(response.data) == {"message", "extra"}
