"""The curators' CSV upload through the page: multipart parsed by python-multipart, its own body
limit, all or nothing. The app's own export of a directory the size of the sample one (about
250 KB, four times the app-wide 64 KB limit) must come back through the page unchanged. SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine

from assistant.app import create_app
from assistant.curation.listings_pages import MAX_UPLOAD_BYTES
from assistant.directory.importer import import_bundles
from assistant.directory.reader import read_records
from assistant.settings import Settings
from assistant.staff.users import add_user
from assistant.web.limits import MAX_BODY_BYTES
from tests.curation.conftest import CURATOR, STAFF, csrf_of
from tests.directory.records import service
from tests.staff.conftest import PASSWORD

UPLOAD = "/staff/listings/import-csv"
LISTINGS = 160  # with long descriptions, an export a little larger than the sample directory's


@pytest.fixture
def client(engine: Engine, database_url: str) -> Iterator[TestClient]:
    import_bundles(engine, read_records([service(1), service(2)], "oruk3").bundles)
    now = dt.datetime.now(dt.UTC)
    add_user(engine, STAFF, "Sam Staff", "staff", PASSWORD, now)
    add_user(engine, CURATOR, "Cleo Curator", "curator", PASSWORD, now)
    settings = Settings(database_url=database_url, staff_session_secret="test-staff-secret-" + "x" * 32)
    with TestClient(create_app(settings), base_url="https://testserver", follow_redirects=False) as test_client:
        yield test_client


def signed_in(client: TestClient, email: str = CURATOR) -> str:
    token = csrf_of(client.get("/staff/login").text)
    response = client.post("/staff/login", data={"email": email, "password": PASSWORD, "csrf": token})
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/staff").text)


def upload(client: TestClient, csrf: str | None, content: bytes | None) -> Response:
    data = {"csrf": csrf} if csrf is not None else {}
    files = {"file": ("listings.csv", content, "text/csv")} if content is not None else None
    return client.post(UPLOAD, data=data, files=files)


def status_message(page: str) -> str:
    found = re.search(r'role="(?:status|alert)"><p>(.*?)</p>', page)
    return html.unescape(found.group(1)) if found else ""


def test_the_apps_own_export_reimports_through_the_page_within_the_uploads_own_limit(
    client: TestClient, engine: Engine
) -> None:
    long = "A friendly group that meets every week, with tea, cake and a warm welcome for everyone. " * 16
    records = [service(n, description=long) for n in range(3, LISTINGS + 1)]
    import_bundles(engine, read_records(records, "oruk3").bundles)
    csrf = signed_in(client)
    exported = client.get("/staff/listings/export.csv")
    assert exported.status_code == 200
    assert len(exported.content) > 250_000 > 3 * MAX_BODY_BYTES
    first = upload(client, csrf, exported.content)
    assert first.status_code == 200, first.text[:300]
    said = status_message(first.text)
    assert said.startswith(f"Imported {LISTINGS} listing(s) from {LISTINGS} row(s): 0 new,"), said
    again = upload(client, csrf, exported.content)  # the template keeps less than ORUK: now nothing changes
    assert status_message(again.text).endswith(f"0 new, 0 updated, {LISTINGS} unchanged.")
    assert upload(client, csrf, b"x" * (MAX_UPLOAD_BYTES + 1)).status_code == 413  # its own limit, still a limit


def test_an_upload_without_the_csrf_field_is_refused(client: TestClient) -> None:
    """Pins what the old parser did too: python-multipart must still find (and demand) the field."""
    signed_in(client)
    assert upload(client, None, b"id,name\r\n").status_code == 403


def test_a_multipart_body_without_its_boundary_is_a_bad_request(client: TestClient) -> None:
    csrf = signed_in(client)
    headers = {"Content-Type": "multipart/form-data"}
    body = f'Content-Disposition: form-data; name="csrf"\r\n\r\n{csrf}'.encode()
    assert client.post(UPLOAD, content=body, headers=headers).status_code == 400
