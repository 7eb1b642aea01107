"""Forms of the ranking page and the fit-settings page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hiring.models import FitLabel, FitStatus, RankingDecision, Stage

HURDLE_PREFIX = "hurdle_"


class RankingFilterForm(forms.Form):
    label = forms.ChoiceField(label=_("Label"), required=False, choices=[("", _("All")), *FitLabel.choices])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *FitStatus.choices])


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=RankingDecision.Decision.choices)
    reason = forms.CharField(label=_("Reason"), max_length=300)
    stage = forms.ChoiceField(label=_("Advance to"), required=False, choices=[("", _("Next stage")), *Stage.choices])
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class FitSettingForm(forms.Form):
    service_types_weight = forms.FloatField(label=_("Weight of the service types"), min_value=0)
    competencies_weight = forms.FloatField(label=_("Weight of the competencies"), min_value=0)
    cover_letter_weight = forms.FloatField(
        label=_("Weight of the cover letter"),
        min_value=0,
        help_text=_("Small: the cover letter may reorder candidates within a label, never move one."),
    )
    strong_from = forms.FloatField(label=_("“Strong” from"))
    good_from = forms.FloatField(label=_("“Good” from"))
    partial_from = forms.FloatField(label=_("“Partial” from"), help_text=_("Below it the label is “poor”."))
    stale_after_days = forms.IntegerField(
        label=_("Results go stale after (days)"), help_text=_("An older assessment is marked stale on the ranking.")
    )

    def __init__(self, *args, competencies: list[tuple[str, str, int]], **kwargs):
        """`competencies`: the role's (code, name, target level)."""
        super().__init__(*args, **kwargs)
        levels = [("", _("No hurdle")), *((str(n), str(n)) for n in range(1, 6))]
        for code, name, target in competencies:
            self.fields[HURDLE_PREFIX + code] = forms.ChoiceField(
                label=name,
                required=False,
                choices=levels,
                help_text=_("Target level %(level)s") % {"level": target},
            )

    def hurdle_fields(self):
        return [self[name] for name in self.fields if name.startswith(HURDLE_PREFIX)]

    def other_fields(self):
        return [self[name] for name in self.fields if not name.startswith(HURDLE_PREFIX)]

    def values(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith(HURDLE_PREFIX)}
        hurdles = {k: v for k, v in self.cleaned_data.items() if k.startswith(HURDLE_PREFIX) and v}
        data["hurdles"] = {k.removeprefix(HURDLE_PREFIX): int(v) for k, v in hurdles.items()}
        return data
