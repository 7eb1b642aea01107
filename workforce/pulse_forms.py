from django import forms
from django.utils.translation import gettext_lazy as _

from servicefit.core.policies import PULSE_MANAGE, team_choices
from workforce.pulse import MAX_TITLE

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PulseSurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("All teams"),
        help_text=_("The survey goes to the team's active agents and those of the teams below it."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE_WIDGET)
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE_WIDGET)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = team_choices(policy=PULSE_MANAGE, user=user)


class TrendFilterForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, required=False, empty_label=_("All my teams"))
    since = forms.DateField(label=_("Closed since"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, user, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = team_choices(policy=policy, user=user)
