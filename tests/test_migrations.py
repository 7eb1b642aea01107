"""Migrations run no live code: what an old migration does must not change when the code does."""

import ast
import importlib
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = {path.parent.name for path in ROOT.glob("*/__init__.py")}


def project_migrations():
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        # (the virtualenv may live inside the checkout: its Django apps are not ours)
        if folder.is_dir() and ROOT in folder.parents and folder.relative_to(ROOT).parts[0] in PROJECT_PACKAGES:
            yield from (pytest.param(path, id=f"{config.label}/{path.stem}") for path in sorted(folder.glob("0*.py")))


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module or "")
    return modules


def test_it_finds_the_migrations_and_the_project_packages():
    names = {param.id for param in project_migrations()}
    assert {"profiles/0002_framework_data", "profiles/0004_classifier_v1", "assessments/0002_standard_battery"} <= names
    assert {"profiles/0007_marker_part_of_speech", "profiles/0008_lexicon_v2", "profiles/0009_classifier_v2"} <= names
    assert not any(name.startswith(("admin/", "auth/", "contenttypes/", "sessions/")) for name in names)
    assert {"profiles", "assessments", "hiring", "servicefit"} <= PROJECT_PACKAGES


@pytest.mark.parametrize("path", list(project_migrations()))
def test_it_imports_only_django_and_the_standard_library(path):
    ours = sorted(m for m in imported_modules(path) if m.split(".")[0] in PROJECT_PACKAGES)
    assert ours == [], f"{path.name} imports live code: {ours}"


@pytest.mark.parametrize("path", list(project_migrations()))
def test_it_can_be_undone(path):
    # A release that ships data (profiles/0008 installs lexicon v2) can be rolled back with `migrate`.
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    migration = importlib.import_module(package).Migration
    irreversible = [type(operation).__name__ for operation in migration.operations if not operation.reversible]
    assert irreversible == [], f"{path.name} cannot be undone: {irreversible}"
