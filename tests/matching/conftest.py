"""The curated sample directory, loaded once per backend and shared by the read-only matching tests.

Loading 333 listings takes a few seconds, so unlike the ``engine`` fixture this database lives
for the whole session; tests that write (search events) use ``engine`` instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from tests.conftest import BACKENDS, POSTGRES_URL

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "directory_data"


@pytest.fixture(scope="session", params=BACKENDS)
def sample_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated database holding the curated sample directory. Do not write to it."""
    if request.param == "sqlite":
        url, schema = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.sqlite3'}", None
    else:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        sep = "&" if "?" in POSTGRES_URL else "?"
        url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, SAMPLE_DIR)
    yield engine
    engine.dispose()
    if schema:
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
