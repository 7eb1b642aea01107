"""Reusable pipelines: which of the fixed stages a requisition's applications pass through."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from servicefit.core.models import Team, TimeStampedModel


class StageTemplate(TimeStampedModel):
    """An ordered list of stages (applied … hired) with optional display names; a team's own, or
    global when it has no team. Rejected and withdrawn are exits every template has.

    `stages` holds [{"stage": code, "name": display name or "", "optional": bool}, ...], checked by
    hiring.stage_templates before it is saved."""

    name = models.CharField(_("name"), max_length=100)
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stage_templates",
        verbose_name=_("team"),
        help_text=_("Empty: every team may use the template."),
    )
    stages = models.JSONField(_("stages"), default=list)
    is_default = models.BooleanField(_("default"), default=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="stage_template_one_default"
            ),
            models.CheckConstraint(
                condition=models.Q(is_default=False) | models.Q(team__isnull=True),
                name="stage_template_default_is_global",
            ),
            models.UniqueConstraint(fields=["team", "name"], name="uniq_stage_template_team_name"),
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(team__isnull=True), name="uniq_stage_template_global_name"
            ),
        ]
        verbose_name = _("stage template")
        verbose_name_plural = _("stage templates")

    def __str__(self):
        return self.name

    @property
    def stage_codes(self) -> list[str]:
        return [entry["stage"] for entry in self.stages]

    @property
    def optional_stages(self) -> frozenset[str]:
        return frozenset(entry["stage"] for entry in self.stages if entry.get("optional"))
