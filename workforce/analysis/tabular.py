"""A snapshot attrition classifier for any HR table (`train_attrition`), and its scoring without sklearn.

Rows are dicts of strings (as read from a CSV). The columns' kinds are inferred once from the values
alone (never the target): they describe the file's format and become the model's schema. Everything
learnt from the values (medians, skew, levels, scaling) is fitted by `TableFeatures` inside the
pipeline, so in cross-validation it is refitted on each training fold and never sees the held-out rows.

Feature shapes, derived from the kinds:
- numeric: the value (missing → the fold's median); a log1p copy when it is non-negative and skewed;
- ordinal (a small-integer column such as a 1–4 satisfaction score or a job level): its value and a
  one-hot of its levels, so both a trend and a non-linear step can be learnt;
- binary: one indicator; categorical: a one-hot of the levels seen in the training fold;
- ratios of named tenure columns when the table has them (e.g. YearsAtCompany / TotalWorkingYears).
Then every feature is standardised and an L2 logistic regression is fitted; its C is chosen by an
inner cross-validation inside each outer training fold (nested CV), so the outer AUC stays honest.
"""

import math
import time
from dataclasses import dataclass, field

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

NUMERIC = "numeric"
ORDINAL = "ordinal"
BINARY = "binary"
CATEGORICAL = "categorical"
KINDS = (NUMERIC, ORDINAL, BINARY, CATEGORICAL)

FOLDS = 5
MIN_ROWS = 50
MIN_POSITIVES = 10
# A small-integer column with at most this many distinct values is also one-hot encoded.
MAX_ORDINAL_LEVELS = 10
# A text column with more distinct values than this share of the rows names people, not groups.
MAX_CATEGORY_SHARE = 0.5
MAX_CATEGORIES = 50
NUMERIC_SHARE = 0.95
SKEW_LOG = 0.75
CS = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
# Tenure ratios that carry more than their parts (the share of a career spent here, in this role,
# with this manager); applied only when both columns exist and are numeric.
NAMED_RATIOS = (
    ("YearsAtCompany", "TotalWorkingYears"),
    ("YearsInCurrentRole", "YearsAtCompany"),
    ("YearsWithCurrManager", "YearsAtCompany"),
    ("YearsSinceLastPromotion", "YearsAtCompany"),
    ("NumCompaniesWorked", "TotalWorkingYears"),
    ("TotalWorkingYears", "Age"),
)
MISSING = {"", "na", "n/a", "nan", "null", "none", "-"}


class TableError(ValueError):
    """The table cannot be learnt from (too small, one class); the message says why."""


def clean(value) -> str:
    text = "" if value is None else str(value).strip()
    return "" if text.lower() in MISSING else text


def to_number(value) -> float:
    text = clean(value)
    if not text:
        return math.nan
    try:
        number = float(text)
    except ValueError:
        return math.nan
    return number if math.isfinite(number) else math.nan


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _mostly_numbers(values: list[str]) -> bool:
    """A number column with a stray word ("unknown", "see notes") in it: the words count as missing."""
    return sum(_is_number(value) for value in values) >= NUMERIC_SHARE * len(values)


def infer_schema(rows: list[dict], columns: list[str]) -> tuple[list[dict], list[dict]]:
    """The kind of each column ([{"name", "kind", "categories"?}]) and the dropped ones ([{"name", "reason"}])."""
    schema, dropped = [], []
    n = len(rows)
    for name in columns:
        values = [clean(row.get(name)) for row in rows]
        present = [value for value in values if value]
        distinct = sorted(set(present))
        if not present:
            dropped.append({"name": name, "reason": "empty"})
        elif len(distinct) == 1:
            dropped.append({"name": name, "reason": "constant"})
        elif _mostly_numbers(present):
            numbers = sorted({float(value) for value in distinct if _is_number(value)})
            integers = all(number.is_integer() for number in numbers)
            if len(numbers) < 2:
                dropped.append({"name": name, "reason": "constant"})
            elif len(numbers) == 2:
                schema.append({"name": name, "kind": BINARY, "categories": [_label(x) for x in numbers]})
            elif integers and len(present) == n and len(numbers) == n and n >= 20:
                dropped.append({"name": name, "reason": "identifier"})
            elif integers and len(numbers) <= MAX_ORDINAL_LEVELS:
                schema.append({"name": name, "kind": ORDINAL, "categories": [_label(x) for x in numbers]})
            else:
                schema.append({"name": name, "kind": NUMERIC})
        elif len(distinct) == 2:
            schema.append({"name": name, "kind": BINARY, "categories": distinct})
        elif len(distinct) == len(present) == n and n >= 20:
            dropped.append({"name": name, "reason": "identifier"})
        elif len(distinct) > MAX_CATEGORIES or len(distinct) > MAX_CATEGORY_SHARE * n:
            dropped.append({"name": name, "reason": "too_many_values"})
        else:
            schema.append({"name": name, "kind": CATEGORICAL, "categories": distinct})
    return schema, dropped


