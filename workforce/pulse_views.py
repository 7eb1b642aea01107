"""HR's and team leads' pulse pages: the survey list, a new survey, a survey with its results, the
eNPS trend, and their CSV downloads. Results only ever show groups of at least five respondents."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import PULSE_MANAGE, RETENTION_READ
from workforce import pulse, pulse_selectors
from workforce.pulse_forms import PulseSurveyForm, TrendFilterForm

RESULT_COLUMNS = [
    "survey",
    "team",
    "invited",
    "respondents",
    "response_rate",
    "suppressed",
    "enps",
    "promoters",
    "passives",
    "detractors",
    "workload",
    "growth",
    "manager_support",
]
TREND_COLUMNS = ["survey", "closes_on", "respondents", "enps"]


@require_GET
@policy_required(RETENTION_READ)
def survey_list(request):
    return render(
        request,
        "workforce/pulse/list.html",
        {"surveys": pulse_selectors.survey_list(user=request.user), "can_manage": PULSE_MANAGE.allows(request.user)},
    )


@require_http_methods(["GET", "POST"])
@policy_required(PULSE_MANAGE)
def survey_create(request):
    form = PulseSurveyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            survey = pulse.pulse_survey_create(user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            for field, message in exc.extra.get("fields", {}).items():
                form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("The survey was created. Open it to send the links."))
            return redirect("workforce:pulse-detail", survey_id=survey.id)
    status = 400 if form.errors else 200
    return render(request, "workforce/pulse/form.html", {"form": form}, status=status)


@require_GET
@policy_required(RETENTION_READ)
def survey_detail(request, survey_id):
    survey = pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
    return render(
        request,
        "workforce/pulse/detail.html",
        {
            "survey": survey,
            "results": pulse_selectors.survey_results(user=request.user, survey=survey),
            "can_manage": PULSE_MANAGE.allows(request.user),
        },
    )


def _survey_action(request, survey_id, action):
    survey = pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
    try:
        message = action(survey)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, message)
    return redirect("workforce:pulse-detail", survey_id=survey.id)


@require_POST
@policy_required(PULSE_MANAGE)
def survey_open(request, survey_id):
    def action(survey):
        sent = pulse.pulse_survey_open(survey=survey, user=request.user)
        return ngettext(
            "The survey is open: %(count)d link is on its way.",
            "The survey is open: %(count)d links are on their way.",
            sent,
        ) % {"count": sent}

    return _survey_action(request, survey_id, action)


@require_POST
@policy_required(PULSE_MANAGE)
def survey_close(request, survey_id):
    def action(survey):
        pulse.pulse_survey_close(survey=survey, user=request.user)
        return _("The survey is closed; its links no longer work.")

    return _survey_action(request, survey_id, action)


def _csv_response(filename: str, columns: list[str], rows: list[dict]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    csv_write(response, columns=columns, rows=rows)
    return response


def _rounded(value, digits=2):
    return None if value is None else round(value, digits)


@require_GET
@policy_required(RETENTION_READ)
def survey_results_csv(request, survey_id):
    survey = pulse_selectors.survey_get(user=request.user, survey_id=survey_id)
    results = pulse_selectors.survey_results(user=request.user, survey=survey)
    groups = [{"team": _("All my teams"), **results["overall"]}, *results["teams"]]
    rows = [
        {
            "survey": survey.title,
            **{key: group[key] for key in ("team", "invited", "respondents", "suppressed")},
            "response_rate": _rounded(group["response_rate"], 4),
            **{key: _rounded(group[key]) for key in ("enps", "workload", "growth", "manager_support")},
            **{key: group[key] for key in ("promoters", "passives", "detractors")},
        }
        for group in groups
    ]
    return _csv_response(f"servicefit-pulse-{survey.id}.csv", RESULT_COLUMNS, rows)


def _trend(request):
    form = TrendFilterForm(request.GET or None, user=request.user, policy=RETENTION_READ)
    data = form.cleaned_data if form.is_valid() else {}
    trend = pulse_selectors.enps_trend(request.user, team=data.get("team"), since=data.get("since"))
    return form, trend


@require_GET
@policy_required(RETENTION_READ)
def enps_trend(request):
    form, trend = _trend(request)
    chart = {
        "labels": [row["survey"] for row in trend],
        "values": [_rounded(row["enps"], 1) for row in trend],
    }
    return render(
        request,
        "workforce/pulse/trend.html",
        {"form": form, "trend": trend, "chart": chart, "query": request.GET.urlencode()},
        status=400 if form.errors else 200,
    )


@require_GET
@policy_required(RETENTION_READ)
def enps_trend_csv(request):
    form, trend = _trend(request)
    if form.errors:
        return HttpResponse(_("Choose one of your teams and a valid date."), status=400, content_type="text/plain")
    rows = [
        {
            "survey": row["survey"],
            "closes_on": row["closes_on"].isoformat(),
            "respondents": row["respondents"],
            "enps": _rounded(row["enps"], 1),
        }
        for row in trend
    ]
    return _csv_response("servicefit-enps-trend.csv", TREND_COLUMNS, rows)
