from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from assessments.personal_data import HANDLER
        from servicefit.core.personal_data import personal_data_handler_register

        personal_data_handler_register(HANDLER)
