"""A web app over an empty directory (SQLite and PostgreSQL) with a curator and a staff account."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from assistant.app import create_app
from assistant.directory.importer import import_bundles
from assistant.directory.reader import read_records
from assistant.settings import Settings
from assistant.staff.users import add_user
from tests.directory.records import service
from tests.staff.conftest import CURATOR, PASSWORD, STAFF, csrf_of

__all__ = ["CURATOR", "STAFF", "csrf_of"]


@pytest.fixture
def curated(engine: Engine) -> Engine:
    now = dt.datetime.now(dt.UTC)
    add_user(engine, STAFF, "Sam Staff", "staff", PASSWORD, now)
    add_user(engine, CURATOR, "Cleo Curator", "curator", PASSWORD, now)
    import_bundles(engine, read_records([service(1), service(2)], "oruk3").bundles)
    return engine


@pytest.fixture
def client(curated: Engine, database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, staff_session_secret="test-staff-secret")
    with TestClient(create_app(settings), base_url="https://testserver", follow_redirects=False) as test_client:
        yield test_client


def sign_in(client: TestClient, email: str = CURATOR) -> str:
    """Sign in; the session's CSRF token."""
    token = csrf_of(client.get("/staff/login").text)
    response = client.post("/staff/login", data={"email": email, "password": PASSWORD, "csrf": token})
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/staff/listings").text if email == CURATOR else client.get("/staff").text)
