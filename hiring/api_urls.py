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
    path("requisitions/", api.RequisitionListApi.as_view(), name="requisition-list"),
    path("requisitions/<int:requisition_id>/", api.RequisitionDetailApi.as_view(), name="requisition-detail"),
    path("candidates/", api.CandidateListApi.as_view(), name="candidate-list"),
    path("candidates/import/", api.CandidateImportApi.as_view(), name="candidate-import"),
    path("candidates/<int:candidate_id>/", api.CandidateDetailApi.as_view(), name="candidate-detail"),
    path(
        "candidates/<int:candidate_id>/duplicates/", api.CandidateDuplicatesApi.as_view(), name="candidate-duplicates"
    ),
    path("candidates/<int:candidate_id>/documents/", api.CandidateDocumentsApi.as_view(), name="candidate-documents"),
    path("duplicate-flags/<int:flag_id>/link/", api.DuplicateFlagLinkApi.as_view(), name="duplicate-flag-link"),
    path(
        "duplicate-flags/<int:flag_id>/dismiss/", api.DuplicateFlagDismissApi.as_view(), name="duplicate-flag-dismiss"
    ),
    path("duplicate-flags/<int:flag_id>/merge/", api.DuplicateFlagMergeApi.as_view(), name="duplicate-flag-merge"),
    path(
        "candidates/<int:candidate_id>/self-identification/",
        api.CandidateSelfIdentificationApi.as_view(),
        name="candidate-self-identification",
    ),
    path("applications/", api.ApplicationListApi.as_view(), name="application-list"),
    path("applications/<int:application_id>/", api.ApplicationDetailApi.as_view(), name="application-detail"),
    path("applications/<int:application_id>/move/", api.ApplicationMoveApi.as_view(), name="application-move"),
    path("applications/<int:application_id>/undo/", api.ApplicationUndoApi.as_view(), name="application-undo"),
    path(
        "applications/<int:application_id>/invitations/",
        api.ApplicationInvitationApi.as_view(),
        name="application-invitation-list",
    ),
    path("stage-templates/", api.StageTemplateListApi.as_view(), name="stage-template-list"),
    path(
        "stage-templates/<int:stage_template_id>/",
        api.StageTemplateDetailApi.as_view(),
        name="stage-template-detail",
    ),
    path("hires/", api.HireListApi.as_view(), name="hire-list"),
    path("hires/<int:hire_id>/", api.HireDetailApi.as_view(), name="hire-detail"),
    path("requisitions/<int:requisition_id>/ranking/", api.RequisitionRankingApi.as_view(), name="requisition-ranking"),
    path("talent-pool/", api.TalentPoolListApi.as_view(), name="talent-pool-list"),
    path("talent-pool/<int:talent_pool_entry_id>/", api.TalentPoolDetailApi.as_view(), name="talent-pool-detail"),
    path("requisitions/<int:requisition_id>/figures/", api.RequisitionFiguresApi.as_view(), name="requisition-figures"),
    path(
        "requisitions/<int:requisition_id>/ranking/refresh/",
        api.RequisitionRankingRefreshApi.as_view(),
        name="requisition-ranking-refresh",
    ),
    path(
        "applications/<int:application_id>/decisions/",
        api.ApplicationDecisionApi.as_view(),
        name="application-decision-list",
    ),
    path("role-profiles/<slug:slug>/fit-settings/", api.RoleProfileFitSettingsApi.as_view(), name="fit-setting-list"),
    path(
        "requisitions/<int:requisition_id>/adverse-impact/",
        api.RequisitionAdverseImpactApi.as_view(),
        name="requisition-adverse-impact",
    ),
]
