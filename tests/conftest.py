"""Shared fixtures: every storage test runs on SQLite and, when DATABASE_URL is set, PostgreSQL.

Each test gets its own clean database: a fresh SQLite file, or a fresh PostgreSQL schema that
is dropped afterwards. A PostgreSQL test that cannot connect fails; it never skips.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import Engine, text
from sqlmodel import Session

from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR
from tests.browser import ARGS, CHROMIUM

# The tests use the public development secrets and short test ones, which only development allows.
os.environ["DAYFINDER_ENV"] = "development"
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL.startswith("postgresql") else [])


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database of each configured backend, removed after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated, empty directory database."""
    eng = make_engine(database_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as s:
        yield s


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the settings (and so the CLI and app) at this test's database."""
    from assistant.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


@pytest.fixture
def fixtures_dir() -> Path:
    """``tests/fixtures``: the ORUK/HSDS schemas and two real council feeds used as test data
    (sources and licences in tests/fixtures/SOURCES.md)."""
    return PROJECT_DIR / "tests" / "fixtures"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding the curated sample directory, loaded once per test module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'dayfinder.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1024, "height": 768}, reduced_motion="reduce")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