def _label(number: float) -> str:
    return str(int(number)) if number.is_integer() else repr(number)


def _category(value, kind: str) -> str:
    text = clean(value)
    if kind in (BINARY, ORDINAL) and _is_number(text):
        return _label(float(text))
    return text


def raw_matrix(rows: list[dict], schema: list[dict]) -> np.ndarray:
    """The rows as an object matrix in schema order: floats for numeric/ordinal, canonical strings otherwise."""
    matrix = np.empty((len(rows), len(schema)), dtype=object)
    for j, column in enumerate(schema):
        name, kind = column["name"], column["kind"]
        if kind in (NUMERIC, ORDINAL):
            matrix[:, j] = [to_number(row.get(name)) for row in rows]
        else:
            matrix[:, j] = [_category(row.get(name), kind) for row in rows]
    return matrix


def ratio_recipe(schema: list[dict]) -> list[dict]:
    numeric = {column["name"] for column in schema if column["kind"] in (NUMERIC, ORDINAL)}
    return [{"num": a, "den": b} for a, b in NAMED_RATIOS if a in numeric and b in numeric]


def _safe_ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return num / np.maximum(den, 1.0)


def _skewness(values: np.ndarray) -> float:
    std = values.std()
    return float(((values - values.mean()) ** 3).mean() / std**3) if std > 0 else 0.0


class TableFeatures(BaseEstimator, TransformerMixin):
    """Raw matrix → standardised features; every parameter is learnt in `fit` (so inside CV folds)."""

    def __init__(self, schema=None):
        self.schema = schema

    def fit(self, X, y=None):
        self.steps_ = []
        for j, column in enumerate(self.schema):
            kind = column["kind"]
            if kind in (NUMERIC, ORDINAL):
                values = X[:, j].astype(float)
                observed = values[~np.isnan(values)]
                median = float(np.median(observed)) if observed.size else 0.0
                filled = np.where(np.isnan(values), median, values)
                log = kind == NUMERIC and filled.min() >= 0 and _skewness(filled) > SKEW_LOG
                step = {"column": j, "op": "number", "median": median, "log": bool(log)}
                if kind == ORDINAL:
                    step["levels"] = sorted({_label(v) for v in filled})
                self.steps_.append(step)
            elif kind == BINARY:
                self.steps_.append({"column": j, "op": "indicator", "level": column["categories"][1]})
            else:
                self.steps_.append({"column": j, "op": "onehot", "levels": sorted(set(X[:, j]) - {""})})
        for ratio in ratio_recipe(self.schema):
            self.steps_.append({"op": "ratio", **ratio})
        unscaled = _features(self.steps_, self.schema, X)
        self.mean_ = unscaled.mean(axis=0)
        std = unscaled.std(axis=0)
        self.scale_ = np.where(std > 0, std, 1.0)
        self.feature_names_ = _feature_names(self.steps_, self.schema)
        return self

    def transform(self, X):
        return (_features(self.steps_, self.schema, X) - self.mean_) / self.scale_


