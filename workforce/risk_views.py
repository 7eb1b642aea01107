"""Pages of attrition risk: the at-risk list (with its CSV), the "train" button and the models' versions."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from servicefit.core.csv import csv_write
from servicefit.core.decorators import policy_required
from servicefit.core.policies import ATTRITION_MODEL_MANAGE, RETENTION_READ, team_choices
from workforce import risk_selectors
from workforce.risk_bands import BANDS
from workforce.risk_words import BAND_LABELS


class AtRiskFilterForm(forms.Form):
    team = forms.TypedChoiceField(label=gettext_lazy("Team"), required=False, coerce=int, empty_value=None)
    band = forms.ChoiceField(label=gettext_lazy("Risk band"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = team_choices(policy=RETENTION_READ, user=user)
        self.fields["team"].choices = [("", _("All")), *((team.id, team.name) for team in teams)]
        self.fields["band"].choices = [("", _("All")), *((band, BAND_LABELS[band]) for _lowest, band in BANDS)]


def _filtered(request):
    filters = AtRiskFilterForm(request.GET or None, user=request.user)
    filtered = {"team_id": None, "band": ""}
    if filters.is_bound and filters.is_valid():
        filtered = {"team_id": filters.cleaned_data["team"], "band": filters.cleaned_data["band"]}
    return filters, filtered, risk_selectors.risk_scores(user=request.user, **filtered)


@policy_required(RETENTION_READ)
def at_risk(request):
    filters, filtered, scores = _filtered(request)
    page = Paginator(scores, 50).get_page(request.GET.get("page"))
    page.object_list = risk_selectors.risk_rows(user=request.user, scores=page.object_list)
    model = risk_selectors.hazard_model_current()
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workforce/at_risk.html",
        {
            "filters": filters,
            "page": page,
            "model": risk_selectors.model_summary(model),
            "can_train": ATTRITION_MODEL_MANAGE.allows(request.user),
            "csv_query": query.urlencode(),
            "on_notice": risk_selectors.risk_on_notice_count(user=request.user, **filtered),
        },
    )


CSV_COLUMNS = [
    "employee_number",
    "name",
    "team",
    "probability",
    "band",
    "driver_1",
    "action_1",
    "driver_2",
    "action_2",
    "driver_3",
    "action_3",
    "model_version",
    "scored_at",
]


@policy_required(RETENTION_READ)
def at_risk_csv(request):
    _filters, _filtered_by, scores = _filtered(request)
    rows = []
    for row in risk_selectors.risk_rows(user=request.user, scores=scores):
        line = {
            "employee_number": row.agent.employee_number,
            "name": row.agent.name,
            "team": row.agent.team.name,
            "probability": round(row.probability, 4),
            "band": row.band_label,
            "model_version": row.model_version,
            "scored_at": row.scored_at.date().isoformat(),
        }
        for i, driver in enumerate(row.drivers, start=1):
            line[f"driver_{i}"], line[f"action_{i}"] = driver["text"], driver["action"]
        rows.append(line)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="servicefit-at-risk.csv"'
    response.write("\ufeff")  # so Excel opens æ/ø/å in names and reasons correctly
    csv_write(response, columns=CSV_COLUMNS, rows=rows)
    return response


@require_POST
@policy_required(ATTRITION_MODEL_MANAGE)
def hazard_model_train(request):
    from workforce.tasks import hazard_model_train_task

    user_id = request.user.id
    transaction.on_commit(lambda: hazard_model_train_task.delay(user_id))
    messages.success(
        request,
        _("Training the risk model has started; the list updates when it is done (a minute or two on a large centre)."),
    )
    return redirect("workforce:attrition-models" if request.POST.get("next") == "models" else "workforce:at-risk")
