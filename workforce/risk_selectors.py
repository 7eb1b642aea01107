"""Reading attrition risk: the team-scoped at-risk list and one agent's risk, with drivers in words.

Risk scores are personal data about employees: every agent shown is written to the access log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog, Team
from servicefit.core.persons import person_name
from servicefit.core.policies import RETENTION_READ
from servicefit.core.services import access_log, access_log_many
from servicefit.core.teams import team_ids_with_descendants
from workforce.agent_selectors import leaving_on
from workforce.attrition_models import attrition_model_active
from workforce.models import Agent, AttritionModel, ModelKind, RiskScore
from workforce.risk_bands import band_bounds, risk_band
from workforce.risk_words import BAND_LABELS, PRIVATE_DRIVERS, Reading, driver_text


@dataclass
class RiskRow:
    agent: Agent
    probability: float
    band: str
    band_label: str
    drivers: list[dict]
    scored_at: object
    model_version: int

    @property
    def percent(self) -> int:
        return round(self.probability * 100)


def _scores_of_the_employed(*, user, team_id: int | None, band: str) -> QuerySet[RiskScore]:
    # Last night's scores: an agent whose exit date has come since is no longer at risk of leaving.
    today = timezone.localdate()
    scores = RETENTION_READ.scope(
        RiskScore.objects.filter(Q(agent__exit_date__isnull=True) | Q(agent__exit_date__gt=today)),
        user,
        field="agent__team",
    )
    if team_id is not None:
        if not RETENTION_READ.allows_team(user, team_id) or not Team.objects.filter(pk=team_id).exists():
            raise ApplicationError(
                _("You cannot see that team's figures. Choose one of your teams."),
                extra={"fields": {"team": ["forbidden"]}},
            )
        scores = scores.filter(agent__team_id__in=team_ids_with_descendants([team_id]))
    if band:
        lowest, upper = band_bounds(band)
        scores = scores.filter(probability__gte=lowest, probability__lt=upper)
    return scores


def risk_scores(*, user, team_id: int | None = None, band: str = "") -> QuerySet[RiskScore]:
    """The scores of the agents still employed that the user reaches (of `team_id` and the teams below it, as
    on the retention dashboard), highest probability first (unlogged: for counts). A team the user cannot
    reach is refused.

    An agent working their notice (an exit date still ahead) is not among them: their exit is known, not a
    risk, the staffing plan counts it on its date, and no retention or development action applies.
    `risk_on_notice_count` says how many are left out."""
    scores = _scores_of_the_employed(user=user, team_id=team_id, band=band).filter(agent__exit_date__isnull=True)
    return scores.select_related("agent", "agent__team", "agent__manager", "model").order_by("-probability", "agent_id")


def risk_on_notice_count(*, user, team_id: int | None = None, band: str = "") -> int:
    """How many agents `risk_scores` leaves out, with the same arguments, because they work their notice."""
    return _scores_of_the_employed(user=user, team_id=team_id, band=band).filter(agent__exit_date__isnull=False).count()


def _manager_name(agent: Agent) -> str:
    return person_name(agent.manager)


def _reads_as_lead(user) -> bool:
    """A team lead (their own teams only), not HR or an admin who follow up with the lead."""
    return not RETENTION_READ.reaches_all_teams(user)


def risk_row(score: RiskScore, *, user) -> RiskRow:
    agent = score.agent
    band = risk_band(score.probability)
    reading = Reading(
        team_name=agent.team.name,
        manager_name=_manager_name(agent),
        for_lead=_reads_as_lead(user),
        is_manager=agent.manager_id is not None and agent.manager_id == user.id,
        levels=(score.model.parameters or {}).get("levels") or {},
    )
    return RiskRow(
        agent=agent,
        probability=score.probability,
        band=band,
        band_label=str(BAND_LABELS[band]),
        drivers=[
            driver_text(driver, reading=reading) for driver in score.drivers if driver["feature"] not in PRIVATE_DRIVERS
        ],
        scored_at=score.scored_at,
        model_version=score.model.version,
    )


def risk_rows(*, user, scores) -> list[RiskRow]:
    """Rows for a page (or slice) of scores, logging that the user saw these agents."""
    scores = list(scores)
    access_log_many(user=user, action=AccessLog.Action.VIEW, targets=[score.agent for score in scores])
    return [risk_row(score, user=user) for score in scores]


@dataclass
class KnownExit:
    """An agent working their notice: their last day, in place of a probability of leaving."""

    agent: Agent
    leaving_on: date


def agent_risk(*, user, agent_id: int) -> RiskRow | KnownExit | None:
    """One agent's risk (None when not scored), or their last day when they are on notice, as their
    page says (agent_risk_panel); 404 for an agent the user may not see."""
    agent = Agent.objects.filter(id=agent_id).select_related("team").first()
    if agent is None or not RETENTION_READ.allows_team(user, agent.team_id):
        raise Http404
    access_log(user=user, action=AccessLog.Action.VIEW, target=agent)
    if last_day := leaving_on(agent):
        return KnownExit(agent=agent, leaving_on=last_day)
    score = RiskScore.objects.filter(agent=agent).select_related("agent__team", "agent__manager", "model").first()
    return risk_row(score, user=user) if score is not None else None


def hazard_model_current() -> AttritionModel | None:
    return attrition_model_active(kind=ModelKind.HAZARD)


def model_summary(model: AttritionModel | None) -> dict | None:
    """The figures shown beside the at-risk list: version, held-out concordance and calibration."""
    if model is None:
        return None
    metrics = model.metrics or {}
    held_out = metrics.get("held_out") or {}
    return {
        "version": model.version,
        "trained_at": model.trained_at,
        "n_rows": model.n_rows,
        "positives": model.positives,
        "horizon_months": model.horizon_months,
        "concordance": metrics.get("concordance"),
        "brier": metrics.get("brier"),
        "calibration_slope": metrics.get("calibration_slope"),
        "calibration_intercept": metrics.get("calibration_intercept"),
        "held_out_n": held_out.get("n"),
        "held_out_events": held_out.get("events"),
        "cutoff": date.fromisoformat(held_out["cutoff"]) if held_out.get("cutoff") else None,
        "deciles": ((held_out.get("calibration") or {}).get("deciles")) or [],
    }


def agent_risk_panel(agent: Agent, user) -> dict | None:
    """The agent page's risk panel (hidden from whoever may not read the team's retention data)."""
    if not RETENTION_READ.allows_team(user, agent.team_id):
        return None
    if leaving_on(agent):
        # A known exit: no probability of leaving, no drivers and no action to keep them.
        return {"risk": None, "horizon_months": None, "leaving_on": agent.exit_date}
    score = RiskScore.objects.filter(agent=agent).select_related("agent__team", "agent__manager", "model").first()
    if score is None:
        return {"risk": None, "horizon_months": None}
    return {"risk": risk_row(score, user=user), "horizon_months": score.model.horizon_months}
