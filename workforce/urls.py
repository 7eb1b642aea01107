from django.urls import path

from workforce import import_views

app_name = "workforce"
urlpatterns = [
    path("agents/import/", import_views.agent_import, name="agent-import"),
    path("agents/import/map/", import_views.agent_import_map, name="agent-import-map"),
    path("agents/import/done/", import_views.agent_import_done, name="agent-import-done"),
]