def _features(steps: list[dict], schema: list[dict], X: np.ndarray) -> np.ndarray:
    index = {column["name"]: j for j, column in enumerate(schema)}
    medians = {step["column"]: step["median"] for step in steps if step["op"] == "number"}
    columns = []
    for step in steps:
        op = step["op"]
        if op == "number":
            values = X[:, step["column"]].astype(float)
            filled = np.where(np.isnan(values), step["median"], values)
            columns.append(filled)
            if step["log"]:
                columns.append(np.log1p(np.maximum(filled, 0.0)))
            for level in step.get("levels", []):
                columns.append((filled == float(level)).astype(float))
        elif op == "indicator":
            columns.append((X[:, step["column"]] == step["level"]).astype(float))
        elif op == "onehot":
            values = X[:, step["column"]]
            columns.extend((values == level).astype(float) for level in step["levels"])
        else:
            num, den = index[step["num"]], index[step["den"]]
            num_values = X[:, num].astype(float)
            den_values = X[:, den].astype(float)
            num_values = np.where(np.isnan(num_values), medians[num], num_values)
            den_values = np.where(np.isnan(den_values), medians[den], den_values)
            columns.append(_safe_ratio(num_values, den_values))
    return np.column_stack(columns) if columns else np.zeros((X.shape[0], 0))


def _feature_names(steps: list[dict], schema: list[dict]) -> list[tuple[str, str]]:
    """(feature, input column it came from) in feature order; a ratio belongs to both its columns."""
    names = []
    for step in steps:
        if step["op"] == "ratio":
            names.append((f"{step['num']}/{step['den']}", f"{step['num']}|{step['den']}"))
            continue
        column = schema[step["column"]]["name"]
        if step["op"] == "number":
            names.append((column, column))
            if step["log"]:
                names.append((f"log1p({column})", column))
            names.extend((f"{column}={level}", column) for level in step.get("levels", []))
        elif step["op"] == "indicator":
            names.append((f"{column}={step['level']}", column))
        else:
            names.extend((f"{column}={level}", column) for level in step["levels"])
    return names


def make_pipeline(schema: list[dict], *, seed: int = 0) -> Pipeline:
    inner = StratifiedKFold(n_splits=FOLDS - 1, shuffle=True, random_state=seed + 1)
    return Pipeline(
        [
            ("features", TableFeatures(schema=schema)),
            (
                "model",
                LogisticRegressionCV(
                    Cs=list(CS),
                    l1_ratios=(0.0,),
                    cv=inner,
                    scoring="roc_auc",
                    max_iter=2000,
                    use_legacy_attributes=False,
                ),
            ),
        ]
    )


@dataclass
class TrainResult:
    n: int
    positives: int
    auc_cv: float
    auc_cv_std: float
    fold_aucs: list[float]
    model: dict
    schema: list[dict]
    dropped: list[dict]
    drivers: list[dict]
    seconds: float
    extra: dict = field(default_factory=dict)


def is_positive(value, positive) -> bool:
    """The target's value means "left": the same text, or the same number ("1" and "1.0")."""
    value, positive = clean(value), clean(positive)
    if value == positive:
        return True
    return _is_number(value) and _is_number(positive) and float(value) == float(positive)


def labels(rows: list[dict], target: str, positive: str) -> np.ndarray:
    return np.array([is_positive(row.get(target), positive) for row in rows], dtype=int)


def tabular_train(
    rows: list[dict], *, columns: list[str], target: str, positive: str, drop=(), seed: int = 0
) -> TrainResult:
    """Stratified 5-fold CV ROC AUC of the whole pipeline, then the pipeline fitted on every row."""
    started = time.perf_counter()
    y = labels(rows, target, positive)
    n, positives = len(y), int(y.sum())
    if n < MIN_ROWS or positives < MIN_POSITIVES or n - positives < MIN_POSITIVES:
        raise TableError(
            f"Too few rows to learn from: {n} rows, {positives} positives "
            f"(at least {MIN_ROWS} rows and {MIN_POSITIVES} of each class)."
        )
    inputs = [name for name in columns if name != target and name not in set(drop)]
    schema, dropped = infer_schema(rows, inputs)
    if not schema:
        raise TableError("No usable column left to learn from.")
    X = raw_matrix(rows, schema)
    outer = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    # The problems are small: one BLAS thread each is faster than threads fighting over the cores.
    with threadpool_limits(limits=1):
        aucs = cross_val_score(make_pipeline(schema, seed=seed), X, y, cv=outer, scoring="roc_auc")
        pipeline = make_pipeline(schema, seed=seed).fit(X, y)
    model = model_dict(pipeline, schema=schema, target=target, positive=positive, dropped=dropped)
    return TrainResult(
        n=n,
        positives=positives,
        auc_cv=float(aucs.mean()),
        auc_cv_std=float(aucs.std()),
        fold_aucs=[float(a) for a in aucs],
        model=model,
        schema=schema,
        dropped=dropped,
        drivers=drivers(model),
        seconds=time.perf_counter() - started,
    )


