import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.workforce.tabular_data import hr_csv, hr_rows
from workforce.models import AttritionModel, ModelKind

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def table_csv():
    return hr_csv(hr_rows(200))


def write(tmp_path, text, name="hr.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def train(path, *extra):
    out = StringIO()
    call_command("train_attrition", "--csv", str(path), "--target", "Left", "--positive", "Yes", *extra, stdout=out)
    return out.getvalue()


def test_it_prints_the_summary_as_json_and_saves_versions(tmp_path, table_csv):
    path = write(tmp_path, table_csv)
    first = json.loads(train(path, "--format", "json"))
    assert list(first) == ["n", "positives", "folds", "auc_cv", "auc_cv_std", "model", "seconds", "drivers"]
    assert first["n"] == 200 and first["folds"] == 5 and first["model"] == "snapshot v1"
    assert first["auc_cv"] > 0.7
    assert set(first["drivers"][0]) == {"feature", "importance"}
    second = json.loads(train(path, "--format", "json", "--drop", "Department"))
    assert second["model"] == "snapshot v2"
    assert "Department" not in [driver["feature"] for driver in second["drivers"]]
    models = AttritionModel.objects.filter(kind=ModelKind.SNAPSHOT)
    assert [(m.version, m.is_active) for m in models] == [(2, True), (1, False)]
    assert models[0].n_rows == 200 and models[0].positives == first["positives"]


def test_it_prints_a_readable_table(tmp_path, table_csv):
    text = train(write(tmp_path, table_csv))
    assert "ROC AUC (stratified 5-fold CV)" in text
    assert "snapshot v1: 200 rows" in text


def test_it_reads_semicolons_and_decimal_commas(tmp_path):
    rows = hr_rows(200)
    path = write(tmp_path, hr_csv(rows, delimiter=";", decimal_comma=True))
    summary = json.loads(train(path, "--format", "json"))
    model = AttritionModel.objects.get(version=1, kind=ModelKind.SNAPSHOT)
    kinds = {column["name"]: column["kind"] for column in model.schema}
    assert kinds["Tenure"] == "numeric" and kinds["Noise"] == "numeric"
    assert summary["auc_cv"] > 0.7


@pytest.mark.parametrize(
    "args, message",
    [
        (["--target", "Gone", "--positive", "Yes"], "There is no column 'Gone'"),
        (["--target", "Left", "--positive", "Maybe"], "'Maybe' does not occur in column 'Left'"),
        (["--target", "Country", "--positive", "DK"], "nothing to tell apart"),
        (["--target", "Left", "--positive", "Yes", "--drop", "Salary"], "no column Salary"),
    ],
)
def test_it_refuses_bad_arguments(tmp_path, table_csv, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("train_attrition", "--csv", str(write(tmp_path, table_csv)), *args)
    assert not AttritionModel.objects.exists()


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        train(tmp_path / "nope.csv")


def test_it_refuses_too_few_rows(tmp_path):
    with pytest.raises(CommandError, match="Too few rows"):
        train(write(tmp_path, hr_csv(hr_rows(40))))


def test_it_refuses_too_few_positives(tmp_path):
    rows = hr_rows(200)
    leavers = [row for row in rows if row["Left"] == "Yes"]
    for row in leavers[5:]:
        row["Left"] = "No"
    with pytest.raises(CommandError, match="Too few rows"):
        train(write(tmp_path, hr_csv(rows)))


def test_it_refuses_a_file_that_is_not_utf8(tmp_path):
    rows = hr_rows(60)
    rows[0]["Department"] = "Kundeservice Århus"
    with pytest.raises(CommandError, match="not UTF-8"):
        train(write(tmp_path, hr_csv(rows), encoding="latin-1"))


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("a,b\n1,2,3\n", "Line 2 has 3 values"),
        ("a,a\n1,2\n", "name of its own"),
        ("Left\x00,b\n1,2\n", "NUL"),
        ("onecolumn\n1\n", "single column"),
    ],
)
def test_it_refuses_broken_files(tmp_path, text, message):
    with pytest.raises(CommandError, match=message):
        train(write(tmp_path, text))


def score(path, *extra):
    out = StringIO()
    call_command("score_attrition", "--csv", str(path), *extra, stdout=out)
    return out.getvalue()


def test_it_scores_a_table_with_the_model_in_use(tmp_path, table_csv):
    train(write(tmp_path, table_csv))
    fresh = hr_rows(20, seed=5)
    for row in fresh:
        del row["Left"]
    result = json.loads(score(write(tmp_path, hr_csv(fresh), "new.csv"), "--format", "json"))
    assert result["model"] == "snapshot v1"
    assert len(result["rows"]) == 20
    assert result["rows"][0]["EmployeeId"] == "1000"
    assert all(0 < row["probability"] < 1 for row in result["rows"])
    lines = score(write(tmp_path, hr_csv(fresh), "new.csv")).splitlines()
    assert lines[0] == "row,EmployeeId,probability" and len(lines) == 21


def test_it_refuses_to_score_another_schema(tmp_path, table_csv):
    train(write(tmp_path, table_csv))
    fresh = hr_rows(20, seed=5)
    for row in fresh:
        del row["OverTime"]
        row["Shift"] = "day"
    with pytest.raises(CommandError, match=r"snapshot v1 was trained on another schema \(missing: OverTime; not in"):
        score(write(tmp_path, hr_csv(fresh), "new.csv"))


def test_it_scores_with_a_chosen_version_and_refuses_an_unknown_one(tmp_path, table_csv):
    path = write(tmp_path, table_csv)
    train(path)
    train(path, "--drop", "Department")
    rows = json.loads(score(path, "--model", "1", "--format", "json"))
    assert rows["model"] == "snapshot v1"
    with pytest.raises(CommandError, match="no snapshot model v7"):
        score(path, "--model", "7")
