"""Alembic environment: migrations run on a connection handed over by ``assistant.directory.schema``."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import assistant.directory.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from assistant.directory.db import make_engine

target_metadata = SQLModel.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