def model_dict(pipeline: Pipeline, *, schema, target, positive, dropped) -> dict:
    """The fitted pipeline as plain JSON-able data: enough for `tabular_predict` with numpy alone."""
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["model"]
    return {
        "format": "servicefit.tabular/1",
        "target": target,
        "positive": positive,
        "schema": schema,
        "dropped": dropped,
        "steps": features.steps_,
        "features": [name for name, _ in features.feature_names_],
        "feature_columns": [column for _, column in features.feature_names_],
        "mean": features.mean_.tolist(),
        "scale": features.scale_.tolist(),
        "coefficients": classifier.coef_[0].tolist(),
        "intercept": float(classifier.intercept_[0]),
        "C": float(np.atleast_1d(classifier.C_)[0]),
        "penalty": "l2",
    }


def tabular_predict(model: dict, rows: list[dict]) -> np.ndarray:
    """Probability of the positive class for each row, from the stored model (numpy only)."""
    X = raw_matrix(rows, model["schema"])
    features = (_features(model["steps"], model["schema"], X) - np.array(model["mean"])) / np.array(model["scale"])
    logits = features @ np.array(model["coefficients"]) + model["intercept"]
    return 1.0 / (1.0 + np.exp(-logits))


def drivers(model: dict) -> list[dict]:
    """Importance per input column: the sum of |standardised coefficient| over the features made from it
    (a ratio's weight is shared half and half between its two columns), largest first."""
    totals: dict[str, float] = {}
    for column, coefficient in zip(model["feature_columns"], model["coefficients"], strict=True):
        parts = column.split("|")
        for part in parts:
            totals[part] = totals.get(part, 0.0) + abs(coefficient) / len(parts)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [{"feature": name, "importance": round(value, 4)} for name, value in ranked]


def scoring_schema(model: dict, rows: list[dict], columns: list[str]) -> list[dict]:
    """The schema the rows to score have, as the model would see it: the model's own schema if they fit it.

    A column the model knows keeps its entry when its values are of that kind (and, for categories,
    among the model's levels); otherwise its inferred entry, which then differs. Columns the model
    dropped or its target are ignored; any other extra column is listed so the mismatch names it.
    """
    given = set(columns)
    ignored = {model["target"], *(column["name"] for column in model["dropped"])}
    schema = []
    for column in model["schema"]:
        name = column["name"]
        if name not in given:
            continue
        values = {_category(row.get(name), column["kind"]) for row in rows} - {""}
        if column["kind"] == NUMERIC:
            fits = _mostly_numbers([_category(row.get(name), NUMERIC) for row in rows if clean(row.get(name))])
        else:
            fits = values <= set(column["categories"])
        schema.append(column if fits else {**column, "categories": sorted(values | set(column.get("categories", [])))})
        if not fits and column["kind"] == NUMERIC:
            schema[-1] = {"name": name, "kind": CATEGORICAL, "categories": sorted(values)}
    known = {column["name"] for column in model["schema"]}
    schema.extend({"name": name, "kind": "unknown"} for name in columns if name not in known and name not in ignored)
    return schema


def baseline_auc(rows: list[dict], *, columns: list[str], target: str, positive: str, seed: int = 0) -> float:
    """A plain baseline: one-hot of text columns, every numeric column scaled, L2 logistic regression (C=1)."""
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    y = labels(rows, target, positive)
    inputs = [name for name in columns if name != target]
    schema, _ = infer_schema(rows, inputs)
    numeric = [j for j, column in enumerate(schema) if column["kind"] in (NUMERIC, ORDINAL)]
    text = [j for j, column in enumerate(schema) if column["kind"] in (BINARY, CATEGORICAL)]
    X = raw_matrix(rows, schema)
    X[:, numeric] = X[:, numeric].astype(float)
    encode = ColumnTransformer(
        [
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), text),
        ]
    )
    pipeline = Pipeline([("encode", encode), ("model", LogisticRegression(max_iter=2000))])
    outer = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    with threadpool_limits(limits=1):
        return float(cross_val_score(pipeline, X, y, cv=outer, scoring="roc_auc").mean())


def auc(y_true, scores) -> float:
    return float(roc_auc_score(y_true, scores))
