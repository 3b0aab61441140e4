"""Foreign feeds become matchable: needs and activities inferred from a listing's own words and
audience tags, marked as inferred, never duplicating a given link. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.directory.importer import import_bundles
from assistant.directory.inference import audience_needs, infer_directory, infer_terms
from assistant.directory.models import ServiceTerm, TaxonomyTerm
from assistant.directory.reader import read_records
from tests.directory.records import service

NORTH_LINCS = "feeds/north_lincolnshire_oruk1_services_2024-12-18.json"
runner = CliRunner()


def _records(fixtures_dir: Path, count: int) -> list[dict[str, Any]]:
    document = json.loads((fixtures_dir / NORTH_LINCS).read_text(encoding="utf-8"))
    records = document["content"] if isinstance(document, dict) else document
    return list(records[:count])


def test_the_description_is_read_as_text_sentence_by_sentence() -> None:
    described = "<p>Our friendly group meets weekly.</p><ul><li>Knit &amp; natter</li><li>Tea</li></ul>"
    assert "activity-knit-natter" in infer_terms("Riverside Tuesdays", described)


def test_a_need_said_to_be_unsuitable_is_not_inferred() -> None:
    assert "need-dementia" not in infer_terms("Walking group", "Not suitable for people with dementia.")
    assert "need-dementia" in infer_terms("Walking group", "Welcoming people living with dementia.")


def test_placecube_audience_types_map_to_needs_however_they_are_spaced() -> None:
    found = audience_needs(
        ["Dementia ", "Carers", "Sensory Impaired>Visually Impaired ", "Parkinsons", "Mental Health"]
    )
    assert found == ["need-dementia", "need-carers", "need-sensory-impairment", "need-mental-health"]


def test_inference_raises_coverage_and_marks_only_what_it_added(engine: Engine, fixtures_dir: Path) -> None:
    records = _records(fixtures_dir, 80)
    import_bundles(engine, read_records(records, "oruk1").bundles)
    report = infer_directory(engine)
    assert report.before.listings == report.after.listings == 80
    assert report.after.with_need > report.before.with_need
    assert report.after.with_activity > report.before.with_activity
    with Session(engine) as session:
        links = list(session.exec(select(ServiceTerm)))
        inferred = [link for link in links if link.inferred]
        assert len(inferred) == report.links_added > 0
        assert {link.link_type for link in inferred} == {"need", "activity"}
        assert all(link.term_id.split("-")[0] == link.link_type for link in inferred)
        assert not any(link.inferred for link in links if not link.term_id.startswith(("need-", "activity-")))
        assert len({(link.service_id, link.term_id) for link in links}) == len(links)
        assert session.get(TaxonomyTerm, inferred[0].term_id) is not None
        promised = {
            (link.service_id, need)
            for link, term in session.exec(
                select(ServiceTerm, TaxonomyTerm).where(ServiceTerm.term_id == TaxonomyTerm.id)
            )
            if term.taxonomy == "pc-target-audience"
            for need in audience_needs([term.name])
        }
        assert promised and promised <= {(link.service_id, link.term_id) for link in links}
    assert infer_directory(engine).links_added == 0


def test_a_link_the_feed_gave_is_not_inferred_again(engine: Engine) -> None:
    given = service(1, description="A knit and natter group for older people.")
    import_bundles(engine, read_records([given], "oruk3").bundles)
    infer_directory(engine)
    with Session(engine) as session:
        links = {link.term_id: link.inferred for link in session.exec(select(ServiceTerm))}
    assert links["need-older-people"] is False and links["activity-knit-natter"] is False


def test_the_infer_command_prints_coverage_before_and_after(
    configured: str, engine: Engine, fixtures_dir: Path
) -> None:
    import_bundles(engine, read_records(_records(fixtures_dir, 20), "oruk1").bundles)
    result = runner.invoke(app, ["directory", "infer"])
    assert result.exit_code == 0, result.output
    assert "Before inference: 20 listings," in result.output and "0 with an activity (0%)" in result.output
    assert "After inference: 20 listings" in result.output and "inferred links" in result.output


def test_how_a_service_describes_itself_infers_no_activity() -> None:
    described = "We have been running since 1990. Run by volunteers, we work with social care teams."
    assert infer_terms("Riverside Advice", described) == []
    assert "activity-employment-volunteering" in infer_terms("Volunteering in the park", "")
