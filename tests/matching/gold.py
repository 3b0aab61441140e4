"""The gold queries (``gold.toml``) as texts, graded answers and the profile a careful reader
takes from each; the relevance measures; and the answers measured from text.

Shared by the relevance test and ``bench/relevance.py``. Both measure what a person gets: the
query's text through :func:`~assistant.conversation.one_text.search_text`, the path
``dayfinder search`` takes. The hand-written profile is kept to tell a failure of understanding
(the profile read from the text differs from it) from one of ranking (it does not). Grades:
2 = a good adviser would put it first, 1 = a reasonable further suggestion, unlisted = not a
good suggestion.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from assistant.conversation.one_text import Outcome, TextSearch, search_text
from assistant.directory.gazetteer import load_gazetteer
from assistant.engine.slots import Budget, CostPeriod, PartOfDay, WhoFor
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.listing import Listing
from assistant.matching.loader import Loader
from assistant.matching.matcher import Matcher, find
from assistant.matching.relax import STEPS
from assistant.matching.unmet import missed_steps
from assistant.matching.variety import page_of

GOLD_FILE = Path(__file__).with_name("gold.toml")
TODAY = dt.date(2026, 11, 25)  # the day the sample directory was assured against
PREFIX = 8
TOP = 5


@dataclass(frozen=True, slots=True)
class GoldQuery:
    id: str
    text: str
    profile: Profile
    grades: dict[str, int]  # id prefix -> grade
    names: dict[str, str]  # id prefix -> the name written beside it
    said: tuple[str, ...] = ()  # the same wish as people write it: lower case, misspelt, in passing


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
    return GoldQuery(entry["id"], entry["text"], profile_of(entry), grades, names, tuple(entry.get("said", ())))


def as_people_write(queries: Iterable[GoldQuery]) -> list[GoldQuery]:
    """Each ``said`` text as a query of its own, with the judgements of the query it restates."""
    return [replace(q, id=f"{q.id}~{n}", text=text, said=()) for q in queries for n, text in enumerate(q.said, 1)]


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


def from_text(text: str, matcher: Matcher) -> TextSearch:
    """What ``dayfinder search TEXT`` finds: the first page, through the one shared path."""
    return search_text(text, matcher, TOP)


def ranked_ids(found: TextSearch) -> list[str]:
    """The ids shown, best first; none when the text led to no search (no place, which place?)."""
    return [card.id for card in found.page.cards] if found.page is not None else []


def by_distance(engine: Engine, profile: Profile | None, today: dt.date = TODAY, *, tiered: bool = True) -> list[str]:
    """A distance-only baseline: the candidates the matcher finds for ``profile``, nearest first
    (online-only last), cut into a page the same way; ``None`` (no search) finds nothing.

    ``tiered`` keeps the relaxation ladder's order, so listings that meet every wish but distance
    come before those found by widening days, times, budget, activity or going online: this is
    the matcher with its score replaced by distance, and the score's own value is the matcher's
    lead over it. Untiered, every candidate is ordered by distance alone."""
    if profile is None:
        return []
    with Session(engine) as session:
        candidates = find(Loader(session), profile, today, wanted=TOP).ranked

    def key(item: Listing) -> tuple[int, bool, float, str, str]:
        relaxed = [STEPS.index(step) for step in missed_steps(profile, item) if step != "radius"] if tiered else []
        return (max(relaxed, default=0), item.distance is None, item.distance or 0.0, item.name, item.id)

    nearest = sorted(candidates, key=key)
    return [item.id for item in page_of(nearest, lambda item: item.organisation_id, 0, TOP)]


def searched_profile(found: TextSearch) -> Profile | None:
    """The profile searched for, or ``None`` when the text led to no search."""
    return found.profile if found.outcome is Outcome.RESULTS else None
