"""Forms of the HRIS import page: the upload, then the column mapping."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workforce.hris_checks import FIELD_LABELS
from workforce.hris_columns import FIELDS, REQUIRED


class AgentImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("HR export (CSV or XLSX)"),
        help_text=_("As your HR system or Excel exports it, with a header row; at most 10 MB and 50,000 rows."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx"}),
    )


class AgentImportMappingForm(forms.Form):
    """Each of our fields ← one of the file's columns; guessed from the headers, changeable."""

    team_default = forms.ModelChoiceField(
        label=_("Team where the file gives none"), required=False, queryset=None, empty_label=_("None: required")
    )

    def __init__(self, *args, header: list[str], teams, **kwargs):
        super().__init__(*args, **kwargs)
        columns = [("", _("— not in the file —")), *((name, name) for name in dict.fromkeys(header) if name)]
        for name in FIELDS:
            label = FIELD_LABELS[name]
            if name in REQUIRED:
                label = _("%(field)s (required)") % {"field": label}
            self.fields[f"column_{name}"] = forms.ChoiceField(label=label, required=False, choices=columns)
        self.fields["team_default"].queryset = teams
        self.order_fields([f"column_{name}" for name in FIELDS])

    def mapping(self) -> dict[str, str]:
        """Every field, "" for one left out of the file (so it is not guessed again)."""
        return {name: self.cleaned_data.get(f"column_{name}") or "" for name in FIELDS}
