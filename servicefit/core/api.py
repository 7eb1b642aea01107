from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from servicefit.core.exceptions import ApplicationError
from servicefit.core.login_limits import LoginLocked, login_authenticate
from servicefit.core.tokens import api_token_issue


class LoginLockedError(exceptions.Throttled):
    """429 with Retry-After and the plain message (without DRF's appended "Expected available in")."""

    def __init__(self, locked: LoginLocked):
        exceptions.APIException.__init__(self, locked.message)
        self.wait = locked.seconds


class TokenObtainInput(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenObtainOutput(serializers.Serializer):
    token = serializers.CharField()
    expires_at = serializers.DateTimeField()


class TokenObtainApi(APIView):
    """POST username and password, get an API token and when it expires. Failed attempts are limited
    per account and per address (servicefit.core.login_limits), whatever else the request carries."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []
    error_statuses = (429,)  # a locked account or address (servicefit.core.login_limits)

    @extend_schema(request=TokenObtainInput, responses={200: TokenObtainOutput})
    def post(self, request):
        data = TokenObtainInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            user = login_authenticate(request=request, **data.validated_data)
        except LoginLocked as exc:
            raise LoginLockedError(exc) from exc
        if user is None:
            raise ApplicationError(_("The username or password is wrong."))
        token, key = api_token_issue(user=user)
        return Response(TokenObtainOutput({"token": key, "expires_at": token.expires_at}).data)
