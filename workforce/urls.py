from django.urls import path  # noqa: F401

from workforce import risk_views

app_name = "workforce"
urlpatterns = [
    path("at-risk/", risk_views.at_risk, name="at-risk"),
    path("at-risk/csv/", risk_views.at_risk_csv, name="at-risk-csv"),
    path("attrition-models/", risk_views.attrition_models, name="attrition-models"),
    path("attrition-models/train/", risk_views.attrition_model_train, name="attrition-model-train"),
]
