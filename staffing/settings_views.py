"""The planning-assumptions page and the known events: everyone with STAFFING_READ sees them, HR and
admins (STAFFING_WRITE) change them. Each change posts to its own address, so each address has one
policy."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import STAFFING_READ, STAFFING_WRITE
from staffing import settings_services
from staffing.models import TrafficEvent
from staffing.settings_forms import HELP_TEXTS, PlanSettingsForm, TrafficEventForm, ramp_text
from staffing.settings_selectors import plan_settings_get, traffic_event_list


def _errors_to_form(form, error: ApplicationError) -> None:
    fields = error.extra.get("fields") or {}
    for name, problems in fields.items():
        for problem in problems:
            form.add_error(name if name in form.fields else None, problem)
    if not fields:
        form.add_error(None, error.message)


def _settings_page(request, form=None, status=200):
    settings = plan_settings_get()
    can_write = STAFFING_WRITE.allows(request.user)
    names = settings_services.PLAN_SETTINGS_FIELDS
    values = {name: getattr(settings, name) for name in names} | {"ramp_curve": ramp_text(settings)}
    if form is None and can_write:
        form = PlanSettingsForm(initial=values)
    rows = [
        {
            "label": settings._meta.get_field(name).verbose_name,
            "value": values[name],
            "help": settings._meta.get_field(name).help_text or HELP_TEXTS.get(name, ""),
        }
        for name in names
    ]
    context = {"settings": settings, "form": form, "rows": rows, "can_write": can_write}
    return render(request, "staffing/settings/plan_settings.html", context, status=status)


@require_GET
@policy_required(STAFFING_READ)
def plan_settings(request):
    return _settings_page(request)


@require_POST
@policy_required(STAFFING_WRITE)
def plan_settings_edit(request):
    form = PlanSettingsForm(request.POST)
    if form.is_valid():
        try:
            settings_services.plan_settings_update(user=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The planning assumptions are saved."))
            return redirect("staffing:settings")
    return _settings_page(request, form, status=400)


def _events_page(request, form=None, status=200):
    can_write = STAFFING_WRITE.allows(request.user)
    context = {
        "events": traffic_event_list(),
        "form": form or (TrafficEventForm() if can_write else None),
        "can_write": can_write,
    }
    return render(request, "staffing/settings/events.html", context, status=status)


@require_GET
@policy_required(STAFFING_READ)
def events(request):
    return _events_page(request)


@require_POST
@policy_required(STAFFING_WRITE)
def event_new(request):
    form = TrafficEventForm(request.POST)
    if form.is_valid():
        try:
            event = settings_services.traffic_event_create(user=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("“%(name)s” is added to the forecast.") % {"name": event.name})
            return redirect("staffing:events")
    return _events_page(request, form, status=400)


@require_POST
@policy_required(STAFFING_WRITE)
def event_delete(request, event_id):
    event = get_object_or_404(TrafficEvent, id=event_id)
    settings_services.traffic_event_delete(event=event, user=request.user)
    messages.success(request, _("“%(name)s” is deleted.") % {"name": event.name})
    return redirect("staffing:events")
