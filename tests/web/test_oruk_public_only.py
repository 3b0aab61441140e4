"""The ORUK read API publishes only what Dayfinder's own pages show: an archived listing is in
no list, no look-up and no nearby search (issue 14, item 7). SQLite and, with DATABASE_URL,
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from assistant.app import create_app
from assistant.curation.listings import archive_listing
from assistant.directory.importer import import_bundles
from assistant.directory.reader import read_records
from assistant.settings import Settings
from tests.directory.records import service


@pytest.fixture
def client(engine: Engine, database_url: str) -> Iterator[TestClient]:
    import_bundles(engine, read_records([service(1), service(2), service(3)], "oruk3").bundles)
    assert archive_listing(engine, "svc-2")
    with TestClient(create_app(Settings(database_url=database_url))) as test_client:
        yield test_client


def test_an_archived_listing_is_in_no_page_of_services(client: TestClient) -> None:
    body = client.get("/oruk/services", params={"per_page": 50}).json()
    assert sorted(s["id"] for s in body["contents"]) == ["svc-1", "svc-3"] and body["total_items"] == 2
    searched = client.get("/oruk/services", params={"text": "knit"}).json()
    assert sorted(s["id"] for s in searched["contents"]) == ["svc-1", "svc-3"]


def test_an_archived_listing_is_not_found_by_id(client: TestClient) -> None:
    assert client.get("/oruk/services/svc-1").status_code == 200
    response = client.get("/oruk/services/svc-2")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_archived_listing_is_not_near_anywhere(client: TestClient) -> None:
    body = client.get("/oruk/service_at_locations", params={"postcode": "LU7 1AA", "proximity": 5000}).json()
    assert sorted(c["service_id"] for c in body["contents"]) == ["svc-1", "svc-3"] and body["total_items"] == 2
