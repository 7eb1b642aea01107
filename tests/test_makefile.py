"""`make run` serves on PORT (8000 unless given) and, in development, invitation links follow it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Prints what `manage.py` would be asked to do, and the environment it would get, instead of doing it.
FAKE_MANAGE = "sh -c 'echo SITE_URL=$$SITE_URL DEBUG=$$DEBUG $$0 $$*'"

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")


def make(*args: str, tmp_path: Path, env: dict | None = None) -> str:
    stamp = tmp_path / "installed"
    stamp.touch()  # newer than the requirements: nothing is installed
    result = subprocess.run(  # noqa: S603 - our own Makefile and arguments
        [shutil.which("make"), "--no-print-directory", *args, f"STAMP={stamp}", f"BIN={Path(sys.executable).parent}"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_it_serves_on_port_8000_by_default(tmp_path):
    out = make("run", f"MANAGE={FAKE_MANAGE}", tmp_path=tmp_path)

    assert "SITE_URL=http://127.0.0.1:8000 DEBUG=1 runserver 127.0.0.1:8000" in out


def test_it_serves_on_the_port_given_and_links_follow_it(tmp_path):
    out = make("run", "PORT=8123", f"MANAGE={FAKE_MANAGE}", tmp_path=tmp_path)

    assert "SITE_URL=http://127.0.0.1:8123 DEBUG=1 runserver 127.0.0.1:8123" in out
    assert "SITE_URL=http://127.0.0.1:8123 DEBUG=1 seed_demo" in out


def test_it_keeps_a_site_url_that_is_set(tmp_path):
    out = make("run", "PORT=8123", f"MANAGE={FAKE_MANAGE}", tmp_path=tmp_path, env={"SITE_URL": "https://sf.example"})

    assert "SITE_URL=https://sf.example DEBUG=1 runserver 127.0.0.1:8123" in out


def test_it_lists_install_and_the_port_in_help(tmp_path):
    out = make("help", "PORT=8123", tmp_path=tmp_path)

    assert "make install" in out
    assert "http://127.0.0.1:8123/" in out


def test_it_runs_the_tests_in_two_processes_unless_told_otherwise(tmp_path):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "pytest").write_text("#!/bin/sh\necho pytest $*\n")
    (fake_bin / "pytest").chmod(0o755)
    (fake_bin / "python").touch()  # the venv "exists": make must not create one
    stamp = tmp_path / "installed"
    stamp.touch()

    def run(*args: str) -> str:
        return subprocess.run(  # noqa: S603 - our own Makefile and arguments
            [shutil.which("make"), "--no-print-directory", "test", f"STAMP={stamp}", f"BIN={fake_bin}", *args],
            cwd=ROOT,
            env={"PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "pytest -n 2 --dist load" in run()
    assert "pytest -n 0 --dist load -k lexicon" in run("PYTEST_WORKERS=0", "PYTEST_ARGS=-k lexicon")
