"""Forms of the People pages: the agent list's filters, an agent's master data, an exit, a rehire."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from profiles.models import RoleProfile
from servicefit.core.forms import PersonChoiceField
from servicefit.core.persons import persons_by_name
from servicefit.core.roles import Role
from workforce.models import Channel, EmploymentStatus, ExitReason, ExitType

ALL = [("", _("All"))]
DATE = forms.DateInput(attrs={"type": "date"})


def manager_choices():
    """Users who can lead a team of agents: managers and HR."""
    users = get_user_model().objects.filter(is_active=True, groups__name__in=[Role.MANAGER, Role.HR])
    return persons_by_name(users.distinct())


class AgentFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    team = forms.ModelChoiceField(label=_("Team"), required=False, queryset=None, empty_label=_("All"))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[*ALL, *EmploymentStatus.choices])
    manager = PersonChoiceField(label=_("Manager"), required=False, queryset=None, empty_label=_("All"))
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), required=False, queryset=RoleProfile.objects.order_by("name"), empty_label=_("All")
    )
    hired_from = forms.DateField(label=_("Hired from"), required=False, widget=DATE)
    hired_to = forms.DateField(label=_("Hired to"), required=False, widget=DATE)

    def __init__(self, *args, teams, managers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["manager"].queryset = managers

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("hired_from"), cleaned.get("hired_to")
        if start and end and end < start:
            self.add_error("hired_to", _("The end of the period cannot be before its start."))
        return cleaned


class AgentForm(forms.Form):
    employee_number = forms.CharField(label=_("Employee number"), max_length=64)
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    team = forms.ModelChoiceField(label=_("Team"), queryset=None)
    manager = PersonChoiceField(label=_("Manager"), required=False, queryset=None, empty_label=_("None"))
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), required=False, queryset=RoleProfile.objects.order_by("name"), empty_label=_("None")
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"), required=False, choices=Channel.choices, widget=forms.CheckboxSelectMultiple
    )
    hire_date = forms.DateField(label=_("Hire date"), widget=DATE)
    employment_status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in EmploymentStatus.choices if c[0] != EmploymentStatus.EXITED],
        initial=EmploymentStatus.ACTIVE,
    )
    source = forms.CharField(label=_("Source"), max_length=60, required=False)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["manager"].queryset = manager_choices()


class AgentExitForm(forms.Form):
    exit_date = forms.DateField(label=_("Last day of employment"), widget=DATE)
    exit_type = forms.ChoiceField(label=_("Type of exit"), choices=ExitType.choices)
    exit_reason = forms.ChoiceField(label=_("Reason"), choices=ExitReason.choices, initial=ExitReason.OTHER)


class AgentRehireForm(forms.Form):
    hire_date = forms.DateField(label=_("Hire date"), widget=DATE)
    team = forms.ModelChoiceField(label=_("Team"), queryset=None)
    manager = PersonChoiceField(label=_("Manager"), required=False, queryset=None, empty_label=_("None"))
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), required=False, queryset=RoleProfile.objects.order_by("name"), empty_label=_("None")
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["manager"].queryset = manager_choices()
