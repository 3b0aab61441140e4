"""Gather the listings that pass a rung's criteria, nearest first, reading no more than needed.

Venues are read in rings of growing radius (1.5, 3, 6... miles, up to the rung's radius), and
their candidates, nearest first, a batch at a time, stopping once ``enough`` pass every filter. In
a busy city the score then orders the nearest ``enough`` listings that fit, instead of every
listing for miles around; in the countryside every ring is read and the answer is complete. A
rung that widens the radius carries on from the rings already read, and once a search has found
its area sparse, later rungs read their whole radius at once.

Where venues are dense (a city centre can hold a thousand within 1.5 miles, each costing index
probes), the first ring shrinks so that its box holds about :data:`RING_VENUES` venues: one
index-only count says how busy the area is. Batches run on across rings (a batch is checked once
it is full, or when the rung's whole radius is read), so what is found does not depend on where
the rings fall. That lets rungs whose filters the database reads alike (the words-first rungs and
the same rungs without the words) share the rings read, instead of querying them again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from assistant.matching.criteria import Criteria
from assistant.matching.filters import passes
from assistant.matching.listing import Listing
from assistant.matching.loader import Loader, Reach
from assistant.matching.words import Words

FIRST_RING_MILES = 1.5
RING_VENUES = 250  # venues a first ring's box should hold, where they are dense
SMALLEST_RING_MILES = 0.25
BATCH = 50  # candidates read at a time


@dataclass
class _Progress:
    """How far one set of criteria (apart from the radius) has been read."""

    covered: float = 0.0  # miles: every venue this close has been seen
    candidates: list[tuple[str, Reach]] = field(default_factory=list)
    read: int = 0  # candidates whose facts have been checked
    fits: list[Listing] = field(default_factory=list)


Ring = tuple[float, float, dict[str, Reach]]  # inner and outer miles, and what the database found


class Gatherer:
    def __init__(self, loader: Loader, local_authority: str | None, words: Words | None = None) -> None:
        self._loader = loader
        self._local_authority = local_authority
        self._words = words
        self._progress: dict[Criteria, _Progress] = {}
        self._rings: dict[Criteria, list[Ring]] = {}  # by what the database reads of the criteria
        self._sparse = False  # a rung read its whole radius and found too few
        self._first_ring: float | None = None  # miles, from how busy the area is

    def fits(self, criteria: Criteria, enough: int) -> list[Listing]:
        """Listings passing ``criteria``: the nearest ``enough`` or more (all, if fewer), then any
        online ones allowed."""
        progress = self._progress.setdefault(replace(criteria, radius=0.0, online=False), _Progress())
        rings = self._rings.setdefault(replace(criteria, radius=0.0, online=False, words=()), [])
        seen = {sid for sid, _ in progress.candidates}
        while True:
            whole = criteria.origin is None or progress.covered >= criteria.radius
            self._check(progress, criteria, enough, whole)
            if len(progress.fits) >= enough or criteria.origin is None:
                break
            if progress.covered >= criteria.radius:
                self._sparse = True
                break
            outer, ring = self._next_ring(rings, criteria, progress.covered)
            progress.candidates += [(sid, reach) for sid, reach in ring.items() if sid not in seen]
            seen |= ring.keys()
            progress.covered = outer
        fits = [item for item in progress.fits if passes(item, criteria, self._words)]
        if criteria.online:
            fits += self._online(criteria, seen)
        return fits

    def _next_ring(self, rings: list[Ring], criteria: Criteria, covered: float) -> tuple[float, dict[str, Reach]]:
        """The ring just beyond ``covered`` miles: one read already for the same filters, else the next
        one out (the whole radius at once, once the area has proved sparse)."""
        for inner, outer, found in rings:
            if inner == covered and outer <= criteria.radius:
                return outer, found
        assert criteria.origin is not None
        first = criteria.radius if self._sparse else self._first(criteria.origin)
        outer = min(max(covered * 2, first), criteria.radius)
        found = self._loader.near(criteria, covered, outer)
        rings.append((covered, outer, found))
        return outer, found

    def _first(self, origin: tuple[float, float]) -> float:
        """The first ring's radius: :data:`FIRST_RING_MILES`, less where venues are dense."""
        if self._first_ring is None:
            venues = self._loader.venues_within(origin, FIRST_RING_MILES)
            shrink = math.sqrt(RING_VENUES / venues) if venues > RING_VENUES else 1.0
            self._first_ring = max(FIRST_RING_MILES * shrink, SMALLEST_RING_MILES)
        return self._first_ring

    def _check(self, progress: _Progress, criteria: Criteria, enough: int, whole: bool) -> None:
        """Check candidates a full batch at a time (the rest too, once ``whole`` radius is read)."""
        while len(progress.fits) < enough:
            unread = len(progress.candidates) - progress.read
            if unread == 0 or (unread < BATCH and not whole):
                return
            batch = dict(progress.candidates[progress.read : progress.read + BATCH])
            progress.read += len(batch)
            progress.fits += [item for item in self._loader.listings(batch) if passes(item, criteria, self._words)]

    def _online(self, criteria: Criteria, near: set[str]) -> list[Listing]:
        online = [sid for sid in self._loader.online(criteria, self._local_authority) if sid not in near]
        return [item for item in self._loader.listings({}, online) if passes(item, criteria, self._words)]
