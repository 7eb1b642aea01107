from django.urls import path

from workforce import agent_api, development_api, import_api

urlpatterns = [
    path("agents/import/", import_api.AgentImportApi.as_view(), name="agent-import"),
    path("agents/", agent_api.AgentListApi.as_view(), name="agent-list"),
    path("agents/<int:agent_id>/", agent_api.AgentDetailApi.as_view(), name="agent-detail"),
    path("agents/<int:agent_id>/exit/", agent_api.AgentExitApi.as_view(), name="agent-exit"),

urlpatterns = []

# Development (workforce/development_api.py).
urlpatterns += [
    path("agents/<int:agent_id>/snapshots/", development_api.AgentSnapshotsApi.as_view(), name="agent-snapshots"),
    path("agents/<int:agent_id>/plans/", development_api.AgentPlansApi.as_view(), name="agent-plans"),
    path("goals/<int:goal_id>/", development_api.GoalDetailApi.as_view(), name="goal-detail"),
    path("agents/<int:agent_id>/trainings/", development_api.AgentTrainingsApi.as_view(), name="agent-trainings"),
    path("agents/<int:agent_id>/coaching/", development_api.AgentCoachingApi.as_view(), name="agent-coaching"),
    path("agents/<int:agent_id>/moves/", development_api.AgentMovesApi.as_view(), name="agent-moves"),
    path("agents/<int:agent_id>/reassess/", development_api.AgentReassessApi.as_view(), name="agent-reassess"),
]
