from django.urls import path

from workforce import (
    agent_views,
    development_views,
    import_views,
    model_views,
    pulse_views,
    retention_views,
    risk_views,
)

app_name = "workforce"
urlpatterns = [
    # Agents (workforce/agent*.py) and the HRIS import.
    path("", agent_views.agent_index, name="index"),
    path("agents.csv", agent_views.agent_csv, name="agents-csv"),
    path("team/", agent_views.team_page, name="team"),
    path("agents/new/", agent_views.agent_new, name="agent-new"),
    path("agents/import/", import_views.agent_import, name="agent-import"),
    path("agents/import/map/", import_views.agent_import_map, name="agent-import-map"),
    path("agents/import/done/", import_views.agent_import_done, name="agent-import-done"),
    path("agents/<int:agent_id>/", agent_views.agent_detail, name="agent-detail"),
    path("agents/<int:agent_id>/edit/", agent_views.agent_edit, name="agent-edit"),
    path("agents/<int:agent_id>/exit/", agent_views.agent_exit, name="agent-exit"),
    path("agents/<int:agent_id>/rehire/", agent_views.agent_rehire, name="agent-rehire"),
    # Development (workforce/development*.py).
    path("agents/<int:agent_id>/development/", development_views.agent_development, name="agent-development"),
    path(
        "agents/<int:agent_id>/development.csv",
        development_views.agent_development_csv,
        name="agent-development-csv",
    ),
    path("agents/<int:agent_id>/development/rate/", development_views.competency_rate, name="competency-rate"),
    path("agents/<int:agent_id>/development/plans/new/", development_views.plan_new, name="plan-new"),
    path("development/plans/<int:plan_id>/edit/", development_views.plan_edit, name="plan-edit"),
    path("development/plans/<int:plan_id>/goals/new/", development_views.goal_new, name="goal-new"),
    path("development/goals/<int:goal_id>/edit/", development_views.goal_edit, name="goal-edit"),
    path("development/goals/<int:goal_id>/status/", development_views.goal_status, name="goal-status"),
    path("agents/<int:agent_id>/development/training/new/", development_views.training_new, name="training-new"),
    path("agents/<int:agent_id>/development/coaching/new/", development_views.coaching_new, name="coaching-new"),
    path("agents/<int:agent_id>/development/moves/new/", development_views.move_new, name="move-new"),
    path("agents/<int:agent_id>/development/reassess/", development_views.reassess, name="reassess"),
    # Attrition risk (workforce/risk*.py).
    path("at-risk/", risk_views.at_risk, name="at-risk"),
    path("at-risk/csv/", risk_views.at_risk_csv, name="at-risk-csv"),
    path("at-risk/train/", risk_views.hazard_model_train, name="hazard-model-train"),
    # Attrition models of both kinds; snapshot models trained from an HR table (workforce/model_views.py).
    path("models/", model_views.attrition_models, name="attrition-models"),
    path("models/train/", model_views.attrition_model_train, name="attrition-model-train"),
    path("models/<int:model_id>/use/", model_views.attrition_model_use, name="attrition-model-use"),
    path("models/trainings/<int:training_id>/", model_views.attrition_training, name="attrition-training"),
    path(
        "models/trainings/<int:training_id>/retry/",
        model_views.attrition_training_retry,
        name="attrition-training-retry",
    ),
    # Pulse surveys (workforce/pulse*.py); the answer pages are in workforce/pulse_urls.py.
    path("pulse/", pulse_views.survey_list, name="pulse-list"),
    path("pulse/new/", pulse_views.survey_create, name="pulse-create"),
    path("pulse/trend/", pulse_views.enps_trend, name="pulse-trend"),
    path("pulse/trend.csv", pulse_views.enps_trend_csv, name="pulse-trend-csv"),
    path("pulse/<int:survey_id>/", pulse_views.survey_detail, name="pulse-detail"),
    path("pulse/<int:survey_id>/results.csv", pulse_views.survey_results_csv, name="pulse-results-csv"),
    path("pulse/<int:survey_id>/open/", pulse_views.survey_open, name="pulse-open"),
    path("pulse/<int:survey_id>/close/", pulse_views.survey_close, name="pulse-close"),
    # The retention dashboard (workforce/retention*.py).
    path("retention/", retention_views.retention, name="retention"),
    path("retention/csv/", retention_views.retention_csv, name="retention-csv"),
    path("retention/settings/", retention_views.retention_settings, name="retention-settings"),
]
