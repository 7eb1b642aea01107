"""The retention dashboard page, its CSV downloads and the replacement-cost settings page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.policies import AGENT_WRITE, RETENTION_READ
from workforce import retention_selectors as selectors
from workforce.retention_csv import CSV_PARTS, csv_rows
from workforce.retention_forms import ReplacementCostForm, RetentionFilterForm
from workforce.retention_services import retention_settings_save


def _scope(request):
    """(form, scope or None, error message or None)."""
    form = RetentionFilterForm(request.GET or None, user=request.user)
    if request.GET and not form.is_valid():
        return form, None, _("Check the filters: choose one of your teams and dates as YYYY-MM-DD.")
    data = form.cleaned_data if form.is_bound else {}
    team = data.get("team")
    try:
        scope = selectors.retention_scope(
            user=request.user, team_id=team.id if team else None, start=data.get("from"), end=data.get("to")
        )
    except ApplicationError as error:
        return form, None, error.message
    return form, scope, None


def _presets(scope) -> list[dict]:
    end = scope.end if scope else None
    presets = []
    for years, label in ((1, _("12 months")), (3, _("3 years"))):
        start, to = selectors.default_period(end, years=years)
        presets.append({"label": label, "from": start.isoformat(), "to": to.isoformat()})
    return presets


def _survival_chart(series: list[dict], *, band: bool) -> dict:
    return {
        "kind": "survival",
        "band": band,
        "x": _("Tenure (days)"),
        "y": _("Still employed"),
        "series": [
            {
                "label": str(s["label"]),
                "points": [[p["days"], p["survival"], p["lower"], p["upper"]] for p in s["survival"]],
            }
            for s in series
        ],
    }


def _bar_chart(rows: list[dict], field: str, label: str) -> dict:
    shown = [r for r in rows if r.get(field) is not None][:12]
    return {
        "kind": "bars",
        "label": label,
        "labels": [str(r["label"]) for r in shown],
        "values": [round(r[field] * 100, 1) for r in shown],
    }


def _charts(dashboard: dict) -> None:
    """Chart data beside each figure, for retention.js (read through json_script)."""
    dashboard["survival_chart"] = _survival_chart(
        [{"label": _("All agents"), "survival": dashboard["survival"]["survival"]}], band=True
    )
    for breakdown in dashboard["breakdowns"]:
        breakdown["chart"] = _bar_chart(breakdown["rows"], "voluntary_attrition_rate", _("Voluntary attrition (%)"))
        breakdown["chart_id"] = f"breakdown-{breakdown['key']}-data"
    for segment in dashboard["segments"]:
        segment["chart"] = _survival_chart(segment["groups"][:8], band=False)
        segment["chart_id"] = f"segment-{segment['key']}-data"
    for dimension in dashboard["fit_loop"]["dimensions"]:
        dimension["chart"] = _survival_chart(dimension["groups"][:8], band=False)
        dimension["chart_id"] = f"fit-{dimension['key']}-data"
    shown = [row for row in dashboard["enps"] if not row["suppressed"]]
    dashboard["enps_chart"] = {
        "kind": "line",
        "label": "eNPS",
        "labels": [row["title"] for row in shown],
        "values": [round(row["enps"], 1) for row in shown],
    }


@require_GET
@policy_required(RETENTION_READ)
def retention(request):
    form, scope, error = _scope(request)
    context = {"form": form, "scope": scope, "error": error, "presets": _presets(scope), "csv_parts": CSV_PARTS}
    if scope is None:
        return render(request, "workforce/retention.html", context, status=400)
    dashboard = selectors.retention_dashboard(scope=scope, user=request.user)
    if not dashboard["empty"]:
        _charts(dashboard)
    context.update(
        dashboard=dashboard,
        query=request.GET.urlencode(),
        min_agents=selectors.MIN_GROUP_AGENTS,
        min_exits=selectors.MIN_GROUP_EXITS,
        can_edit_costs=AGENT_WRITE.allows(request.user),
    )
    return render(request, "workforce/retention.html", context)


@require_GET
@policy_required(RETENTION_READ)
def retention_csv(request):
    part = request.GET.get("part", "")
    if part not in CSV_PARTS:
        return HttpResponse(
            _("Choose one of: %(parts)s.") % {"parts": ", ".join(CSV_PARTS)}, status=400, content_type="text/plain"
        )
    _form, scope, error = _scope(request)
    if scope is None:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    columns, rows = csv_rows(part, scope=scope, user=request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="servicefit-retention-{part}-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.csv"'
    )
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    csv_write(response, columns=columns, rows=rows)
    return response


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def retention_settings(request):
    teams = AGENT_WRITE.scope(Team.objects.all(), request.user, field="id").order_by("name")
    form = ReplacementCostForm(request.POST or None, teams=teams)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                retention_settings_save(
                    team=form.cleaned_data["team"],
                    replacement_cost=form.cleaned_data["replacement_cost"],
                    user=request.user,
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Replacement cost saved."))
                return redirect("workforce:retention-settings")
        status = 400
    costs = selectors.team_replacement_costs([t.id for t in teams])
    rows = [{"team": t, "cost": costs[t.id][0], "currency": costs[t.id][1], "custom": costs[t.id][2]} for t in teams]
    return render(request, "workforce/retention_settings.html", {"form": form, "rows": rows}, status=status)
