"""``dayfinder directory ...``: import, validate, export and count the activity directory."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from assistant.cli.common import database, say
from assistant.content import text
from assistant.directory.exporter import export_page
from assistant.directory.importer import ImportReport, check_feed, import_bundles, import_feeds
from assistant.directory.problems import DirectoryFileError, Problem
from assistant.directory.quality import Lack
from assistant.directory.reader import Format
from assistant.directory.stats import directory_stats
from assistant.directory.stream import Feed, open_feed
from assistant.settings import get_settings

directory_app = typer.Typer(help="The activity directory (Open Referral UK).", no_args_is_help=True)

FormatOption = Annotated[Format | None, typer.Option("--format", help="oruk1 or oruk3; detected when left out.")]
FilesArg = Annotated[list[Path], typer.Argument(help="ORUK JSON files.")]
EXIT_INVALID = 2
EXAMPLES = 3


def _open(path: Path) -> Feed:
    """The file checked whole and its records counted (read again, a batch at a time, later)."""
    if not path.is_file():
        typer.echo(text("staff/cli", "error.file_missing", file=path), err=True)
        raise typer.Exit(EXIT_INVALID)
    try:
        return open_feed(path)
    except DirectoryFileError as exc:
        _report_problems(path, exc.problems)
        raise typer.Exit(EXIT_INVALID) from exc


@contextmanager
def _progress(stage: str) -> Iterator[Callable[[Feed], Callable[[int], None]] | None]:
    """A bar per file on a terminal (``stage`` "checking" or "importing"); nothing otherwise, so
    output piped to a file or a log stays plain."""
    if not sys.stdout.isatty():
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:

        def start(feed: Feed) -> Callable[[int], None]:
            label = text("staff/import", f"progress.{stage}", file=feed.path.name)
            task = bar.add_task(label, total=feed.survey.count)
            return lambda done: bar.advance(task, done)

        yield start


def _report_problems(path: Path, problems: list[Problem]) -> None:
    typer.echo(text("staff/directory", "report.problems_heading", count=len(problems), file=path), err=True)
    for p in problems:
        typer.echo(_problem_line(p), err=True)


def _problem_line(p: Problem) -> str:
    """One problem: which record, where in it, and why."""
    return text(
        "staff/directory", "report.problem_line", index=p.index, name=p.name or "-", path=p.path, reason=p.reason
    )


def _report_lacks(found: list[Lack], count: int) -> None:
    say("directory", "report.lacks_heading", count=count)
    for lack in found:
        if lack.missing:
            say(
                "directory",
                "report.lacks_line",
                what=text("staff/directory", f"lack.{lack.what}"),
                missing=lack.missing,
                count=lack.total,
                percent=lack.percent,
            )


def print_report(report: ImportReport, file: object, examples: int = EXAMPLES) -> None:
    """The import policy's report: counts per kind, a few examples of each fix and warning, every refusal."""
    say(
        "directory",
        "report.policy_heading",
        file=file,
        records=report.total,
        imported=report.total - report.refused_records,
        fixed=report.records_with("fixed"),
        kept=report.records_with("kept"),
        refused=report.refused_records,
    )
    for kind, found in (("fixed", report.fixed), ("kept", report.kept), ("refused", report.refused)):
        if not found:
            continue
        label = text("staff/directory", f"kind.{kind}")
        say("directory", "report.kind_heading", kind=label, records=report.records_with(kind), count=len(found))
        if kind == "refused":
            for p in found:
                typer.echo(_problem_line(p))
            continue
        by_key: dict[str, list[Problem]] = defaultdict(list)
        for p in found:
            by_key[p.key].append(p)
        for key, items in sorted(by_key.items(), key=lambda kv: -len(kv[1])):
            say("directory", "report.kind_line", what=text("staff/directory", f"what.{key}"), count=len(items))
            for p in items[:examples]:
                say("directory", "report.example_line", index=p.index, name=p.name or "-", path=p.path, reason=p.reason)


@directory_app.command("validate")
def directory_validate(files: FilesArg, fmt: FormatOption = None) -> None:
    """Check files against the ORUK schemas and Dayfinder's rules; write nothing."""
    failed = False
    for path in files:
        feed = _open(path)
        with _progress("checking") as progress:
            report = check_feed(feed, fmt=fmt, progress=progress(feed) if progress else None)
        if report.refused or report.fixed or report.kept:
            print_report(report, path)
        if not report.refused:
            say("directory", "report.valid", file=path, count=len(report.service_ids), format=report.format)
        failed = failed or bool(report.refused)
        _report_lacks(report.lacks, len(report.service_ids))
    if failed:
        raise typer.Exit(EXIT_INVALID)


