from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("People")

    def ready(self):
        from assessments.signals import attempt_scored
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register
        from workforce import development, development_panel
        from workforce.panels import agent_panel_register
        from workforce.personal_data import HANDLER

        registry.admin_models_register(self.label)
        personal_data_handler_register(HANDLER)
        agent_panel_register(
            name="development",
            template="workforce/_agent_development.html",
            context=development_panel.panel_context,
            order=20,
        )
        attempt_scored.connect(development.attempt_scored_received, dispatch_uid="workforce.development.attempt_scored")
