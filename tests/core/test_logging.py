"""Candidate links never reach a log: not Django's, not gunicorn's."""

import logging
import logging.config
import os
import runpy
import smtplib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from servicefit.core.logging import candidate_links_mask

REPO = Path(__file__).resolve().parents[2]
TOKEN = "AbC123-secret_token.SIGNATURE"


def production_logging():
    """servicefit.settings' LOGGING (the test settings switch it off), read without importing Django twice."""
    return runpy.run_path(str(REPO / "servicefit" / "settings.py"))["LOGGING"]


@pytest.fixture
def production_log(capsys):
    logging.config.dictConfig(production_logging())
    yield lambda: capsys.readouterr().err
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.parametrize(
    "text",
    [
        f"/take/{TOKEN}/",
        f"/take/{TOKEN}/section/2/",
        f"/api/take/{TOKEN}/answers/",
        f'"GET /take/{TOKEN}/?lang=da HTTP/1.1" 200 512',
        f"Referer: https://servicefit.example.com/take/{TOKEN}/",
    ],
)
def test_the_mask_removes_the_token_and_keeps_the_rest(text):
    masked = candidate_links_mask(text)
    assert TOKEN not in masked
    assert "/take/…" in masked


@pytest.mark.parametrize(
    "text",
    [
        '"GET /api/personal-data/?email=sofie%40example.dk HTTP/1.1" 200 900',
        '"DELETE /api/personal-data/?reference=4&EMAIL=sofie@example.dk HTTP/1.1" 204 0',
    ],
)
def test_the_mask_removes_an_email_address_from_a_query_string(text):
    masked = candidate_links_mask(text)
    assert "sofie" not in masked
    assert "email=…" in masked.lower() and masked.endswith(("200 900", "204 0"))


@pytest.mark.parametrize(
    "text",
    [
        '"GET /hiring/candidates/?q=Sofie+Zebrafinke&page=2 HTTP/1.1" 200 900',
        '"GET /api/candidates/?source=job_board&q=sofie.zebrafinke%40example.dk HTTP/1.1" 200 900',
        '"GET /workforce/?team=3&Q=Zebrafinke HTTP/1.1" 200 900',
        "Referer: https://servicefit.example.com/hiring/candidates/?q=Zebrafinke",
    ],
)
def test_it_removes_a_searched_name_or_address_from_a_query_string(text):
    masked = candidate_links_mask(text)
    assert "zebrafinke" not in masked.lower()
    assert "q=…" in masked.lower()


def test_it_keeps_the_query_parameters_that_name_no_one():
    line = '"GET /hiring/candidates/?q=Sofie&page=2&source=job_board HTTP/1.1" 200 900'
    assert candidate_links_mask(line) == '"GET /hiring/candidates/?q=…&page=2&source=job_board HTTP/1.1" 200 900'


def test_it_masks_an_email_address_in_a_message_and_in_a_traceback(capsys):
    # Configured here, not in a fixture: a handler made during setup writes to setup's closed capture.
    logging.config.dictConfig(production_logging())
    try:
        # What a Celery worker logs when the mail server refuses a candidate's address.
        try:
            raise smtplib.SMTPRecipientsRefused({"sofie.zebrafinke@example.dk": (550, b"5.1.1 unknown user")})
        except smtplib.SMTPRecipientsRefused as exc:
            logging.getLogger("assessments.tasks").exception("Task invitation_send_task raised unexpected: %r", exc)
    finally:
        logging.config.dictConfig(settings.LOGGING)
    output = capsys.readouterr().err
    assert "Logging error" not in output
    assert "SMTPRecipientsRefused" in output and "5.1.1 unknown user" in output
    assert "zebrafinke" not in output and output.count("…@…") >= 2


def test_the_celery_worker_logs_through_the_masking_handler():
    assert runpy.run_path(str(REPO / "servicefit" / "settings.py"))["CELERY_WORKER_HIJACK_ROOT_LOGGER"] is False


def test_the_mask_leaves_other_paths_alone():
    assert candidate_links_mask("/assessments/invitations/12/ 200") == "/assessments/invitations/12/ 200"


def test_a_not_found_candidate_page_is_logged_without_its_token(db, client, production_log):
    assert client.get(f"/take/{TOKEN}/").status_code == 404
    assert client.get(f"/api/take/{TOKEN}/").status_code == 404
    output = production_log()
    assert "Not Found" in output and "/take/…" in output
    assert TOKEN not in output


def test_the_development_servers_request_lines_are_masked(production_log):
    # What django.core.servers.basehttp.WSGIRequestHandler.log_message logs for each request.
    logging.getLogger("django.server").info('"%s" %s %s', f"GET /take/{TOKEN}/ HTTP/1.1", "200", "4321")
    output = production_log()
    assert '"GET /take/…/ HTTP/1.1" 200 4321' in output
    assert TOKEN not in output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_with_the_repositorys_config_masks_links_in_its_logs(tmp_path):
    port = _free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "servicefit.settings",
        "DEBUG": "0",
        "SECRET_KEY": "y" * 60,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        # An empty database: the candidate page fails with a 500, which Django logs with its URL.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603  (fixed command line)
            [str(gunicorn), "-c", "servicefit/gunicorn.conf.py"], cwd=REPO, env=environment, stdout=out, stderr=out
        )
    try:
        deadline = time.monotonic() + 30
        statuses = []
        while time.monotonic() < deadline and not statuses:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)  # noqa: S310
            except urllib.error.HTTPError:
                statuses.append("up")  # the health check fails on the empty database: the server is up
            except OSError:
                time.sleep(0.2)
            else:
                statuses.append("up")
        assert statuses, log.read_text()
        for path in (f"/take/{TOKEN}/", f"/api/take/{TOKEN}/"):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}",
                headers={"Referer": f"http://127.0.0.1:{port}/take/{TOKEN}/"},
            )
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(request, timeout=10)  # noqa: S310
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = log.read_text()
    assert output.count("/take/…/") >= 4, output  # two request lines and two referers in the access log
    assert TOKEN not in output
