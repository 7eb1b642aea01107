from django.urls import path

from workforce import pulse_api

urlpatterns = [
    path("pulse-surveys/", pulse_api.SurveyListApi.as_view(), name="pulse-surveys"),
    path("pulse-surveys/<int:survey_id>/", pulse_api.SurveyDetailApi.as_view(), name="pulse-survey"),
    path("pulse-surveys/<int:survey_id>/results/", pulse_api.SurveyResultsApi.as_view(), name="pulse-survey-results"),
    path("pulse-surveys/<int:survey_id>/open/", pulse_api.SurveyOpenApi.as_view(), name="pulse-survey-open"),
    path("pulse-surveys/<int:survey_id>/close/", pulse_api.SurveyCloseApi.as_view(), name="pulse-survey-close"),
    path("pulse/<str:token>/", pulse_api.PulseAnswerApi.as_view(), name="pulse-answer"),
]
