from django.urls import path

from workforce import pulse_views

app_name = "workforce"
urlpatterns = [
    path("pulse/", pulse_views.survey_list, name="pulse-list"),
    path("pulse/new/", pulse_views.survey_create, name="pulse-create"),
    path("pulse/trend/", pulse_views.enps_trend, name="pulse-trend"),
    path("pulse/trend.csv", pulse_views.enps_trend_csv, name="pulse-trend-csv"),
    path("pulse/<int:survey_id>/", pulse_views.survey_detail, name="pulse-detail"),
    path("pulse/<int:survey_id>/results.csv", pulse_views.survey_results_csv, name="pulse-results-csv"),
    path("pulse/<int:survey_id>/open/", pulse_views.survey_open, name="pulse-open"),
    path("pulse/<int:survey_id>/close/", pulse_views.survey_close, name="pulse-close"),
]
