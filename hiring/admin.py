from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hiring.models import (
    FIT_SETTING_VALUES,
    Application,
    ApplicationMove,
    BulkAnalysis,
    BulkAnalysisItem,
    Candidate,
    CandidateEmail,
    CandidateEmailTemplate,
    FitRecord,
    FitSetting,
    Hire,
    JobAd,
    JobAdRevision,
    RankingDecision,
    Requisition,
    SelfIdQuestion,
    StageTemplate,
    TalentPoolEntry,
)
from hiring.stage_templates import stages_checked, stages_in_use_missing, stages_missing_error
from servicefit.core.admin import PersonalDataAdmin
from servicefit.core.exceptions import ApplicationError


class RevisionInline(admin.TabularInline):
    model = JobAdRevision
    extra = 0
    fields = ["number", "language", "controller_index", "alignment_score", "note", "created_by", "created_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(JobAd)
class JobAdAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "role_profile", "owner", "updated_at"]
    list_filter = ["language", "role_profile"]
    search_fields = ["title"]
    list_select_related = ["role_profile", "owner"]
    inlines = [RevisionInline]


@admin.register(JobAdRevision)
class JobAdRevisionAdmin(admin.ModelAdmin):
    list_display = ["job_ad", "number", "language", "controller_index", "alignment_score", "created_at"]
    list_select_related = ["job_ad"]
    readonly_fields = [f.name for f in JobAdRevision._meta.fields]

    def has_add_permission(self, request):
        return False


class BulkItemInline(admin.TabularInline):
    model = BulkAnalysisItem
    extra = 0
    fields = ["position", "name", "language", "error_code", "error_params", "error"]
    readonly_fields = fields


@admin.register(BulkAnalysis)
class BulkAnalysisAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "status", "processed", "total", "created_by", "created_at"]
    list_filter = ["status"]
    inlines = [BulkItemInline]
    readonly_fields = [
        *["status", "processed", "total", "error", "error_detail"],
        *["claimed_at", "finished_at", "attempts", "created_by"],
    ]


@admin.register(Requisition)
class RequisitionAdmin(admin.ModelAdmin):
    list_display = ["title", "role_profile", "team", "stage_template", "status", "openings", "opened_on", "closed_on"]
    list_filter = ["status", "team"]
    search_fields = ["title"]
    list_select_related = ["role_profile", "team", "stage_template"]
    # The template is changed through the API or service, which refuse one lacking a stage in use.
    readonly_fields = ["stage_template"]


@admin.register(Candidate)
class CandidateAdmin(PersonalDataAdmin):
    erasable = True
    list_display = ["name", "email", "language", "source", "team", "created_at"]
    list_filter = ["source", "language", "team"]
    search_fields = ["name", "email"]
    list_select_related = ["team"]


