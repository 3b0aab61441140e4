"""A NUL byte or a lone surrogate anywhere in a request is a friendly 400 on every route.

PostgreSQL refuses both (a NUL in a text value; a character UTF-8 cannot encode), so before the
app refused them at the door each of these reached the database and came back as a 500 there.
Every case runs on SQLite and, with ``DATABASE_URL`` set, on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from assistant.app import create_app
from assistant.directory.importer import import_bundles
from assistant.directory.reader import read_records
from assistant.settings import Settings
from tests.directory.records import service


@pytest.fixture
def client(engine: Engine, database_url: str) -> Iterator[TestClient]:
    import_bundles(engine, read_records([service(1)], "oruk3").bundles)
    settings = Settings(database_url=database_url, staff_session_secret="test-staff-secret")
    with TestClient(create_app(settings), base_url="https://testserver", follow_redirects=False) as test_client:
        yield test_client


def refused(response: httpx.Response) -> bool:
    return response.status_code == 400 and response.json()["error"]["code"] == "bad_request"


@pytest.mark.parametrize(
    "url",
    [
        "/oruk/services/%00",
        "/oruk/services/svc%00-1",
        "/listing/%00",
        "/oruk/services?text=%00",
        "/oruk/services?text=knit%00ting",
        "/oruk/service_at_locations?postcode=B91%001AA",
        "/staff/listings/%00",
        "/chat?mode=%00",
    ],
)
def test_a_nul_in_a_path_or_query_is_refused(client: TestClient, url: str) -> None:
    assert refused(client.get(url))


@pytest.mark.parametrize(
    ("url", "form"),
    [
        ("/listing/svc-1/report", {"message": "The times are wrong\x00", "mode": "plain"}),
        ("/staff/login", {"email": "curator\x00@example.org", "password": "x", "csrf": "x"}),
        ("/chat", {"text": "knitting\x00", "mode": "plain"}),
    ],
)
def test_a_nul_in_a_form_is_refused(client: TestClient, url: str, form: dict[str, str]) -> None:
    assert refused(client.post(url, data=form))


@pytest.mark.parametrize("escaped", ["knitting\\u0000", "knitting \\ud800", "\\udfff near B91"])
def test_a_nul_or_lone_surrogate_in_json_is_refused(client: TestClient, escaped: str) -> None:
    body = '{"session": null, "text": "' + escaped + '"}'
    response = client.post("/api/chat", content=body, headers={"Content-Type": "application/json"})
    assert refused(response)


def test_a_nul_in_a_json_key_is_refused(client: TestClient) -> None:
    body = '{"text": "hi", "mode\\u0000": "plain"}'
    assert refused(client.post("/api/chat", content=body, headers={"Content-Type": "application/json"}))


def test_escaped_emoji_and_ordinary_text_still_pass(client: TestClient) -> None:
    body = json.dumps({"session": None, "text": "knitting \U0001f9f6 near B91"})  # ASCII, with a surrogate pair
    assert "\\ud83e" in body
    response = client.post("/api/chat", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    assert client.get("/oruk/services?text=knit").status_code == 200
    assert client.get("/listing/svc-1").status_code == 200
    page = client.post("/chat", data={"text": "knitting for me", "mode": "plain"})
    assert page.status_code == 200
