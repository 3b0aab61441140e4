"""Staff sessions end on the server: sign-out, disabling, a new password, idle and absolute limits."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update
from sqlmodel import col, select

from assistant.app import create_app
from assistant.directory.db import make_engine, session_scope
from assistant.settings import Settings
from assistant.staff.auth import COOKIE
from assistant.staff.users import StaffSession, add_user, find_user, set_active, set_password
from tests.staff.conftest import PASSWORD, sign_in

HTML = {"Accept": "text/html"}


@pytest.fixture
def engine(staff_db: str) -> Iterator[Engine]:
    eng = make_engine(staff_db)
    yield eng
    eng.dispose()


@pytest.fixture
def email(engine: Engine) -> str:
    """An account of this test's own, so ending its sessions touches no other test."""
    address = f"s{uuid.uuid4().hex[:10]}@example.org"
    add_user(engine, address, "Sol Session", "staff", PASSWORD, dt.datetime.now(dt.UTC))
    return address


def browser(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), base_url="https://testserver", follow_redirects=False)


def signed_in(client: TestClient) -> bool:
    page = client.get("/staff", headers=HTML)
    assert page.status_code in (200, 303), page.text
    return page.status_code == 200


def age_sessions(engine: Engine, email: str, **back: dt.timedelta) -> None:
    """Move this account's session times into the past, as if that much time had gone by."""
    user = find_user(engine, email)
    assert user is not None
    now = dt.datetime.now(dt.UTC)
    values = {name: now - delta for name, delta in back.items()}
    with session_scope(engine) as session:
        session.exec(update(StaffSession).where(col(StaffSession.user_id) == user.id).values(**values))


def test_a_cookie_replayed_after_sign_out_opens_nothing(client: TestClient, email: str) -> None:
    token = sign_in(client, email)
    cookie = client.cookies[COOKIE]
    assert client.post("/staff/logout", data={"csrf": token}).status_code == 303
    client.cookies.set(COOKIE, cookie)  # an attacker who copied the cookie before sign-out
    page = client.get("/staff", headers=HTML)
    assert page.status_code == 303 and page.headers["location"].startswith("/staff/login")
    api = client.get("/staff/shortlist?ids=x", headers={"Accept": "application/json"})
    assert api.status_code == 401


def test_disabling_an_account_ends_its_sessions_for_good(settings: Settings, engine: Engine, email: str) -> None:
    with browser(settings) as laptop, browser(settings) as phone:
        sign_in(laptop, email)
        sign_in(phone, email)
        set_active(engine, email, False)
        set_active(engine, email, True)  # switched back on: the old sessions stay ended
        assert not signed_in(laptop) and not signed_in(phone)
        sign_in(laptop, email)
        assert signed_in(laptop)


def test_a_new_password_ends_every_session_of_the_account(
    settings: Settings, engine: Engine, email: str
) -> None:
    with browser(settings) as laptop, browser(settings) as phone, browser(settings) as other:
        sign_in(laptop, email)
        sign_in(phone, email)
        sign_in(other)  # another account's session is left alone
        assert set_password(engine, email, "a brand new long password")
        assert not signed_in(laptop) and not signed_in(phone)
        assert signed_in(other)
        sign_in(laptop, email, "a brand new long password")
        assert signed_in(laptop)


def test_a_session_idle_past_the_limit_has_ended(settings: Settings, engine: Engine, email: str) -> None:
    with browser(settings) as client:
        sign_in(client, email)
        age_sessions(engine, email, seen_at=dt.timedelta(minutes=settings.staff_idle_minutes - 2))
        assert signed_in(client)  # still within the limit, and the request counts as activity
        age_sessions(engine, email, seen_at=dt.timedelta(minutes=settings.staff_idle_minutes + 1))
        assert not signed_in(client)


def test_a_busy_session_still_ends_at_the_absolute_limit(settings: Settings, engine: Engine, email: str) -> None:
    with browser(settings) as client:
        sign_in(client, email)
        age_sessions(engine, email, started_at=dt.timedelta(minutes=settings.staff_session_minutes - 5))
        assert signed_in(client)
        age_sessions(engine, email, started_at=dt.timedelta(minutes=settings.staff_session_minutes + 1))
        assert not signed_in(client)


def test_activity_keeps_a_session_alive(settings: Settings, engine: Engine, email: str) -> None:
    with browser(settings) as client:
        sign_in(client, email)
        age_sessions(engine, email, seen_at=dt.timedelta(minutes=settings.staff_idle_minutes - 1))
        assert signed_in(client)
        user = find_user(engine, email)
        assert user is not None
        with session_scope(engine) as session:
            seen = session.exec(select(StaffSession.seen_at).where(col(StaffSession.user_id) == user.id)).one()
        assert dt.datetime.now(dt.UTC) - seen.replace(tzinfo=dt.UTC) < dt.timedelta(minutes=1)
