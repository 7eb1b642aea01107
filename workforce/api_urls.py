from django.urls import path

from workforce import retention_api

urlpatterns = [
    path("retention/summary/", retention_api.RetentionSummaryApi.as_view(), name="retention-summary"),
]
