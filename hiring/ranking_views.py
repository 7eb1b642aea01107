"""The ranking page of a requisition (advice with its reasons, decisions against it) and the page
that edits a role profile's fit settings."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hiring import decisions, fit_records, fit_settings, pipeline_selectors, ranking
from hiring.fit import COMPETENCIES, COVER_LETTER, SERVICE_TYPES
from hiring.models import FitLabel, FitSetting, FitStatus, Stage
from hiring.ranking_forms import DecisionForm, FitSettingForm, RankingFilterForm
from profiles import selectors as profile_selectors
from profiles.models import RoleProfile
from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import FRAMEWORK_EDIT, RANKING_DECIDE, RANKING_READ

PAGE_SIZE = 25
CSV_COLUMNS = [
    "position",
    "application",
    "candidate",
    "status",
    "fit",
    "label",
    "service_types",
    "competencies",
    "cover_letter",
    "hurdles_not_met",
    "strengths",
    "gaps",
    "missing",
    "fit_version",
]


def _component_names() -> dict[str, str]:
    return {SERVICE_TYPES: _("Service types"), COMPETENCIES: _("Competencies"), COVER_LETTER: _("Cover letter")}


def _missing_text(code: str, names: dict[str, str]) -> str:
    if code == "assessment":
        return _("a finished assessment")
    if code == SERVICE_TYPES:
        return _("service-type scores")
    if code == COVER_LETTER:
        return _("a cover letter")
    return names.get(code.split(".", 1)[-1], code)


def _row(position: int, row: ranking.Ranked, names: dict[str, str]) -> dict:
    """What the page and the CSV show of one ranked application, in words."""
    fit = row.fit
    components = _component_names()
    change = fit.get("what_would_change")
    change_text = ""
    if change:
        change_text = _("Raising %(what)s from %(from)s to %(to)s (+%(amount)s) would make the label “%(label)s”.") % {
            "what": names.get(change["code"], change["code"]),
            "from": number_format(change["from"], 1),
            "to": number_format(change["to"], 1),
            "amount": number_format(change["amount"], 1),
            "label": FitLabel(change["label"]).label,
        }
    return {
        "position": position,
        "application": row.application,
        "candidate": row.application.candidate,
        "status": fit["status"],
        "status_label": FitStatus(fit["status"]).label,
        "fit": fit["fit"],
        "label": fit["label"],
        "label_text": FitLabel(fit["label"]).label if fit["label"] else "",
        "components": [
            {"name": components[key], **value} for key, value in fit["components"].items() if key in components
        ],
        "hurdles": [{**h, "name": names.get(h["competency"], h["competency"])} for h in fit["hurdles"]],
        "strengths": [{**d, "name": names.get(d["code"], d["code"])} for d in fit["strengths"]],
        "gaps": [{**d, "name": names.get(d["code"], d["code"])} for d in fit["gaps"]],
        "missing": [_missing_text(code, names) for code in fit["missing"]],
        "what_would_change": change_text,
        "fit_version": fit["fit_version"],
        "written_not_reviewed": row.written_not_reviewed,
        "stage": Stage(row.application.stage).label,
        "advance_to": [(s, Stage(s).label) for s in decisions.advance_stages(row.application.stage)],
        "can_hire": row.application.stage == Stage.OFFER,
    }


def _requisition(request, requisition_id: int):
    return ranking.ranking_requisition_get(user=request.user, requisition_id=requisition_id)


def _filtered(request, requisition):
    filters = RankingFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    rows = ranking.requisition_ranking(
        requisition=requisition, label=cleaned.get("label", ""), status=cleaned.get("status", "")
    )
    return filters, rows


@require_GET
@policy_required(RANKING_READ)
def requisition_ranking(request, requisition_id):
    requisition = _requisition(request, requisition_id)
    filters, rows = _filtered(request, requisition)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = ranking.ranking_shown(user=request.user, rows=page.object_list)
    names = profile_selectors.scale_names()
    setting = fit_records.fit_setting_current(requisition.role_profile)
    return render(
        request,
        "hiring/ranking.html",
        {
            "requisition": requisition,
            "filters": filters,
            "page": page,
            "rows": [_row(n, row, names) for n, row in zip(rows.positions(shown), shown, strict=True)],
            "narrowed": rows.narrowed,
            "fit_version": fit_records.fit_config_of(setting).version,
            "can_decide": decisions.decider_allowed(user=request.user, requisition=requisition),
            "can_edit_settings": FRAMEWORK_EDIT.allows(request.user),
            "decision_choices": DecisionForm.base_fields["decision"].choices,
        },
    )


@require_GET
@policy_required(RANKING_READ)
def requisition_ranking_csv(request, requisition_id):
    requisition = _requisition(request, requisition_id)
    _filters, rows = _filtered(request, requisition)
    shown = ranking.ranking_shown(user=request.user, rows=rows)
    names = profile_selectors.scale_names()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="servicefit-ranking-{requisition.id}.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å correctly
    positions = rows.positions(shown)
    csv_write(
        response,
        columns=CSV_COLUMNS,
        rows=(_csv_row(_row(n, row, names)) for n, row in zip(positions, shown, strict=True)),
    )
    return response


def _csv_row(row: dict) -> dict:
    scores = {c["name"]: c["score"] for c in row["components"]}
    component_names = _component_names()
    return {
        "position": row["position"],
        "application": row["application"].id,
        "candidate": row["candidate"].name,
        "status": row["status_label"],
        "fit": row["fit"],
        "label": row["label_text"],
        **{key: scores.get(name) for key, name in component_names.items()},
        "hurdles_not_met": "; ".join(h["name"] for h in row["hurdles"] if not h["met"]),
        "strengths": "; ".join(d["name"] for d in row["strengths"]),
        "gaps": "; ".join(d["name"] for d in row["gaps"]),
        "missing": "; ".join(row["missing"]),
        "fit_version": row["fit_version"],
    }


@require_POST
@policy_required(RANKING_READ)
def requisition_ranking_refresh(request, requisition_id):
    requisition = _requisition(request, requisition_id)
    fit_records.requisition_fit_refresh_later(requisition_ids=[requisition.id])
    messages.success(request, _("The ranking is being recomputed; reload the page in a moment."))
    return redirect("hiring:requisition-ranking", requisition_id=requisition.id)


@require_POST
@policy_required(RANKING_DECIDE)
def application_decide(request, application_id):
    application = pipeline_selectors.application_get(
        user=request.user, application_id=application_id, policy=RANKING_DECIDE
    )
    form = DecisionForm(request.POST)
    back = reverse("hiring:requisition-ranking", args=[application.requisition_id])
    if form.is_valid():
        try:
            decisions.ranking_decide(
                application=application,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                to_stage=form.cleaned_data["stage"] or None,
                user=request.user,
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            done = _("%(name)s: the decision is recorded and the application moved.")
            messages.success(request, done % {"name": application.candidate.name})
        if form.cleaned_data.get("page"):
            back += f"?page={form.cleaned_data['page']}"
    else:
        messages.error(request, _("Choose a decision and give a short reason (at most 300 characters)."))
    return redirect(back)


@require_http_methods(["GET", "POST"])
@policy_required(FRAMEWORK_EDIT)
def fit_settings_edit(request, slug):
    role_profile = get_object_or_404(RoleProfile, slug=slug)
    names = profile_selectors.scale_names()
    competencies = [
        (c.competency.code, names.get(c.competency.code, c.competency.code), c.target_level)
        for c in role_profile.competencies.select_related("competency")
    ]
    defaults = fit_settings.fit_setting_defaults(role_profile)
    initial = {k: v for k, v in defaults.items() if k != "hurdles"}
    initial |= {f"hurdle_{code}": str(level) for code, level in defaults["hurdles"].items()}
    form = FitSettingForm(request.POST or None, initial=initial, competencies=competencies)
    if request.method == "POST" and form.is_valid():
        try:
            setting = fit_settings.fit_setting_save(role_profile=role_profile, user=request.user, **form.values())
        except ApplicationError as exc:
            form.add_error(None, exc.message)
            for field, errors in exc.extra.get("fields", {}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Saved as version %(version)s.") % {"version": setting.version})
            back = request.POST.get("requisition", "")
            if back.isdigit():
                return redirect("hiring:requisition-ranking", requisition_id=int(back))
            return redirect("hiring:fit-settings", slug=role_profile.slug)
    versions = FitSetting.objects.filter(role_profile=role_profile).select_related("created_by", "role_profile")
    requisition = request.GET.get("requisition", "") or request.POST.get("requisition", "")
    return render(
        request,
        "hiring/fit_settings.html",
        {
            "role_profile": role_profile,
            "form": form,
            "versions": versions.order_by("-number")[:20],
            "names": names,
            "requisition": requisition if requisition.isdigit() else "",
        },
    )
