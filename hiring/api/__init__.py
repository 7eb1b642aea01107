"""The hiring API, one module per subject; hiring/api_urls.py reads the views from here."""

from hiring.api.adverse_impact import CandidateSelfIdentificationApi, RequisitionAdverseImpactApi
from hiring.api.candidates import (
    CandidateDocumentsApi,
    CandidateDuplicatesApi,
    DuplicateFlagDismissApi,
    DuplicateFlagLinkApi,
    DuplicateFlagMergeApi,
)
from hiring.api.figures import RequisitionFiguresApi
from hiring.api.fit import (
    ApplicationDecisionApi,
    RequisitionRankingRefreshApi,
    RoleProfileFitSettingsApi,
)
from hiring.api.hires import HireDetailApi, HireListApi
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
from hiring.api.stage_templates import StageTemplateDetailApi, StageTemplateListApi
from hiring.api.talent_pool import TalentPoolDetailApi, TalentPoolListApi

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
    "CandidateDocumentsApi",
    "CandidateDuplicatesApi",
    "CandidateImportApi",
    "CandidateListApi",
    "HireDetailApi",
    "HireListApi",
    "DuplicateFlagDismissApi",
    "DuplicateFlagLinkApi",
    "DuplicateFlagMergeApi",
    "CandidateSelfIdentificationApi",
    "JobAdAnalyzeApi",
    "JobAdDetailApi",
    "JobAdListApi",
    "RequisitionDetailApi",
    "RequisitionFiguresApi",
    "RequisitionAdverseImpactApi",
    "RequisitionListApi",
    "RequisitionRankingApi",
    "RequisitionRankingRefreshApi",
    "RevisionCompareApi",
    "RevisionDetailApi",
    "RevisionListApi",
    "RoleProfileFitSettingsApi",
    "SentenceLabelApi",
    "TalentPoolDetailApi",
    "TalentPoolListApi",
    "StageTemplateDetailApi",
    "StageTemplateListApi",
]
