"""A database of each configured backend holding the curated sample directory."""

from __future__ import annotations

import pytest

from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR


@pytest.fixture
def sample_url(database_url: str) -> str:
    engine = make_engine(database_url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    engine.dispose()
    return database_url
