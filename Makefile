# Dayfinder: `make run` to try it, `make test` to check it. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lock lint bench clean

# Pinned, hashed dependencies (uv pip compile, from pyproject.toml): app.txt for the image,
# dev.txt (app + the dev extra) for development and CI. `make lock` regenerates both.
APP_LOCK := requirements/app.txt
DEV_LOCK := requirements/dev.txt
COMPILE   = $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 --generate-hashes $(LOCK_FLAGS)

$(STAMP): pyproject.toml $(DEV_LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@$(BIN)/python -m pip check || { echo "pyproject.toml and $(DEV_LOCK) disagree: run make lock"; exit 1; }
	touch $(STAMP)

install: $(STAMP)

# Re-resolve the dependencies, with hashes, after changing them in pyproject.toml; commit both
# files. Pins already in the files are kept where they still fit: `make lock LOCK_FLAGS=--upgrade`
# moves everything to the newest allowed versions.
lock:
	test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv; }
	$(COMPILE) -o $(APP_LOCK)
	$(COMPILE) --extra dev -o $(DEV_LOCK)

# The public development secrets are allowed only with DAYFINDER_ENV=development.
run: export DAYFINDER_ENV = development
run: install
	$(BIN)/dayfinder db upgrade
	$(BIN)/dayfinder directory load-sample
	$(BIN)/dayfinder serve

lint: install
	$(BIN)/ruff check assistant tests bench directory_data/tools
	$(BIN)/mypy assistant
	$(BIN)/hadolint docker/Dockerfile

test: lint
	$(BIN)/pytest -n 2

# Every benchmark, each printing its numbers beside a baseline measured in the same run (see
# bench/README.md). The PostgreSQL ones use BENCH_DATABASE_URL (fresh schemas or databases in it).
BENCH_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
bench: export DAYFINDER_ENV = development
bench: install
	$(BIN)/python bench/import.py --postgres $(BENCH_DATABASE_URL)
	$(BIN)/python bench/matching.py
	$(BIN)/python bench/matching.py --sizes 1000,100000 --postgres $(BENCH_DATABASE_URL)
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/web.py --workers 2 --database-url $(BENCH_DATABASE_URL)
	$(BIN)/python bench/load.py --database $(BENCH_DATABASE_URL)
	$(BIN)/python bench/understand.py
	$(BIN)/python bench/geo.py

clean:
	rm -rf $(VENV) dayfinder.sqlite3 .mypy_cache .ruff_cache .pytest_cache
