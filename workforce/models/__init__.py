"""workforce's models, a module per subject. A new subject adds its module and its import line here."""

from workforce.models.agents import Agent, Channel, EmploymentStatus, ExitReason, ExitType
from workforce.models.development import (
    AgentAssessment,
    CareerMove,
    CoachingSession,
    CoachingTopic,
    CompetencyLevel,
    CompetencySnapshot,
    DevelopmentPlan,
    GoalStatus,
    MoveKind,
    PlanGoal,
    PlanStatus,
    SnapshotSource,
    Training,
    TrainingKind,
)
from workforce.models.pulse import PulseInvitation, PulseResponse, PulseSurvey, SurveyStatus
from workforce.models.retention import RetentionSettings
from workforce.models.risk import AttritionModel, ModelKind, RiskScore
from workforce.models.training import SnapshotTraining

__all__ = [
    "Agent",
    "AgentAssessment",
    "AttritionModel",
    "CareerMove",
    "Channel",
    "CoachingSession",
    "CoachingTopic",
    "CompetencyLevel",
    "CompetencySnapshot",
    "DevelopmentPlan",
    "EmploymentStatus",
    "ExitReason",
    "ExitType",
    "GoalStatus",
    "ModelKind",
    "MoveKind",
    "PlanGoal",
    "PlanStatus",
    "PulseInvitation",
    "PulseResponse",
    "PulseSurvey",
    "RetentionSettings",
    "RiskScore",
    "SnapshotSource",
    "SnapshotTraining",
    "SurveyStatus",
    "Training",
    "TrainingKind",
]
