"""Development pages: the panel alone, its CSV, and the forms a team lead fills in each week."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from profiles.models import Competency
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import AGENT_READ, DEVELOPMENT_WRITE
from workforce import development, development_forms
from workforce import development_selectors as selectors
from workforce.models import GoalStatus

FORM_TEMPLATE = "workforce/development_form.html"
CSV_TABLES = {
    "levels": ["competency", "name", "current", "target", "gap"],
    "growth": ["date", "competency", "name", "level", "mean"],
}


def _errors_to_form(form, exc: ApplicationError) -> None:
    shown = False
    for field, errors in (exc.extra.get("fields") or {}).items():
        field = field if field in form.fields else None
        form.add_error(field, [str(e) for e in errors])
        shown = shown or field is not None
    if not shown and not form.non_field_errors():
        form.add_error(None, exc.message)


def _back(agent_id: int):
    return redirect("workforce:agent-development", agent_id=agent_id)


def _form_page(request, *, agent, form, title: str, submit: str, template: str = FORM_TEMPLATE, **context):
    status = 400 if request.method == "POST" else 200
    context = {"agent": agent, "form": form, "title": title, "submit": submit, **context}
    return render(request, template, context, status=status)


@require_GET
@policy_required(AGENT_READ)
def agent_development(request, agent_id):
    agent = selectors.development_agent_get(user=request.user, agent_id=agent_id)
    context = selectors.agent_development(agent=agent, user=request.user)
    context["can_write"] = DEVELOPMENT_WRITE.allows_team(request.user, agent.team_id)
    return render(request, "workforce/agent_development.html", {"development": context, "agent": agent})


@require_GET
@policy_required(AGENT_READ)
def agent_development_csv(request, agent_id):
    agent = selectors.development_agent_get(user=request.user, agent_id=agent_id)
    table = request.GET.get("table", "levels")
    if table not in CSV_TABLES:
        return HttpResponse(_("Choose the table: levels or growth."), status=400, content_type="text/plain")
    data = selectors.agent_development(agent=agent, user=request.user)
    if table == "levels":
        rows = data["levels"]
    else:
        rows = [
            {
                "date": row["date"].isoformat(),
                "competency": code,
                "name": data["names"].get(code, code),
                "level": level,
                "mean": round(row["mean"], 3),
            }
            for row in data["series_rows"]
            for code, level in row["levels"].items()
        ]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="servicefit-development-{agent.id}-{table}.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    csv_write(response, columns=CSV_TABLES[table], rows=rows)
    return response


def _write_agent(request, agent_id):
    return selectors.development_agent_get(user=request.user, agent_id=agent_id, policy=DEVELOPMENT_WRITE)


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def competency_rate(request, agent_id):
    agent = _write_agent(request, agent_id)
    targets = selectors.role_targets(agent=agent)
    competencies = sorted(
        Competency.objects.prefetch_related("translations"),
        key=lambda c: (c.code not in targets, list(targets).index(c.code) if c.code in targets else 0, c.order),
    )
    form = development_forms.CompetencyRatingForm(
        request.POST or None, competencies=competencies, targets=targets, initial={"taken_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            development.snapshot_record(
                agent=agent, levels=form.levels(), taken_on=form.cleaned_data["taken_on"], user=request.user
            )
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The rating was saved."))
            return _back(agent.id)
    return _form_page(
        request,
        agent=agent,
        form=form,
        title=_("Rate competencies"),
        submit=_("Save rating"),
        template="workforce/competency_rating.html",
    )


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def plan_new(request, agent_id):
    agent = _write_agent(request, agent_id)
    form = development_forms.PlanForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    form.fields.pop("status")
    if request.method == "POST" and form.is_valid():
        try:
            development.plan_create(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The plan was created. Add its goals."))
            return _back(agent.id)
    return _form_page(request, agent=agent, form=form, title=_("New development plan"), submit=_("Create plan"))


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def plan_edit(request, plan_id):
    plan = selectors.plan_get(user=request.user, plan_id=plan_id, policy=DEVELOPMENT_WRITE)
    initial = {"title": plan.title, "starts_on": plan.starts_on, "status": plan.status}
    form = development_forms.PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            development.plan_update(plan=plan, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The plan was saved."))
            return _back(plan.agent_id)
    return _form_page(request, agent=plan.agent, form=form, title=_("Edit development plan"), submit=_("Save"))


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def goal_new(request, plan_id):
    plan = selectors.plan_get(user=request.user, plan_id=plan_id, policy=DEVELOPMENT_WRITE)
    form = development_forms.GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            development.goal_add(plan=plan, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The goal was added."))
            return _back(plan.agent_id)
    title = _("New goal in “%(plan)s”") % {"plan": plan.title}
    return _form_page(request, agent=plan.agent, form=form, title=title, submit=_("Add goal"))


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def goal_edit(request, goal_id):
    goal = selectors.goal_get(user=request.user, goal_id=goal_id, policy=DEVELOPMENT_WRITE)
    initial = {
        "competency": goal.competency.code if goal.competency else None,
        "description": goal.description,
        "target_level": goal.target_level,
        "due_on": goal.due_on,
        "status": goal.status,
    }
    form = development_forms.GoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            development.goal_update(goal=goal, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The goal was saved."))
            return _back(goal.plan.agent_id)
    return _form_page(request, agent=goal.plan.agent, form=form, title=_("Edit goal"), submit=_("Save"))


@require_POST
@policy_required(DEVELOPMENT_WRITE)
def goal_status(request, goal_id):
    """The quick status change from the goals table."""
    goal = selectors.goal_get(user=request.user, goal_id=goal_id, policy=DEVELOPMENT_WRITE)
    form = development_forms.GoalStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
        return _back(goal.plan.agent_id)
    development.goal_update(goal=goal, status=form.cleaned_data["status"])
    label = dict(GoalStatus.choices)[form.cleaned_data["status"]]
    messages.success(request, _("“%(goal)s” is now: %(status)s.") % {"goal": goal.description, "status": label})
    return redirect(reverse("workforce:agent-development", args=[goal.plan.agent_id]) + f"#goal-{goal.id}")


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def training_new(request, agent_id):
    agent = _write_agent(request, agent_id)
    form = development_forms.TrainingForm(request.POST or None, initial={"completed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            development.training_add(agent=agent, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The training was added."))
            return _back(agent.id)
    return _form_page(request, agent=agent, form=form, title=_("Add training or certification"), submit=_("Add"))


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def coaching_new(request, agent_id):
    agent = _write_agent(request, agent_id)
    form = development_forms.CoachingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            development.coaching_add(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The coaching session was recorded."))
            return _back(agent.id)
    return _form_page(request, agent=agent, form=form, title=_("Record a coaching session"), submit=_("Save"))


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def move_new(request, agent_id):
    agent = _write_agent(request, agent_id)
    form = development_forms.CareerMoveForm(
        request.POST or None, user=request.user, initial={"moved_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            development.career_move_record(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            # The teams offered are ones the user may write to, so the agent stays within reach.
            messages.success(request, _("The career move was recorded."))
            return _back(agent.id)
    return _form_page(request, agent=agent, form=form, title=_("Record a career move"), submit=_("Save"))


@require_http_methods(["GET", "POST"])
@policy_required(DEVELOPMENT_WRITE)
def reassess(request, agent_id):
    agent = _write_agent(request, agent_id)
    form = development_forms.ReassessForm(request.POST or None, initial={"language": development.agent_language(agent)})
    if request.method == "POST" and form.is_valid():
        try:
            development.agent_reassess(agent=agent, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The assessment was sent to %(email)s.") % {"email": agent.email})
            return _back(agent.id)
    return _form_page(request, agent=agent, form=form, title=_("Send a re-assessment"), submit=_("Send"))
