"""Pages for the attrition models: versions of both kinds, training a snapshot model from a CSV."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from servicefit.core.decorators import policy_required
from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import ATTRITION_MODEL_MANAGE
from workforce.attrition_models import attrition_model_activate
from workforce.model_forms import SnapshotTrainingForm
from workforce.models import AttritionModel, SnapshotTraining
from workforce.risk import HAZARD_SOURCE
from workforce.snapshot_trainings import (
    attrition_model_list,
    snapshot_training_create,
    snapshot_training_list,
    snapshot_training_retry,
)


def _source_shown(model) -> str:
    return _("Employee records") if model.source == HAZARD_SOURCE else model.source  # else "file: target"


def _page(request, form, status=200):
    models = list(attrition_model_list())
    for model in models:
        model.source_shown = _source_shown(model)
    context = {"form": form, "models": models, "trainings": snapshot_training_list()[:20]}
    return render(request, "workforce/attrition_models.html", context, status=status)


@require_GET
@policy_required(ATTRITION_MODEL_MANAGE)
def attrition_models(request):
    return _page(request, SnapshotTrainingForm())


@require_POST
@policy_required(ATTRITION_MODEL_MANAGE)
def attrition_model_train(request):
    form = SnapshotTrainingForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            training = snapshot_training_create(
                file_name=upload.name,
                data=upload.read(),
                target=form.cleaned_data["target"],
                positive=form.cleaned_data["positive"],
                drop=form.cleaned_data["drop"],
                user=request.user,
            )
        except ApplicationError as exc:
            form.add_error("file", exc.message)
        else:
            return redirect("workforce:attrition-training", training_id=training.id)
    return _page(request, form, status=400)


@require_POST
@policy_required(ATTRITION_MODEL_MANAGE)
def attrition_model_use(request, model_id):
    model = get_object_or_404(AttritionModel, id=model_id)
    attrition_model_activate(model=model)
    messages.success(request, _("%(model)s is now in use.") % {"model": f"{model.get_kind_display()} v{model.version}"})
    return redirect("workforce:attrition-models")


@require_GET
@policy_required(ATTRITION_MODEL_MANAGE)
def attrition_training(request, training_id):
    training = get_object_or_404(SnapshotTraining.objects.select_related("attrition_model"), id=training_id)
    partial = request.headers.get("HX-Request")
    template = "workforce/_training_progress.html" if partial else "workforce/attrition_training.html"
    return render(request, template, {"training": training})


@require_POST
@policy_required(ATTRITION_MODEL_MANAGE)
def attrition_training_retry(request, training_id):
    training = get_object_or_404(SnapshotTraining, id=training_id)
    try:
        snapshot_training_retry(training=training)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("workforce:attrition-training", training_id=training.id)
