"""Helpers every ``dayfinder`` subcommand shares: printing content, and the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from assistant.content import text
from assistant.directory.db import make_engine
from assistant.directory.schema import upgrade
from assistant.settings import MIN_SECRET_CHARS, InsecureSettingsError, Settings, get_settings


def say(group: str, key: str, /, **params: object) -> None:
    """Print a staff-facing sentence from ``content/staff/<group>.toml``."""
    typer.echo(text(f"staff/{group}", key, **params))


def secure_settings() -> Settings:
    """The settings, for a command that uses the secrets; exit 1 naming any secret still at the
    public development default or too short (unless DAYFINDER_ENV=development)."""
    settings = get_settings()
    try:
        return settings.require_secrets()
    except InsecureSettingsError as exc:
        names = ", ".join(exc.names)
        typer.echo(text("staff/cli", "error.insecure_secrets", names=names, min=MIN_SECRET_CHARS), err=True)
        raise typer.Exit(1) from exc


@contextmanager
def database() -> Iterator[Engine]:
    """The configured database, migrated to the newest schema, closed afterwards."""
    engine = make_engine(get_settings().database_url)
    try:
        upgrade(engine)
        yield engine
    except OperationalError as exc:
        detail = str(exc.orig).strip()
        typer.echo(
            text("staff/cli", "error.database", url=engine.url.render_as_string(), detail=detail), err=True
        )
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()
