from django.urls import path

from staffing import settings_views, traffic_views, views

app_name = "staffing"
urlpatterns = []

# The Staffing page and the hiring plan (staffing/views.py, staffing/plan_*.py).
urlpatterns += [
    path("", views.index, name="index"),
    path("plan.csv", views.plan_download, name="plan-csv"),
    path("requisition/", views.requisition_draft, name="requisition-draft"),
]

# Traffic, planning assumptions and known events (staffing/traffic_*.py, staffing/settings_*.py).
urlpatterns += [
    path("traffic/", traffic_views.traffic_list, name="traffic"),
    path("traffic/import/", traffic_views.traffic_import, name="traffic-import"),
    path("traffic/import/map/", traffic_views.traffic_import_map, name="traffic-import-map"),
    path("traffic/import/done/", traffic_views.traffic_import_done, name="traffic-import-done"),
    path("traffic/imports/<int:import_id>/delete/", traffic_views.traffic_import_delete, name="traffic-import-delete"),
    path("settings/", settings_views.plan_settings, name="settings"),
    path("settings/edit/", settings_views.plan_settings_edit, name="settings-edit"),
    path("events/", settings_views.events, name="events"),
    path("events/new/", settings_views.event_new, name="event-new"),
    path("events/<int:event_id>/delete/", settings_views.event_delete, name="event-delete"),
]
