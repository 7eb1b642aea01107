from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment, Invitation
from servicefit.core.choices import Language
from servicefit.core.forms import TeamChoiceMixin


class InvitationForm(TeamChoiceMixin, forms.Form):
    assessment = forms.ModelChoiceField(
        label=_("Assessment"), queryset=Assessment.objects.filter(is_active=True), to_field_name="slug"
    )
    name = forms.CharField(label=_("Candidate's name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)


class InvitationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Invitation.Status.choices])
    assessment = forms.ChoiceField(label=_("Assessment"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].choices = [("", _("All")), *((a.slug, a.slug) for a in Assessment.objects.all())]
