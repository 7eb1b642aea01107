"""The admin for workforce: read-mostly. People's records are changed through the People pages and
their services (which check them); here administrators look things up and correct a value. Nothing
about a person is deleted here: an agent is erased through the personal-data service (the "Erase
personal data" action), which keeps the anonymous placeholder the retention figures need."""

from django.contrib import admin

from servicefit.core.admin import PersonalDataAdmin
from workforce.models import (
    Agent,
    AgentAssessment,
    AttritionModel,
    CareerMove,
    CoachingSession,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    PlanGoal,
    PulseInvitation,
    PulseResponse,
    PulseSurvey,
    RetentionSettings,
    RiskScore,
    SnapshotTraining,
    Training,
)


class ReadOnlyMixin:
    """Shown, never added, changed or deleted in the admin."""

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Agent)
class AgentAdmin(PersonalDataAdmin):
    erasable = True
    list_display = ["name", "employee_number", "team", "manager", "employment_status", "hire_date", "exit_date"]
    list_filter = ["employment_status", "exit_type", "team"]
    search_fields = ["name", "employee_number", "email"]
    list_select_related = ["team", "manager"]
    date_hierarchy = "hire_date"
    # Links to the hiring records and the copied hiring-time profile are set by the hire hand-off only.
    readonly_fields = [
        "candidate",
        "application",
        "hire",
        "hiring_profile",
        "hiring_fit",
        "hiring_fit_label",
        "hiring_dominant_type",
    ]
    raw_id_fields = ["manager"]

    def has_add_permission(self, request):
        return False


class CompetencyLevelInline(ReadOnlyMixin, admin.TabularInline):
    model = CompetencyLevel
    extra = 0


@admin.register(CompetencySnapshot)
class CompetencySnapshotAdmin(PersonalDataAdmin):
    list_display = ["agent", "taken_on", "source", "rated_by"]
    list_filter = ["source"]
    search_fields = ["agent__name", "agent__employee_number"]
    list_select_related = ["agent", "rated_by"]
    readonly_fields = ["agent", "agent_assessment", "rated_by"]
    inlines = [CompetencyLevelInline]

    def has_add_permission(self, request):
        return False


@admin.register(CompetencyLevel)
class CompetencyLevelAdmin(ReadOnlyMixin, PersonalDataAdmin):
    list_display = ["snapshot", "competency", "level"]
    list_select_related = ["snapshot", "competency"]


@admin.register(AgentAssessment)
class AgentAssessmentAdmin(ReadOnlyMixin, PersonalDataAdmin):
    list_display = ["agent", "invitation", "requested_by", "created_at"]
    list_select_related = ["agent", "invitation", "requested_by"]


class PlanGoalInline(admin.TabularInline):
    model = PlanGoal
    extra = 0
    fields = ["description", "competency", "target_level", "due_on", "status", "completed_on"]
    can_delete = False


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(PersonalDataAdmin):
    list_display = ["title", "agent", "starts_on", "status"]
    list_filter = ["status"]
    search_fields = ["title", "agent__name"]
    list_select_related = ["agent"]
    readonly_fields = ["agent", "created_by"]
    inlines = [PlanGoalInline]

    def has_add_permission(self, request):
        return False


@admin.register(PlanGoal)
class PlanGoalAdmin(PersonalDataAdmin):
    list_display = ["description", "plan", "competency", "target_level", "due_on", "status"]
    list_filter = ["status"]
    list_select_related = ["plan", "competency"]
    readonly_fields = ["plan"]

    def has_add_permission(self, request):
        return False


@admin.register(Training)
class TrainingAdmin(PersonalDataAdmin):
    list_display = ["title", "agent", "kind", "completed_on", "expires_on"]
    list_filter = ["kind"]
    search_fields = ["title", "agent__name"]
    list_select_related = ["agent"]
    readonly_fields = ["agent"]

    def has_add_permission(self, request):
        return False


@admin.register(CoachingSession)
class CoachingSessionAdmin(PersonalDataAdmin):
    list_display = ["agent", "held_on", "topic", "coach"]
    list_filter = ["topic"]
    search_fields = ["agent__name"]
    list_select_related = ["agent", "coach"]
    readonly_fields = ["agent", "coach"]

    def has_add_permission(self, request):
        return False


@admin.register(CareerMove)
class CareerMoveAdmin(PersonalDataAdmin):
    list_display = ["agent", "moved_on", "kind"]
    list_filter = ["kind"]
    search_fields = ["agent__name"]
    list_select_related = ["agent"]
    readonly_fields = ["agent"]

    def has_add_permission(self, request):
        return False


@admin.register(PulseSurvey)
class PulseSurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "team", "opens_on", "closes_on", "status"]
    list_filter = ["status", "team"]
    search_fields = ["title"]
    list_select_related = ["team"]
    readonly_fields = ["created_by"]

    def has_delete_permission(self, request, obj=None):
        # A survey with answers carries the eNPS trend; closing it is the way to end it.
        return obj is None or not obj.responses.exists()


@admin.register(PulseInvitation)
class PulseInvitationAdmin(ReadOnlyMixin, PersonalDataAdmin):
    list_display = ["survey", "agent", "sent_at", "answered_at"]
    list_select_related = ["survey", "agent"]


@admin.register(PulseResponse)
class PulseResponseAdmin(ReadOnlyMixin, PersonalDataAdmin):
    """Answers are the agent's own: nobody edits them."""

    list_display = ["survey", "team", "answered_on", "recommend", "workload", "growth", "manager_support"]
    list_filter = ["team"]
    list_select_related = ["survey", "team"]


@admin.register(AttritionModel)
class AttritionModelAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Models are trained by train_attrition and the weekly task, and activated through the service."""

    list_display = ["kind", "version", "trained_at", "n_rows", "positives", "is_active"]
    list_filter = ["kind", "is_active"]


@admin.register(RiskScore)
class RiskScoreAdmin(ReadOnlyMixin, PersonalDataAdmin):
    list_display = ["agent", "probability", "model", "scored_at"]
    list_select_related = ["agent", "model"]


@admin.register(SnapshotTraining)
class SnapshotTrainingAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Uploaded HR tables train in the background (/workforce/models/); the table itself is not shown."""

    list_display = ["file_name", "target", "status", "attrition_model", "created_at"]
    list_filter = ["status"]
    exclude = ["data"]


@admin.register(RetentionSettings)
class RetentionSettingsAdmin(admin.ModelAdmin):
    """A team's replacement cost for the dashboard's cost of attrition (also at /workforce/retention/settings/)."""

    list_display = ["team", "replacement_cost", "updated_at"]
    list_select_related = ["team"]
