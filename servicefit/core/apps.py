from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "servicefit.core"
    label = "core"

    def ready(self):
        from servicefit.core import (
            checks,  # noqa: F401  (registers the system checks)
            personal_data_views,
            registry,
        )
        from servicefit.core.employer import employer_panel
        from servicefit.core.services import role_groups_ensure

        registry.home_panel_register(
            template="core/personal_data/_home_panel.html", context=personal_data_views.home_panel, order=90
        )
        registry.home_panel_register(template="core/_employer_panel.html", context=employer_panel, order=95)

        # After every migrate: the four role groups exist and the admin group can use the admin.
        post_migrate.connect(lambda **kwargs: role_groups_ensure(), sender=self, weak=False)
