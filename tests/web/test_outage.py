"""A database outage: a friendly "try again", 503 from /readyz, and recovery without a restart.

Access is really taken away (the SQLite file is replaced by one that is not a database, or a
PostgreSQL role loses its right to log in and its connections are ended), not mocked.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from assistant.app import create_app
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR, Settings

POSTGRES_URL = os.environ.get("DATABASE_URL", "")


def test_sqlite_outage_asks_to_try_again_and_recovers(sample_db: str, tmp_path: Path) -> None:
    live = Path(sample_db.removeprefix("sqlite:///"))
    copy = tmp_path / "outage.sqlite3"
    shutil.copy(live, copy)
    app = create_app(Settings(database_url=f"sqlite:///{copy}"))
    with TestClient(app) as client:
        session = client.post("/api/chat", json={"session": None, "text": "hi"}).json()["session"]
        saved = tmp_path / "saved.sqlite3"
        copy.rename(saved)
        copy.write_bytes(b"this is not a database" * 100)
        app.state.engine.dispose()  # drop the pool: new connections meet the broken file

        down = client.post("/api/chat", json={"session": session, "text": "for me"})
        assert down.status_code == 503
        assert "try again" in down.json()["replies"][0]["text"]
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").json()["listings"] is None

        copy.unlink()
        saved.rename(copy)
        app.state.engine.dispose()
        assert client.get("/readyz").status_code == 200
        back = client.post("/api/chat", json={"session": session, "text": "for me"})
        assert back.status_code == 200 and "What do you enjoy" in back.json()["replies"][-1]["text"]


@pytest.fixture
def postgres_role() -> Iterator[tuple[str, str]]:
    """A login role owning a fresh schema with the sample directory, dropped afterwards."""
    if not POSTGRES_URL.startswith("postgresql"):
        pytest.skip("DATABASE_URL is not PostgreSQL")
    role, schema = f"outage_{uuid.uuid4().hex[:10]}", f"o_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'CREATE SCHEMA "{schema}" AUTHORIZATION "{role}"'))
    base = POSTGRES_URL.replace("postgres@", f"{role}@", 1) if "postgres@" in POSTGRES_URL else POSTGRES_URL
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    engine.dispose()
    try:
        yield role, url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER ROLE "{role}" LOGIN'))
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"))
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def test_postgres_outage_asks_to_try_again_and_recovers(postgres_role: tuple[str, str]) -> None:
    role, url = postgres_role
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    app = create_app(Settings(database_url=url))
    with TestClient(app) as client:
        session = client.post("/api/chat", json={"session": None, "text": "hi"}).json()["session"]
        with admin.connect() as conn:
            conn.execute(text(f'ALTER ROLE "{role}" NOLOGIN'))
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"))

        down = client.post("/api/chat", json={"session": session, "text": "for me"})
        assert down.status_code == 503 and "try again" in down.json()["replies"][0]["text"]
        assert client.get("/readyz").status_code == 503

        with admin.connect() as conn:
            conn.execute(text(f'ALTER ROLE "{role}" LOGIN'))
        assert client.get("/readyz").status_code == 200
        back = client.post("/api/chat", json={"session": session, "text": "for me"})
        assert back.status_code == 200 and "What do you enjoy" in back.json()["replies"][-1]["text"]
    admin.dispose()
