from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class TokenThrottle(AnonRateThrottle):
    rate = "20/min"


class TokenObtainApi(ObtainAuthToken):
    """POST username and password, get the API token. Open to all, rate-limited per address."""

    permission_classes = [AllowAny]
    throttle_classes = [TokenThrottle]
    parser_classes = api_settings.DEFAULT_PARSER_CLASSES  # ObtainAuthToken's own would skip core/parsers.py
