import csv
import io
from pathlib import PurePath

from django import forms
from django.utils.translation import gettext_lazy as _

from hiring.models import Candidate, JobAd
from profiles.models import RoleProfile, SentenceLabel
from servicefit.core.choices import Language
from servicefit.core.forms import TeamChoiceMixin

LANGUAGE_CHOICES = [("", _("Detect automatically")), *Language.choices]
TEXT_EXTENSIONS = (".txt", ".md", ".html", ".htm")
MAX_FILE_BYTES = 2_000_000


class JobAdFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All")), *Language.choices])
    role_profile = forms.ChoiceField(label=_("Role profile"), required=False)
    below_target = forms.BooleanField(label=_("Below the role profile's target"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profiles = RoleProfile.objects.all()
        self.fields["role_profile"].choices = [("", _("All")), *((p.slug, p.name_in()) for p in profiles)]


class JobAdForm(TeamChoiceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), queryset=RoleProfile.objects.all(), required=False, to_field_name="slug"
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)
    text = forms.CharField(
        label=_("Ad text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        strip=False,
        help_text=_("Paste the ad; formatting from a web page or Word is reduced to plain text."),
    )


class JobAdSettingsForm(forms.ModelForm):
    class Meta:
        model = JobAd
        fields = ["title", "role_profile", "language"]


class SentenceLabelForm(forms.Form):
    language = forms.ChoiceField(choices=Language.choices)
    text = forms.CharField(max_length=1000)
    label = forms.ChoiceField(choices=SentenceLabel.Label.choices)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.md,.html,.htm,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class BulkAnalysisForm(TeamChoiceMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), queryset=RoleProfile.objects.all(), required=False, to_field_name="slug"
    )
    files = MultipleFileField(
        label=_("Ads"),
        help_text=_(
            "Text, Markdown or HTML files, one ad each, or a CSV file with the columns name and text, "
            "and language (da, nb, sv or en) for an ad whose language is not recognised."
        ),
    )

    def clean_files(self):
        items, errors = [], []
        for upload in self.cleaned_data["files"]:
            name = PurePath(upload.name).name
            if upload.size > MAX_FILE_BYTES:
                errors.append(_("%(name)s is too large.") % {"name": name})
                continue
            is_csv = name.lower().endswith(".csv")
            try:
                content = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                # Excel's plain "CSV" is in the computer's code page; it offers "CSV UTF-8" beside it.
                refusal = _("%(name)s is not UTF-8 text: save it as “CSV UTF-8” and try again.")
                errors.append((refusal if is_csv else _("%(name)s is not UTF-8 text.")) % {"name": name})
                continue
            if "\x00" in content:
                # PostgreSQL cannot store a NUL in text; refused here, not as a server error later.
                errors.append(_("%(name)s contains NUL characters; save it as plain text.") % {"name": name})
                continue
            if is_csv:
                items += self._csv_items(name, content, errors)
            elif name.lower().endswith(TEXT_EXTENSIONS):
                items.append({"name": name, "text": content})
            else:
                errors.append(_("%(name)s: use .txt, .md, .html or .csv files.") % {"name": name})
        if errors:
            raise forms.ValidationError(errors)
        return items

    @staticmethod
    def _csv_items(name: str, content: str, errors: list) -> list[dict]:
        # Excel for Mac can end lines with a carriage return alone.
        content = content.replace("\r\n", "\n").replace("\r", "\n")
        header = content.partition("\n")[0]
        # Excel in the Nordic countries saves "CSV" with semicolons; a text editor may use tabs.
        delimiter = next((d for d in ";\t" if d in header and "," not in header), ",")
        reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
        try:
            return BulkAnalysisForm._csv_rows(name, reader, errors)
        except csv.Error:  # a cell over the csv module's 128 KB limit, mostly a quotation mark never closed
            errors.append(
                _("%(name)s line %(line)s: a cell is too long; is a quotation mark not closed?")
                % {"name": name, "line": reader.line_num + 1}
            )
            return []

    @staticmethod
    def _csv_rows(name: str, reader: csv.DictReader, errors: list) -> list[dict]:
        # "Name;Text" or "name; text" as a spreadsheet user types them.
        reader.fieldnames = [(field or "").strip().lower() for field in reader.fieldnames or []]
        if "text" not in reader.fieldnames:
            errors.append(_("%(name)s needs a header row with a “text” column.") % {"name": name})
            return []
        items = []
        for number, row in enumerate(reader, start=2):
            if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                continue  # an empty row (";;" from a spreadsheet whose blank rows were once formatted)
            language = (row.get("language") or "").strip().lower()
            if language and language not in Language.values:
                errors.append(
                    _("%(name)s line %(line)s: unknown language %(lang)s.")
                    % {"name": name, "line": number, "lang": language}
                )
                continue
            if not (row.get("text") or "").strip():
                errors.append(_("%(name)s line %(line)s: there is no text.") % {"name": name, "line": number})
                continue
            items.append(
                {
                    "name": (row.get("name") or "").strip() or f"{name}:{number}",
                    "text": row["text"],
                    "language": language,
                }
            )
        return items

    def clean(self):
        cleaned = super().clean()
        if "files" in cleaned:
            cleaned["items"] = cleaned.pop("files")
        return cleaned


class TalentPoolFilterForm(forms.Form):
    expiring = forms.BooleanField(label=_("Consent runs out soon"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All")), *Language.choices])
    source = forms.ChoiceField(label=_("Source"), required=False, choices=[("", _("All")), *Candidate.Source.choices])


class TalentPoolAddForm(forms.Form):
    consent_text_version = forms.CharField(
        label=_("Consent text version"),
        max_length=20,
        help_text=_("The version of the consent text the candidate agreed to, e.g. talent-2026-1."),
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty if the candidate agreed today."),
    )
