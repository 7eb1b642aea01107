"""hiring's models, a module per subject. A new subject adds its module and its import line here."""

from hiring.models.duplicates import CandidateMergeAudit, DuplicateFlag, DuplicateReason
from hiring.models.fit_records import (
    FIT_SETTING_VALUES,
    FitLabel,
    FitRecord,
    FitSetting,
    FitStatus,
    RankingDecision,
    fit_version,
)
from hiring.models.hires import Hire
from hiring.models.job_ads import BulkAnalysis, BulkAnalysisItem, JobAd, JobAdRevision
from hiring.models.messages import CandidateEmail, CandidateEmailTemplate, EmailKind
from hiring.models.pipeline import (
    ENDED_STAGES,
    STAGE_MOVES,
    STAGES_WITH_REASON,
    Application,
    ApplicationInvitation,
    ApplicationMove,
    Candidate,
    Requisition,
    Stage,
    stage_moves_from,
)
from hiring.models.retention import TalentPoolEntry
from hiring.models.self_identification import PREFER_NOT_TO_SAY, SelfIdAnswer, SelfIdQuestion
from hiring.models.stage_templates import StageTemplate

__all__ = [
    "FIT_SETTING_VALUES",
    "ENDED_STAGES",
    "STAGE_MOVES",
    "STAGES_WITH_REASON",
    "Application",
    "ApplicationInvitation",
    "ApplicationMove",
    "BulkAnalysis",
    "BulkAnalysisItem",
    "Candidate",
    "Hire",
    "CandidateEmail",
    "CandidateEmailTemplate",
    "EmailKind",
    "CandidateMergeAudit",
    "DuplicateFlag",
    "DuplicateReason",
    "FitLabel",
    "FitRecord",
    "FitSetting",
    "FitStatus",
    "JobAd",
    "JobAdRevision",
    "RankingDecision",
    "PREFER_NOT_TO_SAY",
    "Requisition",
    "SelfIdAnswer",
    "SelfIdQuestion",
    "Stage",
    "TalentPoolEntry",
    "StageTemplate",
    "fit_version",
    "stage_moves_from",
]
