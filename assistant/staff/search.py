"""The staff search form: its choices, and the matcher ``Profile`` a filled-in form describes.

Staff pick needs, interests and must-haves from the directory's own vocabulary (so every choice
is something listings are tagged with) instead of typing words the engine would have to guess
at. Only known ids are kept: a hand-edited URL cannot reach the matcher with anything else.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from assistant.directory.vocabulary import Term, load_vocabulary
from assistant.engine.places import resolve_place
from assistant.engine.slots import Budget, CostPeriod, PartOfDay
from assistant.engine.state import PlaceValue, Profile

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PARTS = tuple(p.value for p in PartOfDay)
MAX_BUDGET = 1000.0
Query = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Choices:
    """What the form offers: vocabulary terms by group."""

    needs: list[Term]
    interests: list[Term]
    must_haves: list[Term]


@dataclass(frozen=True, slots=True)
class SearchForm:
    """The form as filled in (to show it again), and what was wrong with it."""

    place: str = ""
    online: bool = False
    needs: frozenset[str] = frozenset()
    interests: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset()
    budget: str = ""
    must_haves: frozenset[str] = frozenset()
    errors: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # content keys and params


def choices() -> Choices:
    vocabulary = load_vocabulary()
    return Choices(
        needs=vocabulary.of_kind("need"),
        interests=vocabulary.of_kind("activity"),
        must_haves=vocabulary.of_kind("access") + vocabulary.of_kind("support"),
    )


def _first(query: Query, name: str) -> str:
    return (query.get(name) or [""])[0].strip()[:100]


def _known(query: Query, name: str, allowed: set[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(v for v in query.get(name, []) if v in allowed)


def read_form(query: Query) -> SearchForm:
    offered = choices()
    return SearchForm(
        place=_first(query, "place"),
        online=_first(query, "online") == "yes",
        needs=_known(query, "needs", {t.id for t in offered.needs}),
        interests=_known(query, "interests", {t.id for t in offered.interests}),
        days=_known(query, "days", DAYS),
        parts=_known(query, "times", PARTS),
        budget=_first(query, "budget"),
        must_haves=_known(query, "must", {t.id for t in offered.must_haves}),
    )


def _budget(raw: str) -> Budget | str | None:
    """A budget, None for "any", or the error key."""
    if not raw:
        return None
    try:
        amount = float(raw.removeprefix("£"))
    except ValueError:
        return "search.bad_budget"
    if not 0 <= amount <= MAX_BUDGET:
        return "search.bad_budget"
    return Budget(free=True) if amount == 0 else Budget(amount=amount, period=CostPeriod.SESSION)


def _place(raw: str) -> PlaceValue | tuple[str, dict[str, str]]:
    outcome = resolve_place(raw, served_only=False)  # staff may search near a neighbouring town
    if outcome.place is not None:
        return outcome.place
    if outcome.choices:
        return "search.place_ambiguous", {"place": raw, "choices": "; ".join(c.label for c in outcome.choices)}
    return "search.place_not_found", {"place": raw}


def to_profile(form: SearchForm) -> tuple[Profile | None, SearchForm]:
    """The profile to search with, or None and the form with its errors."""
    errors: list[tuple[str, dict[str, str]]] = []
    place: PlaceValue | None = None
    if form.place:
        found = _place(form.place)
        if isinstance(found, PlaceValue):
            place = found
        else:
            errors.append(found)
    elif not form.online:
        errors.append(("search.place_needed", {}))
    budget = _budget(form.budget)
    if isinstance(budget, str):
        errors.append((budget, {}))
    if errors:
        return None, dataclasses.replace(form, errors=errors)
    profile = Profile(
        place=place,
        online_ok=True if form.online else None,
        needs=tuple(sorted(form.needs)),
        interests=tuple(sorted(form.interests)),
        days=form.days,
        parts_of_day=frozenset(PartOfDay(p) for p in form.parts),
        budget=budget if isinstance(budget, Budget) else None,
        must_haves=form.must_haves,
    )
    return profile, form
