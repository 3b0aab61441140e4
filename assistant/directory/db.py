"""Database engines and sessions for SQLite (embedded default) and PostgreSQL (production)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

IMMEDIATE = "dayfinder_immediate"  # execution option: take SQLite's write lock at BEGIN


def make_engine(url: str, *, pool_size: int | None = None, pool_timeout: float | None = None, **kwargs: Any) -> Engine:
    """Build an engine with the per-backend settings Dayfinder relies on.

    ``pool_size``: connections kept, as many as the threads that may use them at once (the web
    worker's thread pool), so a request never waits behind a full pool; ``pool_timeout``: seconds
    to wait for a connection before ``sqlalchemy.exc.TimeoutError`` (answered "try again").
    """
    if ":memory:" not in url:  # an in-memory SQLite database is one connection per thread
        if pool_size is not None:
            kwargs.setdefault("pool_size", pool_size)
        if pool_timeout is not None:
            kwargs.setdefault("pool_timeout", pool_timeout)
    # A failed statement's message (and SQLAlchemy's own statement log) would otherwise carry its
    # bound values: a problem report's words, a search's postcode. Errors are logged by class.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not the driver, begin transactions (the driver would only begin at
            # the first write, leaving reads outside the transaction): see ``_sqlite_begin``.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            if ":memory:" not in url:
                cursor.execute("PRAGMA journal_mode=WAL")  # readers no longer wait for the writer
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            """``BEGIN IMMEDIATE`` for work that reads then writes (a conversation turn), so two
            processes cannot both read the old state; plain ``BEGIN`` for everything else."""
            immediate = conn.get_execution_options().get(IMMEDIATE)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


@contextmanager
def session_scope(engine: Engine, *, for_update: bool = False) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error.

    Rows stay readable after the commit, so callers can report on what they wrote.
    ``for_update`` marks read-then-write work: on SQLite it takes the write lock at the start.
    """
    with Session(engine, expire_on_commit=False) as session:
        if for_update:
            session.connection(execution_options={IMMEDIATE: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
