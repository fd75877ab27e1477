# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_ENV := DEBUG=true

.PHONY: run test lint venv dev migrate seed schema bench clean

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.runtime
dev: $(VENV)/.dev

migrate: venv
	$(RUN_ENV) $(PY) manage.py migrate --noinput

seed: migrate
	$(RUN_ENV) $(PY) manage.py seed_demo

## Start the development server with demo data on http://127.0.0.1:8000/ (GraphiQL at /graphql/).
run: seed
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

## Run the test suite (SQLite, or the database in DATABASE_URL).
test: dev
	$(PY) -m pytest

## Re-export schema.graphql after changing the schema (a test compares them).
schema: venv
	$(RUN_ENV) $(PY) manage.py export_schema schema.schema --path schema.graphql

$(VENV)/.bench: bench/requirements-drf.txt $(VENV)/.dev
	$(PY) -m pip install --quiet -r bench/requirements-drf.txt
	@touch $@

## The benchmark against PostgreSQL on 127.0.0.1 (bench/run.py; ARGS="--scale 1m" etc.).
bench: $(VENV)/.bench
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	@pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	$(PY) -m bench.run $(ARGS)

lint: dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
