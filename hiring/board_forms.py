"""Forms of the requisition pages and the pipeline board."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from hiring.models import Candidate, CandidateEmailTemplate, EmailKind, JobAd, Requisition, Stage
from profiles.models import RoleProfile
from servicefit.core.choices import Language
from servicefit.core.forms import PersonChoiceField, TeamChoiceMixin
from servicefit.core.models import Team
from servicefit.core.persons import persons_by_name
from servicefit.core.policies import JOB_AD_READ, JOB_AD_WRITE
from servicefit.core.roles import Role

ALL = [("", _("All"))]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RequisitionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[*ALL, *Requisition.Status.choices])
    team = forms.ModelChoiceField(label=_("Team"), required=False, queryset=Team.objects.none(), empty_label=_("All"))
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"),
        required=False,
        queryset=RoleProfile.objects.all(),
        to_field_name="slug",
        empty_label=_("All"),
    )
    without_candidates = forms.BooleanField(label=_("Without candidates"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = JOB_AD_READ.scope(Team.objects.order_by("name"), user, field="id")
        self.fields["role_profile"].label_from_instance = lambda profile: profile.name_in()


def _people_for(user):
    """Who may be a requisition's hiring manager: staff with a role, in the teams the user reaches."""
    people = get_user_model().objects.filter(is_active=True, groups__name__in=list(Role.values)).distinct()
    team_ids = JOB_AD_WRITE.team_ids(user)
    if team_ids is not None:
        people = people.filter(team_memberships__team_id__in=team_ids)
    return persons_by_name(people)


class RequisitionForm(TeamChoiceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    role_profile = forms.ModelChoiceField(
        label=_("Role profile"), queryset=RoleProfile.objects.all(), to_field_name="slug"
    )
    job_ad = forms.ModelChoiceField(
        label=_("Job ad"),
        queryset=JobAd.objects.none(),
        required=False,
        help_text=_("An ad from the job-ad studio, in the requisition's team."),
    )
    openings = forms.IntegerField(label=_("Openings"), min_value=1, max_value=1000, initial=1)
    status = forms.ChoiceField(label=_("Status"), choices=Requisition.Status.choices, initial=Requisition.Status.DRAFT)
    opened_on = forms.DateField(label=_("Opened on"), required=False, widget=DATE_WIDGET)
    closed_on = forms.DateField(label=_("Closed on"), required=False, widget=DATE_WIDGET)
    # Sent as the username, the key the API takes too; shown by name.
    hiring_manager = PersonChoiceField(
        label=_("Hiring manager"), queryset=get_user_model().objects.none(), required=False, to_field_name="username"
    )

    def __init__(self, *args, user, teams=None, **kwargs):
        super().__init__(*args, teams=teams, **kwargs)
        self.fields["role_profile"].label_from_instance = lambda profile: profile.name_in()
        self.fields["job_ad"].queryset = JOB_AD_WRITE.scope(JobAd.objects.order_by("title"), user)
        self.fields["hiring_manager"].queryset = _people_for(user)

    @classmethod
    def initial_for(cls, requisition: Requisition) -> dict:
        return {
            "title": requisition.title,
            "role_profile": requisition.role_profile.slug,
            "job_ad": requisition.job_ad_id,
            "openings": requisition.openings,
            "status": requisition.status,
            "opened_on": requisition.opened_on,
            "closed_on": requisition.closed_on,
            "hiring_manager": requisition.hiring_manager.username if requisition.hiring_manager else None,
        }


class BoardFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=[*ALL, *Stage.choices])
    source = forms.ChoiceField(label=_("Source"), required=False, choices=[*ALL, *Candidate.Source.choices])
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[*ALL, *Language.choices])


class MoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move to"), choices=Stage.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)


class BulkActionForm(forms.Form):
    MOVE, INVITE, REJECT = "move", "invite", "reject"
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            (MOVE, _("Move to a stage")),
            (INVITE, _("Invite to an assessment")),
            (REJECT, _("Reject, with one e-mail each")),
        ],
    )
    applications = forms.TypedMultipleChoiceField(label=_("Applications"), coerce=int, choices=())
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=Stage.choices)
    assessment = forms.ModelChoiceField(
        label=_("Assessment"), required=False, queryset=Assessment.objects.filter(is_active=True), to_field_name="slug"
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args, application_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].choices = [(pk, pk) for pk in application_ids]
        self.fields["assessment"].label_from_instance = lambda assessment: assessment.title_in()

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == self.MOVE and not cleaned.get("stage"):
            self.add_error("stage", _("Choose the stage to move to."))
        if action == self.INVITE and not cleaned.get("assessment"):
            self.add_error("assessment", _("Choose the assessment."))
        if action == self.REJECT and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason for rejecting or withdrawing."))
        return cleaned


class InterviewForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Date and time"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    place = forms.CharField(label=_("Place"), max_length=200, help_text=_("An address or a video link."))


class EmailTemplateForm(forms.Form):
    kind = forms.ChoiceField(label=_("E-mail"), choices=EmailKind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    body = forms.CharField(label=_("Body"), required=False, widget=forms.Textarea(attrs={"rows": 12}))

    def clean(self):
        cleaned = super().clean()
        if "delete" not in self.data:
            for field in ("subject", "body"):
                if not (cleaned.get(field) or "").strip():
                    self.add_error(field, self.fields[field].error_messages["required"])
        return cleaned

    @staticmethod
    def for_template(template: CandidateEmailTemplate) -> dict:
        return {
            "kind": template.kind,
            "language": template.language,
            "subject": template.subject,
            "body": template.body,
        }
