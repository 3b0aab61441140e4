"""The ``dayfinder`` command: database, directory, and server."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from assistant.content import text
from assistant.directory.db import make_engine
from assistant.directory.exporter import export_page
from assistant.directory.importer import import_bundles
from assistant.directory.problems import DirectoryFileError, Problem
from assistant.directory.quality import lacks
from assistant.directory.reader import DirectoryFile, Format, read_file
from assistant.directory.schema import upgrade
from assistant.directory.stats import directory_stats
from assistant.settings import get_settings

app = typer.Typer(help="Dayfinder: find day opportunities by chat and SMS.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
directory_app = typer.Typer(help="The activity directory (Open Referral UK).", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(directory_app, name="directory")

FormatOption = Annotated[
    Format | None, typer.Option("--format", help="oruk1 or oruk3; detected when left out.")
]
FilesArg = Annotated[list[Path], typer.Argument(help="ORUK JSON files.")]
EXIT_INVALID = 2


def _say(group: str, key: str, /, **params: object) -> None:
    typer.echo(text(f"staff/{group}", key, **params))


@contextmanager
def _database() -> Iterator[Engine]:
    """The configured database, migrated to the newest schema, closed afterwards."""
    engine = make_engine(get_settings().database_url)
    try:
        upgrade(engine)
        yield engine
    except OperationalError as exc:
        typer.echo(
            text(
                "staff/cli", "error.database", url=engine.url.render_as_string(), detail=str(exc.orig).strip()
            ),
            err=True,
        )
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()


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
        typer.echo(
            text(
                "staff/directory",
                "report.problem_line",
                index=p.index,
                name=p.name or "-",
                path=p.path,
                reason=p.reason,
            ),
            err=True,
        )


def _report_lacks(parsed: DirectoryFile) -> None:
    _say("directory", "report.lacks_heading", count=len(parsed.bundles))
    for lack in lacks(parsed.bundles):
        if lack.missing:
            _say(
                "directory",
                "report.lacks_line",
                what=text("staff/directory", f"lack.{lack.what}"),
                missing=lack.missing,
                count=lack.total,
                percent=lack.percent,
            )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or update the database schema."""
    with _database() as engine:
        _say("cli", "db.upgraded", url=engine.url.render_as_string())


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
        _say("directory", "report.valid", file=path, count=len(parsed.bundles), format=parsed.format)
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
            _say("directory", "report.skipped", count=len({p.index for p in parsed.problems}))
            for p in parsed.problems:
                _say(
                    "directory",
                    "report.problem_line",
                    index=p.index,
                    name=p.name or "-",
                    path=p.path,
                    reason=p.reason,
                )
        else:
            _report_problems(path, parsed.problems)
    if invalid and not skip_invalid:
        raise typer.Exit(EXIT_INVALID)
    for path, parsed in parsed_files:
        with _database() as engine:
            result = import_bundles(engine, parsed.bundles)
        _say(
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
    with _database() as engine:
        page = export_page(engine)
    body = json.dumps(page, indent=1, ensure_ascii=False)
    if out is None:
        sys.stdout.write(body + "\n")
        return
    out.write_text(body + "\n", encoding="utf-8")
    _say("directory", "report.exported", count=page["total_items"], file=out)


@directory_app.command("stats")
def directory_stats_command() -> None:
    """Counts by area, need served and activity."""
    with _database() as engine:
        stats = directory_stats(engine)
    _say(
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
        _say("directory", f"stats.{key}")
        for label, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            _say(
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
    with _database() as engine:
        files, services = load_sample(engine, folder)
    if not files:
        _say("cli", "sample.none", folder=folder)
        raise typer.Exit(1)
    _say("cli", "sample.loaded", services=services, files=files)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (use PostgreSQL for more than one).")] = 1,
) -> None:
    """Run the web server (migrating the database first)."""
    import uvicorn

    settings = get_settings()
    with _database():
        pass
    host, port = host or settings.host, port or settings.port
    _say("cli", "serve.starting", host=host, port=port)
    _say("cli", "serve.chat_hint")
    uvicorn.run(
        "assistant.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level,
    )


def main() -> None:
    app()
