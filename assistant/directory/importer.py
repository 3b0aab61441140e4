"""Write checked bundles into the directory database: all or nothing, idempotent, updating by id.

:func:`import_records` is the public way in for parsed ORUK records (``directory import`` and
``directory sync`` use it): it reads them by the import policy (fixed, kept with a warning,
refused: see :mod:`assistant.directory.problems`), writes nothing when any record is refused
unless told to skip them, and says what it did in an :class:`ImportReport`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete
from sqlmodel import Session, col

from assistant.directory.bundle import ServiceBundle
from assistant.directory.db import session_scope
from assistant.directory.models import (
    Accessibility,
    Contact,
    CostOption,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
)
from assistant.directory.problems import Problem
from assistant.directory.quality import Lack, lacks
from assistant.directory.reader import DirectoryFile, Format, detect_format, read_records

SERVICE_CHILDREN = (Phone, Contact, CostOption, Schedule, ServiceTerm, ServiceAtLocation)


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import read, mended, kept, refused and wrote."""

    format: str
    total: int
    written: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    fixed: list[Problem] = field(default_factory=list)
    kept: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    service_ids: list[str] = field(default_factory=list)
    lacks: list[Lack] = field(default_factory=list)

    @property
    def refused_records(self) -> int:
        return len({p.index for p in self.refused})

    def records_with(self, kind: str) -> int:
        """How many records have at least one problem of ``kind`` (fixed, kept or refused)."""
        found = {"fixed": self.fixed, "kept": self.kept, "refused": self.refused}[kind]
        return len({p.index for p in found})


def import_records(
    engine: Engine,
    records: list[dict[str, Any]],
    *,
    source: str | None = None,
    skip_invalid: bool = False,
    fmt: Format | None = None,
) -> ImportReport:
    """Read ``records`` (ORUK 1.0 or 3.0 full services) by the import policy and write them.

    Any refused record and nothing is written, unless ``skip_invalid``; ``source`` (a file name, a
    feed's URL) is recorded on each listing, so a sync archives only what left its own source.
    """
    parsed = read_records(records, fmt or detect_format(records))
    return import_parsed(engine, parsed, source=source, skip_invalid=skip_invalid)


def import_parsed(
    engine: Engine, parsed: DirectoryFile, *, source: str | None = None, skip_invalid: bool = False
) -> ImportReport:
    """Write an already read file by the policy; see :func:`import_records`."""
    report = check_report(parsed)
    if parsed.problems and not skip_invalid:
        return report
    if source is not None:
        for bundle in parsed.bundles:
            bundle.service.source = source
    result = import_bundles(engine, parsed.bundles)
    return ImportReport(
        format=report.format,
        total=report.total,
        written=True,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        fixed=report.fixed,
        kept=report.kept,
        refused=report.refused,
        service_ids=report.service_ids,
        lacks=report.lacks,
    )


def check_report(parsed: DirectoryFile) -> ImportReport:
    """The report of a file read but not written; a refused record's fixes and warnings are moot."""
    refused = {p.index for p in parsed.problems}
    notices = [n for n in parsed.notices if n.index not in refused]
    return ImportReport(
        format=parsed.format,
        total=len(parsed.records),
        written=False,
        fixed=[n for n in notices if n.kind == "fixed"],
        kept=[n for n in notices if n.kind == "kept"],
        refused=list(parsed.problems),
        service_ids=[b.service.id for b in parsed.bundles],
        lacks=lacks(parsed.bundles),
    )


def import_bundles(engine: Engine, bundles: Iterable[ServiceBundle]) -> ImportResult:
    """Write every bundle in one transaction; an error leaves the database as it was."""
    created = updated = unchanged = 0
    with session_scope(engine) as session:
        for bundle in bundles:
            fingerprint = bundle.fingerprint()
            existing = session.get(Service, bundle.service.id)
            if existing is not None and existing.content_hash == fingerprint:
                unchanged += 1
                continue
            if existing is None:
                created += 1
            else:
                updated += 1
                _clear_children(session, bundle.service.id)
            bundle.service.content_hash = fingerprint
            _write(session, bundle)
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def _clear_children(session: Session, service_id: str) -> None:
    for table in SERVICE_CHILDREN:
        session.execute(delete(table).where(col(table.service_id) == service_id))


def _write(session: Session, bundle: ServiceBundle) -> None:
    """Merge shared rows (organisation, terms, locations); replace the service's own rows."""
    location_ids = [loc.id for loc in bundle.locations]
    if location_ids:
        keep = [item.id for item in bundle.accessibility]
        session.execute(
            delete(Accessibility).where(
                col(Accessibility.location_id).in_(location_ids), col(Accessibility.id).not_in(keep)
            )
        )
    for row in (bundle.organization, *bundle.terms, *bundle.locations, *bundle.accessibility):
        session.merge(row)
    session.flush()
    session.merge(bundle.service)
    session.flush()
    session.add_all([*bundle.links, *bundle.schedules, *bundle.costs, *bundle.contacts])
    session.flush()
    session.add_all([*bundle.phones, *bundle.service_terms])
    session.flush()
