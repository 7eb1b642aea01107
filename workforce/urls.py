from django.urls import path

from workforce import import_views, model_views

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
]
