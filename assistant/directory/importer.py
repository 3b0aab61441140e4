"""Write checked bundles into the directory database: all or nothing, idempotent, updating by id.

:func:`import_records` is the public way in for parsed ORUK records (``directory sync`` uses it)
and :func:`import_feeds` for files (``directory import``, streamed a batch at a time): they read
the records by the import policy (fixed, kept with a warning, refused: see
:mod:`assistant.directory.problems`), write nothing when any record is refused unless told to skip
them, and say what they did in an :class:`ImportReport`. Writing is in bulk
(:mod:`assistant.directory.bulk`), a batch of records at a time, all in one transaction, so memory
stays flat however large the file and a failure anywhere leaves the database as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from assistant.directory.bulk import BulkWriter
from assistant.directory.bundle import ServiceBundle
from assistant.directory.db import session_scope
from assistant.directory.problems import KINDS, Kind, Problem
from assistant.directory.quality import Lack, lacks
from assistant.directory.reader import DirectoryFile, Format, RecordReader, Survey
from assistant.directory.stream import Feed

BATCH = 1000  # records read, checked and written at a time
# While importing, the cyclic garbage collector runs after this many new objects rather than 700:
# reading a record makes ~20 short-lived rows, freed by reference counting, and collecting every
# 700 objects cost a fifth of an import's time. Cycles are still collected, so memory stays flat.
IMPORT_GC_THRESHOLD = (50_000, 20, 100)
Progress = Callable[[int], None]  # told how many more records are done
T = TypeVar("T")


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
    progress: Progress | None = None,
) -> ImportReport:
    """Read ``records`` (ORUK 1.0 or 3.0 full services) by the import policy and write them.

    Any refused record and nothing is written, unless ``skip_invalid``; ``source`` (a file name, a
    feed's URL) is recorded on each listing, so a sync archives only what left its own source.
    """
    survey = Survey.of(records)

    def attempt(file_wide: bool) -> list[_Run]:
        run = _Run(survey, fmt or survey.format(), source, skip_invalid, progress, file_wide)
        _in_one_transaction(engine, lambda session: [run.write(session, _batched(enumerate(records)))])
        return [run]

    return _attempts(attempt)[0].report()


def import_feeds(
    engine: Engine,
    feeds: Sequence[tuple[Feed, str]],
    *,
    fmt: Format | None = None,
    skip_invalid: bool = False,
    progress: Callable[[Feed], Progress] | None = None,
) -> list[ImportReport]:
    """Import files (each ``(feed, source)``) a batch at a time, all in one transaction: a refused
    record in any of them and nothing is written (unless ``skip_invalid``); one report a file."""

    def attempt(file_wide: bool) -> list[_Run]:
        runs = [
            _Run(feed.survey, fmt or feed.survey.format(), source, skip_invalid, file_wide=file_wide)
            for feed, source in feeds
        ]

        def work(session: Session) -> list[_Run]:
            for (feed, _source), run in zip(feeds, runs, strict=True):
                run.progress = progress(feed) if progress else None
                run.write(None if any(r.refusing for r in runs) else session, feed.batches(BATCH))
            return runs

        _in_one_transaction(engine, work)
        return runs

    runs = _attempts(attempt)
    written = not any(run.refusing for run in runs)
    return [run.report(written=written) for run in runs]


def check_feed(feed: Feed, *, fmt: Format | None = None, progress: Progress | None = None) -> ImportReport:
    """The report of a file read a batch at a time and checked, writing nothing."""
    run = _Run(feed.survey, fmt or feed.survey.format(), progress=progress)
    with _fewer_collections():
        run.write(None, feed.batches(BATCH))
    return run.report(written=False)


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
    return replace(report, written=True, created=result.created, updated=result.updated, unchanged=result.unchanged)


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
        writer = BulkWriter(session)
        for batch in _batched(bundles):
            c, u, n = writer.write(batch)
            created, updated, unchanged = created + c, updated + u, unchanged + n
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def _attempts(attempt: Callable[[bool], list[_Run]]) -> list[_Run]:
    """Import remembering only each batch's own row ids (flat memory); when the database refuses
    a repeated one, import again remembering every id in the file, to refuse the record that
    repeats it by name, as the check always has. A clash with a row outside the file still raises."""
    try:
        return attempt(False)
    except IntegrityError:
        return attempt(True)


class _Refused(Exception):
    """Raised out of a transaction to roll it back: a record was refused and none are skipped."""


def _in_one_transaction(engine: Engine, work: Callable[[Session], Sequence[_Run]]) -> None:
    """Run ``work`` in one transaction, committed unless one of the runs it returns is refusing."""
    try:
        with _fewer_collections(), session_scope(engine) as session:
            if any(run.refusing for run in work(session)):
                raise _Refused
    except _Refused:
        pass


@contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*IMPORT_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass(slots=True)
class _Run:
    """One file's import: read and check a batch, write it (while nothing is refused, or when
    refusals are skipped), and add up the report."""

    survey: Survey
    format: Format
    source: str | None = None
    skip_invalid: bool = False
    progress: Progress | None = None
    file_wide: bool = True  # remember every owned row id (see RecordReader), not just a batch's
    writer: BulkWriter | None = None
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])
    found: dict[Kind, list[Problem]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    service_ids: list[str] = field(default_factory=list)
    lacks: list[Lack] = field(default_factory=list)

    @property
    def refusing(self) -> bool:
        """A record was refused and refusals are not skipped: nothing of this run may be written."""
        return bool(self.found["refused"]) and not self.skip_invalid

    def write(self, session: Session | None, batches: Iterable[list[tuple[int, dict[str, Any]]]]) -> _Run:
        """Read every batch; write each while ``session`` is given and nothing is refused."""
        reader = RecordReader(self.format, self.survey, file_wide=self.file_wide or session is None)
        for batch in batches:
            reader.next_batch()
            bundles = self._read(reader, batch)
            if session is not None and not self.refusing:
                self._write(session, bundles)
            if self.progress is not None:
                self.progress(len(batch))
        return self

    def _read(self, reader: RecordReader, batch: list[tuple[int, dict[str, Any]]]) -> list[ServiceBundle]:
        bundles = []
        for index, raw in batch:
            bundle, found = reader.read(index, raw)
            self.found["refused"] += found.found
            if found.found:
                continue  # a refused record's fixes and warnings are moot
            for notice in found.notices:
                self.found[notice.kind].append(notice)
            if bundle is not None:
                bundles.append(bundle)
        self.service_ids += [b.service.id for b in bundles]
        self.lacks = _add_lacks(self.lacks, lacks(bundles))
        return bundles

    def _write(self, session: Session, bundles: list[ServiceBundle]) -> None:
        if self.source is not None:
            for bundle in bundles:
                bundle.service.source = self.source
        if self.writer is None:
            self.writer = BulkWriter(session)
        self.counts = [a + b for a, b in zip(self.counts, self.writer.write(bundles), strict=True)]

    def report(self, *, written: bool | None = None) -> ImportReport:
        created, updated, unchanged = self.counts
        written = not self.refusing if written is None else written
        return ImportReport(
            format=self.format,
            total=self.survey.count,
            written=written,
            created=created if written else 0,
            updated=updated if written else 0,
            unchanged=unchanged if written else 0,
            fixed=self.found["fixed"],
            kept=self.found["kept"],
            refused=sorted(self.found["refused"], key=lambda p: p.index),
            service_ids=self.service_ids,
            lacks=self.lacks,
        )


def _add_lacks(total: list[Lack], more: list[Lack]) -> list[Lack]:
    if not total:
        return more
    return [Lack(a.what, a.missing + b.missing, a.total + b.total) for a, b in zip(total, more, strict=True)]


def _batched(items: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch
