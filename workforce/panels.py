"""Sections of the agent page, registered by the parts of workforce that own them.

The agent page (workforce/agent_views.py) renders every registered panel in order; a panel is a
template and a function `context(agent, user) -> dict | None` (None hides it, e.g. when the user may not
see it). Development and risk each register theirs in WorkforceConfig.ready(). The page renders the
panel's template with the dict its context function returned as the template's context, plus `agent`
(with `tenure`, `risk_band`, `risk_percent` set by workforce.agent_selectors.agents_described) unless
the dict names its own.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AgentPanel:
    name: str
    template: str
    context: Callable
    order: int


_panels: dict[str, AgentPanel] = {}


def agent_panel_register(*, name: str, template: str, context: Callable, order: int) -> None:
    _panels[name] = AgentPanel(name=name, template=template, context=context, order=order)


def agent_panels() -> list[AgentPanel]:
    return sorted(_panels.values(), key=lambda panel: panel.order)
