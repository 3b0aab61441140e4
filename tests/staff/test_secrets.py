"""No public secrets in production: the app, `dayfinder serve` and the compose file refuse them."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer
from typer.testing import CliRunner

from assistant.app import create_app
from assistant.cli import app as cli
from assistant.directory.db import make_engine
from assistant.settings import DEVELOPMENT_SECRET, PROJECT_DIR, InsecureSettingsError, Settings, get_settings
from assistant.staff.auth import COOKIE
from assistant.staff.users import find_user
from tests.staff.conftest import ADMIN

HTML = {"Accept": "text/html"}
STRONG = {"identity_secret": secrets.token_urlsafe(32), "staff_session_secret": secrets.token_urlsafe(32)}


def production(staff_db: str, **secrets_given: str) -> Settings:
    return Settings(database_url=staff_db, dayfinder_env="production", **secrets_given)  # type: ignore[arg-type]


def admin_id(url: str) -> int:
    engine = make_engine(url)
    user = find_user(engine, ADMIN)
    engine.dispose()
    assert user is not None and user.id is not None
    return user.id


def test_the_app_refuses_the_public_default_secrets_outside_development(staff_db: str) -> None:
    with pytest.raises(InsecureSettingsError) as refused:
        create_app(production(staff_db))
    assert refused.value.names == ["IDENTITY_SECRET", "STAFF_SESSION_SECRET"]


def test_the_app_refuses_a_short_secret_outside_development(staff_db: str) -> None:
    short = STRONG | {"staff_session_secret": "x" * 31}
    with pytest.raises(InsecureSettingsError) as refused:
        create_app(production(staff_db, **short))
    assert refused.value.names == ["STAFF_SESSION_SECRET"]
    create_app(production(staff_db, **STRONG))  # 32 characters or more, neither the default: fine


def test_an_admin_cookie_minted_with_the_public_key_opens_nothing_in_production(staff_db: str) -> None:
    # As the old compose file ran it: IDENTITY_SECRET set, STAFF_SESSION_SECRET left at the default.
    with pytest.raises(InsecureSettingsError):
        create_app(production(staff_db, identity_secret=STRONG["identity_secret"]))
    admin = admin_id(staff_db)
    public = URLSafeTimedSerializer(DEVELOPMENT_SECRET, salt="dayfinder-staff-session")
    with TestClient(create_app(production(staff_db, **STRONG)), base_url="https://testserver") as client:
        for forged in ({"user": admin, "csrf": "x"}, {"sid": "x", "csrf": "x"}):
            client.cookies.set(COOKIE, public.dumps(forged))
            page = client.get("/staff/listings", headers=HTML, follow_redirects=False)
            assert page.status_code == 303 and page.headers["location"].startswith("/staff/login")


def test_serve_refuses_the_public_secrets_outside_development(monkeypatch: pytest.MonkeyPatch, configured: str) -> None:
    monkeypatch.setenv("DAYFINDER_ENV", "production")
    monkeypatch.setenv("IDENTITY_SECRET", STRONG["identity_secret"])
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["serve", "--port", "1"])
    get_settings.cache_clear()
    assert result.exit_code == 1
    assert result.output.startswith("Set STAFF_SESSION_SECRET to a long random value")
    assert "DAYFINDER_ENV=development" in result.output


def test_the_compose_file_requires_both_secrets() -> None:
    compose = (PROJECT_DIR / "docker" / "compose.yaml").read_text()
    for name in ("IDENTITY_SECRET", "STAFF_SESSION_SECRET"):
        # ${NAME:?message}: compose stops with the message when the variable is unset or empty
        assert re.search(rf"^ +{name}: \$\{{{name}:\?[^}}]+\}}$", compose, re.M), name


def test_the_readme_lists_every_setting() -> None:
    readme = Path(PROJECT_DIR / "README.md").read_text()
    missing = [name.upper() for name in Settings.model_fields if f"`{name.upper()}`" not in readme]
    assert missing == []
