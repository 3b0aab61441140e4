"""``dayfinder directory sync [URL...]``: bring listings in from councils' live ORUK APIs."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from sqlalchemy import Engine

from assistant.cli.common import database, say
from assistant.cli.directory import print_report
from assistant.content import text
from assistant.directory.oruk_client import FetchError, FetchOptions, NoProgress
from assistant.directory.sync import SyncResult, source_name, sync_source
from assistant.settings import get_settings

EXIT_FAILED = 1
EXIT_INVALID = 2
SHOWN_LINES = 20  # archived ids listed by name; the rest are counted


class BarProgress:
    """A progress bar on the terminal: one line per stage (pages, then full services)."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, TaskID] = {}

    def start(self, stage: str, total: int) -> None:
        self.tasks[stage] = self.bar.add_task(text("staff/sync", f"progress.{stage}"), total=total)

    def advance(self, stage: str) -> None:
        self.bar.advance(self.tasks[stage])


def directory_sync(
    urls: Annotated[
        list[str] | None, typer.Argument(help="Base URLs of ORUK 1.0/3.0 APIs; ORUK_SOURCES when left out.")
    ] = None,
    skip_invalid: Annotated[bool, typer.Option(help="Write the valid records and list the rest.")] = False,
    concurrency: Annotated[int, typer.Option(min=1, max=8, help="Requests at once, per API.")] = 4,
    per_page: Annotated[int, typer.Option(min=1, max=1000, help="Services asked for per page.")] = 100,
) -> None:
    """Read every service from live ORUK APIs and import them as `directory import` does; update
    changed ones in place and archive the ones a source no longer lists (never another source's)."""
    sources = [source_name(u) for u in (urls or get_settings().oruk_sources) if source_name(u)]
    if not sources:
        typer.echo(text("staff/sync", "error.no_sources"), err=True)
        raise typer.Exit(EXIT_FAILED)
    options = FetchOptions(concurrency=concurrency, per_page=per_page)
    worst = 0
    with database() as engine:
        for source in sources:
            try:
                result = _sync_one(engine, source, skip_invalid, options)
            except FetchError as exc:
                typer.echo(
                    text("staff/sync", "error.fetch_failed", url=exc.url, detail=exc.detail, source=source), err=True
                )
                worst = max(worst, EXIT_FAILED)
                continue
            worst = max(worst, _report(result))
    if worst:
        raise typer.Exit(worst)


_COLUMNS = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())


def _sync_one(engine: Engine, source: str, skip_invalid: bool, options: FetchOptions) -> SyncResult:
    """One source, with a progress bar on a terminal and nothing otherwise."""
    if not sys.stderr.isatty():
        return sync_source(engine, source, skip_invalid=skip_invalid, options=options, progress=NoProgress())
    with Progress(*_COLUMNS, transient=True) as bar:
        return sync_source(engine, source, skip_invalid=skip_invalid, options=options, progress=BarProgress(bar))


def _report(result: SyncResult) -> int:
    """Print what the sync did; the exit code it deserves."""
    report, source = result.report, result.source
    say(
        "sync",
        "report.fetched",
        source=source,
        records=report.total,
        pages=result.pages,
        requests=result.requests,
        retries=result.retries,
    )
    print_report(report, source)
    if not report.written:
        typer.echo(text("staff/sync", "report.not_written", source=source, refused=report.refused_records), err=True)
        return EXIT_INVALID
    say(
        "sync",
        "report.imported",
        source=source,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        format=report.format,
    )
    say("sync", "report.archived", source=source, count=len(result.archived))
    for sid in result.archived[:SHOWN_LINES]:
        say("sync", "report.archived_line", id=sid)
    return 0
