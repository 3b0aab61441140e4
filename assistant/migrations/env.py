"""Alembic environment: migrations run on a connection handed over by ``assistant.directory.schema``."""

from __future__ import annotations

from typing import Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import assistant.channels.optouts
import assistant.conversation.store
import assistant.curation.problems_queue
import assistant.directory.models
import assistant.directory.version
import assistant.matching.events
import assistant.outreach.models
import assistant.staff.users  # noqa: F401
from assistant.directory.db import make_engine

target_metadata = SQLModel.metadata


def _render_item(kind: str, obj: object, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write SQLModel's string type as plain ``sa.String`` so migrations need no SQLModel import."""
    if kind == "type" and isinstance(obj, AutoString):
        return f"sa.String({obj.length})" if obj.length else "sa.String()"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
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
