"""People pages: the agent list (and its CSV), a team lead's team at a glance, an agent's page with
the panels the other parts of workforce register, and HR's forms. Every page that shows agents
writes them to the access log."""

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hiring.models import FitLabel
from profiles.models import ServiceType
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.ids import record_id
from servicefit.core.models import AccessLog
from servicefit.core.persons import persons_by_name
from servicefit.core.policies import AGENT_READ, AGENT_WRITE, CANDIDATE_RESULTS_READ, team_choices
from workforce import agent_forms as forms
from workforce import agent_selectors as selectors
from workforce import agents as services
from workforce.panels import agent_panels

PAGE_SIZE = 25
CSV_COLUMNS = [
    "employee_number",
    "name",
    "email",
    "team",
    "manager",
    "role_profile",
    "channels",
    "hire_date",
    "employment_status",
    "exit_date",
    "exit_type",
    "exit_reason",
    "tenure_months",
    "source",
    "risk_probability",
    "risk_band",
]


def _filtered(request):
    scope = selectors.agent_list(user=request.user)
    managers = persons_by_name(get_user_model().objects.filter(id__in=scope.values("manager")))
    filters = forms.AgentFilterForm(
        request.GET or None, teams=team_choices(policy=AGENT_READ, user=request.user), managers=managers
    )
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    return filters, selectors.agent_list(user=request.user, filters=cleaned)


