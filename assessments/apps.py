from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from assessments import demo, home
        from assessments.personal_data import HANDLER
        from assessments.take_errors import take_error_page
        from assessments.take_views import TAKE_PREFIX
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register

        registry.area_register(namespace="assessments", label=_("Assessments"), order=30)
        registry.home_panel_register(template="assessments/_home_panel.html", context=lambda request: {}, order=30)
        registry.home_work_register(
            name="assessments", items=home.home_items, first_steps=home.home_first_steps, order=10
        )
        registry.demo_loader_register(name="assessments", load=demo.demo_load, order=30)
        registry.demo_loader_register(name="assessments-statistics", load=demo.demo_statistics_load, order=1000)
        registry.admin_models_register(self.label)
        personal_data_handler_register(HANDLER)
        registry.error_pages_register(prefix=TAKE_PREFIX, render=take_error_page)
