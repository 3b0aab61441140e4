"""``dayfinder directory ...``: import, validate, export and count the activity directory."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.common import database, say
from assistant.content import text
from assistant.directory.exporter import export_page
from assistant.directory.importer import import_bundles
from assistant.directory.problems import DirectoryFileError, Problem
from assistant.directory.quality import lacks
from assistant.directory.reader import DirectoryFile, Format, read_file
from assistant.directory.stats import directory_stats
from assistant.settings import get_settings

directory_app = typer.Typer(help="The activity directory (Open Referral UK).", no_args_is_help=True)

FormatOption = Annotated[Format | None, typer.Option("--format", help="oruk1 or oruk3; detected when left out.")]
FilesArg = Annotated[list[Path], typer.Argument(help="ORUK JSON files.")]
EXIT_INVALID = 2


def _read(path: Path, fmt: Format | None) -> DirectoryFile:
    if not path.is_file():
        typer.echo(text("staff/cli", "error.file_missing", file=path), err=True)
        raise typer.Exit(EXIT_INVALID)
    try:
        return read_file(path, fmt)
    except DirectoryFileError as exc:
        _report_problems(path, exc.problems)
        raise typer.Exit(EXIT_INVALID) from exc


def _report_problems(path: Path, problems: list[Problem]) -> None:
    typer.echo(text("staff/directory", "report.problems_heading", count=len(problems), file=path), err=True)
    for p in problems:
        typer.echo(_problem_line(p), err=True)


def _problem_line(p: Problem) -> str:
    """One problem: which record, where in it, and why."""
    return text(
        "staff/directory", "report.problem_line", index=p.index, name=p.name or "-", path=p.path, reason=p.reason
    )


def _report_lacks(parsed: DirectoryFile) -> None:
    say("directory", "report.lacks_heading", count=len(parsed.bundles))
    for lack in lacks(parsed.bundles):
        if lack.missing:
            say(
                "directory",
                "report.lacks_line",
                what=text("staff/directory", f"lack.{lack.what}"),
                missing=lack.missing,
                count=lack.total,
                percent=lack.percent,
            )


@directory_app.command("validate")
def directory_validate(files: FilesArg, fmt: FormatOption = None) -> None:
    """Check files against the ORUK schemas and Dayfinder's rules; write nothing."""
    failed = False
    for path in files:
        parsed = _read(path, fmt)
        if parsed.problems:
            _report_problems(path, parsed.problems)
            failed = True
            continue
        say("directory", "report.valid", file=path, count=len(parsed.bundles), format=parsed.format)
        _report_lacks(parsed)
    if failed:
        raise typer.Exit(EXIT_INVALID)


@directory_app.command("import")
def directory_import(
    files: FilesArg,
    fmt: FormatOption = None,
    skip_invalid: Annotated[bool, typer.Option(help="Import the valid records and list the rest.")] = False,
) -> None:
    """Import ORUK 3.0 or 1.0 files. All or nothing: one bad record and nothing is written (exit 2)."""
    parsed_files = [(path, _read(path, fmt)) for path in files]
    invalid = [(path, parsed) for path, parsed in parsed_files if parsed.problems]
    for path, parsed in invalid:
        if skip_invalid:
            say("directory", "report.skipped", count=len({p.index for p in parsed.problems}))
            for p in parsed.problems:
                typer.echo(_problem_line(p))
        else:
            _report_problems(path, parsed.problems)
    if invalid and not skip_invalid:
        raise typer.Exit(EXIT_INVALID)
    for path, parsed in parsed_files:
        with database() as engine:
            result = import_bundles(engine, parsed.bundles)
        say(
            "directory",
            "report.imported",
            file=path,
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
            format=parsed.format,
        )
        _report_lacks(parsed)


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
