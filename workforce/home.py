"""The workforce's part of the home page: agents at high risk of leaving, in the teams the user
follows (a team lead: their own teams; HR: all; recruiters see no agents)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from servicefit.core.policies import AGENT_READ, AGENT_WRITE, PULSE_MANAGE, RETENTION_READ
from servicefit.core.registry import FirstStep, WorkItem
from workforce.risk_bands import RiskBand
from workforce.risk_selectors import risk_scores


def home_items(user) -> list[WorkItem]:
    if not RETENTION_READ.allows(user):
        return []
    # The at-risk list's own selector and filter: the count is the rows the link shows.
    high = risk_scores(user=user, band=RiskBand.HIGH).count()
    return [
        WorkItem(
            label=ngettext("agent at high risk of leaving", "agents at high risk of leaving", high),
            count=high,
            url=f"{reverse('workforce:at-risk')}?{urlencode({'band': RiskBand.HIGH})}",
            urgent=True,
        )
    ]


def home_first_steps(user) -> list[FirstStep]:
    steps = []
    if AGENT_WRITE.allows(user):
        steps.append(FirstStep(label=_("Import your agents from the HR system"), url=reverse("workforce:agent-import")))
    elif AGENT_READ.allows(user):
        steps.append(FirstStep(label=_("See your team at a glance"), url=reverse("workforce:team")))
    if PULSE_MANAGE.allows(user):
        steps.append(FirstStep(label=_("Send a pulse survey"), url=reverse("workforce:pulse-create")))
    return steps
