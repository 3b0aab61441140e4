"""Imports in bulk and streamed: the same rows as writing one service at a time, nothing written
again for an unchanged file, all or nothing across batches, and the directory version bumped only
when something changed. Every test runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator
from sqlalchemy import Engine, delete, event, func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col
from typer.testing import CliRunner

from assistant.cli import app
from assistant.directory import importer, models, stream, version
from assistant.directory.bulk import SERVICE_CHILDREN, fingerprint
from assistant.directory.bundle import ServiceBundle
from assistant.directory.importer import import_bundles, import_feeds, import_records
from assistant.directory.problems import DirectoryFileError
from assistant.directory.reader import _fast_validator, read_file, read_records
from assistant.directory.sample import sample_files
from assistant.directory.stream import open_feed
from assistant.settings import PROJECT_DIR
from bench.feed import records as synthetic
from tests.directory.records import page, service

runner = CliRunner()
TABLES: tuple[type[SQLModel], ...] = (
    models.Organization,
    models.TaxonomyTerm,
    models.Location,
    models.Accessibility,
    models.Service,
    models.ServiceAtLocation,
    models.Schedule,
    models.CostOption,
    models.Contact,
    models.Phone,
    models.ServiceTerm,
)
FEEDS = PROJECT_DIR / "tests" / "fixtures" / "feeds"


def _sample_records() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sample_files(PROJECT_DIR / "directory_data"):
        found += read_file(path).records
    return found


def _one_by_one(engine: Engine, bundles: list[ServiceBundle]) -> None:
    """The importer as it was before bulk writing: a get, merges and flushes per service."""
    with Session(engine) as session:
        for bundle in bundles:
            hashed = bundle.fingerprint()
            existing = session.get(models.Service, bundle.service.id)
            if existing is not None and existing.content_hash == hashed:
                continue
            if existing is not None:
                for table in SERVICE_CHILDREN:
                    session.execute(delete(table).where(col(table.service_id) == bundle.service.id))  # type: ignore[attr-defined]
            if bundle.locations:
                keep = [item.id for item in bundle.accessibility]
                at = [loc.id for loc in bundle.locations]
                session.execute(
                    delete(models.Accessibility).where(
                        col(models.Accessibility.location_id).in_(at), col(models.Accessibility.id).not_in(keep)
                    )
                )
            bundle.service.content_hash = hashed
            for row in (bundle.organization, *bundle.terms, *bundle.locations, *bundle.accessibility):
                session.merge(row)
            session.flush()
            session.merge(bundle.service)
            session.flush()
            session.add_all([*bundle.links, *bundle.schedules, *bundle.costs, *bundle.contacts])
            session.flush()
            session.add_all([*bundle.phones, *bundle.service_terms])
            session.flush()
        session.commit()


def _snapshot(engine: Engine) -> dict[str, list[str]]:
    """Every row of every directory table, as sorted JSON text."""
    with Session(engine) as session:
        return {
            model.__name__: sorted(
                json.dumps(dict(row._mapping), sort_keys=True, default=str)
                for row in session.execute(select(model.__table__))  # type: ignore[attr-defined]
            )
            for model in TABLES
        }


def _wipe(engine: Engine) -> None:
    with Session(engine) as session:
        for model in reversed(TABLES):
            session.execute(delete(model))
        session.commit()


@pytest.fixture
def writes(engine: Engine) -> Iterator[list[str]]:
    """Every INSERT, UPDATE and DELETE the engine runs while the test does."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE", "COPY"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _count(engine: Engine, model: type[SQLModel]) -> int:
    with Session(engine) as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def _version(engine: Engine) -> int:
    with Session(engine) as session:
        return version.current(session)


@pytest.mark.parametrize("which", ["sample", "synthetic"])
def test_bulk_writes_the_same_rows_as_one_service_at_a_time(engine: Engine, which: str) -> None:
    records = _sample_records() if which == "sample" else list(synthetic(300, seed=3))
    _one_by_one(engine, read_records(records, "oruk3").bundles)
    expected = _snapshot(engine)
    _wipe(engine)
    result = import_bundles(engine, read_records(copy.deepcopy(records), "oruk3").bundles)
    assert result.created == len(records)
    assert _snapshot(engine) == expected
    assert sum(len(rows) for rows in expected.values()) > 10 * len(records)


