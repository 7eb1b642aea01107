"""The adverse-impact page of a requisition and its CSV download."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hiring import impact_selectors, pipeline_selectors
from hiring.adverse_impact import MIN_GROUP_SIZE
from hiring.impact_selectors import IMPACT_STAGES
from hiring.models import Stage
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.policies import ADVERSE_IMPACT_READ

CSV_COLUMNS = [
    "stage",
    "grouping",
    "group",
    "applicants",
    "selected",
    "rate",
    "impact_ratio",
    "flagged",
    "fisher_p",
    "suppressed",
]


class StageFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[("", _("All stages")), *[(stage, Stage(stage).label) for stage in IMPACT_STAGES]],
    )


def _stage_and_form(request):
    form = StageFilterForm(request.GET or None)
    stage = form.cleaned_data.get("stage") or None if form.is_valid() else None
    return form, stage


@require_GET
@policy_required(ADVERSE_IMPACT_READ)
def adverse_impact(request, requisition_id):
    requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=ADVERSE_IMPACT_READ
    )
    form, stage = _stage_and_form(request)
    stages = impact_selectors.requisition_adverse_impact(requisition=requisition, stage=stage)
    impact_selectors.adverse_impact_shown(user=request.user, requisition=requisition)
    return render(
        request,
        "hiring/adverse_impact.html",
        {
            "requisition": requisition,
            "form": form,
            "stage": stage,
            "stages": stages,
            "has_applicants": any(s.applicants for s in stages),
            "min_group_size": MIN_GROUP_SIZE,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@policy_required(ADVERSE_IMPACT_READ)
def adverse_impact_csv(request, requisition_id):
    requisition = pipeline_selectors.requisition_get(
        user=request.user, requisition_id=requisition_id, policy=ADVERSE_IMPACT_READ
    )
    form, stage = _stage_and_form(request)
    if form.errors:
        return HttpResponse(_("Choose one of the stages, or none for all."), status=400, content_type="text/plain")
    stages = impact_selectors.requisition_adverse_impact(requisition=requisition, stage=stage)
    impact_selectors.adverse_impact_shown(user=request.user, requisition=requisition)
    rows = [
        {
            "stage": at_stage.stage,
            "grouping": grouping.key,
            "group": group.key,
            "applicants": group.impact.applicants,
            "selected": group.impact.selected,
            "rate": _rounded(group.impact.rate, 4),
            "impact_ratio": _rounded(group.impact.impact_ratio, 4),
            "flagged": group.impact.flagged,
            "fisher_p": _rounded(group.impact.p_value, 6),
            "suppressed": group.impact.suppressed,
        }
        for at_stage in stages
        for grouping in at_stage.groupings
        for group in grouping.groups
    ]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="servicefit-adverse-impact-{requisition.id}.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    csv_write(response, columns=CSV_COLUMNS, rows=rows)
    return response


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
