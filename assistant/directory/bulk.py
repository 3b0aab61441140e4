"""Write service bundles in bulk: a few statements a batch, not a few a service.

For each batch the stored fingerprints (``Service.content_hash``) of its services are read in one
query; an unchanged service is skipped, a changed one has its own rows (schedules, costs, phones,
...) deleted in bulk and written again, a new one is inserted. Rows services share (organisations,
taxonomy terms, locations and their accessibility) are upserted with ``INSERT ... ON CONFLICT``,
the last bundle in file order winning, as one-by-one merging did. New own rows go in with one
``executemany`` per table, or PostgreSQL's ``COPY``. Everything happens in the caller's session,
so the caller's transaction keeps an import all or nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col

from assistant.directory import models, version
from assistant.directory.bundle import ServiceBundle

Row = dict[str, Any]
# A service's own rows, children of its contacts (phones) first, so deleting them breaks no key.
SERVICE_CHILDREN: tuple[type[SQLModel], ...] = (
    models.Phone,
    models.Contact,
    models.CostOption,
    models.Schedule,
    models.ServiceTerm,
    models.ServiceAtLocation,
)
IDS_PER_STATEMENT = 500  # well under SQLite's and PostgreSQL's limits on bound parameters
UNHASHED = frozenset({"content_hash", "source_format"})  # what a fingerprint leaves out


def fingerprint(bundle: ServiceBundle) -> str:
    """A hash of the bundle's rows (in any order): the same value as ``bundle.fingerprint()``,
    read straight from each row's values rather than through pydantic, several times faster."""
    parts = sorted(
        json.dumps([type(row).__name__, _hashed_values(row)], sort_keys=True, default=str) for row in bundle.rows()
    )
    return hashlib.sha256(("[" + ", ".join(parts) + "]").encode()).hexdigest()


def _hashed_values(row: SQLModel) -> Row:
    values = vars(row)
    return {name: values[name] if name in values else getattr(row, name) for name in _fields(type(row))}


@lru_cache(maxsize=32)
def _fields(model: type[SQLModel]) -> tuple[str, ...]:
    return tuple(name for name in model.model_fields if name not in UNHASHED)


@lru_cache(maxsize=32)
def _columns(model: type[SQLModel]) -> tuple[str, ...]:
    return tuple(column.key for column in _table(model).columns)


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def as_row(row: SQLModel) -> Row:
    """The row's column values, for a bulk statement."""
    values = vars(row)
    return {name: values[name] if name in values else getattr(row, name) for name in _columns(type(row))}


