from django.urls import path

from hiring import candidate_views, views

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
]

urlpatterns += [
    path("candidates/", candidate_views.candidate_list, name="candidates"),
    path("candidates/export.csv", candidate_views.candidate_list_csv, name="candidates-csv"),
    path("candidates/new/", candidate_views.candidate_new, name="candidate-new"),
    path("candidates/import/", candidate_views.candidate_import, name="candidate-import"),
    path("candidates/import/map/", candidate_views.candidate_import_map, name="candidate-import-map"),
    path("candidates/import/done/", candidate_views.candidate_import_done, name="candidate-import-done"),
    path("candidates/<int:candidate_id>/", candidate_views.candidate_detail, name="candidate"),
    path("candidates/<int:candidate_id>/edit/", candidate_views.candidate_edit, name="candidate-edit"),
    path("candidates/<int:candidate_id>/documents/", candidate_views.candidate_document, name="candidate-document"),
    path(
        "candidates/<int:candidate_id>/documents/remove/",
        candidate_views.candidate_document_remove,
        name="candidate-document-remove",
    ),
    path("duplicates/<int:flag_id>/link/", candidate_views.duplicate_link, name="duplicate-link"),
    path("duplicates/<int:flag_id>/dismiss/", candidate_views.duplicate_dismiss, name="duplicate-dismiss"),
    path("duplicates/<int:flag_id>/merge/", candidate_views.duplicate_merge, name="duplicate-merge"),
]
