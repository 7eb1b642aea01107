"""The employer profile's form, on the settings page and in the admin: the fields, plus a logo file
that is checked (type from its bytes, size, plain SVG) before anything is saved."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from servicefit.core import logo
from servicefit.core.employer import UNCHANGED, logo_validated
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import EmployerProfile

PROFILE_FIELDS = ["name", "sender_name", "sender_email", "candidate_feedback"]


class LogoFields(forms.Form):
    logo_file = forms.FileField(
        label=_("New logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"}),
    )
    logo_remove = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo_file"].help_text = _("PNG, JPEG or SVG, at most %(kb)s KB. Shown about 40 pixels high.") % {
            "kb": logo.MAX_BYTES // 1024
        }

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        data = upload.read(logo.MAX_BYTES + 1)
        try:
            logo_validated(data)
        except ApplicationError as exc:
            raise ValidationError(exc.message, code="logo") from exc
        return data

    def logo_argument(self):
        """What the service is to do with the logo: new bytes, None (remove) or UNCHANGED."""
        if self.cleaned_data.get("logo_file"):
            return self.cleaned_data["logo_file"]
        return None if self.cleaned_data.get("logo_remove") else UNCHANGED

    def service_arguments(self) -> dict:
        return {field: self.cleaned_data[field] for field in PROFILE_FIELDS} | {"logo": self.logo_argument()}

    def errors_from(self, exc: ApplicationError) -> None:
        fields = exc.extra.get("fields", {})
        for field, messages in fields.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        if not fields:
            self.add_error(None, exc.message)


class EmployerProfileForm(forms.ModelForm, LogoFields):
    class Meta:
        model = EmployerProfile
        fields = PROFILE_FIELDS
