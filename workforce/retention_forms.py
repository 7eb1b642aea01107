from django import forms
from django.utils.translation import gettext_lazy as _

from servicefit.core.policies import RETENTION_READ, team_choices


def _date_field(label) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


class RetentionFilterForm(forms.Form):
    """?team=&from=&to=, the API's parameters."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"] = forms.ModelChoiceField(
            label=_("Team"),
            queryset=team_choices(policy=RETENTION_READ, user=user),
            required=False,
            empty_label=_("All my teams"),
        )
        self.fields["from"] = _date_field(_("From"))
        self.fields["to"] = _date_field(_("To"))


class ReplacementCostForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=None)
    replacement_cost = forms.DecimalField(
        label=_("Replacement cost per exit"), min_value=0, max_digits=12, decimal_places=2
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
