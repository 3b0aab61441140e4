"""``dayfinder report ...``: reports written to a folder for commissioners and curators.

Register with ``app.add_typer(report_app, name="report")``. Each command reads the database once,
builds its report in ``assistant.reports`` and writes files; nothing here counts anything itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.common import database, say
from assistant.content import text

report_app = typer.Typer(help="Reports for commissioners and curators.", no_args_is_help=True)

USAGE_ERROR = 2  # the exit status Click uses for a bad command line


def parse_date(value: str) -> dt.date:
    """A YYYY-MM-DD date, or a clear message and exit status 2."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        typer.echo(text("staff/reports", "cli.bad_date", value=value), err=True)
        raise typer.Exit(USAGE_ERROR) from None


def period(start: str, end: str) -> tuple[dt.date, dt.date]:
    """The report's period, both days included; a start after the end is refused (exit status 2)."""
    first, last = parse_date(start), parse_date(end)
    if first > last:
        typer.echo(text("staff/reports", "cli.order", start=first, end=last), err=True)
        raise typer.Exit(USAGE_ERROR)
    return first, last


@report_app.command("gaps")
def gaps(
    start: Annotated[str, typer.Option("--from", help="First day of the period, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option("--to", help="Last day of the period (included), YYYY-MM-DD.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the CSV files, charts and README.txt.")],
) -> None:
    """Unmet demand from anonymous searches: CSV tables, SVG charts and a README, small numbers hidden."""
    from assistant.outreach.report import load_answers
    from assistant.reports.export import write_report
    from assistant.reports.gaps import build_report
    from assistant.reports.sources import load_events, load_supply

    first, last = period(start, end)
    with database() as engine:
        answers = load_answers(engine, first, last)
        report = build_report(load_events(engine, first, last), load_supply(engine), first, last, answers)
    folder = write_report(report, out)
    key = "cli.empty" if report.empty else "cli.written"
    say("reports", key, start=first, end=last, searches=report.summary.searches, folder=folder)


@report_app.command("stale")
def stale(
    today: Annotated[str | None, typer.Option("--today", help="Count back from this day, YYYY-MM-DD (tests).")] = None,
) -> None:
    """Active listings not checked in 12 months (never-checked first), with their contact details."""
    from assistant.curation.stale import stale_cutoff, stale_listings

    day = parse_date(today) if today else dt.datetime.now(dt.UTC).date()
    with database() as engine:
        found = stale_listings(engine, day)
    cutoff = stale_cutoff(day)
    if not found:
        say("curation", "stale.none", cutoff=cutoff)
        return
    say("curation", "stale.heading", count=len(found), cutoff=cutoff)
    missing = text("staff/curation", "stale.missing")
    for item in found:
        say(
            "curation",
            "stale.line",
            verified=item.last_verified or text("staff/curation", "stale.never"),
            name=item.name,
            id=item.id,
            organisation=item.organisation,
            phone=item.phone or missing,
            email=item.email or missing,
            website=item.website or missing,
        )
