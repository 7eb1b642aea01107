from django.urls import path

from hiring import impact_views, views

app_name = "hiring"
urlpatterns = [
    path("", views.index, name="index"),
    path("job-ads/new/", views.job_ad_new, name="job-ad-new"),
    path("job-ads/<int:job_ad_id>/", views.studio, name="studio"),
    path("job-ads/<int:job_ad_id>/analyze/", views.studio_analyze, name="studio-analyze"),
    path("job-ads/<int:job_ad_id>/save/", views.studio_save, name="studio-save"),
    path("job-ads/<int:job_ad_id>/apply/", views.studio_apply, name="studio-apply"),
    path("job-ads/<int:job_ad_id>/settings/", views.studio_settings, name="studio-settings"),
    path("job-ads/<int:job_ad_id>/delete/", views.studio_delete, name="studio-delete"),
    path("job-ads/<int:job_ad_id>/compare/", views.compare, name="compare"),
    path("sentence-labels/", views.sentence_label, name="sentence-label"),
    path("bulk/", views.bulk, name="bulk"),
    path("bulk/new/", views.bulk_create, name="bulk-create"),
    path("bulk/<int:bulk_id>/", views.bulk_detail, name="bulk-detail"),
    path("bulk/<int:bulk_id>/retry/", views.bulk_retry, name="bulk-retry"),
    path("bulk/<int:bulk_id>/results.csv", views.bulk_csv, name="bulk-csv"),
    path(
        "requisitions/<int:requisition_id>/adverse-impact/",
        impact_views.adverse_impact,
        name="adverse-impact",
    ),
    path(
        "requisitions/<int:requisition_id>/adverse-impact.csv",
        impact_views.adverse_impact_csv,
        name="adverse-impact-csv",
    ),
]
