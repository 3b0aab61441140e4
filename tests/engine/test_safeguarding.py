"""Safeguarding: every tuning sentence is right, and unseen phrasings are caught as well.

Two splits of sentences live beside this file: ``safeguarding_tuning.toml``, which the patterns in
``content/safeguarding.toml`` were written against, and ``safeguarding_heldout.toml``, written
before them from UK crisis-line and adult-safeguarding guidance and never tuned on. Tuning must be
all right; held-out must keep recall and false alarms past floors (``bench/safeguarding.py``
prints both splits).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from assistant.engine.safeguarding import Concern, concerns, inflect, pluralise

HERE = Path(__file__).parent
TUNING = tomllib.loads((HERE / "safeguarding_tuning.toml").read_text(encoding="utf-8"))
HELD_OUT = tomllib.loads((HERE / "safeguarding_heldout.toml").read_text(encoding="utf-8"))
HELD_OUT_RECALL_FLOOR = 0.9
HELD_OUT_FALSE_ALARM_CEILING = 0.05


@pytest.mark.parametrize("text", TUNING["risk"])
def test_risk_to_life_triggers(text: str) -> None:
    assert Concern.RISK in concerns(text)


@pytest.mark.parametrize("text", TUNING["abuse"])
def test_abuse_or_neglect_triggers(text: str) -> None:
    assert Concern.ABUSE in concerns(text)


@pytest.mark.parametrize("text", TUNING["harmless"])
def test_harmless_look_alikes_do_not_trigger(text: str) -> None:
    assert concerns(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "my son hit me",
        "my carer hit me yesterday",
        "I am scared of my daughter",
        "nobody would miss me if I was gone",
        "I can't cope any more",
    ],
)
def test_the_phrasings_that_used_to_slip_through_are_caught(text: str) -> None:
    assert concerns(text)


def recall(split: dict[str, list[str]]) -> float:
    wanted = [(t, Concern.RISK) for t in split["risk"]] + [(t, Concern.ABUSE) for t in split["abuse"]]
    return sum(concern in concerns(text) for text, concern in wanted) / len(wanted)


def false_alarms(split: dict[str, list[str]]) -> float:
    return sum(bool(concerns(text)) for text in split["harmless"]) / len(split["harmless"])


def test_unseen_phrasings_are_caught_without_many_false_alarms() -> None:
    assert len(HELD_OUT["risk"]) + len(HELD_OUT["abuse"]) >= 50 and len(HELD_OUT["harmless"]) >= 30
    assert recall(HELD_OUT) >= HELD_OUT_RECALL_FLOOR
    assert false_alarms(HELD_OUT) <= HELD_OUT_FALSE_ALARM_CEILING


def test_the_splits_share_no_sentence() -> None:
    tuning = {t.lower() for texts in TUNING.values() for t in texts}
    assert tuning.isdisjoint(t.lower() for texts in HELD_OUT.values() for t in texts)


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("hit|hit|hit", ["hit", "hits", "hitting"]),
        ("punch", ["punch", "punches", "punching", "punched"]),
        ("grab", ["grab", "grabs", "grabbing", "grabbed"]),
        ("bully", ["bully", "bullies", "bullying", "bullied"]),
        ("tie|tied|tied", ["tie", "ties", "tying", "tied"]),
        ("starve", ["starve", "starves", "starving", "starved"]),
        ("threaten", ["threaten", "threatens", "threatening", "threatened"]),
        ("take|took|taken", ["take", "takes", "taking", "took", "taken"]),
    ],
)
def test_verbs_are_inflected_into_every_tense_and_person(verb: str, forms: list[str]) -> None:
    assert inflect(verb) == forms


def test_nouns_gain_plurals_and_possessives() -> None:
    assert pluralise("carer") == ["carer", "carers"]
    assert pluralise("support worker") == ["support worker", "support workers"]
    assert pluralise("nephew") == ["nephew", "nephews"]
