"""The directory's version: one number that every change to the listings bumps.

Each process holds what every turn re-reads (vocabulary, gazetteer, per-area facts) in memory and
checks this number (one indexed single-row read) to know when to read them again. Imports, syncs
and curators' edits call :func:`bump` in the same transaction as their change, so a reader never
sees the new number without the new rows.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Field, Session, SQLModel, col, select

ROW = 1


class DirectoryVersion(SQLModel, table=True):
    __tablename__ = "directory_version"

    id: int = Field(default=ROW, primary_key=True)
    version: int = 0


def current(session: Session) -> int:
    """The directory's version now (0 for a database that has never been changed)."""
    found = session.exec(select(DirectoryVersion.version).where(col(DirectoryVersion.id) == ROW)).first()
    return int(found or 0)


def bump(session: Session) -> None:
    """Mark the directory changed, inside the caller's transaction."""
    moved = col(DirectoryVersion.version) + 1
    result = session.execute(update(DirectoryVersion).where(col(DirectoryVersion.id) == ROW).values(version=moved))
    if not getattr(result, "rowcount", 0):
        session.add(DirectoryVersion(id=ROW, version=1))
