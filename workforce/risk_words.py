"""Risk drivers in words, with a suggested action, and the risk bands.

Which drivers an agent gets is the model's choice (its largest positive attributions, stored on the
RiskScore); this module only says them, formatted from the agent's own values, in the user's language.
"""

from dataclasses import dataclass, field

from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workforce.risk_bands import RiskBand

# The bands are defined once, in workforce/risk_bands.py.
BAND_LABELS = dict(RiskBand.choices)


def _percent(value: float) -> str:
    return f"{round(value * 100):d}"


# An agent's own pulse answers: the answer page promises that results are shown only for groups of five
# or more and that the team lead never sees one person's answers. The model learns from them; no reader
# is told that this agent's answers (or their absence) raised the risk.
PRIVATE_DRIVERS = frozenset({"pulse", "pulse_growth"})


@dataclass(frozen=True)
class Reading:
    """Who reads an agent's drivers, and what the words may name."""

    team_name: str = ""
    # The agent's manager's name; "" when the agent has none.
    manager_name: str = ""
    # A team lead reading their own teams, not HR or an admin who reach every team.
    for_lead: bool = False
    # The reader is the agent's own manager.
    is_manager: bool = False
    # The model's own team and manager levels ({"team": [...], "manager": [...]}, its parameters["levels"]):
    # a team or manager outside them was scored together with the other small or new ones.
    levels: dict = field(default_factory=dict)

    def pooled(self, group: str, value: dict) -> bool:
        return group in value and group in self.levels and value[group] not in self.levels[group]


def driver_text(driver: dict, *, reading: Reading | None = None) -> dict:
    """{"feature", "text", "action"} for one stored driver. Drivers are the groups that raise the risk
    (workforce.analysis.hazard.top_drivers keeps positive contributions only), so the words say "raises"."""
    feature, value = driver["feature"], driver.get("value") or {}
    text, action = _TEXTS.get(feature, _unknown)(value, reading or Reading())
    return {"feature": feature, "text": text, "action": action, "contribution": driver.get("contribution")}


def _tenure(value, reading):
    months = value.get("months", 0)
    if months < 6:
        return (
            ngettext(
                "Month %(month)s of employment (early tenure)",
                "Month %(month)s of employment (early tenure)",
                months + 1,
            )
            % {"month": months + 1},
            _("Check in with a buddy and hold a first-months follow-up talk."),
        )
    return (
        ngettext("%(months)s month in the job", "%(months)s months in the job", months) % {"months": months},
        _("Talk about what comes next: a new responsibility or a specialist track."),
    )


def _development(value, reading):
    days = value.get("days", 0)
    if value.get("none"):
        text = ngettext(
            "No development activity since hire (%(days)s day)",
            "No development activity since hire (%(days)s days)",
            days,
        ) % {"days": days}
    else:
        text = ngettext(
            "No development activity for %(days)s day", "No development activity for %(days)s days", days
        ) % {"days": days}
    return text, _("Agree a development goal or a coaching session this month.")


def _plan(value, reading):
    if value.get("none"):
        return _("No development plan with goals"), _("Draw up a development plan with one or two goals.")
    return (
        _("Development plan %(percent)s%% achieved") % {"percent": _percent(value.get("progress", 0))},
        _("Review the plan's goals together and agree the next step."),
    )


def _competency(value, reading):
    if value.get("none"):
        return (
            _("Fewer than two competency ratings: no growth to follow"),
            _("Rate the competencies on the anchors and coach the weakest one."),
        )
    growth = round(value.get("growth", 0), 1)
    # Rounded before formatting: number_format cuts the decimals off.
    signed = ("+" if growth >= 0 else "-") + number_format(abs(growth), 1)
    return (
        _("Competency growth %(growth)s levels since the first rating") % {"growth": signed},
        _("Coach the competency furthest from the role target."),
    )


def _fit(value, reading):
    fit = value.get("fit")
    if fit is None:
        return _("No fit to the role profile from hiring"), _("Ask which tasks suit them best and match work to it.")
    return (
        # 0–100, written as the agent page's "At hiring" writes it.
        _("Fit to the role profile at hiring: %(fit)s") % {"fit": f"{floatformat(fit, 0)} / 100"},
        _("Match tasks to their strengths, or consider a role profile that suits them better."),
    )


def _move(value, reading):
    months = value.get("months", 0)
    if value.get("none"):
        text = ngettext(
            "No career move since hire (%(months)s month)", "No career move since hire (%(months)s months)", months
        ) % {"months": months}
    else:
        text = ngettext("No career move for %(months)s month", "No career move for %(months)s months", months) % {
            "months": months
        }
    return text, _("Discuss a specialist track, a promotion or an internal move.")


def _team(value, reading):
    team = reading.team_name or "—"
    if reading.pooled("team", value):
        text = _(
            "Team %(team)s: in the records the risk model learnt from, agents in small or new teams like this "
            "one left more often than comparable agents elsewhere, which raises the risk"
        )
    else:
        text = _(
            "Team %(team)s: in the records the risk model learnt from, agents in this team left more often "
            "than comparable agents elsewhere, which raises the risk"
        )
    if reading.for_lead:
        action = _("Talk with your team about workload and climate; the team's pulse results show where to start.")
    else:
        action = _("Look at the team's workload and climate with the team lead.")
    return text % {"team": team}, action


def _manager(value, reading):
    # A team lead reaches their own teams only: another manager's record (their agents in other teams
    # included) is not theirs to read, so the words name the manager to HR, and to the manager themself.
    if not reading.manager_name and not reading.is_manager:
        text = _(
            "No manager recorded: in the records the risk model learnt from, agents without a manager left "
            "more often than comparable agents elsewhere, which raises the risk"
        )
        return text, _("Make sure the agent has a manager who follows up on them, and that HR records who it is.")
    if reading.pooled("manager", value):
        text = _(
            "Their manager is new or has few agents: in the records the risk model learnt from, agents of such "
            "managers, counted together, left more often than comparable agents elsewhere, which raises the risk"
        )
    elif reading.is_manager:
        text = _(
            "Reports to you: in the records the risk model learnt from, agents reporting to you left more often "
            "than comparable agents elsewhere, which raises the risk"
        )
    elif reading.for_lead:
        text = _(
            "Their manager: in the records the risk model learnt from, agents reporting to the same manager "
            "left more often than comparable agents elsewhere, which raises the risk"
        )
    else:
        text = _(
            "Reports to %(manager)s: in the records the risk model learnt from, agents reporting to this "
            "manager left more often than comparable agents elsewhere, which raises the risk"
        ) % {"manager": reading.manager_name}
    if reading.is_manager:
        action = _(
            "Ask the agent in a one-to-one what you could do differently, and bring HR in if the relationship is "
            "strained."
        )
    elif reading.for_lead:
        action = _("Ask their manager how the follow-up is going, and bring HR in if the relationship is strained.")
    else:
        action = _("HR: follow up on the team's climate with the team lead.")
    return text, action


def _unknown(value, reading):
    return _("Other factors"), _("Talk with the agent about how work is going.")


_TEXTS = {
    "tenure": _tenure,
    "development": _development,
    "plan": _plan,
    "competency": _competency,
    "fit": _fit,
    "move": _move,
    "team": _team,
    "manager": _manager,
}