@require_GET
@policy_required(AGENT_READ)
def agent_index(request):
    filters, agents = _filtered(request)
    page = Paginator(agents, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.agents_described(selectors.agents_shown(user=request.user, agents=page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workforce/agents.html",
        {
            "filters": filters,
            "page": page,
            "can_write": AGENT_WRITE.allows(request.user),
            "query": query.urlencode(),
        },
    )


@require_GET
@policy_required(AGENT_READ)
def agent_csv(request):
    _filters, agents = _filtered(request)
    agents = selectors.agents_described(
        selectors.agents_shown(user=request.user, agents=agents, action=AccessLog.Action.EXPORT)
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="servicefit-agents.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    rows = (
        {
            "employee_number": agent.employee_number,
            "name": agent.name,
            "email": agent.email,
            "team": agent.team.name,
            "manager": agent.manager.get_username() if agent.manager else "",
            # In words of the reader's language, as on the page: a spreadsheet reader knows no codes.
            "role_profile": agent.role_profile.name if agent.role_profile else "",
            "channels": ", ".join(str(label) for label in agent.channel_labels),
            "hire_date": agent.hire_date.isoformat(),
            "employment_status": agent.get_employment_status_display(),
            "exit_date": agent.exit_date.isoformat() if agent.exit_date else "",
            "exit_type": agent.get_exit_type_display(),
            "exit_reason": agent.get_exit_reason_display(),
            "tenure_months": agent.tenure.months,
            "source": agent.source_label,
            "risk_probability": round(agent.risk_probability, 4) if agent.risk_probability is not None else "",
            "risk_band": agent.risk_band.label if agent.risk_band else "",
        }
        for agent in agents
    )
    csv_write(response, columns=CSV_COLUMNS, rows=rows)
    return response


@require_GET
@policy_required(AGENT_READ)
def team_page(request):
    teams = team_choices(policy=AGENT_READ, user=request.user)
    team_id = record_id(request.GET.get("team", ""))
    team = teams.filter(id=team_id).first() if team_id else None
    rows = selectors.team_overview(user=request.user, team=team)
    selectors.agents_shown(user=request.user, agents=rows)
    return render(request, "workforce/team.html", {"rows": rows, "teams": teams, "team": team})


def _date_or_none(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _hiring_profile(agent) -> dict | None:
    profile = agent.hiring_profile or {}
    if not profile and agent.hiring_fit is None and not agent.hiring_dominant_type:
        return None
    labels = dict(ServiceType.Code.choices)
    scores = profile.get("type_scores") or {}
    percentiles = profile.get("type_percentiles") or {}
    types = sorted(
        (
            {"code": code, "name": labels.get(code, code), "score": score, "percentile": percentiles.get(code)}
            for code, score in scores.items()
        ),
        key=lambda row: -(row["score"] or 0),
    )
    return {
        "types": types,
        "dominant": labels.get(agent.hiring_dominant_type, agent.hiring_dominant_type),
        "fit": agent.hiring_fit,
        "fit_label": dict(FitLabel.choices).get(agent.hiring_fit_label, agent.hiring_fit_label),
        "submitted_on": _date_or_none(profile.get("submitted_on")),
    }


@require_GET
@policy_required(AGENT_READ)
def agent_detail(request, agent_id):
    agent = selectors.agent_get(user=request.user, agent_id=agent_id)
    selectors.agents_shown(user=request.user, agents=[agent])
    [agent] = selectors.agents_described([agent])
    panels = []
    for panel in agent_panels():
        context = panel.context(agent, request.user)
        if context is not None:
            # Each panel's template reads its own context (the development page includes the same template).
            html = render_to_string(panel.template, {"agent": agent, **context}, request=request)
            panels.append({"name": panel.name, "template": panel.template, "context": context, "html": html})
    requisition = None
    if agent.hire is not None and CANDIDATE_RESULTS_READ.allows_team(request.user, agent.hire.team_id):
        requisition = agent.hire.requisition
    return render(
        request,
        "workforce/agent.html",
        {
            "agent": agent,
            "hiring": _hiring_profile(agent),
            "requisition": requisition,
            "periods": selectors.agent_periods(agent=agent, user=request.user),
            "panels": panels,
            "can_write": AGENT_WRITE.allows_team(request.user, agent.team_id),
        },
    )


def _errors_shown(form, exc: ApplicationError) -> None:
    for name, problems in exc.extra.get("fields", {}).items():
        if name in form.fields:
            form.add_error(name, problems)
    form.add_error(None, exc.message)


def _write_teams(request):
    return team_choices(policy=AGENT_WRITE, user=request.user)


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def agent_new(request):
    form = forms.AgentForm(request.POST or None, teams=_write_teams(request))
    if request.method == "POST" and form.is_valid():
        try:
            agent = services.agent_create(user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_shown(form, exc)
        else:
            messages.success(request, _("The agent was saved."))
            return redirect("workforce:agent-detail", agent_id=agent.id)
    status = 400 if form.is_bound else 200
    return render(request, "workforce/agent_form.html", {"form": form, "agent": None}, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def agent_edit(request, agent_id):
    agent = selectors.agent_get(user=request.user, agent_id=agent_id, policy=AGENT_WRITE)
    selectors.agents_shown(user=request.user, agents=[agent])
    initial = {field: getattr(agent, field) for field in services.EDITABLE}
    form = forms.AgentForm(request.POST or None, initial=initial, teams=_write_teams(request))
    if agent.exit_date is not None:
        form.fields["employment_status"].choices = [(agent.employment_status, agent.get_employment_status_display())]
    if request.method == "POST" and form.is_valid():
        try:
            services.agent_update(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_shown(form, exc)
        else:
            messages.success(request, _("The agent was saved."))
            return redirect("workforce:agent-detail", agent_id=agent.id)
    status = 400 if form.is_bound else 200
    return render(request, "workforce/agent_form.html", {"form": form, "agent": agent}, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def agent_exit(request, agent_id):
    agent = selectors.agent_get(user=request.user, agent_id=agent_id, policy=AGENT_WRITE)
    initial = {"exit_date": agent.exit_date, "exit_type": agent.exit_type, "exit_reason": agent.exit_reason}
    form = forms.AgentExitForm(request.POST or None, initial=initial if agent.exit_date else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agent_exit(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_shown(form, exc)
        else:
            messages.success(request, _("The exit was recorded."))
            return redirect("workforce:agent-detail", agent_id=agent.id)
    status = 400 if form.is_bound else 200
    return render(request, "workforce/agent_exit.html", {"form": form, "agent": agent}, status=status)


@require_http_methods(["GET", "POST"])
@policy_required(AGENT_WRITE)
def agent_rehire(request, agent_id):
    agent = selectors.agent_get(user=request.user, agent_id=agent_id, policy=AGENT_WRITE)
    initial = {"team": agent.team_id, "manager": agent.manager_id, "role_profile": agent.role_profile_id}
    form = forms.AgentRehireForm(request.POST or None, initial=initial, teams=_write_teams(request))
    if request.method == "POST" and form.is_valid():
        try:
            rehired = services.agent_rehire(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_shown(form, exc)
        else:
            messages.success(request, _("The new employment period was saved."))
            return redirect("workforce:agent-detail", agent_id=rehired.id)
    status = 400 if form.is_bound else 200
    return render(request, "workforce/agent_rehire.html", {"form": form, "agent": agent}, status=status)
