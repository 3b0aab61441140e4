"""``dayfinder directory infer``: read needs and activities from listings' own words and tags."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.common import database, say
from assistant.content import text
from assistant.directory.inference import Coverage, infer_directory


def coverage_line(when: str, figures: Coverage) -> str:
    return text(
        "staff/infer",
        "report.coverage",
        when=text("staff/infer", f"report.{when}"),
        listings=figures.listings,
        with_need=figures.with_need,
        need_share=f"{figures.share(figures.with_need):.0%}",
        with_activity=figures.with_activity,
        activity_share=f"{figures.share(figures.with_activity):.0%}",
    )


def directory_infer(
    source: Annotated[str | None, typer.Option(help="Only listings from this source (a file name or URL).")] = None,
) -> None:
    """Infer Dayfinder needs and activities for listings whose feed has none (or its own taxonomy),
    from their name, description and audience tags; print the coverage before and after."""
    with database() as engine:
        report = infer_directory(engine, source)
    typer.echo(coverage_line("before", report.before))
    typer.echo(coverage_line("after", report.after))
    say("infer", "report.added", count=report.links_added)
