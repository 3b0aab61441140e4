"""The conversation corpus (``corpus/*.toml``): real people's messages, checked by what they needed.

One test keeps the corpus honest (big enough, every area and persona, and every expectation
met by at least one listing, so a correct assistant can pass each conversation); one holds the
pass rate at or above a floor. The floor is the rate measured when the corpus was written,
rounded down; raise it as understanding, places and dialogue improve (see bench/conversations.py
for the failures, one line each).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.conversations.corpus_runner import AREAS, load_corpus, load_listings, open_directory, run_corpus, satisfiable

PASS_RATE_FLOOR = 0.95  # measured 97.9% (235 of 240) on 7 December 2026
PERSONAS = {"carer-dementia", "learning-disability", "autism", "mental-health", "older-person", "staff"}
STYLES = {"step-by-step", "all-at-once", "change-of-mind", "edge"}


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_directory(Path(tmp_path_factory.mktemp("corpus")))
    yield engine
    engine.dispose()


def test_corpus_has_150_conversations_over_every_area_persona_and_style() -> None:
    scripts = load_corpus()
    assert len(scripts) >= 150
    assert {s.area for s in scripts} >= set(AREAS)
    assert {s.persona for s in scripts} >= PERSONAS
    assert {s.style for s in scripts} >= STYLES


def test_every_expectation_is_met_by_some_listing_in_the_directory(directory: Engine) -> None:
    listings = load_listings(directory).values()
    unmet = [f"{s.file}: {s.id}" for s in load_corpus() if not satisfiable(s.expect, listings)]
    assert not unmet, "no listing meets what these people need:\n" + "\n".join(unmet)


def test_corpus_pass_rate_stays_at_or_above_the_floor(directory: Engine) -> None:
    outcomes = run_corpus(directory, load_corpus())
    rate = sum(o.passed for o in outcomes) / len(outcomes)
    failed = [f"{o.script.id} turn {t}: [{k}] {why}" for o in outcomes for t, k, why in o.failures]
    assert rate >= PASS_RATE_FLOOR, f"pass rate {rate:.1%} < {PASS_RATE_FLOOR:.0%}:\n" + "\n".join(failed)
