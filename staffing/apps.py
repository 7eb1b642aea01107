from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = _("Staffing")

    def ready(self):
        from servicefit.core import registry

        registry.admin_models_register(self.label)

        # The Staffing page (staffing/views.py): after People.
        registry.area_register(namespace="staffing", label=_("Staffing"), order=40)
