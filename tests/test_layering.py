"""Dependencies point one way: staffing → workforce → hiring → assessments → profiles → core.

Read from the source (every import, also those inside functions), so a new upward import fails
here before it becomes a cycle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: each layer may import the ones before it, never the ones after.
LAYERS = ["servicefit", "profiles", "assessments", "hiring", "workforce", "staffing"]
PURE_MODULES = [
    "profiles/analysis",
    "profiles/service_types.py",
    "assessments/psychometrics.py",
    "assessments/scoring.py",
    "hiring/adverse_impact.py",
    "hiring/candidate_csv.py",
    "hiring/documents.py",
    "hiring/fit.py",
    "hiring/pipeline_matching.py",
    "hiring/pipeline_figures.py",
    "workforce/analysis",
    "workforce/demo_population.py",
    "workforce/hris_columns.py",
    "workforce/hris_files.py",
    "staffing/analysis",
    "staffing/traffic_columns.py",
    "staffing/traffic_csv.py",
]


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def python_files(package: str):
    base = ROOT / package
    return [base] if base.is_file() else sorted(base.rglob("*.py"))


def layer_of(module: str) -> int | None:
    top = module.split(".")[0]
    return LAYERS.index(top) if top in LAYERS else None


@pytest.mark.parametrize("layer", LAYERS)
def test_it_finds_no_upward_import(layer):
    wrong = []
    for path in python_files(layer) if (ROOT / layer).exists() else []:
        for module in imported_modules(path):
            target = layer_of(module)
            if target is not None and target > LAYERS.index(layer):
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not wrong, "imports against the layering:\n" + "\n".join(wrong)


def test_it_keeps_core_free_of_apps():
    wrong = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in python_files("servicefit")
        for module in imported_modules(path)
        if module.split(".")[0] in LAYERS[1:]
    ]
    assert not wrong, "servicefit/ (settings, urls aside from includes, core) must import no app:\n" + "\n".join(wrong)


@pytest.mark.parametrize("package", PURE_MODULES)
def test_it_keeps_pure_logic_free_of_the_database(package):
    wrong = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in python_files(package)
        for module in imported_modules(path)
        if module.startswith(("django.db", "django.apps", "rest_framework", "celery")) or module.endswith(".models")
    ]
    assert not wrong, "pure modules take and return plain data:\n" + "\n".join(wrong)