@directory_app.command("import")
def directory_import(
    files: FilesArg,
    fmt: FormatOption = None,
    skip_invalid: Annotated[bool, typer.Option(help="Import the valid records and list the refused ones.")] = False,
    source: Annotated[str | None, typer.Option(help="The source listings record; the file's name by default.")] = None,
) -> None:
    """Import ORUK 3.0 or 1.0 files. Harmless slips are fixed and odd descriptive values kept with a
    warning; any refused record and nothing is written (exit 2), unless --skip-invalid."""
    feeds = [(_open(path), source or path.name) for path in files]  # every file whole JSON before any is read
    with database() as engine, _progress("importing") as progress:
        reports = import_feeds(engine, feeds, fmt=fmt, skip_invalid=skip_invalid, progress=progress)
    refused = sum(report.refused_records for report in reports)
    if refused and not skip_invalid:
        for (feed, _source), report in zip(feeds, reports, strict=True):
            print_report(report, feed.path)
        typer.echo(text("staff/directory", "report.nothing_written", count=refused), err=True)
        raise typer.Exit(EXIT_INVALID)
    for (feed, _source), report in zip(feeds, reports, strict=True):
        print_report(report, feed.path)
        if report.refused:
            say("directory", "report.skipped", count=report.refused_records)
        say(
            "directory",
            "report.imported",
            file=feed.path,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            format=report.format,
        )
        _report_lacks(report.lacks, len(report.service_ids))


@directory_app.command("export")
def directory_export(
    out: Annotated[Path | None, typer.Option("--out", help="File to write; stdout when left out.")] = None,
) -> None:
    """Write the whole directory as an ORUK 3.0 page of full services."""
    with database() as engine:
        page = export_page(engine)
    body = json.dumps(page, indent=1, ensure_ascii=False)
    if out is None:
        sys.stdout.write(body + "\n")
        return
    out.write_text(body + "\n", encoding="utf-8")
    say("directory", "report.exported", count=page["total_items"], file=out)


@directory_app.command("stats")
def directory_stats_command() -> None:
    """Counts by area, need served and activity."""
    with database() as engine:
        stats = directory_stats(engine)
    say(
        "directory",
        "stats.heading",
        services=stats.services,
        organizations=stats.organizations,
        locations=stats.locations,
    )
    for key, counter in (
        ("by_area", stats.by_area),
        ("by_need", stats.by_need),
        ("by_activity", stats.by_activity),
    ):
        say("directory", f"stats.{key}")
        for label, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            say(
                "directory",
                "stats.line",
                label=label or text("staff/directory", "stats.no_area"),
                count=count,
            )


@directory_app.command("load-sample")
def directory_load_sample() -> None:
    """Import the curated directory bundled in directory_data/ (what `make run` does)."""
    from assistant.directory.sample import load_sample

    folder = get_settings().directory_data_dir
    with database() as engine:
        files, services = load_sample(engine, folder)
    if not files:
        say("cli", "sample.none", folder=folder)
        raise typer.Exit(1)
    say("cli", "sample.loaded", services=services, files=files)


@directory_app.command("import-csv")
def directory_import_csv(file: Annotated[Path, typer.Argument(help="A CSV file in the curators' template.")]) -> None:
    """Import listings from the spreadsheet template. All or nothing: any bad row and nothing is written (exit 2)."""
    from assistant.curation.csv_template import read_csv

    if not file.is_file():
        typer.echo(text("staff/cli", "error.file_missing", file=file), err=True)
        raise typer.Exit(EXIT_INVALID)
    result = read_csv(file.read_text(encoding="utf-8-sig", errors="replace"))
    if result.problems:
        typer.echo(text("staff/curation", "cli.csv_problems", count=len(result.problems), file=file), err=True)
        for p in result.problems:
            line = text("staff/curation", "cli.csv_problem_line", row=p.row, column=p.column, reason=p.reason)
            typer.echo(line, err=True)
        raise typer.Exit(EXIT_INVALID)
    with database() as engine:
        written = import_bundles(engine, result.bundles)
    say(
        "curation",
        "cli.csv_imported",
        file=file,
        services=len(result.bundles),
        rows=result.rows,
        created=written.created,
        updated=written.updated,
        unchanged=written.unchanged,
    )


@directory_app.command("export-csv")
def directory_export_csv(out: Annotated[Path, typer.Argument(help="The CSV file to write.")]) -> None:
    """Write every listing as the curators' spreadsheet template (one row per service at a place)."""
    from assistant.curation.csv_template import write_csv
    from assistant.directory.exporter import export_services

    with database() as engine:
        services = export_services(engine)
    body, rows = write_csv(services)
    out.write_text(body, encoding="utf-8")
    say("curation", "cli.csv_exported", rows=rows, services=len(services), file=out)
