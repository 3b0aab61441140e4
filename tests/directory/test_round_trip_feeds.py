"""Export -> import -> export gives the same feed, for the real council feeds after import and for
a feed in a vocabulary of its own: nothing Dayfinder stores is lost or changed on the way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from assistant.directory.db import make_engine
from assistant.directory.exporter import export_page
from assistant.directory.importer import import_records
from assistant.directory.schema import upgrade

FEEDS = [
    "feeds/bristol_oruk1_services_2024-12-18.json",
    "feeds/north_lincolnshire_oruk1_services_2024-12-18.json",
    "feeds/foreign_vocabulary_oruk3.json",
]


@pytest.fixture
def second_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def _records(path: Path) -> list[dict[str, Any]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return document["contents"] if isinstance(document, dict) else document


def _exported(engine: Engine) -> list[dict[str, Any]]:
    contents: list[dict[str, Any]] = json.loads(json.dumps(export_page(engine)["contents"]))
    return contents


@pytest.mark.parametrize("feed", FEEDS)
def test_a_feed_exported_and_imported_again_exports_identically(
    engine: Engine, second_engine: Engine, fixtures_dir: Path, feed: str
) -> None:
    first = import_records(engine, _records(fixtures_dir / feed), skip_invalid=True)
    exported = _exported(engine)
    assert first.written and len(exported) == first.created > 0
    again = import_records(second_engine, exported, fmt="oruk3")
    assert again.refused == [] and again.fixed == [] and again.kept == []
    assert _exported(second_engine) == exported


def test_a_foreign_vocabulary_and_its_schedules_survive_the_round_trip(engine: Engine, fixtures_dir: Path) -> None:
    source = _records(fixtures_dir / "feeds/foreign_vocabulary_oruk3.json")
    import_records(engine, source)
    exported = {s["id"]: s for s in _exported(engine)}

    def terms(service: dict[str, Any]) -> set[tuple[str, str, str]]:
        return {
            (a["taxonomy_term"]["id"], a["taxonomy_term"]["name"], a["taxonomy_term"]["taxonomy"])
            for a in service.get("attributes") or []
        }

    def rules(service: dict[str, Any]) -> list[tuple[Any, ...]]:
        keys = ("id", "freq", "interval", "byday", "opens_at", "closes_at", "valid_from", "valid_to", "dtstart")
        return [tuple(s.get(k) for k in keys) for s in service["schedules"]]

    for service in source:
        assert terms(service) <= terms(exported[service["id"]])
        assert rules(service) == rules(exported[service["id"]])
    assert exported["riverside-svc-1"]["schedules"][0]["byday"] == "1WE,3WE"
    assert exported["riverside-svc-3"]["schedules"][0]["byday"] == "-1FR"
