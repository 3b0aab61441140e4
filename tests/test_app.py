from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from assistant.app import create_app
from assistant.directory.importer import import_bundles
from assistant.directory.reader import read_records
from assistant.settings import Settings
from tests.directory.records import service


def test_healthz_reports_the_listing_count(engine: Engine, database_url: str, tmp_path: Path) -> None:
    import_bundles(engine, read_records([service(1), service(2)], "oruk3").bundles)
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["listings"] == 2
