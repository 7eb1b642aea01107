from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("People")

    def ready(self):
        from servicefit.core import registry

        registry.admin_models_register(self.label)