def test_the_fast_fingerprint_is_the_bundles_own() -> None:
    bundles = read_records(_sample_records()[:60] + list(synthetic(40, seed=4)), "oruk3").bundles
    bundles += read_file(FEEDS / "north_lincolnshire_oruk1_services_2024-12-18.json").bundles[:60]
    assert [fingerprint(b) for b in bundles] == [b.fingerprint() for b in bundles]


def test_importing_again_reports_every_service_unchanged_and_writes_nothing(
    engine: Engine, writes: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(page(*synthetic(120, seed=5))), encoding="utf-8")
    start = _version(engine)
    [first] = import_feeds(engine, [(open_feed(path), "feed.json")])
    before, bumped = _snapshot(engine), _version(engine)
    writes.clear()
    [again] = import_feeds(engine, [(open_feed(path), "feed.json")])
    assert (first.created, again.created, again.updated, again.unchanged) == (120, 0, 0, 120)
    assert writes == [] and _snapshot(engine) == before and _version(engine) == bumped == start + 1


def test_an_update_replaces_the_services_own_rows_and_its_venues_access(engine: Engine) -> None:
    import_records(engine, [service(1), service(2)], source="a.json")
    changed = service(1, name="Knit and Natter (Wednesdays)")
    changed["schedules"][0].update(id="sch-new", byday="WE")
    changed["phones"] = []
    venue = changed["service_at_locations"][0]["location"]
    venue["accessibility"] = [{**venue["accessibility"][0], "id": "acc-new", "description": "A ramp"}]
    report = import_records(engine, [changed, service(2)], source="a.json")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    with Session(engine) as session:
        assert session.get(models.Service, "svc-1").name == "Knit and Natter (Wednesdays)"  # type: ignore[union-attr]
        schedules = session.execute(
            select(models.Schedule.id, models.Schedule.byday).where(models.Schedule.service_id == "svc-1")
        ).all()
        phones = session.execute(select(models.Phone.id).where(models.Phone.service_id == "svc-1")).all()
        access = session.execute(select(models.Accessibility.id, models.Accessibility.location_id)).all()
        untouched = session.execute(select(models.Schedule.id).where(models.Schedule.service_id == "svc-2")).all()
    assert [tuple(r) for r in schedules] == [("sch-new", "WE")] and [tuple(r) for r in phones] == [("cph-1",)]
    assert sorted(tuple(r) for r in access) == [("acc-2", "loc-2"), ("acc-new", "loc-1")]
    assert len(untouched) == 1


