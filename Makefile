# The README's two commands: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONUNBUFFERED := 1

.PHONY: run test install lint worker web migrate

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Web server and a real Celery worker (with beat for periodic tasks) side by
# side; Ctrl-C stops both.
run: migrate
	@echo "Serving on http://127.0.0.1:$(PORT) with a Celery worker (Ctrl-C stops both)"
	@trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' INT TERM EXIT; \
	$(BIN)/celery -A factcheck worker --beat --loglevel=INFO --concurrency=$${WORKER_CONCURRENCY:-1} & worker=$$!; \
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

worker: migrate
	$(BIN)/celery -A factcheck worker --loglevel=INFO

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
