from django.contrib import admin

from staffing.models import PlanSettings, TrafficEvent, TrafficImport, TrafficInterval


@admin.register(TrafficImport)
class TrafficImportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "filename", "source", "rows", "interval_minutes", "first_day", "last_day"]
    list_filter = ["source", "interval_minutes"]
    readonly_fields = ["created_at", "updated_at", "uploaded_by", "rows", "first_day", "last_day", "channels"]
    date_hierarchy = "created_at"


@admin.register(TrafficInterval)
class TrafficIntervalAdmin(admin.ModelAdmin):
    list_display = ["day", "start", "channel", "interval_minutes", "contacts", "aht_seconds"]
    list_filter = ["channel", "interval_minutes"]
    date_hierarchy = "day"
    list_select_related = ["traffic_import"]
    raw_id_fields = ["traffic_import"]


@admin.register(PlanSettings)
class PlanSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "service_level", "target_answer_seconds", "shrinkage", "updated_at"]
    readonly_fields = ["created_at", "updated_at", "updated_by"]


@admin.register(TrafficEvent)
class TrafficEventAdmin(admin.ModelAdmin):
    list_display = ["name", "start", "end", "channel", "uplift_percent"]
    list_filter = ["channel"]
    date_hierarchy = "start"
    readonly_fields = ["created_at", "updated_at", "created_by"]