def chunks(items: Sequence[str], size: int = IDS_PER_STATEMENT) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class BulkWriter:
    """Writes batches of bundles into one session; bumps the directory version once, on the first
    batch that changes anything, in the same transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self.bumped = False

    def write(self, bundles: Sequence[ServiceBundle]) -> tuple[int, int, int]:
        """Write ``bundles`` (fingerprinting each); returns (created, updated, unchanged)."""
        created = updated = unchanged = 0
        for run in _runs_of_distinct_ids(bundles):
            c, u, n = self._write_run(run)
            created, updated, unchanged = created + c, updated + u, unchanged + n
        return created, updated, unchanged

    def _write_run(self, bundles: list[ServiceBundle]) -> tuple[int, int, int]:
        for bundle in bundles:
            bundle.service.content_hash = fingerprint(bundle)
        stored = self._stored_fingerprints([b.service.id for b in bundles])
        changed = [b for b in bundles if stored.get(b.service.id) != b.service.content_hash]
        replaced = [b.service.id for b in changed if b.service.id in stored]
        if not changed:
            return 0, 0, len(bundles)
        for table in SERVICE_CHILDREN:
            for ids in chunks(replaced):
                self.session.execute(delete(table).where(col(table.service_id).in_(ids)))  # type: ignore[attr-defined]
        self._write_shared(changed)
        self._upsert(models.Service, [b.service for b in changed])
        for model, rows in (
            (models.ServiceAtLocation, [r for b in changed for r in b.links]),
            (models.Schedule, [r for b in changed for r in b.schedules]),
            (models.CostOption, [r for b in changed for r in b.costs]),
            (models.Contact, [r for b in changed for r in b.contacts]),
            (models.Phone, [r for b in changed for r in b.phones]),
            (models.ServiceTerm, [r for b in changed for r in b.service_terms]),
        ):
            self._insert(model, rows)
        if not self.bumped:
            version.bump(self.session)
            self.bumped = True
        return len(changed) - len(replaced), len(replaced), len(bundles) - len(changed)

    def _stored_fingerprints(self, ids: list[str]) -> dict[str, str]:
        stored: dict[str, str] = {}
        for some in chunks(ids):
            found = self.session.execute(
                select(col(models.Service.id), col(models.Service.content_hash)).where(col(models.Service.id).in_(some))
            )
            stored.update({sid: content_hash for sid, content_hash in found})
        return stored

    def _write_shared(self, changed: list[ServiceBundle]) -> None:
        """Organisations, terms and locations, the last bundle winning; a location's accessibility
        becomes what the last bundle at that location says (rows it no longer lists are removed)."""
        organizations = {b.organization.id: b.organization for b in changed}
        terms = {t.id: t for b in changed for t in b.terms}
        locations = {loc.id: loc for b in changed for loc in b.locations}
        access_of: dict[str, list[models.Accessibility]] = {}
        for bundle in changed:
            said: dict[str, list[models.Accessibility]] = {loc.id: [] for loc in bundle.locations}
            for item in bundle.accessibility:
                said.setdefault(item.location_id, []).append(item)
            access_of.update(said)
        access = {a.id: a for items in access_of.values() for a in items}
        self._remove_stale_access(list(access_of), set(access))
        self._upsert(models.Organization, list(organizations.values()))
        self._upsert(models.TaxonomyTerm, list(terms.values()))
        self._upsert(models.Location, list(locations.values()))
        self._upsert(models.Accessibility, list(access.values()))

    def _remove_stale_access(self, location_ids: list[str], keep: set[str]) -> None:
        stale: list[str] = []
        for ids in chunks(location_ids):
            found = self.session.execute(
                select(col(models.Accessibility.id)).where(col(models.Accessibility.location_id).in_(ids))
            )
            stale += [aid for (aid,) in found if aid not in keep]
        for ids in chunks(stale):
            self.session.execute(delete(models.Accessibility).where(col(models.Accessibility.id).in_(ids)))

    def _upsert(self, model: type[SQLModel], rows: Sequence[SQLModel]) -> None:
        """INSERT ... ON CONFLICT (id) DO UPDATE every column: the row as given, new or not."""
        if not rows:
            return
        table = _table(model)
        statement = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)
        updates = {name: statement.excluded[name] for name in _columns(model) if name != "id"}
        statement = statement.on_conflict_do_update(index_elements=[table.c.id], set_=updates)
        self.session.execute(statement, [as_row(row) for row in rows])

    def _insert(self, model: type[SQLModel], rows: Sequence[SQLModel]) -> None:
        if not rows:
            return
        if self.dialect == "postgresql":
            self._copy(model, rows)
            return
        self.session.execute(insert(_table(model)), [as_row(row) for row in rows])

    def _copy(self, model: type[SQLModel], rows: Sequence[SQLModel]) -> None:
        """PostgreSQL's COPY, through the session's own connection (so inside its transaction)."""
        import psycopg  # only ever on PostgreSQL

        names = _columns(model)
        driver = self.session.connection().connection.driver_connection
        assert driver is not None
        quoted = ", ".join(f'"{name}"' for name in names)
        statement = f'COPY "{_table(model).name}" ({quoted}) FROM STDIN'
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    values = as_row(row)
                    copy.write_row([values[name] for name in names])
        except psycopg.errors.IntegrityError as exc:  # as SQLAlchemy says it for every other statement
            raise IntegrityError(statement, None, exc) from exc


def _runs_of_distinct_ids(bundles: Sequence[ServiceBundle]) -> Iterator[list[ServiceBundle]]:
    """The bundles in order, cut wherever a service id comes again, so a run never holds one
    service twice (a later copy is then compared with what the earlier one wrote)."""
    run: list[ServiceBundle] = []
    seen: set[str] = set()
    for bundle in bundles:
        if bundle.service.id in seen:
            yield run
            run, seen = [], set()
        run.append(bundle)
        seen.add(bundle.service.id)
    if run:
        yield run
