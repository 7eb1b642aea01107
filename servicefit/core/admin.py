from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from servicefit.core import employer_admin  # noqa: F401  (registers the employer profile's admin)
from servicefit.core.models import AccessLog, Team, TeamMembership
from servicefit.core.personal_data import personal_data_category, personal_data_handlers
from servicefit.core.persons import person_name
from servicefit.core.policies import PERSONAL_DATA_ERASE
from servicefit.core.services import access_log_many, personal_data_records_erase


def _category_words() -> dict[str, str]:
    return {handler.category: str(handler.label or handler.category) for handler in personal_data_handlers()}


def _record_type_words() -> dict[str, str]:
    return {
        model._meta.label_lower: capfirst(model._meta.verbose_name)
        for handler in personal_data_handlers()
        for model in handler.models
    }


class _WordsFilter(admin.SimpleListFilter):
    """A filter on a stored code, offered by its words in the reader's language."""

    words = staticmethod(dict)

    def lookups(self, request, model_admin):
        return sorted(self.words().items(), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(**{self.parameter_name: self.value()}) if self.value() else queryset


class CategoryFilter(_WordsFilter):
    title = _("category")
    parameter_name = "category"
    words = staticmethod(_category_words)


class RecordTypeFilter(_WordsFilter):
    title = _("record type")
    parameter_name = "target_type"
    words = staticmethod(_record_type_words)


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """Read-only for everyone: no add, change or delete (the model and the database refuse too).
    The log stores codes (a category, a model's label); the admin shows them in the reader's words."""

    list_display = ["at", "user_shown", "action", "category_shown", "target_type_shown", "target_id"]
    list_filter = ["action", CategoryFilter, RecordTypeFilter]
    search_fields = ["target_id"]
    fields = readonly_fields = list_display

    # A left join: a deleted user's row is missing, the id stays (see AccessLog.user).
    list_select_related = ["user"]

    @admin.display(description=_("user"))
    def user_shown(self, log):
        if log.user_id is None:
            return "-"
        return person_name(log.user) if log.user is not None else f"#{log.user_id}"

    @admin.display(description=_("category"), ordering="category")
    def category_shown(self, log):
        return _category_words().get(log.category, log.category)  # a category no app registers any more

    @admin.display(description=_("record type"), ordering="target_type")
    def target_type_shown(self, log):
        return _record_type_words().get(log.target_type, log.target_type)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PersonalDataAdmin(admin.ModelAdmin):
    """Admin pages of models that hold people's data. Every list page and record shown is written
    to the access log; nothing is deleted here. Models with `erasable = True` offer HR and
    administrators an "Erase personal data" action that goes through the erase service."""

    erasable = False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None and response.status_code == 200:
            access_log_many(user=request.user, action=AccessLog.Action.VIEW, targets=changelist.result_list)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = (getattr(response, "context_data", None) or {}).get("original")
        if shown is not None and response.status_code == 200:
            access_log_many(user=request.user, action=AccessLog.Action.VIEW, targets=[shown])
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.erasable and PERSONAL_DATA_ERASE.allows(request.user):
            actions["erase_personal_data"] = self.get_action("erase_personal_data")
        return actions

    @admin.action(description=_("Erase personal data"))
    def erase_personal_data(self, request, queryset):
        if not PERSONAL_DATA_ERASE.allows(request.user):
            return None
        records = list(queryset)
        if request.POST.get("post") != "yes":
            return TemplateResponse(
                request,
                "admin/core/personal_data_erase_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Erase personal data"),
                    "opts": self.model._meta,
                    "ids": [record.pk for record in records],
                    "action_checkbox_name": ACTION_CHECKBOX_NAME,
                },
            )
        personal_data_records_erase(category=personal_data_category(self.model), records=records, user=request.user)
        self.message_user(
            request,
            ngettext(
                "The personal data of %(count)d record was erased.",
                "The personal data of %(count)d records was erased.",
                len(records),
            )
            % {"count": len(records)},
            messages.SUCCESS,
        )
        return None


class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "country", "retention_months", "member_count"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    inlines = [TeamMembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_members=Count("memberships"))

    @admin.display(description=_("members"), ordering="n_members")
    def member_count(self, obj):
        return obj.n_members


@admin.register(TeamMembership)
class TeamMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "team", "created_at"]
    list_filter = ["team"]
    list_select_related = ["user", "team"]
    search_fields = ["user__username", "team__name"]
    autocomplete_fields = ["user", "team"]
