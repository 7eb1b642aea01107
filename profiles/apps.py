from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = _("Service profiles")

    def ready(self):
        from profiles import home, selectors
        from servicefit.core import registry

        registry.area_register(namespace="profiles", label=_("Profiles"), order=10)
        registry.home_panel_register(
            template="profiles/_home_panel.html", context=lambda request: selectors.framework_overview(), order=10
        )
        registry.home_work_register(name="profiles", first_steps=home.home_first_steps, order=5)
        registry.admin_models_register(self.label)
        registry.shipped_data_register(
            name="profiles.service_types",
            label=_("service types"),
            present=lambda: selectors.service_type_list().exists(),
        )
