from django.urls import path

from workforce import agent_api, development_api, import_api, pulse_api, retention_api, risk_api

urlpatterns = [
    path("agents/", agent_api.AgentListApi.as_view(), name="agent-list"),
    path("agents/import/", import_api.AgentImportApi.as_view(), name="agent-import"),
    path("agents/<int:agent_id>/", agent_api.AgentDetailApi.as_view(), name="agent-detail"),
    path("agents/<int:agent_id>/exit/", agent_api.AgentExitApi.as_view(), name="agent-exit"),
    # Development (workforce/development_api.py).
    path("agents/<int:agent_id>/snapshots/", development_api.AgentSnapshotsApi.as_view(), name="agent-snapshots"),
    path("agents/<int:agent_id>/plans/", development_api.AgentPlansApi.as_view(), name="agent-plans"),
    path("goals/<int:goal_id>/", development_api.GoalDetailApi.as_view(), name="goal-detail"),
    path("agents/<int:agent_id>/trainings/", development_api.AgentTrainingsApi.as_view(), name="agent-trainings"),
    path("agents/<int:agent_id>/coaching/", development_api.AgentCoachingApi.as_view(), name="agent-coaching"),
    path("agents/<int:agent_id>/moves/", development_api.AgentMovesApi.as_view(), name="agent-moves"),
    path("agents/<int:agent_id>/reassess/", development_api.AgentReassessApi.as_view(), name="agent-reassess"),
    # Attrition risk (workforce/risk_api.py).
    path("at-risk/", risk_api.AtRiskListApi.as_view(), name="at-risk-list"),
    path("agents/<int:agent_id>/risk/", risk_api.AgentRiskApi.as_view(), name="agent-risk"),
    path("attrition-models/train/", risk_api.AttritionModelTrainApi.as_view(), name="attrition-model-train"),
    # Pulse surveys (workforce/pulse_api.py).
    path("pulse-surveys/", pulse_api.SurveyListApi.as_view(), name="pulse-surveys"),
    path("pulse-surveys/<int:survey_id>/", pulse_api.SurveyDetailApi.as_view(), name="pulse-survey"),
    path("pulse-surveys/<int:survey_id>/results/", pulse_api.SurveyResultsApi.as_view(), name="pulse-survey-results"),
    path("pulse-surveys/<int:survey_id>/open/", pulse_api.SurveyOpenApi.as_view(), name="pulse-survey-open"),
    path("pulse-surveys/<int:survey_id>/close/", pulse_api.SurveyCloseApi.as_view(), name="pulse-survey-close"),
    path("pulse/<str:token>/", pulse_api.PulseAnswerApi.as_view(), name="pulse-answer"),
    # The retention dashboard (workforce/retention_api.py).
    path("retention/summary/", retention_api.RetentionSummaryApi.as_view(), name="retention-summary"),
]
