from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("People")

    def ready(self):
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register
        from workforce.personal_data import HANDLER

        registry.admin_models_register(self.label)
        personal_data_handler_register(HANDLER)

        from workforce.panels import agent_panel_register
        from workforce.risk_selectors import agent_risk_panel

        agent_panel_register(name="risk", template="workforce/_agent_risk.html", context=agent_risk_panel, order=30)
