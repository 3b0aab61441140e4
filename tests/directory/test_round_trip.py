"""The curated sample directory: loads, re-imports unchanged, and survives export -> validate -> import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel, select

from assistant.directory.db import make_engine
from assistant.directory.exporter import export_page
from assistant.directory.importer import import_bundles
from assistant.directory.models import (
    Accessibility,
    Contact,
    CostOption,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    TaxonomyTerm,
)
from assistant.directory.reader import read_records
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR
from tests.directory.records import service

TABLES: list[type[SQLModel]] = [Organization, Service, Location, ServiceAtLocation, Schedule, CostOption, Contact,
                                Phone, Accessibility, TaxonomyTerm, ServiceTerm]


def snapshot(engine: Engine) -> dict[str, list[dict[str, object]]]:
    with Session(engine) as session:
        return {
            model.__name__: sorted((row.model_dump(mode="json") for row in session.exec(select(model))),
                                   key=lambda r: str(r.get("id") or r.get("key")))
            for model in TABLES
        }


@pytest.fixture
def loaded(engine: Engine) -> Engine:
    load_sample(engine, PROJECT_DIR / "directory_data")
    return engine


@pytest.fixture
def second_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def test_the_sample_directory_has_over_300_listings_in_five_areas(loaded: Engine) -> None:
    rows = snapshot(loaded)["Service"]
    areas = {r["area"] for r in rows}
    assert len(rows) >= 300
    assert areas == {"Central Bedfordshire", "Waltham Forest", "Dorset", "Solihull", "Sefton"}


def test_loading_the_sample_twice_changes_nothing(loaded: Engine) -> None:
    before = snapshot(loaded)
    load_sample(loaded, PROJECT_DIR / "directory_data")
    assert snapshot(loaded) == before


def test_export_validates_against_the_oruk_schemas(loaded: Engine, fixtures_dir: Path) -> None:
    page = export_page(loaded)
    oruk = Draft7Validator(json.loads(
        (fixtures_dir / "schemas/oruk/validator/V3.0-UK/service_with_definitions.json").read_text()))
    hsds = Draft202012Validator(json.loads(
        (fixtures_dir / "schemas/hsds/schema/compiled_service_with_definitions.json").read_text()))
    errors = [(s["name"], e.message) for s in page["contents"] for e in [*oruk.iter_errors(s), *hsds.iter_errors(s)]]
    assert page["total_items"] >= 300
    assert errors == []


def test_export_then_import_gives_the_same_rows(loaded: Engine, second_engine: Engine) -> None:
    page = json.loads(json.dumps(export_page(loaded)))
    parsed = read_records(page["contents"], "oruk3")
    assert parsed.problems == []
    import_bundles(second_engine, parsed.bundles)
    assert snapshot(second_engine) == snapshot(loaded)


def test_the_curated_directory_exported_imported_and_exported_again_is_identical(
    loaded: Engine, second_engine: Engine
) -> None:
    exported = json.loads(json.dumps(export_page(loaded)))
    parsed = read_records(exported["contents"], "oruk3")
    assert parsed.problems == [] and parsed.notices == []
    import_bundles(second_engine, parsed.bundles)
    assert json.loads(json.dumps(export_page(second_engine))) == exported


def _schedules_by_id(records: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(s["id"]): s for r in records for s in r.get("schedules") or []}  # type: ignore[attr-defined]


def test_monthly_ordinals_in_the_sample_survive_export(loaded: Engine) -> None:
    source: list[dict[str, object]] = []
    for path in sorted((PROJECT_DIR / "directory_data").glob("*.json")):
        document = json.loads(path.read_text())
        source += document.get("contents", []) if isinstance(document, dict) else document
    wanted = {sid: s for sid, s in _schedules_by_id(source).items() if s["freq"] == "MONTHLY"}
    exported = _schedules_by_id(export_page(loaded)["contents"])
    assert len(wanted) >= 40
    assert {sid: (s["byday"], s["freq"], s.get("interval")) for sid, s in wanted.items()} == {
        sid: (exported[sid]["byday"], exported[sid]["freq"], exported[sid].get("interval")) for sid in wanted
    }


def test_a_schedule_rule_survives_import_export_and_import_again(engine: Engine, second_engine: Engine) -> None:
    """Ordinals, month days, interval, start and end dates and the feed's own words, all kept."""
    rule = {
        "id": "sch-1",
        "freq": "MONTHLY",
        "interval": 2,
        "byday": "3TU,-1FR",
        "bymonthday": "1,-1",
        "dtstart": "2026-01-06",
        "valid_from": "2026-01-01",
        "valid_to": "2027-06-30",
        "opens_at": "10:00",
        "closes_at": "12:00",
        "description": "Every other month: the third Tuesday and the last Friday",
    }
    parsed = read_records([service(schedules=[rule])], "oruk3")
    assert parsed.problems == []
    import_bundles(engine, parsed.bundles)
    (exported,) = export_page(engine)["contents"][0]["schedules"]
    assert {k: exported.get(k) for k in rule} == rule
    again = read_records(json.loads(json.dumps(export_page(engine)["contents"])), "oruk3")
    import_bundles(second_engine, again.bundles)
    assert snapshot(second_engine)["Schedule"] == snapshot(engine)["Schedule"]


def test_an_oruk1_schedule_keeps_its_byday_ordinal() -> None:
    record = service()
    record.pop("schedules")
    record.pop("cost_options")
    record.pop("attributes", None)
    record.pop("service_areas")
    record["organization"]["id"] = "4b1b9c1e-3f0a-4d55-9a7e-6a1c2f0c9d01"  # ORUK 1.0 ids are UUIDs
    record["regular_schedules"] = [
        {"id": "rs-1", "weekday": "Friday", "byday": "-1FR", "freq": "MONTHLY", "opens_at": "10:00"}
    ]
    parsed = read_records([record], "oruk1")
    (schedule,) = parsed.bundles[0].schedules
    assert (schedule.byday, schedule.freq) == ("-1FR", "MONTHLY")


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("bymonthday", "32", "days of the month"),
        ("freq", "FORTNIGHTLY", "WEEKLY, MONTHLY"),
        ("interval", 0, "interval"),
        ("valid_to", "2025-01-01", "ends (2025-01-01) before it starts (2026-01-01)"),
    ],
)
def test_a_schedule_rule_that_cannot_be_followed_is_reported(field: str, value: object, said: str) -> None:
    schedule = {"id": "sch-1", "freq": "WEEKLY", "byday": "TU", "valid_from": "2026-01-01", field: value}
    parsed = read_records([service(schedules=[schedule])], "oruk3")
    assert [p.path for p in parsed.problems] == [f"$.schedules[0].{field}"]
    assert said in parsed.problems[0].reason
