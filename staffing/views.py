"""The Staffing page: required against available FTE, the hiring plan, what-if changes, CSV downloads,
and a month's hires turned into a draft requisition."""

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hiring import pipeline
from hiring.models import Requisition
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import AGENT_WRITE, JOB_AD_WRITE, STAFFING_READ, STAFFING_WRITE, team_choices
from staffing import plan_csv
from staffing.plan_forms import DraftRequisitionForm, WhatIfForm
from staffing.plan_inputs import usual_role_profile_slug
from staffing.plan_selectors import StaffingPlan, class_starts, staffing_plan
from staffing.settings_selectors import plan_settings_get
from staffing.templatetags.plan_format import share

CHART_ID = "staffing-plan-data"
MAX_CLASS_HIRES = 100_000


def _month_label(month: date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def _chart(plan: StaffingPlan) -> dict:
    """The chart's data for staffing.js (through json_script): the table's figures, nothing more."""
    return {
        "labels": [_month_label(row.month) for row in plan.months],
        "series": {
            "required": {"label": _("Required FTE"), "values": [round(r.required_fte, 1) for r in plan.months]},
            "available": {
                "label": _("Available FTE if nobody is hired"),
                "values": [round(r.available_without_hiring, 1) for r in plan.months],
            },
            "planned": {
                "label": _("Available FTE with the hiring plan"),
                "values": [round(r.available_with_plan, 1) for r in plan.months],
            },
        },
        "gap": _("Shortfall"),
        "y": _("FTE"),
    }


def _rows(plan: StaffingPlan) -> list[dict]:
    """Each month's figures as the page words them."""
    return [
        {
            "month": row.month,
            "channels": [row.required_by_channel[code] for code in plan.inputs.channels],
            "staffed": row.available_without_hiring / row.required_fte if row.required_fte > 0 else None,
            "service_level": row.service_level_without_hiring,
            "below_target": row.service_level_without_hiring is not None
            and row.service_level_without_hiring < plan.inputs.service_level - 0.0005,
        }
        for row in plan.months
    ]


def _what_if(request):
    form = WhatIfForm(request.GET or None, settings=plan_settings_get())
    if form.is_bound and not form.is_valid():
        return form, None
    return form, form.what_if()


@require_GET
@policy_required(STAFFING_READ)
def index(request):
    form, what_if = _what_if(request)
    context = {
        "form": form,
        "plan": None,
        "error": None,
        "can_requisition": JOB_AD_WRITE.allows(request.user),
        "can_import_traffic": STAFFING_WRITE.allows(request.user),
        "can_import_agents": AGENT_WRITE.allows(request.user),
    }
    if what_if is None:
        context["error"] = _("Check the what-if values: each must be a number within the range shown.")
        return render(request, "staffing/index.html", context, status=400)
    try:
        plan = staffing_plan(what_if=what_if)
    except ApplicationError as error:
        context["error"] = error.message
        return render(request, "staffing/index.html", context)
    if plan is not None:
        context.update(
            plan=plan,
            chart=_chart(plan),
            chart_id=CHART_ID,
            channels=[(code, plan_csv.channel_label(code)) for code in plan.inputs.channels],
            rows=_rows(plan),
            classes=class_starts(plan.classes),
            forecast_errors=[
                {"label": plan_csv.channel_label(code), "error": error}
                for code, error in plan.inputs.forecast_errors.items()
            ],
            query=request.GET.urlencode(),
            late=any(c.late for c in plan.classes),
            last_month=plan.months[-1].month,
            ramp=", ".join(share(step, 0) for step in plan.inputs.ramp),
            hire_days=round(plan.inputs.time_to_hire_days),
        )
    return render(request, "staffing/index.html", context)


@require_GET
@policy_required(STAFFING_READ)
def plan_download(request):
    part = request.GET.get("part", "")
    if part not in plan_csv.PARTS:
        return HttpResponse(
            _("Choose one of: %(parts)s.") % {"parts": ", ".join(plan_csv.PARTS)},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    _form, what_if = _what_if(request)
    if what_if is None:
        return HttpResponse(
            _("Check the what-if values: each must be a number within the range shown."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    try:
        plan = staffing_plan(what_if=what_if)
    except ApplicationError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    if plan is None:
        return HttpResponse(
            _("No traffic has been imported yet."), status=404, content_type="text/plain; charset=utf-8"
        )
    columns, rows = plan_csv.rows(part, plan)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="servicefit-staffing-{part}-{plan.inputs.first_month:%Y%m}.csv"'
    )
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    csv_write(response, columns=columns, rows=rows)
    return response


def _draft_initial(request) -> dict | None:
    try:
        month = date.fromisoformat(request.GET.get("month", "") + "-01")
        hires = int(request.GET.get("hires", ""))
    except ValueError:
        return None
    # A class may be larger than a requisition's 1,000 openings (a what-if of +200 % traffic): its link
    # still opens the draft, and the form says the limit.
    if not 1 <= hires <= MAX_CLASS_HIRES or not date(2000, 1, 1) <= month <= date(2100, 1, 1):
        return None
    return {
        "title": _("Customer service agents — %(month)s") % {"month": _month_label(month)},
        "openings": hires,
        "role_profile": usual_role_profile_slug(),
    }


def _draft_page(request, form, status=200):
    # A recruiter may open a draft from a link HR shares, but may not see the Staffing page.
    context = {"form": form, "can_read_plan": STAFFING_READ.allows(request.user)}
    return render(request, "staffing/plan/requisition_draft.html", context, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(JOB_AD_WRITE)
def requisition_draft(request):
    teams = team_choices(policy=JOB_AD_WRITE, user=request.user)
    if request.method == "POST":
        form = DraftRequisitionForm(request.POST, teams=teams)
        if form.is_valid():
            try:
                requisition = pipeline.requisition_create(
                    user=request.user, status=Requisition.Status.DRAFT, **form.cleaned_data
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("The draft requisition “%(title)s” was created.") % {"title": requisition.title}
                )
                return redirect("hiring:requisition-board", requisition_id=requisition.id)
        return _draft_page(request, form, status=400)
    initial = _draft_initial(request)
    if initial is None:
        return HttpResponse(
            _("Open this page from a month of the hiring plan."), status=400, content_type="text/plain; charset=utf-8"
        )
    form = DraftRequisitionForm(initial=initial, teams=teams)
    return _draft_page(request, form)
