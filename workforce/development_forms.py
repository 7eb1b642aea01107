"""Forms of the development pages: a team lead's weekly records of an agent's development."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from profiles.models import Competency, RoleProfile
from servicefit.core.choices import Language
from servicefit.core.policies import DEVELOPMENT_WRITE, team_choices
from workforce.models import CoachingTopic, GoalStatus, MoveKind, PlanStatus, TrainingKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LEVELS = [(level, str(level)) for level in range(1, 6)]
NOT_RATED = [("", _("Not rated"))]


def _competency_field(**kwargs) -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(
        label=_("Competency"),
        queryset=Competency.objects.prefetch_related("translations"),
        to_field_name="code",
        required=False,
        **kwargs,
    )
    field.label_from_instance = lambda competency: getattr(competency.translation(), "name", competency.code)
    return field


class CompetencyRatingForm(forms.Form):
    """One radio group per competency, each choice labelled with its anchor text in the user's language.
    The role profile's competencies come first; a competency left unrated keeps its earlier level."""

    taken_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)

    def __init__(self, *args, competencies: list[Competency], targets: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.competency_fields = []
        for competency in competencies:
            translation = competency.translation()
            anchors = translation.anchors if translation else {}
            choices = [(level, f"{level} · {anchors.get(level, '')}".rstrip(" ·")) for level in range(1, 6)]
            name = f"level_{competency.code}"
            self.fields[name] = forms.TypedChoiceField(
                label=translation.name if translation else competency.code,
                choices=[*NOT_RATED, *choices],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                help_text=(
                    _("Role target: level %(level)s") % {"level": targets[competency.code]}
                    if competency.code in targets
                    else ""
                ),
            )
            self.competency_fields.append(name)

    def levels(self) -> dict[str, int]:
        return {
            name.removeprefix("level_"): self.cleaned_data[name]
            for name in self.competency_fields
            if self.cleaned_data.get(name) is not None
        }

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.levels():
            raise forms.ValidationError(_("Rate at least one competency."))
        return cleaned


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)
    status = forms.ChoiceField(label=_("Status"), choices=PlanStatus.choices, initial=PlanStatus.ACTIVE)


class GoalForm(forms.Form):
    description = forms.CharField(label=_("Goal"), max_length=300)
    target_level = forms.TypedChoiceField(
        label=_("Target level"), choices=[("", "–"), *LEVELS], coerce=int, empty_value=None, required=False
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE_WIDGET, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices, initial=GoalStatus.OPEN)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"competency": _competency_field(empty_label="–"), **self.fields}


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class TrainingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE_WIDGET)
    expires_on = forms.DateField(
        label=_("Expires on"), widget=DATE_WIDGET, required=False, help_text=_("For a certification that runs out.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"] = _competency_field(empty_label="–")


class CoachingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    topic = forms.ChoiceField(label=_("Topic"), choices=CoachingTopic.choices)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=5000)


class CareerMoveForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MoveKind.choices)
    moved_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    title = forms.CharField(label=_("New title"), max_length=200, required=False)
    to_team = forms.ModelChoiceField(label=_("To team"), queryset=None, required=False, empty_label=_("Same team"))
    to_role_profile = forms.ModelChoiceField(
        label=_("To role profile"),
        queryset=RoleProfile.objects.all(),
        required=False,
        empty_label=_("Same role profile"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = team_choices(policy=DEVELOPMENT_WRITE, user=user)
        self.fields["to_role_profile"].label_from_instance = lambda profile: profile.name_in()


class ReassessForm(forms.Form):
    assessment = forms.ModelChoiceField(label=_("Assessment"), queryset=Assessment.objects.filter(is_active=True))
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].label_from_instance = lambda assessment: assessment.title_in()
