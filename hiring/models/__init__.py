"""hiring's models, a module per subject. A new subject adds its module and its import line here."""

from hiring.models.fit_records import FitLabel, FitRecord, FitSetting, FitStatus, RankingDecision, fit_version
from hiring.models.job_ads import BulkAnalysis, BulkAnalysisItem, JobAd, JobAdRevision
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

__all__ = [
    "ENDED_STAGES",
    "STAGE_MOVES",
    "STAGES_WITH_REASON",
    "Application",
    "ApplicationInvitation",
    "ApplicationMove",
    "BulkAnalysis",
    "BulkAnalysisItem",
    "Candidate",
    "FitLabel",
    "FitRecord",
    "FitSetting",
    "FitStatus",
    "JobAd",
    "JobAdRevision",
    "RankingDecision",
    "Requisition",
    "Stage",
    "fit_version",
    "stage_moves_from",
]
