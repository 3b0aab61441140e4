"""The import policy: harmless slips are fixed, descriptive values outside an enum are kept as
text with a warning, and only records that cannot be used are refused (all or nothing, unless
told to skip them)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from assistant.directory.importer import import_records
from assistant.directory.mend import web_address
from assistant.directory.models import Service
from assistant.directory.reader import read_records
from tests.directory.records import service

ORG = {"id": "4b1b9c1e-3f0a-4d55-9a7e-6a1c2f0c9d01", "name": "Riverside Friends", "description": ""}


def oruk1(number: int = 1, **changes: Any) -> dict[str, Any]:
    """An ORUK 1.0 list record as council feeds send it, blanks and all."""
    record: dict[str, Any] = {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "name": f"Lunch club {number}",
        "description": "<p>A hot lunch and a chat.</p>",
        "url": "",
        "email": "",
        "status": "active",
        "fees": "",
        "deliverable_type": "",
        "attending_type": "",
        "attending_access": "",
        "assured_date": "2024-05-01",
        "organization": dict(ORG, url=""),
    }
    record.update(changes)
    return record


def _count(engine: Engine) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(Service)).one()


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("www.example.org", "https://www.example.org"),
        ("example.org/groups?x=1", "https://example.org/groups?x=1"),
        (" http:www.example.org ", "http://www.example.org"),
        ("HTTPS://Example.org/A", "https://Example.org/A"),
        ("https://example.org", "https://example.org"),
        ("javascript:alert(1)", "javascript:alert(1)"),  # never mended: refused by the link check
        ("Warmley Community Centre", None),  # words, not an address: left out
    ],
)
def test_a_web_address_is_mended_only_when_it_plainly_is_one(given: str, stored: str | None) -> None:
    assert web_address(given) == stored


def test_blanks_capitalised_enums_and_bare_addresses_are_fixed_and_the_record_used() -> None:
    parsed = read_records([oruk1(url="www.lunch.example.org", attending_type="Venue")], "oruk1")
    assert parsed.problems == []
    (bundle,) = parsed.bundles
    assert bundle.service.url == "https://www.lunch.example.org"
    assert {n.key for n in parsed.notices} == {"blank", "enum_case", "web_address"}
    assert {n.kind for n in parsed.notices} == {"fixed"}
    assert [t.name for t in bundle.terms if t.taxonomy == "oruk1-attending-type"] == ["venue"]


def test_a_descriptive_value_outside_the_enum_is_kept_as_text_with_a_warning() -> None:
    parsed = read_records([oruk1(deliverable_type="Social activity")], "oruk1")
    assert parsed.problems == []
    (kept,) = [n for n in parsed.notices if n.kind == "kept"]
    assert kept.path == "$.deliverable_type" and "'Social activity'" in kept.reason
    (term,) = parsed.bundles[0].terms
    assert (term.name, term.taxonomy) == ("Social activity", "oruk1-deliverable-type")


def test_a_status_outside_its_enum_is_still_refused() -> None:
    """Only descriptive values nothing matches on are kept; an unknown status could hide a closure."""
    parsed = read_records([oruk1(status="gone away")], "oruk1")
    assert [p.path for p in parsed.problems] == ["$.status"]


def test_a_service_with_no_organisation_is_listed_under_its_own_name() -> None:
    record = oruk1()
    record.pop("organization")
    parsed = read_records([record], "oruk1")
    assert parsed.problems == []
    assert parsed.bundles[0].organization.name == "Lunch club 1"
    assert [n.key for n in parsed.notices if n.kind == "kept"] == ["own_organization"]


def test_a_record_with_no_id_at_all_is_refused() -> None:
    record = oruk1()
    record.pop("id")
    parsed = read_records([record], "oruk1")
    assert parsed.bundles == [] and "'id' is missing" in parsed.problems[0].reason


@pytest.mark.parametrize(
    ("change", "path", "said"),
    [
        ({"id": ""}, "$.id", "no id"),
        ({"name": "  "}, "$.name", "no name"),
        ({"cost_options": [{"id": "c1", "amount": "£3"}]}, "$.cost_options[0].amount", "not a number"),
        ({"url": "javascript:alert(1)"}, "$.url", "not a web address"),
    ],
)
def test_a_record_that_cannot_be_used_is_refused_and_named(change: dict[str, Any], path: str, said: str) -> None:
    parsed = read_records([oruk1(**change)], "oruk1")
    assert parsed.bundles == []
    assert any(p.path == path and said in p.reason and p.kind == "refused" for p in parsed.problems), parsed.problems


def test_both_records_that_share_an_id_are_refused_naming_each_other() -> None:
    twin = oruk1(2, id=oruk1(1)["id"])
    parsed = read_records([oruk1(1), twin, oruk1(3)], "oruk1")
    assert [(p.index, p.path) for p in parsed.problems] == [(0, "$.id"), (1, "$.id")]
    assert "(record 1)" in parsed.problems[0].reason and "(record 0)" in parsed.problems[1].reason
    assert [b.service.name for b in parsed.bundles] == ["Lunch club 3"]


def test_a_refusal_writes_nothing_unless_told_to_skip(engine: Engine) -> None:
    records = [oruk1(1), oruk1(2, name="")]
    strict = import_records(engine, records)
    assert (strict.written, strict.refused_records, _count(engine)) == (False, 1, 0)
    lenient = import_records(engine, records, skip_invalid=True, source="test-feed")
    assert (lenient.written, lenient.created, lenient.refused_records, _count(engine)) == (True, 1, 1, 1)
    assert lenient.records_with("fixed") == 1 and lenient.service_ids == [records[0]["id"]]


def test_oruk3_addresses_are_mended_the_same_way() -> None:
    parsed = read_records([service(url="www.knit.example.org")], "oruk3")
    assert parsed.problems == [] and parsed.bundles[0].service.url == "https://www.knit.example.org"
