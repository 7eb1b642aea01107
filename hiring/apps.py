from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HiringConfig(AppConfig):
    name = "hiring"
    verbose_name = _("Hiring")

    def ready(self):
        from assessments.candidate_context import invitation_context_provider_register
        from assessments.invitation_senders import invitation_sender_register
        from assessments.role_targets import role_targets_provider_register
        from assessments.signals import attempt_scored, invitation_language_chosen
        from hiring import demo, home
        from hiring.fit_records import attempt_scored_received
        from hiring.invitation_context import invitation_job, invitation_language_chosen_received
        from hiring.messages import invitation_own_email_send
        from hiring.pipeline_personal_data import HANDLER
        from hiring.result_targets import invitation_role_targets
        from hiring.talent_pool_views import TALENT_POOL_PREFIX, talent_pool_error_page
        from servicefit.core import registry
        from servicefit.core.personal_data import personal_data_handler_register

        registry.area_register(namespace="hiring", label=_("Hiring"), order=20)
        registry.home_panel_register(template="hiring/_home_panel.html", context=lambda request: {}, order=20)
        registry.home_work_register(name="hiring", items=home.home_items, first_steps=home.home_first_steps, order=20)
        registry.demo_loader_register(name="hiring", load=demo.demo_load, order=20)
        registry.demo_loader_register(name="hiring-pipeline", load=demo.demo_pipeline_load, order=40)
        registry.admin_models_register(self.label)
        registry.error_pages_register(prefix=TALENT_POOL_PREFIX, render=talent_pool_error_page)
        personal_data_handler_register(HANDLER)
        role_targets_provider_register(name="hiring", provider=invitation_role_targets)
        invitation_context_provider_register(name="hiring.job_title", provider=invitation_job)
        invitation_sender_register(name="hiring.own_invitation_text", sender=invitation_own_email_send)
        attempt_scored.connect(attempt_scored_received, dispatch_uid="hiring.fit_records.attempt_scored")
        invitation_language_chosen.connect(
            invitation_language_chosen_received, dispatch_uid="hiring.invitation_context.invitation_language_chosen"
        )
