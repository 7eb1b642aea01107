from django.contrib import admin

from hiring.models import (
    Application,
    ApplicationMove,
    BulkAnalysis,
    BulkAnalysisItem,
    Candidate,
    JobAd,
    JobAdRevision,
    Requisition,
    SelfIdQuestion,
)
from servicefit.core.admin import PersonalDataAdmin


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
    fields = ["position", "name", "language", "error"]
    readonly_fields = fields


@admin.register(BulkAnalysis)
class BulkAnalysisAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "processed", "total", "created_by", "created_at"]
    list_filter = ["status"]
    inlines = [BulkItemInline]
    readonly_fields = ["status", "processed", "total", "error", "claimed_at", "finished_at", "attempts", "created_by"]


@admin.register(Requisition)
class RequisitionAdmin(admin.ModelAdmin):
    list_display = ["title", "role_profile", "team", "status", "openings", "opened_on", "closed_on"]
    list_filter = ["status", "team"]
    search_fields = ["title"]
    list_select_related = ["role_profile", "team"]


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


@admin.register(SelfIdQuestion)
class SelfIdQuestionAdmin(admin.ModelAdmin):
    """The attributes a team chooses to ask about (none by default). The answers are not listed here:
    they are read only in aggregate, on the adverse-impact page."""

    list_display = ["label", "key", "team", "active"]
    list_filter = ["active", "team"]
    search_fields = ["label", "key"]
    list_select_related = ["team"]
