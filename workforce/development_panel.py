"""The agent page's development panel (registered in WorkforceConfig.ready())."""

from servicefit.core.policies import AGENT_READ, DEVELOPMENT_WRITE
from workforce import development_selectors


def panel_context(agent, user) -> dict | None:
    """None (the panel is hidden) for a user who may not read the agent's team."""
    if not AGENT_READ.allows_team(user, agent.team_id):
        return None
    # The agent page has logged the view of this agent already.
    context = development_selectors.agent_development(agent=agent, user=user, log=False)
    context["can_write"] = DEVELOPMENT_WRITE.allows_team(user, agent.team_id)
    return {"development": context}
