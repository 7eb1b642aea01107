"""Forms of the planning-assumptions page and the known events: the models' own fields, labels,
help texts and ranges; the services validate the whole row before they write."""

from django import forms
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from staffing.models import PlanSettings, TrafficEvent
from staffing.settings_services import PLAN_SETTINGS_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanSettingsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(fields_for_model(PlanSettings, fields=PLAN_SETTINGS_FIELDS))
        for name in ("service_level", "max_occupancy", "shrinkage", "early_loss", "monthly_attrition"):
            self.fields[name].widget.attrs.update(step="0.01")


class TrafficEventForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(
            fields_for_model(
                TrafficEvent,
                fields=("name", "start", "end", "channel", "uplift_percent"),
                widgets={"start": DATE, "end": DATE},
            )
        )
        self.fields["channel"].choices = [("", _("Every channel")), *self.fields["channel"].choices[1:]]
        self.fields["uplift_percent"].help_text = _(
            "+15 for 15 % more contacts than the forecast, −20 for 20 % fewer; from −90 to +500."
        )
