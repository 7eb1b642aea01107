from django.urls import path

from workforce import agent_api, import_api

urlpatterns = [
    path("agents/import/", import_api.AgentImportApi.as_view(), name="agent-import"),
    path("agents/", agent_api.AgentListApi.as_view(), name="agent-list"),
    path("agents/<int:agent_id>/", agent_api.AgentDetailApi.as_view(), name="agent-detail"),
    path("agents/<int:agent_id>/exit/", agent_api.AgentExitApi.as_view(), name="agent-exit"),
]
