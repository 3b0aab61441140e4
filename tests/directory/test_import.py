"""Importing ORUK files through the CLI: all or nothing, idempotent, updating in place by id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, SQLModel, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.directory.models import Location, Schedule, Service, ServiceTerm
from tests.directory.records import page, service

runner = CliRunner()


def write(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def count(engine: Engine, model: type[SQLModel]) -> int:
    with Session(engine) as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def test_importing_the_same_file_twice_changes_nothing(
    configured: str, engine: Engine, tmp_path: Path
) -> None:
    path = write(tmp_path, "dir.json", page(service(1), service(2), service(3)))
    first = runner.invoke(app, ["directory", "import", str(path)])
    counts = [count(engine, m) for m in (Service, Location, Schedule, ServiceTerm)]
    second = runner.invoke(app, ["directory", "import", str(path)])
    assert first.exit_code == 0 and "3 created" in first.output
    assert second.exit_code == 0 and "3 unchanged" in second.output
    assert [count(engine, m) for m in (Service, Location, Schedule, ServiceTerm)] == counts == [3, 3, 3, 6]


def test_a_changed_record_updates_in_place_by_id(configured: str, engine: Engine, tmp_path: Path) -> None:
    runner.invoke(app, ["directory", "import", str(write(tmp_path, "a.json", page(service(1))))])
    changed = service(1, name="Knit and Natter (now Wednesdays)")
    changed["schedules"][0]["byday"] = "WE"
    result = runner.invoke(app, ["directory", "import", str(write(tmp_path, "b.json", page(changed)))])
    assert result.exit_code == 0 and "1 updated" in result.output
    with Session(engine) as s:
        rows = s.exec(select(Service)).all()
        days = s.exec(select(Schedule.byday)).all()
    assert [r.name for r in rows] == ["Knit and Natter (now Wednesdays)"] and days == ["WE"]


def test_one_broken_record_writes_nothing_and_names_record_and_field(
    configured: str, engine: Engine, tmp_path: Path
) -> None:
    broken = service(2)
    broken["schedules"][0]["opens_at"] = "half ten"
    path = write(tmp_path, "broken.json", page(service(1), broken, service(3)))
    result = runner.invoke(app, ["directory", "import", str(path)])
    assert result.exit_code == 2
    assert "record 1 (Tuesday Knit and Natter 2) at $.schedules[0].opens_at" in result.output
    assert "'half ten' is not a time" in result.output
    assert count(engine, Service) == 0


def test_every_problem_in_a_file_is_listed(configured: str, engine: Engine, tmp_path: Path) -> None:
    no_name = service(1, name="")
    bad_term = service(2)
    bad_term["attributes"][0]["taxonomy_term"]["id"] = "need-unicorns"
    missing_status = service(3)
    del missing_status["status"]
    result = runner.invoke(
        app, ["directory", "import", str(write(tmp_path, "x.json", page(no_name, bad_term, missing_status)))]
    )
    assert result.exit_code == 2
    assert "record 0 (-) at $.name: The service has no name." in result.output
    assert (
        "record 1" in result.output and "'need-unicorns' is not in the Dayfinder vocabulary" in result.output
    )
    assert "record 2" in result.output and "'status' is missing" in result.output


def test_skip_invalid_imports_the_good_records_and_lists_the_rest(
    configured: str, engine: Engine, tmp_path: Path
) -> None:
    path = write(tmp_path, "x.json", page(service(1), service(2, name=" ")))
    result = runner.invoke(app, ["directory", "import", "--skip-invalid", str(path)])
    assert result.exit_code == 0
    assert "1 invalid record(s) skipped" in result.output and "1 created" in result.output
    assert count(engine, Service) == 1


def test_a_file_that_is_not_json_gets_a_plain_error(configured: str, engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("name,postcode\nKnit,LU7", encoding="utf-8")
    result = runner.invoke(app, ["directory", "import", str(path)])
    assert result.exit_code == 2 and "The file is not valid JSON" in result.output


def test_a_json_file_of_something_else_is_refused(configured: str, engine: Engine, tmp_path: Path) -> None:
    result = runner.invoke(app, ["directory", "import", str(write(tmp_path, "x.json", {"hello": 1}))])
    assert result.exit_code == 2 and "not an Open Referral UK service" in result.output


def test_a_missing_file_is_named(configured: str, engine: Engine, tmp_path: Path) -> None:
    result = runner.invoke(app, ["directory", "import", str(tmp_path / "nope.json")])
    assert result.exit_code == 2 and "There is no file at" in result.output


def test_validate_checks_without_writing(configured: str, engine: Engine, tmp_path: Path) -> None:
    result = runner.invoke(app, ["directory", "validate", str(write(tmp_path, "ok.json", page(service(1))))])
    assert result.exit_code == 0 and "1 service(s), all valid (oruk3)" in result.output
    assert count(engine, Service) == 0


def test_postcodes_are_normalised_on_import(configured: str, engine: Engine, tmp_path: Path) -> None:
    runner.invoke(app, ["directory", "import", str(write(tmp_path, "a.json", page(service(1))))])
    with Session(engine) as s:
        location = s.exec(select(Location)).one()
    assert (location.postcode, location.outcode) == ("LU7 1AA", "LU7")
