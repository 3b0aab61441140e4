"""``dayfinder report gaps``: dates checked before the database is touched, the folder written in full."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session
from typer.testing import CliRunner, Result

from assistant.cli import app
from assistant.directory.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    TaxonomyTerm,
)
from assistant.reports.sources import load_events, load_supply
from tests.reports.seed import END, GARDENING, MUSIC, START, events

pytestmark = pytest.mark.storage
VENUES = (("music-1", "l1"), ("music-2", "l2"), ("music-old", "l1"), ("garden", "l3"))


def run(start: str, end: str, out: Path) -> Result:
    return CliRunner().invoke(app, ["report", "gaps", "--from", start, "--to", end, "--out", str(out)])


def seed(engine: Engine) -> None:
    """The seeded events, and a directory with music at two LU7 venues and gardening online."""
    with Session(engine) as session:
        session.add_all(events())
        session.add(Organization(id="org", name="Org"))
        session.add_all([TaxonomyTerm(id=MUSIC, name="Music"), TaxonomyTerm(id=GARDENING, name="Gardening")])
        session.flush()
        for sid, status, attendance, area in (
            ("music-1", "active", "in-person", None),
            ("music-2", "active", "both", "Central Bedfordshire"),
            ("music-old", "inactive", "in-person", None),
            ("garden", "active", "online", None),
        ):
            service = Service(id=sid, organization_id="org", name=sid, status=status, attendance=attendance, area=area)
            session.add(service)
            session.flush()
            term = GARDENING if sid == "garden" else MUSIC
            session.add(ServiceTerm(id=f"{sid}-t", service_id=sid, term_id=term, link_type="activity"))
        session.add_all([Location(id="l1", outcode="LU7"), Location(id="l2", outcode="LU7"), Location(id="l3")])
        session.flush()
        session.add_all(
            ServiceAtLocation(id=f"sal{n}", service_id=sid, location_id=lid) for n, (sid, lid) in enumerate(VENUES)
        )
        session.commit()


def test_the_database_sources(engine: Engine) -> None:
    seed(engine)
    assert len(load_events(engine, START, END)) == 200
    assert len(load_events(engine, START, START)) == 7
    supply = load_supply(engine)
    assert supply.count(MUSIC, "LU7") == 2  # the inactive listing does not count
    assert supply.count(MUSIC, "central bedfordshire") == 1 and supply.count(MUSIC, "online") == 1
    assert supply.count(GARDENING, "online") == 1 and supply.count(GARDENING, "MK1") == 0


def test_report_gaps_writes_the_folder(engine: Engine, configured: str, tmp_path: Path) -> None:
    seed(engine)
    out = tmp_path / "reports" / "march"
    result = run("2026-03-01", "2026-03-31", out)
    assert result.exit_code == 0, result.output
    assert "2026-03-01 to 2026-03-31 (200 searches)" in result.output
    assert (out / "README.txt").is_file() and len(list((out / "charts").glob("*.svg"))) == 3
    with (out / "missing.csv").open(encoding="utf-8") as fh:
        missing = [(r["activity_id"], r["area"], r["searches"], r["listings"]) for r in csv.DictReader(fh)]
    # Music in LU7 has two listings here (a gap); online music has one (music-2 is "both").
    assert missing == [
        (MUSIC, "LU7", "63", "2"),
        (GARDENING, "MK1", "55", "0"),
        (MUSIC, "online", "27", "1"),
        ("activity-arts-crafts", "LU7", "10", "0"),
    ]


def test_an_empty_period_is_reported_honestly(engine: Engine, configured: str, tmp_path: Path) -> None:
    seed(engine)
    result = run("2025-01-01", "2025-01-31", tmp_path)
    assert result.exit_code == 0, result.output
    assert "There were no searches from 2025-01-01 to 2025-01-31" in result.output
    assert "no searches in this period" in (tmp_path / "README.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-13-01", "2026-03-31", "'2026-13-01' is not a date; write it as YYYY-MM-DD"),
        ("1 March", "2026-03-31", "'1 March' is not a date"),
        ("2026-03-01", "yesterday", "'yesterday' is not a date"),
        ("2026-04-01", "2026-03-01", "The start date 2026-04-01 is after the end date 2026-03-01"),
    ],
)
def test_bad_dates_are_refused_with_exit_status_2(start: str, end: str, message: str, tmp_path: Path) -> None:
    out = tmp_path / "never"
    result = run(start, end, out)
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_every_option_is_required(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "gaps", "--from", "2026-03-01", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "--to" in result.output
