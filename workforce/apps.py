from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("People")

    def ready(self):
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register
        from workforce.personal_data import HANDLER

        registry.home_panel_register(template="workforce/pulse/_home_panel.html", context=_pulse_panel, order=45)
        registry.admin_models_register(self.label)
        personal_data_handler_register(HANDLER)


def _pulse_panel(request) -> dict | None:
    from servicefit.core.policies import RETENTION_READ

    return {"pulse_panel": True} if RETENTION_READ.allows(request.user) else None