class ApplicationMoveInline(admin.TabularInline):
    model = ApplicationMove
    fk_name = "application"
    extra = 0
    fields = ["from_stage", "to_stage", "reason", "by", "at", "undone_at", "undo_of"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(PersonalDataAdmin):
    """Stage changes go through the pipeline service, so the stage is read-only here."""

    list_display = ["candidate", "requisition", "stage", "updated_at"]
    list_filter = ["stage"]
    search_fields = ["candidate__name", "requisition__title"]
    list_select_related = ["candidate", "requisition"]
    readonly_fields = ["candidate", "requisition", "stage", "reason"]
    inlines = [ApplicationMoveInline]

    def has_add_permission(self, request):
        return False


@admin.register(TalentPoolEntry)
class TalentPoolEntryAdmin(PersonalDataAdmin):
    """Consents are given and renewed by the candidate (hiring/talent_pool.py); read-only here.
    Erasing a person starts from their candidate record."""

    list_display = ["candidate", "consent_text_version", "consent_given_at", "consent_expires_at", "renewed_at"]
    list_select_related = ["candidate"]
    search_fields = ["candidate__name", "candidate__email"]
    readonly_fields = [
        "candidate",
        "consent_given_at",
        "consent_text_version",
        "consent_expires_at",
        "renewal_requested_at",
        "renewed_at",
        "added_by",
    ]
    exclude = ["public_id"]

    def has_add_permission(self, request):
        return False


class StageTemplateForm(forms.ModelForm):
    """The same checks as hiring.stage_templates: the pipeline's order, applied first, hired last,
    and no stage taken out that applications are in."""

    class Meta:
        model = StageTemplate
        fields = ["name", "team", "stages"]
        help_texts = {
            "stages": _('A list like [{"stage": "applied", "name": "", "optional": false}, …], applied … hired.')
        }

    def clean_stages(self):
        stages = self.cleaned_data["stages"]
        if not isinstance(stages, list) or not all(isinstance(entry, dict) for entry in stages):
            raise forms.ValidationError(_("Give the stages as a list of objects."))
        try:
            stages = stages_checked(stages)
        except ApplicationError as exc:
            raise forms.ValidationError(exc.message) from exc
        if self.instance.pk:
            missing = stages_in_use_missing(template=self.instance, stages=[entry["stage"] for entry in stages])
            if missing:
                raise forms.ValidationError(stages_missing_error(missing).message)
        return stages


@admin.register(StageTemplate)
class StageTemplateAdmin(admin.ModelAdmin):
    form = StageTemplateForm
    list_display = ["name", "team", "is_default", "updated_at"]
    list_filter = ["team"]
    search_fields = ["name"]
    list_select_related = ["team"]
    readonly_fields = ["is_default"]


@admin.register(Hire)
class HireAdmin(PersonalDataAdmin):
    """Read-only: a hire is recorded by the move to hired and cancelled by undoing it."""

    list_display = ["requisition", "candidate", "team", "hired_on", "fit", "fit_label", "cancelled_at"]
    list_filter = ["team", "hired_on"]
    search_fields = ["requisition__title", "candidate__name"]
    list_select_related = ["requisition", "candidate", "team"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Hire._meta.fields]


class FitSettingAdminForm(forms.ModelForm):
    class Meta:
        model = FitSetting
        fields = ["role_profile", *FIT_SETTING_VALUES]

    def clean(self):
        from hiring.fit_settings import fit_setting_errors

        cleaned = super().clean()
        values = {name: cleaned.get(name) for name in FIT_SETTING_VALUES}
        if cleaned.get("role_profile") is not None and None not in values.values():
            for field, messages in fit_setting_errors(cleaned["role_profile"], values).items():
                self.add_error(field, messages)
        return cleaned


@admin.register(FitSetting)
class FitSettingAdmin(admin.ModelAdmin):
    """A saved version is never edited (a ranking names it); a change is a new version."""

    form = FitSettingAdminForm

    list_display = ["role_profile", "number", "service_types_weight", "competencies_weight", "created_by", "created_at"]
    list_filter = ["role_profile"]
    list_select_related = ["role_profile", "created_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [f.name for f in FitSetting._meta.fields]

    def save_model(self, request, obj, form, change):
        if change:
            return  # read-only: nothing of an old version changes
        from hiring.fit_settings import fit_setting_save

        values = {f: getattr(obj, f) for f in FIT_SETTING_VALUES}
        saved = fit_setting_save(role_profile=obj.role_profile, user=request.user, **values)
        obj.pk, obj.number = saved.pk, saved.number

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FitRecord)
class FitRecordAdmin(PersonalDataAdmin):
    list_display = ["application", "fit_version", "status", "fit", "label", "computed_at"]
    list_filter = ["status", "label"]
    list_select_related = ["application"]
    readonly_fields = [f.name for f in FitRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CandidateEmailTemplate)
class CandidateEmailTemplateAdmin(admin.ModelAdmin):
    """A team's own e-mail texts; the placeholders are checked by the model's clean()."""

    list_display = ["team", "kind", "language", "subject", "updated_at"]
    list_filter = ["kind", "language", "team"]
    list_select_related = ["team"]


@admin.register(CandidateEmail)
class CandidateEmailAdmin(PersonalDataAdmin):
    """What was sent to whom and when; written by the e-mail service only."""

    list_display = ["application", "kind", "language", "sent_at", "by"]
    list_filter = ["kind", "language"]
    list_select_related = ["application", "by"]
    readonly_fields = ["application", "kind", "language", "sent_at", "created_at", "by"]

    def has_add_permission(self, request):
        return False


@admin.register(RankingDecision)
class RankingDecisionAdmin(PersonalDataAdmin):
    list_display = ["application", "decision", "from_stage", "to_stage", "by", "at", "fit", "label", "position"]
    list_filter = ["decision"]
    list_select_related = ["application", "by"]
    readonly_fields = [f.name for f in RankingDecision._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SelfIdQuestion)
class SelfIdQuestionAdmin(admin.ModelAdmin):
    """The attributes a team chooses to ask about (none by default). The answers are not listed here:
    they are read only in aggregate, on the adverse-impact page."""

    list_display = ["label", "key", "team", "active"]
    list_filter = ["active", "team"]
    search_fields = ["label", "key"]
    list_select_related = ["team"]
