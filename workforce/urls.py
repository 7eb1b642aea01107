from django.urls import path

from workforce import retention_views

app_name = "workforce"
urlpatterns = [
    path("retention/", retention_views.retention, name="retention"),
    path("retention/csv/", retention_views.retention_csv, name="retention-csv"),
    path("retention/settings/", retention_views.retention_settings, name="retention-settings"),
]
