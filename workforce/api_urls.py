from django.urls import path  # noqa: F401

from workforce import risk_api

urlpatterns = [
    path("at-risk/", risk_api.AtRiskListApi.as_view(), name="at-risk-list"),
    path("agents/<int:agent_id>/risk/", risk_api.AgentRiskApi.as_view(), name="agent-risk"),
    path("attrition-models/train/", risk_api.AttritionModelTrainApi.as_view(), name="attrition-model-train"),
]
