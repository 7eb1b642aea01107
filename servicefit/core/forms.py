"""Login forms for the login page and the admin: both authenticate through the login limits."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from servicefit.core.login_limits import LoginLocked, login_authenticate


class LimitedLoginMixin:
    locked_message = ""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = login_authenticate(request=self.request, username=username, password=password)
            except LoginLocked as exc:
                self.locked_message = exc.message
                raise ValidationError(exc.message, code="locked") from exc
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class LoginForm(LimitedLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(LimitedLoginMixin, AdminAuthenticationForm):
    pass
