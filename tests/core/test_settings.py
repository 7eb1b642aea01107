import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    return subprocess.run(
        [sys.executable, "-c", "import servicefit.settings as s; print(s.DEBUG, s.CELERY_TASK_ALWAYS_EAGER)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_and_tasks_run_eagerly_without_a_broker():
    assert import_settings(SECRET_KEY="x" * 50).stdout.split() == ["False", "True"]
    assert import_settings(DEBUG="1").stdout.split() == ["True", "True"]
    with_broker = import_settings(SECRET_KEY="x" * 50, CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
    assert with_broker.stdout.split() == ["False", "False"]
