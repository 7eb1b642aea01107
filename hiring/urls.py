from django.urls import path

from hiring import board_views, candidate_views, impact_views, privacy_views, ranking_views, views

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
    path("talent-pool/", privacy_views.talent_pool_list, name="talent-pool"),
    path("talent-pool/add/<int:candidate_id>/", privacy_views.talent_pool_add, name="talent-pool-add"),
    path(
        "talent-pool/<int:talent_pool_entry_id>/remove/",
        privacy_views.talent_pool_remove,
        name="talent-pool-remove",
    ),
    path(
        "requisitions/<int:requisition_id>/merit-statement/",
        privacy_views.merit_statement_page,
        name="merit-statement",
    ),
    path("requisitions/", board_views.requisition_index, name="requisitions"),
    path("requisitions/requisitions.csv", board_views.requisition_csv, name="requisitions-csv"),
    path("requisitions/new/", board_views.requisition_new, name="requisition-new"),
    path("requisitions/<int:requisition_id>/", board_views.requisition_board, name="requisition-board"),
    path("requisitions/<int:requisition_id>/edit/", board_views.requisition_edit, name="requisition-edit"),
    path("requisitions/<int:requisition_id>/bulk/", board_views.requisition_bulk, name="requisition-bulk"),
    path("requisitions/<int:requisition_id>/emails/", board_views.requisition_emails, name="requisition-emails"),
    path("applications/<int:application_id>/move/", board_views.application_move, name="application-move"),
    path("applications/<int:application_id>/undo/", board_views.application_undo, name="application-undo"),
    path(
        "applications/<int:application_id>/interview/", board_views.application_interview, name="application-interview"
    ),
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
    path(
        "requisitions/<int:requisition_id>/ranking/",
        ranking_views.requisition_ranking,
        name="requisition-ranking",
    ),
    path(
        "requisitions/<int:requisition_id>/ranking.csv",
        ranking_views.requisition_ranking_csv,
        name="requisition-ranking-csv",
    ),
    path(
        "requisitions/<int:requisition_id>/ranking/refresh/",
        ranking_views.requisition_ranking_refresh,
        name="requisition-ranking-refresh",
    ),
    path("applications/<int:application_id>/decide/", ranking_views.application_decide, name="application-decide"),
    path("role-profiles/<slug:slug>/fit-settings/", ranking_views.fit_settings_edit, name="fit-settings"),
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
