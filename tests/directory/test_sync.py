"""``dayfinder directory sync``: the two real council feeds served page by page by a fake ORUK API."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.directory.db import make_engine
from assistant.directory.exporter import export_services
from assistant.directory.importer import import_records
from assistant.directory.models import Service
from assistant.directory.oruk_client import FetchError, FetchOptions
from assistant.directory.schema import upgrade
from assistant.directory.sync import sync_source
from assistant.settings import get_settings
from tests.directory.fake_oruk import FakeOruk, serve

pytestmark = pytest.mark.storage
FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
NORTH_LINCS = "north_lincolnshire_oruk1_services_2024-12-18.json"
BRISTOL = "bristol_oruk1_services_2024-12-18.json"
FAST = FetchOptions(backoff=0.01, per_page=100)
PAGE_2 = "/services?page=2&per_page=100"


def feed(name: str) -> list[dict[str, Any]]:
    """A real council feed from the test fixtures (tests/fixtures/SOURCES.md says where from)."""
    records: list[dict[str, Any]] = json.loads((FEEDS / name).read_text(encoding="utf-8"))
    return records


@contextmanager
def api(fake: FakeOruk) -> Iterator[str]:
    server, url = serve(fake)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def services(engine: Engine) -> dict[str, Service]:
    with Session(engine) as session:
        return {s.id: s for s in session.exec(select(Service)).all()}


class Recorded:
    """A progress display that remembers what it was told."""

    def __init__(self) -> None:
        self.totals: dict[str, int] = {}
        self.done: dict[str, int] = {}

    def start(self, stage: str, total: int) -> None:
        self.totals[stage] = total
        self.done[stage] = 0

    def advance(self, stage: str) -> None:
        self.done[stage] += 1


@pytest.mark.parametrize(("name", "style"), [(NORTH_LINCS, "oruk1"), (BRISTOL, "oruk3")])
def test_sync_from_a_paged_api_gives_the_same_listings_as_importing_the_file(
    engine: Engine, tmp_path: Path, name: str, style: Literal["oruk1", "oruk3"]
) -> None:
    records = feed(name)
    fake = FakeOruk(records, style=style, fail_once={PAGE_2})
    with api(fake) as url:
        result = sync_source(engine, url, skip_invalid=True, options=FAST)
    assert fake.failed == [PAGE_2]  # the page that failed once was asked for again
    assert result.retries == 1
    assert result.pages == -(-len(records) // 100)

    imported = make_engine(f"sqlite:///{tmp_path / 'imported.sqlite3'}")
    upgrade(imported)
    report = import_records(imported, records, source=name, skip_invalid=True)
    assert (result.report.created, result.report.refused_records) == (report.created, report.refused_records)
    assert (len(result.report.fixed), len(result.report.kept)) == (len(report.fixed), len(report.kept))
    assert export_services(engine) == export_services(imported)
    imported.dispose()
    assert {s.source for s in services(engine).values()} == {url}


def test_an_oruk3_list_of_summaries_is_read_whole_service_by_service_with_progress(engine: Engine) -> None:
    records = feed(NORTH_LINCS)[:30]
    fake = FakeOruk(records, style="oruk3")
    progress = Recorded()
    with api(fake) as url:
        result = sync_source(engine, url, options=FetchOptions(per_page=12), progress=progress)
    assert result.pages == 3
    assert progress.totals == progress.done == {"pages": 3, "services": 30}
    assert sorted(fake.requests[3:]) == sorted(f"/services/{r['id']}" for r in records)
    assert services(engine)[records[0]["id"]].description  # a field the summary list also had
    assert result.report.created == 30


def test_no_more_requests_are_made_at_once_than_the_limit(engine: Engine) -> None:
    fake = FakeOruk(feed(NORTH_LINCS)[:24], style="oruk3", delay=0.02)
    with api(fake) as url:
        sync_source(engine, url, options=FetchOptions(concurrency=2, per_page=4))
    assert len(fake.requests) == 6 + 24
    assert fake.most_at_once <= 2


def test_a_second_sync_updates_in_place_and_archives_only_what_vanished_from_that_source(engine: Engine) -> None:
    other = feed(BRISTOL)[100:110]
    kept_elsewhere = import_records(engine, other, source=BRISTOL, skip_invalid=True).service_ids
    records = feed(NORTH_LINCS)[:40]
    fake = FakeOruk(records)
    with api(fake) as url:
        first = sync_source(engine, url, options=FAST)
        changed = copy.deepcopy(records)
        gone = changed.pop(3)
        changed[5]["name"] = changed[5]["name"] + " (new hall)"
        fake.records = changed
        second = sync_source(engine, url, options=FAST)
        after_second = services(engine)
        fake.records = records
        third = sync_source(engine, url, options=FAST)

    assert (first.report.created, first.archived) == (40, [])
    assert (second.report.created, second.report.updated, second.report.unchanged) == (0, 1, 38)
    assert second.archived == [gone["id"]]
    assert after_second[gone["id"]].status == "inactive"
    assert after_second[changed[5]["id"]].name.endswith("(new hall)")
    assert len(after_second) == 40 + len(kept_elsewhere)  # updated in place: no new row
    for sid in kept_elsewhere:
        assert (after_second[sid].status, after_second[sid].source) == ("active", BRISTOL)
    assert third.archived == []
    assert services(engine)[gone["id"]].status == "active"  # back in the feed, back in the directory


def test_an_api_that_cannot_be_read_whole_writes_and_archives_nothing(engine: Engine) -> None:
    records = feed(NORTH_LINCS)[:30]
    fake = FakeOruk(records)
    with api(fake) as url:
        sync_source(engine, url, options=FetchOptions(per_page=10))
        fake.records = records[:5]
        fake.broken = {"/services?page=1&per_page=10"}
        with pytest.raises(FetchError, match="HTTP 503 after 3 attempts"):
            sync_source(engine, url, options=FetchOptions(per_page=10, attempts=3, backoff=0.01))
    assert fake.requests.count("/services?page=1&per_page=10") == 1 + 3
    assert {s.status for s in services(engine).values()} == {"active"}


def test_a_refused_record_without_skip_invalid_writes_and_archives_nothing(engine: Engine) -> None:
    records = feed(NORTH_LINCS)[:20]
    fake = FakeOruk(records)
    with api(fake) as url:
        sync_source(engine, url, options=FAST)
        nameless = copy.deepcopy(records[1:])
        nameless[0]["name"] = ""
        fake.records = nameless
        result = sync_source(engine, url, options=FAST)
    assert not result.report.written
    assert result.archived == []
    assert {s.status for s in services(engine).values()} == {"active"}


def test_the_sync_command_reads_the_sources_setting_and_says_what_it_did(
    configured: str, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    fake = FakeOruk(feed(NORTH_LINCS)[:15])
    with api(fake) as url:
        monkeypatch.setenv("ORUK_SOURCES", json.dumps([url + "/"]))
        get_settings.cache_clear()
        first = runner.invoke(app, ["directory", "sync"])
        fake.records = fake.records[:-2]
        second = runner.invoke(app, ["directory", "sync", url])
    assert first.exit_code == 0, first.output
    assert f"{url}: read 15 services from 1 pages" in first.output
    assert "Pages of services" not in first.output  # no progress bar when not on a terminal
    assert second.exit_code == 0, second.output
    assert f"{url}: archived 2 services it no longer lists." in second.output


def test_the_sync_command_without_any_source_says_how_to_give_one(
    configured: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ORUK_SOURCES", raising=False)
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["directory", "sync"])
    assert result.exit_code == 1
    assert "ORUK_SOURCES" in result.output


def test_import_records_the_file_name_or_the_source_given_and_a_sync_leaves_them_alone(
    configured: str, engine: Engine, tmp_path: Path
) -> None:
    records = feed(NORTH_LINCS)
    path = tmp_path / "north-lincs.json"
    path.write_text(json.dumps(records[:5]), encoding="utf-8")
    named = tmp_path / "more.json"
    named.write_text(json.dumps(records[5:8]), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["directory", "import", str(path)]).exit_code == 0
    assert runner.invoke(app, ["directory", "import", str(named), "--source", "curated"]).exit_code == 0
    with api(FakeOruk(records[10:12])) as url:
        sync_source(engine, url, options=FAST)
    found = services(engine)
    assert Counter(s.source for s in found.values()) == {"north-lincs.json": 5, "curated": 3, url: 2}
    assert {s.status for s in found.values()} == {"active"}


@pytest.mark.parametrize("style", ["oruk1", "oruk3"])
def test_an_api_that_numbers_pages_from_zero_is_read_whole_in_order(
    engine: Engine, style: Literal["oruk1", "oruk3"]
) -> None:
    records = feed(NORTH_LINCS)[:25]
    fake = FakeOruk(records, style=style, first_page=0)
    progress = Recorded()
    with api(fake) as url:
        result = sync_source(engine, url, options=FetchOptions(per_page=10), progress=progress)
    assert result.report.service_ids == [r["id"] for r in records]
    assert progress.totals["pages"] == progress.done["pages"] == 3


def test_an_api_that_suddenly_lists_nothing_archives_nothing(engine: Engine) -> None:
    fake = FakeOruk(feed(NORTH_LINCS)[:5])
    with api(fake) as url:
        sync_source(engine, url, options=FAST)
        fake.records = []
        result = sync_source(engine, url, options=FAST)
    assert (result.report.total, result.archived) == (0, [])
    assert {s.status for s in services(engine).values()} == {"active"}
