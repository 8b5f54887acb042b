# ZorgVeilig meldbot. `make run` starts the bot, `make test` runs lint, types and all tests.
# Both set everything up on a fresh machine: the virtualenv, the package, the catalogs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types unit locales install clean diagrams

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

types: $(STAMP)
	$(BIN)/mypy bot dialogs nlu storage

unit: install
	$(BIN)/pytest -q

test: lint types unit

# Re-extract the message catalog template and merge it into the nl and en catalogs.
extract: $(STAMP)
	$(BIN)/zorgveilig locales sync

diagrams: $(STAMP)
	$(BIN)/zorgveilig flows diagrams --write

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
