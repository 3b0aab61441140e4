# Dayfinder: `make run` to try it, `make test` to check it. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The public development secrets are allowed only with DAYFINDER_ENV=development.
run: export DAYFINDER_ENV = development
run: install
	$(BIN)/dayfinder db upgrade
	$(BIN)/dayfinder directory load-sample
	$(BIN)/dayfinder serve

lint: install
	$(BIN)/ruff check assistant tests bench
	$(BIN)/mypy assistant
	$(BIN)/hadolint docker/Dockerfile

test: lint
	$(BIN)/pytest -n 2

bench: install
	$(BIN)/python bench/geo.py

clean:
	rm -rf $(VENV) dayfinder.sqlite3 .mypy_cache .ruff_cache .pytest_cache
