"""``dayfinder search`` through its real entry point: it searches after correcting a place, lists
the choices for an ambiguous one, and with ``--json`` prints one JSON document for every outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from assistant.cli import app
from assistant.settings import get_settings

FIRST_RADIUS_MILES = 3.0


@pytest.fixture
def sample_directory(sample_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the CLI at the curated sample directory."""
    monkeypatch.setenv("DATABASE_URL", sample_db)
    get_settings.cache_clear()
    yield sample_db
    get_settings.cache_clear()


def search(*args: str) -> Result:
    return CliRunner().invoke(app, ["search", *args])


def search_json(text: str) -> tuple[int, dict[str, Any]]:
    result = search(text, "--json")
    return result.exit_code, json.loads(result.stdout)


def test_a_misspelt_place_is_said_back_then_searched(sample_directory: str) -> None:
    result = search("swimming in Biggleswde")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "I took that to mean Biggleswade."
    assert any(line.startswith("1. ") for line in lines)


def test_a_misspelt_place_in_json_carries_the_correction_and_the_results(sample_directory: str) -> None:
    code, document = search_json("swimming in Biggleswde")
    assert code == 0
    assert document["status"] == "results"
    assert document["messages"] == ["I took that to mean Biggleswade."]
    assert document["understood"]["place"]["label"] == "Biggleswade"
    assert document["understood"]["interests"] == ["activity-sport-swimming"]
    assert document["results"] and document["total"] >= len(document["results"])


def test_json_says_what_was_widened_and_which_wishes_each_result_misses(sample_directory: str) -> None:
    code, document = search_json("swimming in Biggleswde")
    assert code == 0
    assert "radius" in {widened["step"] for widened in document["widened"]}
    assert all(widened["text"] for widened in document["widened"])
    for result in document["results"]:
        far = result["distance_miles"] is not None and result["distance_miles"] > FIRST_RADIUS_MILES
        assert ("distance" in result["unmet"]) == far, result["name"]


def test_a_result_on_another_day_is_said_to_miss_the_day(sample_directory: str) -> None:
    code, document = search_json("knit and natter in Ampthill on Sundays")
    assert code == 0 and document["understood"]["days"] == ["SU"]
    for result in document["results"]:
        on_sunday = any("SU" in session["days"] for session in result["sessions"])
        assert ("days" in result["unmet"]) != on_sunday, result["name"]


def test_an_ambiguous_place_lists_its_choices_served_areas_first(sample_directory: str) -> None:
    result = search("walks in Church End")
    assert result.exit_code == 2
    assert "  1) Church End" in result.stdout and "  2) Church End" in result.stdout
    code, document = search_json("walks in Church End")
    assert code == 2
    assert document["status"] == "ambiguous_place"
    assert len(document["choices"]) >= 2 and "results" not in document
    assert "Central Bedfordshire" in document["choices"][0]


def test_a_place_with_nothing_that_fits_is_searched_and_returns_no_results(sample_directory: str) -> None:
    code, document = search_json("free horse riding in Swanage for someone with a brain injury, not online")
    assert code == 0
    assert document["status"] == "results"
    assert document["results"] == [] and document["total"] == 0


def test_a_place_outside_the_areas_served_is_said_plainly_in_json(sample_directory: str) -> None:
    code, document = search_json("knitting in Poole")
    assert code == 2
    assert document["status"] == "outside_area"
    assert "Poole" in document["messages"][0] and "results" not in document
    assert document["choices"] == ["Dorset"]


def test_a_message_with_no_place_asks_for_one_in_json(sample_directory: str) -> None:
    code, document = search_json("knitting")
    assert code == 2
    assert document["status"] == "no_place"
    assert document["understood"]["interests"] == ["activity-knit-natter"]
    assert document["messages"]


def test_a_database_that_cannot_be_reached_is_an_error_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'dayfinder.sqlite3'}")
    get_settings.cache_clear()
    try:
        code, document = search_json("swimming in Biggleswade")
    finally:
        get_settings.cache_clear()
    assert code == 1
    assert document["status"] == "error" and document["messages"]
