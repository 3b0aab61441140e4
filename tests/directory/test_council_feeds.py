"""The two real council ORUK 1.0 feeds: what imports, and what they lack for matching.

They are read from ../shared (not shipped in the product).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func
from sqlmodel import Session, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.directory.models import Service, ServiceTerm
from assistant.directory.quality import lacks
from assistant.directory.reader import read_file

runner = CliRunner()
FEEDS = "external/directory_data"


def test_bristol_feed_has_invalid_records_so_a_strict_import_writes_nothing(
    configured: str, engine: Engine, shared_dir: Path
) -> None:
    result = runner.invoke(
        app, ["directory", "import", str(shared_dir / FEEDS / "bristol_oruk1_services_2024-12-18.json")]
    )
    assert result.exit_code == 2
    assert "record 0 (-) at $: 'organization' is missing" in result.output
    assert "is used by another record in this file" in result.output  # one id appears twice
    assert "$.url: This does not follow the Open Referral UK schema: 'www." in result.output
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Service)).one() == 0


def test_bristol_feed_imports_its_valid_services_when_told_to_skip(
    configured: str, engine: Engine, shared_dir: Path
) -> None:
    path = shared_dir / FEEDS / "bristol_oruk1_services_2024-12-18.json"
    result = runner.invoke(app, ["directory", "import", "--skip-invalid", str(path)])
    assert result.exit_code == 0, result.output
    assert "101 invalid record(s) skipped" in result.output
    assert "718 created, 0 updated, 0 unchanged (oruk1)" in result.output
    assert "days and times: missing from 718 of 718 (100%)" in result.output
    with Session(engine) as s:
        needs = s.exec(
            select(func.count()).select_from(ServiceTerm).where(ServiceTerm.term_id == "need-dementia")
        ).one()
    assert needs >= 40  # "Dementia" and "Dementia " audience tags both map onto the Dayfinder need


def test_north_lincolnshire_feed_imports_valid_records_and_twice_is_unchanged(
    configured: str, engine: Engine, shared_dir: Path
) -> None:
    path = str(shared_dir / FEEDS / "north_lincolnshire_oruk1_services_2024-12-18.json")
    first = runner.invoke(app, ["directory", "import", "--skip-invalid", path])
    second = runner.invoke(app, ["directory", "import", "--skip-invalid", path])
    assert "649 created" in first.output and "649 unchanged" in second.output
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Service)).one() == 649


def test_council_list_feeds_lack_everything_needed_to_match_by_place_time_and_cost(shared_dir: Path) -> None:
    parsed = read_file(shared_dir / FEEDS / "north_lincolnshire_oruk1_services_2024-12-18.json")
    missing = {lack.what: lack.percent for lack in lacks(parsed.bundles)}
    assert missing["location"] == missing["schedule"] == missing["cost"] == missing["phone"] == 100
    assert missing["activity"] == 100 and 0 < missing["need"] < 100 and missing["assured"] == 0
