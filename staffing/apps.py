from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = _("Staffing")

    def ready(self):
        from servicefit.core import registry

        registry.admin_models_register(self.label)

        # Traffic, planning assumptions and known events (staffing/traffic_*.py, settings_*.py, demo.py).
        from staffing import demo

        # After the workforce demo (60): the centre's agents exist when its traffic arrives.
        registry.demo_loader_register(name="staffing", load=demo.demo_load, order=70)
