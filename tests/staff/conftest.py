"""A web app over the sample directory with one account of each role, loaded once per module."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from assistant.app import create_app
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR, Settings
from assistant.staff.users import add_user, set_active
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER

PASSWORD = "correct horse battery staple"
STAFF = "sam@example.org"
CURATOR = "cleo@example.org"
ADMIN = "ada@example.org"
DISABLED = "dee@example.org"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(scope="module")
def staff_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('staff') / 'dayfinder.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    now = dt.datetime.now(dt.UTC)
    add_user(engine, STAFF, "Sam Staff", "staff", PASSWORD, now)
    add_user(engine, CURATOR, "Cleo Curator", "curator", PASSWORD, now)
    add_user(engine, DISABLED, "Dee Departed", "staff", PASSWORD, now)
    add_user(engine, ADMIN, "Ada Admin", "admin", PASSWORD, now)
    set_active(engine, DISABLED, False)
    engine.dispose()
    return url


@pytest.fixture
def settings(staff_db: str) -> Settings:
    return Settings(
        database_url=staff_db,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url="https://twilio.test",
        staff_session_secret="test-staff-secret",
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """Over https, so the Secure session cookie is sent back as a browser would."""
    with TestClient(create_app(settings), base_url="https://testserver", follow_redirects=False) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token in the form"
    return found.group(1)


def sign_in(client: TestClient, email: str = STAFF, password: str = PASSWORD) -> str:
    """Sign in through the form; the session's CSRF token."""
    token = csrf_of(client.get("/staff/login").text)
    response = client.post("/staff/login", data={"email": email, "password": password, "csrf": token})
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/staff").text)
