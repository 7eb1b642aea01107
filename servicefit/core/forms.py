"""Forms core gives every app: the team choice on new records, a choice of a person shown by name,
and the login forms (page and admin), which authenticate through the login limits."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from servicefit.core.login_limits import LoginLocked, login_authenticate
from servicefit.core.persons import person_name


class TeamChoiceMixin:
    """A form for a new record offers a team choice when the user may put it in more than one team.

    Pass `teams` (from `policies.team_choices`); left empty, the record goes to the user's own team.
    """

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        if teams is not None and len(teams) > 1:
            self.fields["team"] = forms.ModelChoiceField(
                label=_("Team"), queryset=teams, required=False, empty_label=_("My team")
            )


class PersonChoiceField(forms.ModelChoiceField):
    """A choice of users, each offered by name (`persons.person_name`), not by username."""

    def label_from_instance(self, obj):
        return person_name(obj)


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
