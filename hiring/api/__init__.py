"""The hiring API, one module per subject; hiring/api_urls.py reads the views from here."""

from hiring.api.adverse_impact import CandidateSelfIdentificationApi, RequisitionAdverseImpactApi
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
    "CandidateSelfIdentificationApi",
    "JobAdAnalyzeApi",
    "JobAdDetailApi",
    "JobAdListApi",
    "RequisitionDetailApi",
    "RequisitionAdverseImpactApi",
    "RequisitionListApi",
    "RequisitionRankingApi",
    "RevisionCompareApi",
    "RevisionDetailApi",
    "RevisionListApi",
    "SentenceLabelApi",
]
