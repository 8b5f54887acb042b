# ZorgVeilig meldbot. `make run` starts the bot, `make test` runs lint, types and all tests.
# Both set everything up on a fresh machine: the virtualenv, the package, the catalogs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test lint types unit locales install clean diagrams
.PHONY: rasa rasa-install rasa-train rasa-serve test-rasa bench-nlu
.PHONY: synapse-install js-install test-matrix

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) locales

# Compiled catalogs (.mo) are build output; the .po files are the source.
locales: $(STAMP)
	$(BIN)/pybabel compile --domain messages --directory locales --statistics 2>&1 | tail -n 2

run: install
	$(BIN)/zorgveilig run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

types: $(STAMP)
	$(BIN)/mypy bot dialogs nlu storage tests bench

# The suite runs against SQLite and a real PostgreSQL server started for the run.
unit: install
	scripts/with-chromium scripts/with-postgres scripts/with-haproxy $(BIN)/pytest -q -n $(TEST_WORKERS)

test: lint types unit

# Re-extract the message catalog template and merge it into the nl and en catalogs.
extract: $(STAMP)
	$(BIN)/zorgveilig locales sync

diagrams: $(STAMP)
	$(BIN)/zorgveilig flows diagrams --write

# ---------------------------------------------------------------------------- Rasa backend
# Rasa Open Source 3.6 needs Python 3.10 and SQLAlchemy 1.4: it gets its own virtualenv and
# is never a dependency of the bot, which talks to it over HTTP (ZV_NLU_BACKEND=rasa).
RASA_VENV := .venv-rasa
RASA_STAMP := $(RASA_VENV)/.installed
RASA_MODEL_DIR := var/rasa/models
RASA_MODEL := $(RASA_MODEL_DIR)/zorgveilig-nlu.tar.gz
RASA_PORT ?= 5005
RASA_ENV := RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 RASA_CACHE_DIRECTORY=var/rasa/cache
NLU_DATA := $(wildcard nlu/data/*/*.yml)

# Python 3.10: $(RASA_PYTHON) if given, else python3.10 on the PATH, else pyenv's newest 3.10.
$(RASA_STAMP): config/rasa/requirements.txt config/rasa/constraints.txt
	@py="$(RASA_PYTHON)"; \
	if [ -z "$$py" ]; then \
	  roots="$$(pyenv root 2>/dev/null) $${PYENV_ROOT:-$$HOME/.pyenv}"; \
	  for c in python3.10 $$(for r in $$roots; do ls -d "$$r"/versions/3.10.*/bin/python; done 2>/dev/null | sort -V); do \
	    if "$$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; then py="$$c"; fi; \
	  done; \
	fi; \
	if [ -z "$$py" ]; then \
	  echo "make rasa-install: Rasa 3.6 needs Python 3.10, and none was found (tried python3.10 and pyenv)." >&2; \
	  echo "Install it (e.g. 'pyenv install 3.10') or pass RASA_PYTHON=/path/to/python3.10." >&2; \
	  exit 1; \
	fi; \
	echo "Rasa virtualenv $(RASA_VENV) on $$py"; \
	test -x $(RASA_VENV)/bin/python || "$$py" -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/python -m pip install --quiet 'pip==24.0' 'setuptools==70.3.0' 'wheel==0.43.0'
	$(RASA_VENV)/bin/python -m pip install --quiet -r config/rasa/requirements.txt -c config/rasa/constraints.txt
	touch $(RASA_STAMP)

rasa-install: $(RASA_STAMP)

# `make test` runs the Rasa integration test against a real server, in CI too: it needs the
# Rasa virtualenv (about 2 minutes and 2.7 GB from an empty pip cache); the test trains its
# own quick model (tests/test_nlu_rasa.py). See README, "NLU backends".
unit: $(RASA_STAMP)

$(RASA_MODEL): $(RASA_STAMP) config/rasa/config.yml $(NLU_DATA)
	mkdir -p $(RASA_MODEL_DIR)
	$(RASA_ENV) $(RASA_VENV)/bin/rasa train nlu --config config/rasa/config.yml --nlu nlu/data \
	  --out $(RASA_MODEL_DIR) --fixed-model-name zorgveilig-nlu
	touch $(RASA_MODEL)

rasa-train: $(RASA_MODEL)

# The HTTP API on 127.0.0.1 only; point the bot at it with ZV_NLU_BACKEND=rasa
# ZV_RASA_URL=http://127.0.0.1:$(RASA_PORT).
rasa-serve: $(RASA_MODEL)
	$(RASA_ENV) $(RASA_VENV)/bin/rasa run --enable-api -m $(RASA_MODEL) -i 127.0.0.1 -p $(RASA_PORT)

rasa: rasa-serve

# Only the Rasa tests; the real-server test trains its own quick model (tests/test_nlu_rasa.py).
test-rasa: install $(RASA_STAMP)
	$(BIN)/pytest -q tests/test_nlu_rasa.py

# Embedded vs Rasa DIET on nlu/heldout; writes bench/README.md (see there).
bench-nlu: install $(RASA_STAMP)
	$(BIN)/python bench/nlu_compare.py --write bench/README.md

# ---------------------------------------------------------------------- Matrix test server
# The Matrix tests (tests/test_matrix.py) run against a real Synapse homeserver on
# 127.0.0.1, installed from PyPI into its own virtualenv (about 1-1.5 minutes, 250 MB).
# Synapse is never a dependency of the bot.
SYNAPSE_VENV := .venv-synapse
SYNAPSE_STAMP := $(SYNAPSE_VENV)/.installed

$(SYNAPSE_STAMP): config/synapse/requirements.txt
	test -x $(SYNAPSE_VENV)/bin/python || $(PYTHON) -m venv $(SYNAPSE_VENV)
	$(SYNAPSE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SYNAPSE_VENV)/bin/python -m pip install --quiet -r config/synapse/requirements.txt
	touch $(SYNAPSE_STAMP)

synapse-install: $(SYNAPSE_STAMP)

unit: $(SYNAPSE_STAMP)

# A melder's client that is not matrix-nio, for tests/test_matrix_cross_signing.py:
# matrix-js-sdk with its Rust crypto (WebAssembly) in the machine's Node.js (20 or newer),
# pinned by tests/js/package-lock.json (`npm ci`: a few seconds, 28 MB).
JS_DIR := tests/js
JS_STAMP := $(JS_DIR)/node_modules/.installed

$(JS_STAMP): $(JS_DIR)/package.json $(JS_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "make js-install: Node.js 20 or newer with npm is needed for the Matrix tests" >&2; exit 1; }
	cd $(JS_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $(JS_STAMP)

js-install: $(JS_STAMP)

unit: $(JS_STAMP)

test-matrix: install $(SYNAPSE_STAMP) $(JS_STAMP)
	scripts/with-postgres $(BIN)/pytest -q tests/test_matrix*.py

clean:
	rm -rf $(VENV) $(SYNAPSE_VENV) $(JS_DIR)/node_modules .mypy_cache .ruff_cache .pytest_cache
