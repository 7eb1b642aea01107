from django import forms
from django.utils.translation import gettext_lazy as _

from workforce.snapshot_models import MAX_BYTES


class SnapshotTrainingForm(forms.Form):
    file = forms.FileField(
        label=_("HR table (CSV)"),
        help_text=_("One row per employee and a header row; comma- or semicolon-separated, UTF-8."),
    )
    target = forms.CharField(
        label=_("Column to predict"), max_length=200, help_text=_("For example Attrition or Left.")
    )
    positive = forms.CharField(
        label=_("Value that means the person left"), max_length=200, help_text=_("For example Yes or 1.")
    )
    drop = forms.CharField(
        label=_("Columns to leave out"),
        max_length=2000,
        required=False,
        help_text=_("Separated by commas, e.g. columns that are only known after someone has left."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(mb)s MB."), params={"mb": MAX_BYTES // 2**20})
        return upload

    def clean_drop(self):
        return [name.strip() for name in self.cleaned_data["drop"].split(",") if name.strip()]