def test_a_failing_row_in_a_later_batch_leaves_the_database_as_it_was(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_records(engine, [service(1)])
    before, bumped = _snapshot(engine), _version(engine)
    monkeypatch.setattr(importer, "BATCH", 2)
    clash = service(7)
    clash["schedules"][0]["id"] = "sch-1"  # already svc-1's: the database refuses it, in the third batch
    with pytest.raises(IntegrityError):
        import_records(engine, [service(2), service(3), service(4), service(5), clash])
    assert _snapshot(engine) == before and _version(engine) == bumped


def test_a_refused_record_in_a_later_batch_writes_nothing_from_earlier_ones(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH", 2)
    start = _version(engine)
    broken = service(5, name=" ")
    report = import_records(engine, [service(1), service(2), service(3), service(4), broken])
    assert not report.written and report.refused_records == 1 and report.refused[0].index == 4
    assert (report.created, _count(engine, models.Service), _version(engine)) == (0, 0, start)
    skipped = import_records(engine, [service(1), service(2), service(3), service(4), broken], skip_invalid=True)
    assert skipped.written and skipped.created == 4 and _count(engine, models.Service) == 4


def test_a_row_id_repeated_in_a_later_batch_refuses_the_record_that_repeats_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch remembers only its own row ids; the database's key catches a repeat across
    batches, and the import is read again file-wide to name the record, as a whole-file read does."""
    monkeypatch.setattr(importer, "BATCH", 2)
    twin = service(5)
    twin["contacts"][0]["phones"][0]["id"] = "cph-1"  # service 1's contact's phone
    records = [service(1), service(2), service(3), service(4), twin]
    expected = [(p.index, p.key, p.reason) for p in read_records(records, "oruk3").problems]
    report = import_records(engine, records)
    assert [(p.index, p.key, p.reason) for p in report.refused] == expected
    assert [(p.index, p.key) for p in report.refused] == [(4, "duplicate_id")] and "record 0" in expected[0][2]
    assert not report.written and _count(engine, models.Service) == 0
    skipped = import_records(engine, records, skip_invalid=True)
    assert skipped.created == 4 and _count(engine, models.Phone) == 8


def test_the_directory_version_moves_only_when_something_changed(engine: Engine) -> None:
    start = _version(engine)
    import_records(engine, [service(1), service(2)])
    assert _version(engine) == start + 1
    import_records(engine, [service(1), service(2)])
    import_bundles(engine, read_records([service(1)], "oruk3").bundles)
    assert _version(engine) == start + 1
    import_records(engine, [service(1, name="Renamed")])
    assert _version(engine) == start + 2


def test_a_refused_file_among_several_writes_none_of_them(configured: str, engine: Engine, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(page(service(1), service(2))), encoding="utf-8")
    bad.write_text(json.dumps(page(service(3, name=""))), encoding="utf-8")
    result = runner.invoke(app, ["directory", "import", str(good), str(bad)])
    assert result.exit_code == 2 and "nothing was written" in result.output
    assert _count(engine, models.Service) == 0
    both = runner.invoke(app, ["directory", "import", "--skip-invalid", str(good), str(bad)])
    assert both.exit_code == 0 and "2 created" in both.output and _count(engine, models.Service) == 2


SHAPES = {
    "page": lambda rs: page(*rs),
    "list": lambda rs: rs,
    "oruk1 page": lambda rs: {"totalElements": len(rs), "content": rs, "number": 0},
    "one": lambda rs: rs[0],
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("indent", [None, 2])
def test_the_streaming_reader_yields_what_the_whole_file_reader_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str, indent: int | None
) -> None:
    monkeypatch.setattr(stream, "CHUNK", 7)  # values cut at every possible place
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(SHAPES[shape](list(synthetic(12, seed=6))), indent=indent), encoding="utf-8")
    feed = open_feed(path)
    whole = read_file(path).records
    assert list(feed.records()) == whole and feed.survey.count == len(whole)
    assert [r for batch in feed.batches(5) for _, r in batch] == whole


@pytest.mark.parametrize("name", sorted(p.name for p in FEEDS.glob("*.json")))
def test_the_streaming_reader_reads_the_council_feeds_whole(name: str) -> None:
    feed = open_feed(FEEDS / name)
    assert list(feed.records()) == read_file(FEEDS / name).records
    assert feed.survey.format() == read_file(FEEDS / name).format


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("", "not_json"),
        ("name,postcode\nKnit,LU7", "not_json"),
        ('[{"id": "a", "name": "b"}] and more', "not_json"),
        ('{"contents": [{"id": "a"}', "not_json"),
        ('{"hello": 1}', "unknown_shape"),
        ("[1, 2]", "unknown_shape"),
        ('{"contents": [1]}', "unknown_shape"),
        ("42", "unknown_shape"),
    ],
)
def test_a_broken_file_is_refused_whole_as_the_whole_file_reader_refuses_it(
    tmp_path: Path, body: str, key: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(body, encoding="utf-8")
    for read in (open_feed, read_file):
        with pytest.raises(DirectoryFileError) as caught:
            read(path)  # type: ignore[operator]
        assert [p.key for p in caught.value.problems] == [key]


def test_the_compiled_validator_agrees_with_jsonschema_on_every_record() -> None:
    """It only decides valid or not; a record it refuses is described by ``jsonschema``."""
    oruk1 = [r for p in FEEDS.glob("*.json") for r in read_file(p).records]
    oruk3 = _sample_records() + list(synthetic(50, seed=8))
    broken = [
        {**oruk3[0], "status": "gone"},
        {**oruk3[1], "organization": "none"},
        {k: v for k, v in oruk3[2].items() if k != "status"},
    ]
    for fmt, records in (("oruk1", oruk1), ("oruk3", oruk3 + broken)):
        schema = json.loads((PROJECT_DIR / "assistant" / "schemas" / f"{fmt}_service.json").read_text(encoding="utf-8"))
        slow = Draft7Validator(schema)
        verdicts = [(_fast_validator(fmt).is_valid(r), slow.is_valid(r)) for r in records]  # type: ignore[arg-type]
        assert all(fast == sure for fast, sure in verdicts)
        assert any(not sure for _, sure in verdicts)
