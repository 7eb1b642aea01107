"""Attrition models are stored as versioned data, and refuse data of another schema."""

import json

import pytest

from servicefit.core.exceptions import ApplicationError
from workforce.attrition_models import (
    attrition_model_activate,
    attrition_model_active,
    attrition_model_save,
    schema_check,
    schema_hash,
)
from workforce.models import AttritionModel, ModelKind

SCHEMA = [
    {"name": "tenure_months", "kind": "numeric"},
    {"name": "team", "kind": "categorical", "categories": ["Copenhagen", "Oslo"]},
]


def _save(**overrides):
    values = {
        "kind": ModelKind.SNAPSHOT,
        "schema": SCHEMA,
        "parameters": {"intercept": -1.2, "coefficients": [0.3, -0.1, 0.2]},
        "metrics": {"auc_cv": 0.81},
        "n_rows": 120,
        "positives": 20,
        "source": "hr.csv: Attrition",
    }
    return attrition_model_save(**{**values, **overrides})


@pytest.mark.django_db
def test_it_numbers_versions_per_kind_and_keeps_one_in_use():
    first, second = _save(), _save()
    hazard = _save(kind=ModelKind.HAZARD, horizon_months=6)

    assert (first.version, second.version, hazard.version) == (1, 2, 1)
    assert list(AttritionModel.objects.filter(is_active=True).order_by("kind").values_list("kind", "version")) == [
        ("hazard", 1),
        ("snapshot", 2),
    ]
    assert attrition_model_active(kind=ModelKind.SNAPSHOT) == second


@pytest.mark.django_db
def test_it_can_go_back_to_an_older_version():
    first = _save()
    _save()

    attrition_model_activate(model=first)

    assert attrition_model_active(kind=ModelKind.SNAPSHOT).version == 1
    assert AttritionModel.objects.filter(kind=ModelKind.SNAPSHOT, is_active=True).count() == 1


@pytest.mark.django_db
def test_it_stores_the_model_as_plain_json_data():
    model = _save()

    stored = AttritionModel.objects.get(id=model.id)
    assert json.loads(json.dumps(stored.parameters)) == {"intercept": -1.2, "coefficients": [0.3, -0.1, 0.2]}
    assert stored.schema_hash == schema_hash(SCHEMA)
    assert (stored.n_rows, stored.positives, stored.metrics["auc_cv"]) == (120, 20, 0.81)


def test_it_hashes_the_same_schema_the_same_way_and_notices_any_change():
    assert schema_hash(SCHEMA) == schema_hash([dict(reversed(list(feature.items()))) for feature in SCHEMA])
    assert schema_hash(SCHEMA) != schema_hash(list(reversed(SCHEMA)))
    changed = [SCHEMA[0], {**SCHEMA[1], "categories": ["Copenhagen", "Oslo", "Stockholm"]}]
    assert schema_hash(SCHEMA) != schema_hash(changed)


@pytest.mark.django_db
def test_it_refuses_data_of_another_schema_naming_the_difference():
    model = _save()

    schema_check(model=model, schema=SCHEMA)  # the same schema passes
    with pytest.raises(ApplicationError) as missing:
        schema_check(model=model, schema=[SCHEMA[0], {"name": "department", "kind": "categorical"}])
    assert "missing: team" in missing.value.message
    assert "not in the model: department" in missing.value.message
    with pytest.raises(ApplicationError) as reordered:
        schema_check(model=model, schema=list(reversed(SCHEMA)))
    assert "order, kinds or categories differ" in reordered.value.message


@pytest.mark.django_db
def test_it_refuses_an_unknown_kind():
    with pytest.raises(ValueError):
        _save(kind="magic")
