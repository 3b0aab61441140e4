"""The gold queries (``gold.toml``) as profiles and graded answers, and the two relevance measures.

Shared by the relevance test and ``bench/relevance.py``. Grades: 2 = a good adviser would put it
first, 1 = a reasonable further suggestion, unlisted = not a good suggestion.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.directory.gazetteer import load_gazetteer
from assistant.engine.slots import Budget, CostPeriod, PartOfDay, WhoFor
from assistant.engine.state import PlaceValue, Profile

GOLD_FILE = Path(__file__).with_name("gold.toml")
TODAY = dt.date(2026, 11, 25)  # the day the sample directory was assured against
PREFIX = 8


@dataclass(frozen=True, slots=True)
class GoldQuery:
    id: str
    text: str
    profile: Profile
    grades: dict[str, int]  # id prefix -> grade
    names: dict[str, str]  # id prefix -> the name written beside it


def load_gold(path: Path = GOLD_FILE) -> list[GoldQuery]:
    with path.open("rb") as fh:
        entries = tomllib.load(fh)["query"]
    return [_query(entry) for entry in entries]


def _query(entry: dict[str, Any]) -> GoldQuery:
    grades: dict[str, int] = {}
    names: dict[str, str] = {}
    for grade, key in ((2, "grade2"), (1, "grade1")):
        for item in entry.get(key, []):
            prefix, name = item[:PREFIX], item[PREFIX:].strip()
            grades[prefix], names[prefix] = grade, name
    return GoldQuery(entry["id"], entry["text"], profile_of(entry), grades, names)


def profile_of(entry: dict[str, Any]) -> Profile:
    """The profile a careful reader takes from the query, written as slots in the gold file."""
    return Profile(
        who_for=WhoFor(entry["who"]) if "who" in entry else None,
        age=entry.get("age"),
        interests=tuple(entry.get("interests", ())),
        avoid_interests=tuple(entry.get("avoid", ())),
        needs=tuple(entry.get("needs", ())),
        place=_place(entry["place"]) if "place" in entry else None,
        online_ok=entry.get("online"),
        days=frozenset(entry.get("days", ())),
        parts_of_day=frozenset(PartOfDay(p) for p in entry.get("parts", ())),
        after=dt.time.fromisoformat(entry["after"]) if "after" in entry else None,
        before=dt.time.fromisoformat(entry["before"]) if "before" in entry else None,
        budget=_budget(entry["budget"]) if "budget" in entry else None,
        must_haves=frozenset(entry.get("must", ())),
    )


def _place(outcode: str) -> PlaceValue:
    place = load_gazetteer().outcode(outcode)
    if place is None:
        raise ValueError(f"unknown outcode {outcode}")
    return PlaceValue(
        label=outcode,
        latitude=place.latitude,
        longitude=place.longitude,
        outcode=outcode,
        local_authority=place.local_authority,
    )


def _budget(text: str) -> Budget:
    if text == "free":
        return Budget(free=True)
    amount, period = text.split("/")
    return Budget(amount=float(amount), period=CostPeriod(period))


def full_grades(query: GoldQuery, ids: Iterable[str]) -> dict[str, int]:
    """The query's grades keyed by full service id (each prefix must name exactly one listing)."""
    by_prefix: dict[str, list[str]] = {}
    for service_id in ids:
        by_prefix.setdefault(service_id[:PREFIX], []).append(service_id)
    out = {}
    for prefix, grade in query.grades.items():
        matches = by_prefix.get(prefix, [])
        if len(matches) != 1:
            raise ValueError(f"{query.id}: {prefix} names {len(matches)} listings")
        out[matches[0]] = grade
    return out


def ndcg(ranked: Sequence[str], grades: dict[str, int], k: int = 5) -> float:
    """Normalised discounted cumulative gain at ``k``, with gain 2^grade - 1."""
    gains = [2 ** grades.get(item, 0) - 1 for item in ranked[:k]]
    ideal = sorted((2**g - 1 for g in grades.values()), reverse=True)[:k]
    best = _dcg(ideal)
    return _dcg(gains) / best if best else 0.0


def _dcg(gains: Sequence[int]) -> float:
    return sum(gain / math.log2(position + 2) for position, gain in enumerate(gains))


def success(ranked: Sequence[str], grades: dict[str, int], k: int = 3) -> bool:
    """A best answer (grade 2; grade 1 if the query has none) in the top ``k``."""
    top = max(grades.values(), default=0)
    return any(grades.get(item, 0) == top for item in ranked[:k]) if top else False
