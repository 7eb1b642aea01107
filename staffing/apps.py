from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = _("Staffing")

    def ready(self):
        from servicefit.core import registry
        from staffing import demo

        registry.admin_models_register(self.label)

        # The Staffing page (staffing/views.py): after People.
        registry.area_register(namespace="staffing", label=_("Staffing"), order=40)

        # Traffic, planning assumptions and known events (staffing/traffic_*.py, settings_*.py, demo.py).
        # After the workforce demo (60): the centre's agents exist when its traffic arrives.
        registry.demo_loader_register(name="staffing", load=demo.demo_load, order=70)
