from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("People")

    def ready(self):
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register
        from workforce import demo
        from workforce.personal_data import HANDLER

        registry.admin_models_register(self.label)
        personal_data_handler_register(HANDLER)
        # After the hiring pipeline's demo (40): its hires become agents.
        registry.demo_loader_register(name="workforce", load=demo.demo_load, order=60)
