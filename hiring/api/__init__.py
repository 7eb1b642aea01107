"""The hiring API, one module per subject; hiring/api_urls.py reads the views from here."""

from hiring.api.fit import (
    ApplicationDecisionApi,
    RequisitionRankingRefreshApi,
    RoleProfileFitSettingsApi,
)
from hiring.api.job_ads import (
    ApplySuggestionApi,
    BulkAnalysisApi,
    BulkAnalysisDetailApi,
    JobAdAnalyzeApi,
    JobAdDetailApi,
    JobAdListApi,
    RevisionCompareApi,
    RevisionDetailApi,
    RevisionListApi,
    SentenceLabelApi,
)
from hiring.api.pipeline import (
    ApplicationDetailApi,
    ApplicationListApi,
    ApplicationMoveApi,
    ApplicationUndoApi,
    CandidateDetailApi,
    CandidateImportApi,
    CandidateListApi,
    RequisitionDetailApi,
    RequisitionListApi,
)
from hiring.api.ranking import (
    ApplicationInvitationApi,
    RequisitionRankingApi,
)

__all__ = [
    "ApplicationDecisionApi",
    "ApplicationDetailApi",
    "ApplicationInvitationApi",
    "ApplicationListApi",
    "ApplicationMoveApi",
    "ApplicationUndoApi",
    "ApplySuggestionApi",
    "BulkAnalysisApi",
    "BulkAnalysisDetailApi",
    "CandidateDetailApi",
    "CandidateImportApi",
    "CandidateListApi",
    "JobAdAnalyzeApi",
    "JobAdDetailApi",
    "JobAdListApi",
    "RequisitionDetailApi",
    "RequisitionListApi",
    "RequisitionRankingApi",
    "RequisitionRankingRefreshApi",
    "RevisionCompareApi",
    "RevisionDetailApi",
    "RevisionListApi",
    "RoleProfileFitSettingsApi",
    "SentenceLabelApi",
]
