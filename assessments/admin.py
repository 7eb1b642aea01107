from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from assessments import services
from assessments.models import (
    Answer,
    Assessment,
    Attempt,
    AttemptResult,
    Invitation,
    Item,
    NormTable,
    Option,
    PsychometricReport,
    Section,
)
from profiles import selectors as profile_selectors
from servicefit.core.admin import PersonalDataAdmin


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["order", "key", "title", "time_limit_seconds"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["slug", "is_active", "updated_at"]
    inlines = [SectionInline]
    actions = ["recompute_statistics"]

    @admin.action(description=_("Recompute item statistics"))
    def recompute_statistics(self, request, queryset):
        for assessment in queryset:
            services.psychometrics_compute(assessment_id=assessment.id)
        self.message_user(request, _("Item statistics recomputed."), messages.SUCCESS)


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "scale", "reverse", "section", "order"]
    list_filter = ["kind", "section__assessment", "section"]
    search_fields = ["key"]
    list_select_related = ["section__assessment"]
    inlines = [OptionInline]


@admin.register(Invitation)
class InvitationAdmin(PersonalDataAdmin):
    erasable = True
    list_display = ["name", "email", "assessment", "language", "status", "expires_at", "sent_at"]
    list_filter = ["status", "language", "assessment"]
    search_fields = ["name", "email"]
    readonly_fields = ["public_id", "sent_at", "reminded_at", "created_by"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    readonly_fields = ["item", "value", "saved_at"]
    can_delete = False


@admin.register(Attempt)
class AttemptAdmin(PersonalDataAdmin):
    list_display = ["id", "invitation", "started_at", "submitted_at"]
    list_select_related = ["invitation__assessment"]
    readonly_fields = ["invitation", "started_at", "submitted_at", "consent_at", "layout", "section_started"]
    inlines = [AnswerInline]


@admin.register(AttemptResult)
class AttemptResultAdmin(PersonalDataAdmin):
    list_display = ["attempt", "top_type", "computed_at"]
    readonly_fields = ["attempt", "text_analysis"]


class NormTableForm(forms.ModelForm):
    """The scale by its name: a code typed by hand ("Controller", "controler") made a norm that never applied."""

    scale = forms.ChoiceField(label=_("scale"))

    class Meta:
        model = NormTable
        fields = ["assessment", "scale", "mean", "sd", "n", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scale"].choices = [
            (_("Service types"), [(t.code, t.translation().name) for t in profile_selectors.service_type_list()]),
            (_("Competencies"), [(c.code, c.translation().name) for c in profile_selectors.competency_list()]),
        ]


@admin.register(NormTable)
class NormTableAdmin(admin.ModelAdmin):
    form = NormTableForm
    list_display = ["assessment", "scale", "mean", "sd", "n", "source"]


admin.site.register(PsychometricReport)
