"""Forms of the planning-assumptions page and the known events: the models' own fields, labels,
help texts and ranges; the services validate the whole row before they write."""

from django import forms
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from staffing.models import PlanSettings, TrafficEvent
from staffing.settings_services import PLAN_SETTINGS_FIELDS
from staffing.templatetags.plan_format import short_number

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# For the assumptions whose model field has no help text of its own.
HELP_TEXTS = {
    "target_answer_seconds": _("The answer time of the service level target: 20 for 80/20."),
    "max_occupancy": _(
        "The largest share of their logged-in time agents spend on contacts; above about 0.85 they tire and leave."
    ),
    "chat_concurrency": _("How many chats an agent handles at the same time."),
    "chat_target_answer_seconds": _("Chats answered within this time count towards the chat service level."),
    "email_response_hours": _("E-mails are answered within this many hours; their work is spread over that time."),
    "weekly_hours": _("A full-time agent's hours a week (37 in Denmark, 37.5 in Norway, 40 in Sweden)."),
    "training_months": _("Months of training before a new agent takes contacts."),
}


def ramp_text(settings: PlanSettings) -> str:
    """The ramp as the reader's language writes numbers (0,5; 0,75; 1 in Danish), which the form reads back."""
    return "; ".join(short_number(value) for value in settings.ramp())


class PlanSettingsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(fields_for_model(PlanSettings, fields=PLAN_SETTINGS_FIELDS, help_texts=HELP_TEXTS))
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
