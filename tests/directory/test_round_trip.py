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


def test_export_validates_against_the_oruk_schemas(loaded: Engine, shared_dir: Path) -> None:
    page = export_page(loaded)
    oruk = Draft7Validator(json.loads(
        (shared_dir / "external/oruk/validator/V3.0-UK/service_with_definitions.json").read_text()))
    hsds = Draft202012Validator(json.loads(
        (shared_dir / "external/hsds/schema/compiled_service_with_definitions.json").read_text()))
    errors = [(s["name"], e.message) for s in page["contents"] for e in [*oruk.iter_errors(s), *hsds.iter_errors(s)]]
    assert page["total_items"] >= 300
    assert errors == []


def test_export_then_import_gives_the_same_rows(loaded: Engine, second_engine: Engine) -> None:
    page = json.loads(json.dumps(export_page(loaded)))
    parsed = read_records(page["contents"], "oruk3")
    assert parsed.problems == []
    import_bundles(second_engine, parsed.bundles)
    assert snapshot(second_engine) == snapshot(loaded)
