"""API tokens with a lifetime, revoked by a password change or deactivation.

A token is bound to the user's session auth hash the way Django binds login sessions: changing the
password anywhere (admin, a service, `changepassword`) makes every earlier token stale, with no
signal to remember to send.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from servicefit.core.models import ApiToken


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _auth_hashes(user) -> list[str]:
    # The fallback hashes keep tokens valid while SECRET_KEY is rotated via SECRET_KEY_FALLBACKS.
    return [user.get_session_auth_hash(), *user.get_session_auth_fallback_hash()]


@transaction.atomic
def api_token_issue(*, user) -> tuple[ApiToken, str]:
    """A new token for the user and its key (returned only here: the database keeps a hash)."""
    ApiToken.objects.filter(user=user, expires_at__lte=timezone.now()).delete()
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        digest=_digest(key),
        auth_hash=user.get_session_auth_hash(),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_DAYS),
    )
    return token, key


def api_tokens_revoke(*, user) -> int:
    deleted, _by_model = ApiToken.objects.filter(user=user).delete()
    return deleted


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused once expired, after a password change or deactivation."""

    def authenticate_credentials(self, key):
        token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if token.expires_at <= timezone.now():
            token.delete()
            raise exceptions.AuthenticationFailed(
                _("This token has expired. Ask for a new one with your username and password.")
            )
        user = token.user
        if not user.is_active or not any(constant_time_compare(token.auth_hash, h) for h in _auth_hashes(user)):
            # Deleted, so that reactivating the account does not bring old tokens back.
            if user.is_active:
                token.delete()
            else:
                api_tokens_revoke(user=user)
            raise exceptions.AuthenticationFailed(
                _(
                    "This token was revoked because the password changed or the account was deactivated. "
                    "Ask for a new one."
                )
            )
        return user, token
