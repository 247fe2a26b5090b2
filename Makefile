# The README's two commands: `make run` and `make test`. Both set up .venv first;
# `make run` installs only what the app needs, `make test` adds the test tools.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONUNBUFFERED := 1
# Errors only: the log of a first start shows the app, not pip's notes about
# the host's package indexes. `make run PIP_FLAGS=` shows everything.
PIP_FLAGS ?= --quiet --quiet --disable-pip-version-check

.PHONY: run test install install-test lint worker web migrate

# One stamp per set of packages: `make test` after `make run` adds the extras.
$(BIN)/.installed-app: pyproject.toml
	@echo "Installing the app's packages into $(VENV) (the first time takes a minute or two)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install $(PIP_FLAGS) --upgrade pip
	@$(BIN)/python -m pip install $(PIP_FLAGS) -e .
	@touch $@

$(BIN)/.installed-test: $(BIN)/.installed-app pyproject.toml
	@echo "Installing the test tools into $(VENV)"
	@$(BIN)/python -m pip install $(PIP_FLAGS) -e '.[test]'
	@touch $@

install: $(BIN)/.installed-app

install-test: $(BIN)/.installed-test

migrate: install
	@echo "Bringing the database up to date"
	@$(BIN)/python manage.py migrate --noinput --verbosity 0

# Web server and a real Celery worker (with beat for periodic tasks) side by
# side; Ctrl-C stops both. Once both answer, announce_start prints the address
# and the next steps. `make run` is a workstation's development server: it
# hides Django's reminder of that and Celery's advice against running as root
# (FACTCHECK_DEV_SERVER, see factcheck/celery.py); deployments use gunicorn
# and an unprivileged user (Dockerfile).
run: migrate
	@export FACTCHECK_DEV_SERVER=1 DJANGO_RUNSERVER_HIDE_WARNING=true; \
	trap 'kill -TERM $$worker $$announcer 2>/dev/null; wait $$worker 2>/dev/null' INT TERM EXIT; \
	$(BIN)/celery -A factcheck worker --beat --loglevel=INFO \
	  --concurrency=$${WORKER_CONCURRENCY:-1} & worker=$$!; \
	$(BIN)/python manage.py announce_start --port $(PORT) --worker-pid $$worker & announcer=$$!; \
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

worker: migrate
	$(BIN)/celery -A factcheck worker --loglevel=INFO

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
