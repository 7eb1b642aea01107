from django.urls import path

from workforce import import_api

urlpatterns = [
    path("agents/import/", import_api.AgentImportApi.as_view(), name="agent-import"),
]
