# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_ENV := DEBUG=true
# `make run` only: an access token lasts 8 hours, so a token pasted into GraphiQL keeps working.
RUN_JWT_EXPIRATION_SECONDS ?= 28800
# `make run` and `make test` may start at once in a fresh clone: the one that builds .venv
# holds this lock while the other waits, then finds it built (flock is in util-linux).
VENV_LOCKED := $(if $(shell command -v flock),flock $(VENV).lock) $(MAKE) --no-print-directory --silent

.PHONY: run test lint venv dev migrate seed schema bench clean playground webapp

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

venv:
	@$(VENV_LOCKED) $(VENV)/.runtime
dev:
	@$(VENV_LOCKED) $(VENV)/.dev

migrate: venv
	$(RUN_ENV) $(PY) manage.py migrate --noinput

seed: migrate
	$(RUN_ENV) $(PY) manage.py seed_demo

## The GraphiQL playground's files (playground/: npm ci + esbuild into its static dir).
PLAYGROUND_BUNDLE := playground/static/playground/graphiql.js
$(PLAYGROUND_BUNDLE): playground/package-lock.json playground/build.mjs $(wildcard playground/src/*)
	cd playground && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
playground:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(PLAYGROUND_BUNDLE); \
	else echo "npm not found: /graphql/ will show how to build the playground (make playground)"; fi

## Start the development server with demo data on http://127.0.0.1:8000/ (GraphiQL at /graphql/,
## the web app at /app/ when npm is there to build it).
run: seed playground webapp
	$(RUN_ENV) JWT_EXPIRATION_SECONDS=$(RUN_JWT_EXPIRATION_SECONDS) $(PY) manage.py runserver 127.0.0.1:8000

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
	$(PY) -m bench.stock_ops $(STOCK_ARGS)

## Build the web app (web/ -> web/dist, served at /app/) when npm is available; rebuilds only
## when its sources changed. flock: a concurrent `make run` or .ci/web waits, never interleaves.
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/package-lock.json -type f 2>/dev/null)
web/dist/index.html: $(WEB_SOURCES)
	@cd web && flock .build.lock sh -c '{ [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build' \
		|| { echo "The web app did not build (see above); the API still starts. Retry with: make webapp"; exit 0; }

webapp:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory web/dist/index.html; \
	else echo "npm is not installed: the API starts without the web app. Install Node.js 20+ (with npm), then run 'make webapp' and open http://127.0.0.1:8000/app/"; fi

lint: dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) $(VENV).lock db.sqlite3 staticfiles .pytest_cache .ruff_cache web/dist
