"""The employer profile in the Django admin: one record, changed through the same service and checks
as the settings page (servicefit/core/employer_views.py)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from servicefit.core.employer import PROFILE_ID, employer_identity, employer_profile_get, employer_profile_update
from servicefit.core.employer_forms import EmployerProfileForm
from servicefit.core.models import EmployerProfile


@admin.register(EmployerProfile)
class EmployerProfileAdmin(admin.ModelAdmin):
    form = EmployerProfileForm
    fields = ["name", "current_logo", "logo_file", "logo_remove", "sender_name", "sender_email", "candidate_feedback"]
    readonly_fields = ["current_logo"]

    @admin.display(description=_("current logo"))
    def current_logo(self, profile):
        url = employer_identity().logo_url
        return format_html('<img src="{}" alt="" height="40">', url) if url else "-"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One record: the list would only ever hold it.
        return redirect("admin:core_employerprofile_change", PROFILE_ID)

    def get_object(self, request, object_id, from_field=None):
        return employer_profile_get() if str(object_id) == str(PROFILE_ID) else None

    def save_model(self, request, obj, form, change):
        saved = employer_profile_update(**form.service_arguments(), user=request.user)
        obj.pk = saved.pk
        obj._state.adding = False
