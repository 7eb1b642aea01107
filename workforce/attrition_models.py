"""Storing and loading attrition models: versioned, as data (JSON), bound to the schema they learnt.

Both kinds use it: the hazard model on our own agents (workforce/risk) and the snapshot classifier that
`train_attrition` fits on any HR table. A model's schema is the ordered list of its input features
(name and kind, and for categorical features their categories); scoring data of another schema is
refused with a message that names the difference, never silently mis-scored.
"""

import hashlib
import json

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from workforce.models import AttritionModel, ModelKind


def schema_hash(schema: list[dict]) -> str:
    """A stable hash of a schema: the same features in the same order give the same hash."""
    return hashlib.sha256(json.dumps(schema, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@transaction.atomic
def attrition_model_save(
    *,
    kind: str,
    schema: list[dict],
    parameters: dict,
    metrics: dict,
    n_rows: int,
    positives: int,
    source: str = "",
    horizon_months: int | None = None,
    user=None,
    activate: bool = True,
) -> AttritionModel:
    """Store a trained model as the next version of its kind (and make it the one in use)."""
    if kind not in ModelKind.values:
        raise ValueError(f"Unknown model kind {kind!r}.")
    # Lock the kind's rows so two trainings cannot take the same version number.
    latest = (
        AttritionModel.objects.select_for_update().filter(kind=kind).aggregate(latest=Max("version"))["latest"] or 0
    )
    if activate:
        AttritionModel.objects.filter(kind=kind, is_active=True).update(is_active=False)
    return AttritionModel.objects.create(
        kind=kind,
        version=latest + 1,
        schema=schema,
        schema_hash=schema_hash(schema),
        parameters=parameters,
        metrics=metrics,
        n_rows=n_rows,
        positives=positives,
        source=source[:300],
        horizon_months=horizon_months,
        trained_by=user if user is not None and user.is_authenticated else None,
        is_active=activate,
    )


@transaction.atomic
def attrition_model_activate(*, model: AttritionModel) -> AttritionModel:
    AttritionModel.objects.filter(kind=model.kind, is_active=True).exclude(id=model.id).update(is_active=False)
    AttritionModel.objects.filter(id=model.id).update(is_active=True)
    model.is_active = True
    return model


def attrition_model_active(*, kind: str) -> AttritionModel | None:
    return AttritionModel.objects.filter(kind=kind, is_active=True).first()


def schema_check(*, model: AttritionModel, schema: list[dict]) -> None:
    """Refuse to score data of another schema than the model's, naming what differs."""
    if schema_hash(schema) == model.schema_hash:
        return
    expected = [feature["name"] for feature in model.schema]
    given = [feature["name"] for feature in schema]
    missing = [name for name in expected if name not in given]
    extra = [name for name in given if name not in expected]
    details = []
    if missing:
        details.append(_("missing: %(names)s") % {"names": ", ".join(missing)})
    if extra:
        details.append(_("not in the model: %(names)s") % {"names": ", ".join(extra)})
    if not details:
        details.append(_("the features' order, kinds or categories differ"))
    raise ApplicationError(
        _("Model %(kind)s v%(version)s was trained on another schema (%(details)s); train a new model on this data.")
        % {"kind": model.kind, "version": model.version, "details": "; ".join(details)},
        extra={"fields": {"schema": ["mismatch"]}},
    )
