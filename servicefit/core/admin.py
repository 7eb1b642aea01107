from django.contrib import admin

from servicefit.core.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "target_type", "target_label"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_label", "target_id", "user__username"]
    readonly_fields = [f.name for f in AccessLog._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
