"""The directory's version: one number that every change to the listings bumps.

Each process holds what every turn re-reads (vocabulary, gazetteer, per-area facts) in memory and
checks this number (one indexed single-row read) to know when to read them again. Imports, syncs
and curators' edits call :func:`bump` in the same transaction as their change, so a reader never
sees the new number without the new rows.
"""

from __future__ import annotations

from sqlalchemy import text, update
from sqlmodel import Field, Session, SQLModel, col

ROW = 1


class DirectoryVersion(SQLModel, table=True):
    __tablename__ = "directory_version"

    id: int = Field(default=ROW, primary_key=True)
    version: int = 0


# Plain SQL built once: every turn reads the version, and building the expression each time cost
# more than running it.
_CURRENT = text(f"SELECT version FROM {DirectoryVersion.__tablename__} WHERE id = {ROW}")


def current(session: Session) -> int:
    """The directory's version now (0 for a database that has never been changed)."""
    return int(session.execute(_CURRENT).scalar() or 0)


def bump(session: Session) -> None:
    """Mark the directory changed, inside the caller's transaction."""
    moved = col(DirectoryVersion.version) + 1
    result = session.execute(update(DirectoryVersion).where(col(DirectoryVersion.id) == ROW).values(version=moved))
    if not getattr(result, "rowcount", 0):
        session.add(DirectoryVersion(id=ROW, version=1))
