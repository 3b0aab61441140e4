"""A web app over the curated sample directory, loaded once per module on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.app import create_app
from assistant.settings import PROJECT_DIR, Settings


@pytest.fixture
def settings(sample_db: str) -> Settings:
    return Settings(database_url=sample_db, cors_origins=["http://127.0.0.1:8765"])


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def data_dir() -> Path:
    return PROJECT_DIR / "directory_data"
