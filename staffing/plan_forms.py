"""Forms of the Staffing page: the what-if changes (GET, never saved) and the draft requisition."""

from django import forms
from django.utils.translation import gettext_lazy as _

from profiles.models import RoleProfile
from servicefit.core.forms import TeamChoiceMixin
from staffing.plan_selectors import WhatIf
from staffing.templatetags.plan_format import short_number

NUMBER = {"inputmode": "decimal", "step": "any"}


class WhatIfForm(forms.Form):
    """Percentages as a planner says them (80 for 80 %); `what_if()` turns them into the selector's."""

    attrition_points = forms.FloatField(
        label=_("Attrition (± percentage points a year)"),
        required=False,
        min_value=-50,
        max_value=50,
        widget=forms.NumberInput(attrs=NUMBER),
        help_text=_("−5 plans with 5 points less annual voluntary attrition than expected."),
    )
    aht_percent = forms.FloatField(
        label=_("AHT (± %)"), required=False, min_value=-50, max_value=100, widget=forms.NumberInput(attrs=NUMBER)
    )
    traffic_percent = forms.FloatField(
        label=_("Traffic (± %)"), required=False, min_value=-50, max_value=200, widget=forms.NumberInput(attrs=NUMBER)
    )
    service_level = forms.FloatField(
        label=_("Service level target (%)"),
        required=False,
        min_value=1,
        max_value=99,
        widget=forms.NumberInput(attrs=NUMBER),
    )
    shrinkage = forms.FloatField(
        label=_("Shrinkage (%)"), required=False, min_value=0, max_value=80, widget=forms.NumberInput(attrs=NUMBER)
    )

    def __init__(self, *args, settings=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("attrition_points", "aht_percent", "traffic_percent"):
            self.fields[name].widget.attrs["placeholder"] = "0"
        if settings is not None:
            self.fields["service_level"].widget.attrs["placeholder"] = short_number(settings.service_level * 100)
            self.fields["shrinkage"].widget.attrs["placeholder"] = short_number(settings.shrinkage * 100)

    def what_if(self) -> WhatIf:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}

        def share(name):
            value = data.get(name)
            return None if value is None else value / 100

        return WhatIf(
            attrition_points=data.get("attrition_points") or 0.0,
            aht_percent=data.get("aht_percent") or 0.0,
            traffic_percent=data.get("traffic_percent") or 0.0,
            service_level=share("service_level"),
            shrinkage=share("shrinkage"),
        )


class DraftRequisitionForm(TeamChoiceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), queryset=RoleProfile.objects.order_by("slug"), to_field_name="slug"
    )
    openings = forms.IntegerField(label=_("Openings"), min_value=1, max_value=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_profile"].label_from_instance = lambda profile: profile.name_in()
