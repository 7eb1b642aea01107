"""Writes for stage templates: a team's own pipelines, or global ones that only HR and
administrators (who reach every team) change. A template in use keeps every stage its
requisitions' applications are in."""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from hiring.models import STAGES_WITH_REASON, Application, Stage, StageTemplate
from hiring.stage_flow import stage_order_problems
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.policies import JOB_AD_WRITE, team_for_new_record

MAX_STAGE_NAME = 50
TEMPLATE_STAGES = [stage for stage in Stage.values if stage not in STAGES_WITH_REASON]


def _invalid(message: str, fields: dict[str, list[str]], status: int = 400) -> ApplicationError:
    return ApplicationError(message, extra={"fields": fields}, status=status)


def stages_checked(stages: list[dict]) -> list[dict]:
    """The template's stages as stored ({"stage", "name", "optional"}), or an error saying what is wrong."""
    problems_worded = {
        "empty": _("A template needs its stages."),
        "unknown": _("A template's stages are among: %(stages)s.") % {"stages": ", ".join(TEMPLATE_STAGES)},
        "duplicate": _("A stage appears only once in a template."),
        "order": _("The stages keep the pipeline's order: %(stages)s.") % {"stages": ", ".join(TEMPLATE_STAGES)},
        "first": _("A template starts with applied."),
        "last": _("A template ends with hired."),
    }
    cleaned = []
    for entry in stages:
        name = " ".join(str(entry.get("name") or "").split())
        if len(name) > MAX_STAGE_NAME:
            raise _invalid(
                _("Keep a stage's name under %(count)d characters.") % {"count": MAX_STAGE_NAME},
                {"stages": ["name_too_long"]},
            )
        cleaned.append({"stage": str(entry.get("stage", "")), "name": name, "optional": bool(entry.get("optional"))})
    codes = [entry["stage"] for entry in cleaned]
    problems = stage_order_problems(codes, order=TEMPLATE_STAGES, first=Stage.APPLIED, last=Stage.HIRED)
    if problems:
        raise _invalid(" ".join(str(problems_worded[p]) for p in problems), {"stages": problems})
    if cleaned[0]["optional"] or cleaned[-1]["optional"]:
        raise _invalid(_("Applied and hired cannot be skipped."), {"stages": ["optional"]})
    return cleaned


def _may_change(*, user, template: StageTemplate) -> None:
    if user is not None and template.team_id is None and not JOB_AD_WRITE.reaches_all_teams(user):
        raise ApplicationError(_("Only HR and administrators change the shared stage templates."), status=403)


def _name_checked(*, name: str, team: Team | None, exclude: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise _invalid(_("Give the template a name."), {"name": ["required"]})
    if len(name) > 100:
        raise _invalid(_("Keep the name under 100 characters."), {"name": ["max_length"]})
    taken = StageTemplate.objects.filter(team=team, name__iexact=name).exclude(pk=exclude)
    if taken.exists():
        raise _invalid(_("There is already a template with this name."), {"name": ["unique"]}, status=409)
    return name


def stage_template_create(
    *, user, name: str, stages: list[dict], team: Team | None = None, is_global: bool = False
) -> StageTemplate:
    """A team's template (the user's team unless one is chosen), or a global one (`is_global`)."""
    if is_global:
        team = None
        if user is not None and not JOB_AD_WRITE.reaches_all_teams(user):
            raise ApplicationError(_("Only HR and administrators add shared stage templates."), status=403)
    else:
        team = team_for_new_record(policy=JOB_AD_WRITE, user=user, team=team)
    stages = stages_checked(stages)
    with transaction.atomic():
        name = _name_checked(name=name, team=team)
        return StageTemplate.objects.create(name=name, team=team, stages=stages)


def stages_in_use_missing(*, template: StageTemplate, stages: list[str], requisition=None) -> list[str]:
    """The stages that applications of the template's requisitions (or of one requisition) are in
    and `stages` lacks; the exits every template has are never missing."""
    applications = Application.objects.exclude(stage__in=[*stages, *STAGES_WITH_REASON])
    if requisition is not None:
        applications = applications.filter(requisition=requisition)
    else:
        applications = applications.filter(requisition__stage_template=template)
    return sorted(set(applications.values_list("stage", flat=True)), key=Stage.values.index)


def stages_missing_error(missing: list[str]) -> ApplicationError:
    return _invalid(
        _("Applications are in %(stages)s, which the new stages lack: move them on first.")
        % {"stages": ", ".join(str(Stage(stage).label) for stage in missing)},
        {"stage_template": ["stages_in_use"]},
        status=409,
    )


def stage_template_update(*, template: StageTemplate, user, **changes) -> StageTemplate:
    """Change the name and/or the stages. Stages that applications are in cannot be taken out."""
    unknown = set(changes) - {"name", "stages"}
    if unknown:
        raise TypeError(f"stage_template_update() got unknown fields {sorted(unknown)}")
    _may_change(user=user, template=template)
    with transaction.atomic():
        template = StageTemplate.objects.select_for_update().get(pk=template.pk)
        if "name" in changes:
            template.name = _name_checked(name=changes["name"], team=template.team, exclude=template.pk)
        if "stages" in changes:
            template.stages = stages_checked(changes["stages"])
            missing = stages_in_use_missing(template=template, stages=template.stage_codes)
            if missing:
                raise stages_missing_error(missing)
        template.save()
    return template


def stage_template_delete(*, template: StageTemplate, user) -> None:
    _may_change(user=user, template=template)
    if template.is_default:
        raise ApplicationError(_("The default stage template cannot be deleted."), status=409)
    try:
        template.delete()
    except ProtectedError as exc:
        raise ApplicationError(
            _("Requisitions use this template; give them another one before deleting it."), status=409
        ) from exc
