"""Risk drivers in words, with a suggested action, and the risk bands.

Which drivers an agent gets is the model's choice (its largest positive attributions, stored on the
RiskScore); this module only says them, formatted from the agent's own values, in the user's language.
"""

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


def driver_text(driver: dict, *, team_name: str = "", manager_name: str = "", for_lead: bool = False) -> dict:
    """{"feature", "text", "action"} for one stored driver; `for_lead` when the reader is the team lead
    themself, whom an action "with the team lead" or addressed to HR leaves with nothing to do."""
    feature, value = driver["feature"], driver.get("value") or {}
    text, action = _TEXTS.get(feature, _unknown)(value, team_name, manager_name)
    if for_lead and feature in _LEAD_ACTIONS:
        action = _LEAD_ACTIONS[feature]()
    return {"feature": feature, "text": text, "action": action, "contribution": driver.get("contribution")}


def _tenure(value, team_name, manager_name):
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


def _development(value, team_name, manager_name):
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


def _plan(value, team_name, manager_name):
    if value.get("none"):
        return _("No development plan with goals"), _("Draw up a development plan with one or two goals.")
    return (
        _("Development plan %(percent)s%% achieved") % {"percent": _percent(value.get("progress", 0))},
        _("Review the plan's goals together and agree the next step."),
    )


def _competency(value, team_name, manager_name):
    if value.get("none"):
        return (
            _("Fewer than two competency ratings: no growth to follow"),
            _("Rate the competencies on the anchors and coach the weakest one."),
        )
    growth = value.get("growth", 0)
    return (
        _("Competency growth %(growth)s levels since the first rating") % {"growth": f"{growth:+.1f}"},
        _("Coach the competency furthest from the role target."),
    )


def _fit(value, team_name, manager_name):
    fit = value.get("fit")
    if fit is None:
        return _("No fit to the role profile from hiring"), _("Ask which tasks suit them best and match work to it.")
    return (
        _("Fit to the role profile at hiring: %(fit)s") % {"fit": f"{fit:.2f}"},
        _("Match tasks to their strengths, or consider a role profile that suits them better."),
    )


def _move(value, team_name, manager_name):
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


def _team(value, team_name, manager_name):
    return (
        _("Team %(team)s") % {"team": team_name or "—"},
        _("Look at the team's workload and climate with the team lead."),
    )


def _manager(value, team_name, manager_name):
    return (
        _("Reporting to %(manager)s") % {"manager": manager_name or "—"},
        _("HR: follow up on the team's climate with the team lead."),
    )


def _unknown(value, team_name, manager_name):
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

# What a team lead can do about the drivers that are their team and themselves.
_LEAD_ACTIONS = {
    "team": lambda: _("Talk with your team about workload and climate; the team's pulse results show where to start."),
    "manager": lambda: _(
        "Ask the agent in a one-to-one what you could do differently, and bring HR in if the relationship is strained."
    ),
}
