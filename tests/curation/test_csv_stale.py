"""CSV import (good rows, broken rows, all or nothing), export round trip, and the stale report."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.curation.csv_template import read_csv
from assistant.directory.importer import import_bundles
from assistant.directory.models import Service
from assistant.directory.reader import read_records
from tests.directory.records import service

HEADER = "service_id,name,organisation,address,town,postcode,days,opens,closes,cost,cost_unit,needs,activities,phone,last_verified\n"  # noqa: E501
GOOD = (
    HEADER
    + "art-1,Art Club,Leighton Arts,1 High St,Leighton Buzzard,LU7 1AA,Mon; Wed,10:00,12:00,3,session,need-older-people,activity-knit-natter,01632 960002,2026-01-05\n"  # noqa: E501
    + "art-1,Art Club,Leighton Arts,2 Low St,Leighton Buzzard,LU7 2BB,Mon; Wed,10:00,12:00,3,session,need-older-people,activity-knit-natter,01632 960002,2026-01-05\n"  # noqa: E501
    + ",Walk Group,Walkers,,,,,,,,free,,,,\n"
)
runner = CliRunner()


def test_good_rows_import(configured: str, tmp_path: Path) -> None:
    file = tmp_path / "listings.csv"
    file.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["directory", "import-csv", str(file)])
    assert result.exit_code == 0, result.output
    assert "2 listing(s) from 3 row(s): 2 created" in result.output


def test_broken_rows_name_row_and_column_and_write_nothing(configured: str, tmp_path: Path) -> None:
    broken = (
        GOOD
        + "x-1,,Nobody,,,,,,,,,,,,\n"
        + "x-2,Bad Club,Org,,,,Funday,25:00,,abc,monthly,need-nonsense,,,\n"
        + "art-1,Art Club,Other Org,3 St,Luton,LU1 1AA,Mon; Wed,10:00,12:00,3,session,need-older-people,activity-knit-natter,01632 960002,2026-01-05\n"  # noqa: E501
    )
    checked = read_csv(broken)
    found = {(p.row, p.column) for p in checked.problems}
    assert (5, "name") in found
    assert {(6, "days"), (6, "opens"), (6, "cost_unit"), (6, "needs")} <= found
    assert (7, "organisation") in found
    assert not checked.bundles
    file = tmp_path / "broken.csv"
    file.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["directory", "import-csv", str(file)])
    assert result.exit_code == 2
    assert "row 6, column 'days'" in result.output
    assert runner.invoke(app, ["directory", "stats"]).output.startswith("0 services")


def test_record_checks_are_traced_to_columns() -> None:
    checked = read_csv(HEADER + "c-1,Club,Org,,,,,14:00,10:00,,,,,,\n")
    assert [(p.row, p.column) for p in checked.problems] == [(2, "closes")]


def test_export_then_reimport_round_trip(configured: str, engine: Engine, tmp_path: Path) -> None:
    import_bundles(engine, read_records([service(1), service(2)], "oruk3").bundles)
    first, second = tmp_path / "one.csv", tmp_path / "two.csv"
    assert runner.invoke(app, ["directory", "export-csv", str(first)]).exit_code == 0
    imported = runner.invoke(app, ["directory", "import-csv", str(first)])
    assert imported.exit_code == 0, imported.output
    assert runner.invoke(app, ["directory", "export-csv", str(second)]).exit_code == 0
    assert first.read_text() == second.read_text()
    again = runner.invoke(app, ["directory", "import-csv", str(second)])
    assert "0 created, 0 updated, 2 unchanged" in again.output


def test_stale_report_with_injected_today(configured: str, engine: Engine) -> None:
    records = [
        service(1, assured_date="2025-03-01"),
        service(2, assured_date="2024-01-01"),
        service(3, assured_date="2025-03-02"),
        service(4),
        service(5, assured_date="2020-01-01", status="inactive"),
    ]
    del records[3]["assured_date"]
    import_bundles(engine, read_records(records, "oruk3").bundles)
    result = runner.invoke(app, ["report", "stale", "--today", "2026-03-02"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("3 listing(s) not checked since 2025-03-02")
    assert [line.split("(")[1].split(")")[0] for line in lines[1:]] == ["svc-4", "svc-2", "svc-1"]
    assert "01632 960001" in lines[2]
    with Session(engine) as session:
        assert len(session.exec(select(Service)).all()) == 5


def test_the_whole_sample_directory_round_trips_through_the_spreadsheet(
    configured: str, engine: Engine, tmp_path: Path
) -> None:
    """Monthly groups ("2SA", "-1FR") and places with many access features come back as they went."""
    assert runner.invoke(app, ["directory", "load-sample"]).exit_code == 0
    first, second = tmp_path / "one.csv", tmp_path / "two.csv"
    assert runner.invoke(app, ["directory", "export-csv", str(first)]).exit_code == 0
    assert ",2SA," in first.read_text() or ",-1FR," in first.read_text()
    imported = runner.invoke(app, ["directory", "import-csv", str(first)])
    assert imported.exit_code == 0, imported.output
    assert runner.invoke(app, ["directory", "export-csv", str(second)]).exit_code == 0
    assert first.read_text() == second.read_text()
