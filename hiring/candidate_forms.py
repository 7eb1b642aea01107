"""Forms of the candidate pages: the list's filters, a candidate, a document, the CSV import's two
steps and a merge of two records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hiring.candidate_csv import FIELDS
from hiring.duplicates import MERGE_FIELD_LABELS, MERGE_FIELDS
from hiring.models import Candidate
from servicefit.core.choices import Language
from servicefit.core.forms import TeamChoiceMixin

ALL = [("", _("All"))]
IMPORT_FIELD_LABELS = {
    "name": _("Name"),
    "email": _("E-mail address"),
    "phone": _("Phone"),
    "language": _("Language"),
    "source": _("Source"),
}


class CandidateFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    source = forms.ChoiceField(label=_("Source"), required=False, choices=[*ALL, *Candidate.Source.choices])
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[*ALL, *Language.choices])
    duplicates = forms.ChoiceField(
        label=_("Possible duplicates"),
        required=False,
        choices=[*ALL, ("open", _("Undecided possible duplicates"))],
    )
    requisition = forms.ModelChoiceField(label=_("Requisition"), required=False, queryset=None, empty_label=_("All"))

    def __init__(self, *args, requisitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requisition"].queryset = requisitions


class CandidateForm(TeamChoiceMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    source = forms.ChoiceField(label=_("Source"), choices=Candidate.Source.choices, initial=Candidate.Source.OTHER)
    consent_given = forms.BooleanField(
        label=_("The candidate has consented to the processing of their data"), required=False
    )
    consent_text_version = forms.CharField(
        label=_("Version of the consent text"),
        max_length=20,
        required=False,
        help_text=_("Which version of the consent text the candidate agreed to, e.g. 2026-03."),
    )
    education = forms.CharField(label=_("Education"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    experience = forms.CharField(label=_("Experience"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    requisition = forms.ModelChoiceField(
        label=_("Apply to requisition"), required=False, queryset=None, empty_label=_("None for now")
    )

    def __init__(self, *args, requisitions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if requisitions is None:
            del self.fields["requisition"]
        else:
            self.fields["requisition"].queryset = requisitions

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consent_given") and not cleaned.get("consent_text_version"):
            self.add_error("consent_text_version", _("Say which version of the consent text the candidate agreed to."))
        return cleaned


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=[("cv", _("CV")), ("cover_letter", _("Cover letter"))])
    file = forms.FileField(
        label=_("File"),
        help_text=_("A .txt, .pdf or .docx file of at most 5 MB. Only its text is kept."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.pdf,.docx"}),
    )


class ImportUploadForm(TeamChoiceMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("As your applicant tracking system or job board exports it, with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
    )


class ImportMappingForm(forms.Form):
    """Each of our fields ← one of the file's columns; guessed from the headers, changeable."""

    requisition = forms.ModelChoiceField(
        label=_("Apply everyone to requisition"), required=False, queryset=None, empty_label=_("None")
    )
    default_language = forms.ChoiceField(
        label=_("Language where the file gives none"),
        required=False,
        choices=[("", _("None: the column is required")), *Language.choices],
    )

    def __init__(self, *args, header: list[str], requisitions, **kwargs):
        super().__init__(*args, **kwargs)
        columns = [("", _("— not in the file —")), *((name, name) for name in header if name)]
        for name in FIELDS:
            self.fields[f"column_{name}"] = forms.ChoiceField(
                label=IMPORT_FIELD_LABELS[name], required=False, choices=columns
            )
        self.fields["requisition"].queryset = requisitions
        self.order_fields([f"column_{name}" for name in FIELDS])

    def mapping(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"column_{name}"] for name in FIELDS if self.cleaned_data.get(f"column_{name}")}

    def column_fields(self):
        return [self[f"column_{name}"] for name in FIELDS]


class MergeForm(forms.Form):
    """ "a" is the record the page is about, "b" the possible duplicate."""

    survivor = forms.ChoiceField(
        label=_("Keep this record"), choices=[("a", "a"), ("b", "b")], widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in MERGE_FIELDS:
            self.fields[f"take_{key}"] = forms.ChoiceField(
                label=MERGE_FIELD_LABELS[key], choices=[("a", "a"), ("b", "b")], widget=forms.RadioSelect
            )
