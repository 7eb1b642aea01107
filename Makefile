# ServiceFit developer commands. `make run` and `make test` work on a fresh clone with only Python 3.11.
# Development defaults (DEBUG=1, the local Redis for the worker) live here, never in settings.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-k lexicon -x"`.
PYTEST_ARGS ?=
# pytest-xdist workers for `make test` (each with its own test database); 0 runs in one process.
# `--dist load` hands each worker its tests in pytest-django's order, so the transactional tests (which
# empty the database when they end) run after the others on every worker; work stealing breaks that.
PYTEST_WORKERS ?= 2
# Broker for `make worker` / `make beat`; start `make run` with the same variable to use them.
DEV_BROKER_URL ?= redis://127.0.0.1:6379/0
# Port for `make run`; in development the invitation links (SITE_URL) follow it unless SITE_URL is set.
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test lint fmt worker beat messages screenshots clean

help:
	@echo "make install   create .venv and install the requirements (again only when they change)"
	@echo "make run       set up .venv, migrate, load demo users, serve http://127.0.0.1:$(PORT)/ (e.g. make run PORT=8001)"
	@echo "make test      run the whole test suite (pytest)"
	@echo "make lint      ruff check + ruff format --check"
	@echo "make fmt       sort imports and format with ruff"
	@echo "make worker    Celery worker (CELERY_BROKER_URL, default $(DEV_BROKER_URL))"
	@echo "make beat      Celery beat (periodic tasks)"
	@echo "make messages  update locale/{da,nb,sv} .po files"
	@echo "make screenshots  PNGs of every candidate page on a 390 px phone in en/da/nb/sv (screenshots/; chromium)"
	@echo "make clean     remove .venv, caches and collected static files"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found: install python3.11 (with venv) first." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file is newer than the last successful install.
$(STAMP): $(wildcard requirements*.txt) | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

install: $(STAMP)

run: export DEBUG ?= 1
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(STAMP)
	@if [ -n "$$(find . -path ./$(VENV) -prune -o -name '*.po' -path '*/LC_MESSAGES/*' -print -quit)" ] \
		&& command -v msgfmt >/dev/null 2>&1; then \
		$(MANAGE) compilemessages --ignore $(VENV); \
	else \
		echo "Skipping compilemessages (no .po files or no msgfmt); using the committed .mo files."; \
	fi
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

worker: export DEBUG ?= 1
worker: export CELERY_BROKER_URL ?= $(DEV_BROKER_URL)
worker: $(STAMP)
	$(BIN)/celery -A servicefit worker -l info

beat: export DEBUG ?= 1
beat: export CELERY_BROKER_URL ?= $(DEV_BROKER_URL)
beat: $(STAMP)
	$(BIN)/celery -A servicefit beat -l info --schedule $(VENV)/celerybeat-schedule

messages: export DEBUG ?= 1
messages: $(STAMP)
	$(MANAGE) makemessages -l da -l nb -l sv --ignore $(VENV) --ignore staticfiles --ignore media

# A throwaway database and server of its own; drives /usr/bin/chromium (or CHROMIUM=...). E.g.
# `make screenshots SCREENSHOT_ARGS="--languages sv"`.
SCREENSHOT_ARGS ?=
screenshots: $(STAMP)
	$(BIN)/python tools/candidate_screenshots.py $(SCREENSHOT_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
