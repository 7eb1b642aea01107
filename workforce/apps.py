from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("People")

    def ready(self):
        from assessments.signals import attempt_scored
        from hiring.events import candidate_hired, hire_cancelled
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register
        from workforce import demo, development, development_panel, home
        from workforce.hire_handoff import candidate_hired_received, hire_cancelled_received
        from workforce.panels import agent_panel_register
        from workforce.personal_data import HANDLER
        from workforce.pulse_answer_views import PULSE_PREFIX, pulse_error_page
        from workforce.risk_selectors import agent_risk_panel

        registry.area_register(namespace="workforce", label=_("People"), order=30)
        registry.home_panel_register(template="workforce/_home_panel.html", context=lambda request: {}, order=30)
        registry.home_panel_register(template="workforce/pulse/_home_panel.html", context=_pulse_panel, order=45)
        registry.home_work_register(
            name="workforce", items=home.home_items, first_steps=home.home_first_steps, order=30
        )
        registry.admin_models_register(self.label)
        registry.error_pages_register(prefix=PULSE_PREFIX, render=pulse_error_page)
        personal_data_handler_register(HANDLER)
        # After the hiring pipeline's demo (40): its hires become agents.
        registry.demo_loader_register(name="workforce", load=demo.demo_load, order=60)
        candidate_hired.connect(candidate_hired_received, dispatch_uid="workforce.hire_handoff.candidate_hired")
        hire_cancelled.connect(hire_cancelled_received, dispatch_uid="workforce.hire_handoff.hire_cancelled")
        agent_panel_register(
            name="development",
            template="workforce/_agent_development.html",
            context=development_panel.panel_context,
            order=20,
        )
        attempt_scored.connect(development.attempt_scored_received, dispatch_uid="workforce.development.attempt_scored")
        agent_panel_register(name="risk", template="workforce/_agent_risk.html", context=agent_risk_panel, order=30)


def _pulse_panel(request) -> dict | None:
    from servicefit.core.policies import RETENTION_READ

    return {"pulse_panel": True} if RETENTION_READ.allows(request.user) else None
