import json

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from tests.workforce.tabular_data import COLUMNS, hr_rows
from workforce.analysis import tabular
from workforce.analysis.tabular import (
    TableError,
    infer_schema,
    make_pipeline,
    raw_matrix,
    tabular_predict,
    tabular_train,
)

ALL = [*COLUMNS, "Left"]


def train(rows, **kwargs):
    return tabular_train(rows, columns=ALL, target="Left", positive="Yes", **kwargs)


def test_it_infers_column_kinds_and_says_why_it_drops_columns():
    schema, dropped = infer_schema(hr_rows(100), COLUMNS)
    kinds = {column["name"]: column["kind"] for column in schema}
    assert kinds == {
        "Tenure": "numeric",
        "Satisfaction": "ordinal",
        "OverTime": "binary",
        "Department": "categorical",
        "Noise": "numeric",
    }
    assert {"name": "EmployeeId", "reason": "identifier"} in dropped
    assert {"name": "Country", "reason": "constant"} in dropped
    categorical = next(column for column in schema if column["name"] == "Department")
    assert categorical["categories"] == ["Billing", "Sales", "Support"]


@pytest.fixture(scope="module")
def signal_result():
    return train(hr_rows(300))


def test_it_reads_a_number_column_with_a_stray_word_as_numbers():
    rows = hr_rows(100)
    rows[3]["Tenure"] = "unknown"
    rows[4]["Noise"] = "see notes"
    for i, row in enumerate(rows):
        row["Comment"] = f"comment {i % 60}"
    schema, dropped = infer_schema(rows, [*COLUMNS, "Comment"])
    kinds = {column["name"]: column["kind"] for column in schema}
    assert kinds["Tenure"] == kinds["Noise"] == "numeric"
    assert {"name": "Comment", "reason": "too_many_values"} in dropped
    assert np.isnan(raw_matrix(rows, schema)[3, [c["name"] for c in schema].index("Tenure")])


def test_it_finds_a_known_signal(signal_result):
    result = signal_result
    assert result.n == 300
    assert result.auc_cv > 0.75
    assert len(result.fold_aucs) == 5
    assert result.auc_cv_std == pytest.approx(np.std(result.fold_aucs))


def test_it_scores_about_one_half_on_pure_noise():
    result = train(hr_rows(300, signal=False, seed=3))
    assert 0.3 < result.auc_cv < 0.7


def test_it_learns_nothing_from_a_permuted_target():
    # Every transform is fitted inside the folds: with the labels shuffled, nothing carries over.
    rows = hr_rows(300)
    labels = [row["Left"] for row in rows]
    np.random.default_rng(7).shuffle(labels)
    permuted = [{**row, "Left": label} for row, label in zip(rows, labels, strict=True)]
    assert 0.3 < train(permuted).auc_cv < 0.7


def test_it_fits_levels_and_scaling_on_the_training_rows_only():
    rows = hr_rows(120)
    rows[-1]["Department"] = "Legal"
    schema, _ = infer_schema(rows, COLUMNS)
    features = tabular.TableFeatures(schema=schema).fit(raw_matrix(rows[:-1], schema))
    assert "Department=Legal" not in [name for name, _ in features.feature_names_]
    transformed = features.transform(raw_matrix(rows[-1:], schema))
    assert np.isfinite(transformed).all()


def test_its_json_model_predicts_as_sklearn_does():
    rows = hr_rows(200)
    schema, dropped = infer_schema(rows, COLUMNS)
    y = tabular.labels(rows, "Left", "Yes")
    with threadpool_limits(limits=1):
        pipeline = make_pipeline(schema).fit(raw_matrix(rows, schema), y)
    model = json.loads(
        json.dumps(tabular.model_dict(pipeline, schema=schema, target="Left", positive="Yes", dropped=dropped))
    )
    fresh = hr_rows(50, seed=9)
    fresh[0]["Tenure"] = ""  # missing → the training median, in both
    expected = pipeline.predict_proba(raw_matrix(fresh, schema))[:, 1]
    np.testing.assert_allclose(tabular_predict(model, fresh), expected, rtol=0, atol=1e-9)


def test_its_drivers_name_the_columns_that_carry_the_signal(signal_result):
    result = signal_result
    ranked = [driver["feature"] for driver in result.drivers]
    assert set(ranked[:4]) == {"OverTime", "Satisfaction", "Tenure", "Department"}
    assert ranked[-1] == "Noise"
    importances = [driver["importance"] for driver in result.drivers]
    assert importances == sorted(importances, reverse=True)


def test_it_adds_tenure_ratios_only_when_the_columns_exist():
    rows = [
        {**row, "YearsAtCompany": row["Tenure"], "TotalWorkingYears": str(12 + i % 5)}
        for i, row in enumerate(hr_rows(60))
    ]
    schema, _ = infer_schema(rows, [*COLUMNS, "YearsAtCompany", "TotalWorkingYears"])
    assert tabular.ratio_recipe(schema) == [{"num": "YearsAtCompany", "den": "TotalWorkingYears"}]
    assert tabular.ratio_recipe(infer_schema(hr_rows(60), COLUMNS)[0]) == []


def test_its_scoring_schema_differs_when_a_column_is_missing_or_has_new_values(signal_result):
    result = signal_result
    rows = hr_rows(30, seed=4)
    assert tabular.scoring_schema(result.model, rows, ALL) == result.schema
    without = tabular.scoring_schema(result.model, rows, [c for c in ALL if c != "OverTime"])
    assert "OverTime" not in [column["name"] for column in without]
    rows[0]["Department"] = "Legal"
    changed = tabular.scoring_schema(result.model, rows, ALL)
    assert changed != result.schema


def test_it_refuses_too_few_rows():
    with pytest.raises(TableError, match="Too few rows"):
        train(hr_rows(40))


def test_its_cv_auc_matches_an_independent_computation():
    rows = hr_rows(250)
    result = train(rows)
    schema = result.schema
    X, y = raw_matrix(rows, schema), tabular.labels(rows, "Left", "Yes")
    aucs = []
    with threadpool_limits(limits=1):
        for fit, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
            pipeline = make_pipeline(schema).fit(X[fit], y[fit])
            aucs.append(roc_auc_score(y[test], pipeline.predict_proba(X[test])[:, 1]))
    assert result.auc_cv == pytest.approx(np.mean(aucs), abs=1e-12)


def test_it_takes_a_numeric_positive_value_as_a_number():
    rows = [{"Left": value} for value in ("1", "1.0", "0", "", "Yes")]
    assert tabular.labels(rows, "Left", "1").tolist() == [1, 1, 0, 0, 0]
