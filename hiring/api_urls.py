from django.urls import path

from hiring import api

urlpatterns = [
    path("job-ads/analyze/", api.JobAdAnalyzeApi.as_view(), name="job-ad-analyze"),
    path("job-ads/", api.JobAdListApi.as_view(), name="job-ad-list"),
    path("job-ads/<int:job_ad_id>/", api.JobAdDetailApi.as_view(), name="job-ad-detail"),
    path("job-ads/<int:job_ad_id>/revisions/", api.RevisionListApi.as_view(), name="job-ad-revision-list"),
    path(
        "job-ads/<int:job_ad_id>/revisions/<int:number>/",
        api.RevisionDetailApi.as_view(),
        name="job-ad-revision-detail",
    ),
    path("job-ads/<int:job_ad_id>/compare/", api.RevisionCompareApi.as_view(), name="job-ad-compare"),
    path("job-ads/<int:job_ad_id>/apply-suggestion/", api.ApplySuggestionApi.as_view(), name="job-ad-apply"),
    path("sentence-labels/", api.SentenceLabelApi.as_view(), name="sentence-label-list"),
    path("bulk-analyses/", api.BulkAnalysisApi.as_view(), name="bulk-analysis-list"),
    path("bulk-analyses/<int:bulk_id>/", api.BulkAnalysisDetailApi.as_view(), name="bulk-analysis-detail"),
]
