"""The two real council ORUK 1.0 feeds, imported by the policy: harmless slips fixed, descriptive
values outside an enum kept as text, and only records that cannot be used refused.

The feeds are test fixtures (tests/fixtures/feeds; sources in tests/fixtures/SOURCES.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft7Validator
from sqlalchemy import Engine, func
from sqlmodel import Session, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.directory.exporter import export_page
from assistant.directory.importer import check_report, import_records
from assistant.directory.models import Service, ServiceTerm, TaxonomyTerm
from assistant.directory.quality import lacks
from assistant.directory.reader import read_file

runner = CliRunner()
BRISTOL = "feeds/bristol_oruk1_services_2024-12-18.json"
NORTH_LINCS = "feeds/north_lincolnshire_oruk1_services_2024-12-18.json"
DUPLICATED = "2af617e5-4532-bebe-1036-ffdf2e93ce55"


def _count(engine: Engine, model: type[Service] | type[ServiceTerm]) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_north_lincolnshire_imports_all_738_and_twice_is_unchanged(
    configured: str, engine: Engine, fixtures_dir: Path
) -> None:
    path = str(fixtures_dir / NORTH_LINCS)
    first = runner.invoke(app, ["directory", "import", path])
    second = runner.invoke(app, ["directory", "import", path])
    assert first.exit_code == 0, first.output
    assert "738 record(s) read: 738 can be imported" in first.output and "0 refused" in first.output
    assert "738 created" in first.output and "738 unchanged" in second.output
    assert _count(engine, Service) == 738


def test_a_deliverable_type_outside_the_enum_is_kept_as_text_with_a_warning(fixtures_dir: Path) -> None:
    parsed = read_file(fixtures_dir / NORTH_LINCS)
    report = check_report(parsed)
    kept = [n for n in report.kept if n.path == "$.deliverable_type"]
    assert len(kept) == 59 and all("kept as text" in n.reason for n in kept)
    terms = {t.name for b in parsed.bundles for t in b.terms if t.taxonomy == "oruk1-deliverable-type"}
    assert {"Social activity", "Physical activity", "1 to 1 support"} <= terms


def test_bristol_names_and_refuses_its_nameless_record_and_both_records_sharing_an_id(
    configured: str, engine: Engine, fixtures_dir: Path
) -> None:
    result = runner.invoke(app, ["directory", "import", str(fixtures_dir / BRISTOL)])
    assert result.exit_code == 2
    assert "819 record(s) read: 816 can be imported" in result.output and "3 refused" in result.output
    assert "record 0 (-) at $.name: The service has no name." in result.output
    assert f"record 373 (Fishponds Yoga for Fitness & Wellbeing) at $.id: The id '{DUPLICATED}'" in result.output
    assert f"record 810 (Yoga for Fitness & Relaxation) at $.id: The id '{DUPLICATED}'" in result.output
    assert "nothing was written" in result.output
    assert _count(engine, Service) == 0


def test_bristol_imports_the_rest_when_told_to_skip(configured: str, engine: Engine, fixtures_dir: Path) -> None:
    result = runner.invoke(app, ["directory", "import", "--skip-invalid", str(fixtures_dir / BRISTOL)])
    assert result.exit_code == 0, result.output
    assert "3 invalid record(s) skipped" in result.output
    assert "816 created, 0 updated, 0 unchanged (oruk1)" in result.output
    assert "days and times: missing from 816 of 816 (100%)" in result.output
    assert _count(engine, Service) == 816
    with Session(engine) as s:
        dementia = s.exec(
            select(func.count()).select_from(ServiceTerm).where(ServiceTerm.term_id == "need-dementia")
        ).one()
    assert dementia >= 40  # "Dementia" and "Dementia " audience tags both map onto the Dayfinder need


def test_the_import_report_counts_and_shows_examples_of_each_kind(
    configured: str, engine: Engine, fixtures_dir: Path
) -> None:
    result = runner.invoke(app, ["directory", "import", "--skip-invalid", str(fixtures_dir / BRISTOL)])
    out = result.output
    assert "Fixed: 816 record(s)" in out and "Kept as given, with a warning: 36 record(s)" in out
    assert "Refused: 3 record(s)" in out
    assert "web addresses given https://: 85, for example:" in out
    assert "is read as the web address https://www." in out
    assert "'Warmley Community Centre' is not a web address, so it is left out." in out
    assert "services with no organisation, listed under their own name: 6" in out
    assert "is not one of the Open Referral UK values for deliverable_type; it is kept as text" in out


def test_every_stored_web_address_is_http_or_https(engine: Engine, fixtures_dir: Path) -> None:
    for feed in (BRISTOL, NORTH_LINCS):
        records = json.loads((fixtures_dir / feed).read_text(encoding="utf-8"))
        import_records(engine, records, skip_invalid=True)
    page = export_page(engine)
    urls = [s.get("url") for s in page["contents"]] + [s["organization"].get("website") for s in page["contents"]]
    assert urls and all(u is None or u.startswith(("https://", "http://")) for u in urls)
    assert "https://www.northlincs.gov.uk" in {u.rstrip("/") for u in urls if u}


def test_the_exported_feeds_validate_as_oruk_3(engine: Engine, fixtures_dir: Path) -> None:
    """Values kept as text leave as attributes of their own taxonomy, which ORUK 3.0 allows."""
    for feed in (BRISTOL, NORTH_LINCS):
        import_records(engine, json.loads((fixtures_dir / feed).read_text(encoding="utf-8")), skip_invalid=True)
    schema = fixtures_dir / "schemas/oruk/validator/V3.0-UK/service_with_definitions.json"
    validator = Draft7Validator(json.loads(schema.read_text(encoding="utf-8")))
    page = export_page(engine)
    assert page["total_items"] == 816 + 738
    assert [e.message for s in page["contents"] for e in validator.iter_errors(s)][:5] == []
    with Session(engine) as s:
        kept = s.exec(select(TaxonomyTerm).where(TaxonomyTerm.name == "Social activity")).all()
    assert [t.taxonomy for t in kept] == ["oruk1-deliverable-type"]


def test_council_list_feeds_lack_everything_needed_to_match_by_place_time_and_cost(fixtures_dir: Path) -> None:
    parsed = read_file(fixtures_dir / NORTH_LINCS)
    missing = {lack.what: lack.percent for lack in lacks(parsed.bundles)}
    assert missing["location"] == missing["schedule"] == missing["cost"] == missing["phone"] == 100
    assert missing["activity"] == 100 and 0 < missing["need"] < 100 and missing["assured"] == 0
