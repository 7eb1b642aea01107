"""The role-profile form: the ideal service-type mix in percent and the competencies' target levels.

The rules of a valid profile live in `profiles.services` and `profiles.role_mix`, as for the API; the
form turns the page's fields into the service's arguments and the service's refusals into field
errors. Only the sum of the mix is put in percent here, because the page asks for percent.
"""

from decimal import Decimal

from django import forms
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from profiles.role_mix import Problem, type_weight_problems
from profiles.services import RESERVED_SLUGS, ROLE_PROFILE_DESCRIPTION_MAX
from servicefit.core.exceptions import ApplicationError

WEIGHT_PREFIX = "weight_"
LEVEL_PREFIX = "level_"
LEVELS = range(1, 6)


class RoleProfileForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=ROLE_PROFILE_DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the role is for, in a sentence or two."),
    )

    def __init__(self, *args, service_types, competencies, with_slug: bool, **kwargs):
        """`service_types`: [(code, name)], `competencies`: [(code, name, description, anchors)]."""
        super().__init__(*args, **kwargs)
        if with_slug:
            self.fields["slug"] = forms.SlugField(
                label=_("Short name for web addresses"),
                max_length=80,
                required=False,
                help_text=_("Letters, digits and hyphens. Leave it empty to make it from the name."),
            )
        self.type_fields = []
        for code, name in service_types:
            key = WEIGHT_PREFIX + code
            self.fields[key] = forms.DecimalField(
                label=name,
                required=False,
                min_value=0,
                max_value=100,
                max_digits=4,
                decimal_places=1,
                widget=forms.NumberInput(attrs={"data-weight": code, "inputmode": "decimal", "step": "0.1"}),
            )
            self.type_fields.append(key)
        self.competency_rows = []
        level_choices = [("", _("Not required")), *((level, str(level)) for level in LEVELS)]
        for code, name, description, anchors in competencies:
            key = LEVEL_PREFIX + code
            self.fields[key] = forms.TypedChoiceField(
                label=name, required=False, choices=level_choices, coerce=int, empty_value=None
            )
            self.competency_rows.append({"key": key, "description": description, "anchors": anchors})

    def weight_fields(self):
        return [self[key] for key in self.type_fields]

    def competency_fields(self):
        return [{**row, "field": self[row["key"]]} for row in self.competency_rows]

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or name_slug(self.cleaned_data.get("name", ""))
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("“%(slug)s” is reserved: choose another short name.") % {"slug": slug})
        return slug

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and "slug" not in self.errors:
            self.add_error("slug", _("Give the profile a short name of letters or digits."))
        if not any(key in self.errors for key in self.type_fields):
            problems = type_weight_problems(self.type_weights())
            for problem in problems:
                if problem.problem == Problem.SUM:
                    self.add_error(
                        None,
                        _("The service-type weights must add up to 100 %% (they add up to %(total)s %%).")
                        % {"total": _percent(problem.total)},
                    )
                elif problem.problem == Problem.EMPTY:
                    self.add_error(None, _("Give at least one service type a weight."))
        return cleaned

    def type_weights(self) -> dict[str, Decimal]:
        """{code: weight in 0–1} of the types given a weight; an empty field counts as 0."""
        weights = {}
        for key in self.type_fields:
            percent = self.cleaned_data.get(key)
            if percent:
                weights[key.removeprefix(WEIGHT_PREFIX)] = percent / 100
        return weights

    def competency_levels(self) -> dict[str, int]:
        return {
            row["key"].removeprefix(LEVEL_PREFIX): self.cleaned_data[row["key"]]
            for row in self.competency_rows
            if self.cleaned_data.get(row["key"]) is not None
        }

    def service_errors_add(self, exc: ApplicationError) -> None:
        """The service's refusal on the fields it names; the mix and the competencies above the form."""
        fields = exc.extra.get("fields") or {}
        for field, errors in fields.items():
            self.add_error(field if field in self.fields else None, list(errors))
        if not fields:
            self.add_error(None, exc.message)


# Letters slugify would drop (they do not decompose to ASCII), written as Nordic keyboards without them do.
NORDIC_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def name_slug(name: str) -> str:
    """ "Sælger – Århus" → "saelger-aarhus"."""
    return slugify(name.translate(NORDIC_LETTERS))[:80].strip("-")


def _plain_percent(fraction: Decimal) -> Decimal:
    """A weight in 0–1 as percent with at most one decimal: 0.400 → 40, 0.333 → 33.3."""
    percent = (fraction * 100).quantize(Decimal("0.1"))
    return percent.quantize(Decimal(1)) if percent == percent.to_integral_value() else percent


def _percent(total: Decimal) -> str:
    return number_format(_plain_percent(total))


def shown_wording(role_profile) -> dict[str, str]:
    """The name and description as the user reads them elsewhere: in their language when the profile has it."""
    return {"name": role_profile.name_in(), "description": role_profile.description_in()}


def initial_from(role_profile) -> dict:
    """The form's initial values from a role profile (being edited, or the template of a new one)."""
    initial = shown_wording(role_profile)
    for weight in role_profile.type_weights.all():
        initial[WEIGHT_PREFIX + weight.service_type.code] = _plain_percent(weight.weight)
    for requirement in role_profile.competencies.all():
        initial[LEVEL_PREFIX + requirement.competency.code] = requirement.target_level
    return initial
