"""Forms of the traffic import page: the upload, then the column mapping and the file's settings."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffing.models import CHANNEL_CHOICES, INTERVAL_MINUTES
from staffing.traffic_columns import FIELDS
from staffing.traffic_csv import MAX_BYTES, MAX_ROWS
from staffing.traffic_services import FIELD_LABELS

OPTIONAL = ("end",)


class TrafficUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Traffic export (CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "One row per interval and channel: date, interval start, channel, contacts offered and AHT, "
            "in 15- or 30-minute intervals, with a header row; at most %(megabytes)s MB and %(rows)s rows."
        ) % {"megabytes": MAX_BYTES // 1_000_000, "rows": number_format(MAX_ROWS, force_grouping=True)}


class TrafficMappingForm(forms.Form):
    """Each of our fields ← one of the file's columns (guessed from the headers, changeable), and what
    the file cannot say itself."""

    channel_default = forms.ChoiceField(
        label=gettext_lazy("Channel where the file gives none"),
        required=False,
        choices=[("", gettext_lazy("None: the channel column is required")), *CHANNEL_CHOICES],
        help_text=gettext_lazy("For an export of one queue without a channel column."),
    )
    interval_minutes = forms.TypedChoiceField(
        label=gettext_lazy("Interval length"), required=False, coerce=int, empty_value=None
    )
    aht_unit = forms.ChoiceField(
        label=gettext_lazy("A plain AHT number counts"),
        choices=[("seconds", gettext_lazy("seconds")), ("minutes", gettext_lazy("minutes"))],
        help_text=gettext_lazy("Handling times written as 4:05 are always minutes and seconds."),
    )

    def __init__(self, *args, header: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interval_minutes"].choices = [
            ("", _("Read from the file")),
            *((minutes, _("%(minutes)s minutes") % {"minutes": minutes}) for minutes in INTERVAL_MINUTES),
        ]
        columns = [("", _("— not in the file —")), *((name, name) for name in dict.fromkeys(header) if name)]
        for name in FIELDS:
            label = str(FIELD_LABELS[name])
            if name in OPTIONAL:
                label = _("%(field)s (optional)") % {"field": label}
            self.fields[f"column_{name}"] = forms.ChoiceField(label=label, required=False, choices=columns)
        self.order_fields([f"column_{name}" for name in FIELDS])

    def mapping(self) -> dict[str, str]:
        """Every field, "" for one left out of the file (so it is not guessed again)."""
        return {name: self.cleaned_data.get(f"column_{name}") or "" for name in FIELDS}
