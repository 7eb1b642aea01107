"""Snapshot attrition models on any HR table: read the CSV, check it, train, save a version, score.

The maths is workforce/analysis/tabular.py; this module turns files and users' choices into its input,
refuses bad input with a message (ApplicationError), and stores the result as an AttritionModel.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from servicefit.core.exceptions import ApplicationError
from workforce.analysis import tabular
from workforce.attrition_models import attrition_model_save, schema_check
from workforce.models import AttritionModel, ModelKind

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 500
DELIMITERS = (",", ";", "\t")
# Nordic Excel writes "3,5" in a semicolon-separated file.
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


@dataclass
class Table:
    columns: list[str]
    rows: list[dict]
    delimiter: str


def _refuse(message: str, field: str = "csv", code: str = "invalid") -> ApplicationError:
    return ApplicationError(message, extra={"fields": {field: [code]}})


def table_text(data: str | bytes) -> str:
    """The file as text: UTF-8 (with or without BOM), no NUL bytes or lone surrogates, not too large."""
    size = len(data)
    if size > MAX_BYTES:
        raise _refuse(_("The file is larger than %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}, code="too_large")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _refuse(
                _("The file is not UTF-8 text: save it as “CSV UTF-8” and try again."), code="encoding"
            ) from exc
    try:
        data.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _refuse(_("The file contains characters that are not valid text."), code="encoding") from exc
    if "\x00" in data:
        raise _refuse(_("The file contains NUL bytes: it is not a CSV text file."), code="encoding")
    return data.removeprefix("\ufeff")


def table_read(data: str | bytes) -> Table:
    """Read a CSV with a header row; the delimiter (comma, semicolon or tab) is taken from the header."""
    text = table_text(data)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        raise _refuse(_("The file is empty."), code="empty")
    delimiter = max(DELIMITERS, key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = [line for line in reader if any(cell.strip() for cell in line)]
    except csv.Error as exc:
        raise _refuse(_("The file is not a readable CSV: %(error)s") % {"error": exc}) from exc
    columns = [name.strip() for name in lines[0]]
    if len(columns) < 2:
        raise _refuse(_("The file has a single column: use commas or semicolons between columns."))
    if len(columns) > MAX_COLUMNS:
        raise _refuse(_("The file has more than %(n)s columns.") % {"n": MAX_COLUMNS})
    if "" in columns or len(set(columns)) != len(columns):
        raise _refuse(_("Every column needs a name of its own in the header row."), code="header")
    body = lines[1:]
    if len(body) > MAX_ROWS:
        raise _refuse(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS}, code="too_large")
    for number, line in enumerate(body, start=2):
        if len(line) != len(columns):
            raise _refuse(
                _("Line %(line)s has %(found)s values; the header has %(expected)s columns.")
                % {"line": number, "found": len(line), "expected": len(columns)}
            )
    comma = delimiter != ","
    rows = [
        {
            name: value.strip().replace(",", ".") if comma and DECIMAL_COMMA.match(value.strip()) else value.strip()
            for name, value in zip(columns, line, strict=True)
        }
        for line in body
    ]
    return Table(columns=columns, rows=rows, delimiter=delimiter)


def _check_training(table: Table, *, target: str, positive: str, drop: list[str]) -> None:
    if target not in table.columns:
        raise _refuse(
            _("There is no column %(target)r. The columns are: %(columns)s.")
            % {"target": target, "columns": ", ".join(table.columns)},
            field="target",
        )
    unknown = [name for name in drop if name not in table.columns]
    if unknown:
        raise _refuse(_("There is no column %(names)s to leave out.") % {"names": ", ".join(unknown)}, field="drop")
    values = {tabular.clean(row[target]) for row in table.rows} - {""}
    if not any(tabular.is_positive(value, positive) for value in values):
        raise _refuse(
            _("%(positive)r does not occur in column %(target)r; its values are: %(values)s.")
            % {"positive": positive, "target": target, "values": ", ".join(sorted(values)[:20])},
            field="positive",
        )
    y = tabular.labels(table.rows, target, positive)
    positives, n = int(y.sum()), len(y)
    if positives == n:
        raise _refuse(
            _("Every row has %(positive)r in %(target)r: there is nothing to tell apart.")
            % {"positive": positive, "target": target},
            field="positive",
        )
    if n < tabular.MIN_ROWS or min(positives, n - positives) < tabular.MIN_POSITIVES:
        raise _refuse(
            ngettext(
                "Too few rows to learn from: %(n)s row with %(positives)s positives; "
                "at least %(min_rows)s rows and %(min_class)s of each class are needed.",
                "Too few rows to learn from: %(n)s rows with %(positives)s positives; "
                "at least %(min_rows)s rows and %(min_class)s of each class are needed.",
                n,
            )
            % {"n": n, "positives": positives, "min_rows": tabular.MIN_ROWS, "min_class": tabular.MIN_POSITIVES}
        )


def snapshot_train(
    *, data: str | bytes, target: str, positive: str, drop: list[str] | tuple = (), source: str = "", user=None
) -> tuple[AttritionModel, dict]:
    """Train on the table, save the next snapshot version (in use), return it and the summary."""
    table = table_read(data)
    drop = [name.strip() for name in drop if name.strip()]
    _check_training(table, target=target, positive=positive, drop=drop)
    try:
        result = tabular.tabular_train(table.rows, columns=table.columns, target=target, positive=positive, drop=drop)
    except tabular.TableError as exc:
        raise _refuse(str(exc)) from exc
    metrics = {
        "auc_cv": result.auc_cv,
        "auc_cv_std": result.auc_cv_std,
        "fold_aucs": result.fold_aucs,
        "folds": tabular.FOLDS,
        "seconds": result.seconds,
        "drivers": result.drivers,
        "target": target,
        "positive": positive,
        "C": result.model["C"],
    }
    model = attrition_model_save(
        kind=ModelKind.SNAPSHOT,
        schema=result.schema,
        parameters=result.model,
        metrics=metrics,
        n_rows=result.n,
        positives=result.positives,
        source=source or f"{target}={positive}",
        user=user,
    )
    return model, snapshot_summary(model)


def snapshot_summary(model: AttritionModel) -> dict:
    """What `train_attrition --format json` prints."""
    metrics = model.metrics
    return {
        "n": model.n_rows,
        "positives": model.positives,
        "folds": metrics.get("folds", tabular.FOLDS),
        "auc_cv": round(metrics["auc_cv"], 4),
        "auc_cv_std": round(metrics["auc_cv_std"], 4),
        "model": str(model),
        "seconds": round(metrics["seconds"], 2),
        "drivers": metrics.get("drivers", []),
    }


def snapshot_model_get(*, version: int | None = None) -> AttritionModel:
    models = AttritionModel.objects.filter(kind=ModelKind.SNAPSHOT)
    model = models.filter(version=version).first() if version is not None else models.filter(is_active=True).first()
    if model is None:
        if version is None:
            raise _refuse(_("No snapshot model is in use: train one first."), field="model", code="missing")
        raise _refuse(
            _("There is no snapshot model v%(version)s.") % {"version": version}, field="model", code="missing"
        )
    return model


def snapshot_score(*, data: str | bytes, version: int | None = None) -> tuple[AttritionModel, list[dict]]:
    """Each row's probability of the positive class, with its identifier columns so it can be found again.

    Refuses a table whose columns, kinds or categories differ from the model's schema."""
    model = snapshot_model_get(version=version)
    table = table_read(data)
    schema_check(model=model, schema=tabular.scoring_schema(model.parameters, table.rows, table.columns))
    probabilities = tabular.tabular_predict(model.parameters, table.rows)
    keys = [
        column["name"]
        for column in model.parameters["dropped"]
        if column["reason"] == "identifier" and column["name"] in table.columns
    ]
    scored = [
        {"row": number, **{key: row[key] for key in keys}, "probability": round(float(probability), 6)}
        for number, (row, probability) in enumerate(zip(table.rows, probabilities, strict=True), start=1)
    ]
    return model, scored
