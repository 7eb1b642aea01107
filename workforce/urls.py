from django.urls import path

from workforce import agent_views, import_views, model_views

app_name = "workforce"
urlpatterns = [
    path("models/", model_views.attrition_models, name="attrition-models"),
    path("models/train/", model_views.attrition_model_train, name="attrition-model-train"),
    path("models/<int:model_id>/use/", model_views.attrition_model_use, name="attrition-model-use"),
    path("models/trainings/<int:training_id>/", model_views.attrition_training, name="attrition-training"),
    path(
        "models/trainings/<int:training_id>/retry/",
        model_views.attrition_training_retry,
        name="attrition-training-retry",
    ),
    path("agents/import/", import_views.agent_import, name="agent-import"),
    path("agents/import/map/", import_views.agent_import_map, name="agent-import-map"),
    path("agents/import/done/", import_views.agent_import_done, name="agent-import-done"),
    path("", agent_views.agent_index, name="index"),
    path("agents.csv", agent_views.agent_csv, name="agents-csv"),
    path("team/", agent_views.team_page, name="team"),
    path("agents/new/", agent_views.agent_new, name="agent-new"),
    path("agents/<int:agent_id>/", agent_views.agent_detail, name="agent-detail"),
    path("agents/<int:agent_id>/edit/", agent_views.agent_edit, name="agent-edit"),
    path("agents/<int:agent_id>/exit/", agent_views.agent_exit, name="agent-exit"),
    path("agents/<int:agent_id>/rehire/", agent_views.agent_rehire, name="agent-rehire"),
]
