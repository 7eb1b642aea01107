"""hiring's models, a module per subject. A new subject adds its module and its import line here."""

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
from hiring.models.self_identification import PREFER_NOT_TO_SAY, SelfIdAnswer, SelfIdQuestion

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
    "JobAd",
    "JobAdRevision",
    "PREFER_NOT_TO_SAY",
    "Requisition",
    "SelfIdAnswer",
    "SelfIdQuestion",
    "Stage",
    "stage_moves_from",
]
