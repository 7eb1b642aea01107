"""Reads for stage templates: the global ones and those of the teams the user reaches."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from hiring.models import StageTemplate
from servicefit.core.policies import JOB_AD_READ, Policy


def stage_template_default() -> StageTemplate:
    """The template a requisition gets when none is chosen (migration 0009 makes it)."""
    return StageTemplate.objects.get(is_default=True)


def stage_template_list(*, user, policy: Policy = JOB_AD_READ, team: int | None = None) -> QuerySet[StageTemplate]:
    templates = StageTemplate.objects.select_related("team")
    if not policy.allows(user):
        return templates.none()
    team_ids = policy.team_ids(user)
    if team_ids is not None:
        templates = templates.filter(Q(team__isnull=True) | Q(team__in=team_ids))
    if team is not None:
        templates = templates.filter(Q(team__isnull=True) | Q(team_id=team))
    return templates


def stage_template_get(*, user, template_id: int, policy: Policy = JOB_AD_READ) -> StageTemplate:
    return get_object_or_404(stage_template_list(user=user, policy=policy), id=template_id)
