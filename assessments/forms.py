from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment, Invitation
from assessments.queues import Queue
from servicefit.core.choices import Language
from servicefit.core.forms import TeamChoiceMixin


class AssessmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title_in()  # its title in the recruiter's language, not its slug


class InvitationForm(TeamChoiceMixin, forms.Form):
    assessment = AssessmentChoiceField(
        label=_("Assessment"), queryset=Assessment.objects.filter(is_active=True), to_field_name="slug"
    )
    name = forms.CharField(label=_("Candidate's name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)


class InvitationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    # The queues (waiting, expiring, to review) are what the home page's counts link to.
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), (_("Status"), Invitation.Status.choices), (_("Needs attention"), Queue.choices)],
    )
    assessment = forms.ChoiceField(label=_("Assessment"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assessments = Assessment.objects.all()
        self.fields["assessment"].choices = [("", _("All")), *((a.slug, a.title_in()) for a in assessments)]
