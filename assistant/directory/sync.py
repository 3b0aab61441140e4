"""Keep the directory in step with a council's live ORUK API.

A sync reads every service from the API (see :mod:`assistant.directory.oruk_client`), then writes
them with exactly the policy of ``dayfinder directory import`` (fixed, kept with a warning,
refused). Each listing remembers its source, the API's base URL, so a later sync updates changed
services in place and archives (status ``inactive``) the services of *that* source the API no
longer lists; listings from other sources are never touched. Nothing is written or archived when
the API could not be read whole, or when a record is refused and refusals are not skipped.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import col, select

from assistant.directory import version
from assistant.directory.db import session_scope
from assistant.directory.importer import ImportReport, import_records
from assistant.directory.models import Service
from assistant.directory.oruk_client import FetchOptions, SyncProgress, fetch_services

INACTIVE = "inactive"


@dataclass(frozen=True, slots=True)
class SyncResult:
    source: str
    report: ImportReport
    archived: list[str]
    pages: int
    requests: int
    retries: int


def source_name(base_url: str) -> str:
    """The source a listing records for an API: its base URL without a trailing slash."""
    return base_url.strip().rstrip("/")


def sync_source(
    engine: Engine,
    base_url: str,
    *,
    skip_invalid: bool = False,
    options: FetchOptions | None = None,
    progress: SyncProgress | None = None,
) -> SyncResult:
    """Fetch, import and archive. Raises :class:`~assistant.directory.oruk_client.FetchError`
    (before writing anything) when the API cannot be read whole."""
    source = source_name(base_url)
    fetched = fetch_services(source, options, progress)
    report = import_records(engine, fetched.records, source=source, skip_invalid=skip_invalid)
    archived: list[str] = []
    if report.written and fetched.records:  # an API listing nothing at all is more likely broken than empty
        listed = {str(record.get("id") or "") for record in fetched.records}
        archived = archive_missing(engine, source, listed)
    return SyncResult(
        source=source,
        report=report,
        archived=archived,
        pages=fetched.pages,
        requests=fetched.requests,
        retries=fetched.retries,
    )


def archive_missing(engine: Engine, source: str, listed: Collection[str]) -> list[str]:
    """Archive the active services recorded from ``source`` whose ids are not in ``listed``.

    A record the source still lists but that was refused stays as it was: it did not disappear.
    The stored fingerprint is cleared, so the service is written again if the source brings it back.
    """
    if not source:
        return []  # listings with no recorded source belong to no feed
    with session_scope(engine) as session:
        rows = session.exec(select(Service).where(col(Service.source) == source, col(Service.status) != INACTIVE)).all()
        gone = [service for service in rows if service.id not in listed]
        for service in gone:
            service.status = INACTIVE
            service.content_hash = ""
            session.add(service)
        if gone:
            version.bump(session)  # every process's turns see them gone (assistant.directory.cache)
        return sorted(service.id for service in gone)
