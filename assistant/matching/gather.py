"""Gather the listings that pass a rung's criteria, nearest first, reading no more than needed.

Venues are read in rings of growing radius (1.5, 3, 6... miles, up to the rung's radius), and
each ring's candidates a batch at a time, stopping once ``enough`` pass every filter. In a busy
city the score then orders the nearest ``enough`` listings that fit, instead of every listing for
miles around; in the countryside every ring is read and the answer is complete. A rung that
widens the radius carries on from the rings already read, and once a search has found its area
sparse, later rungs read their whole radius at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.matching.criteria import Criteria
from assistant.matching.filters import passes
from assistant.matching.listing import Listing
from assistant.matching.loader import Loader, Reach

FIRST_RING_MILES = 1.5
BATCH = 50  # candidates read at a time


@dataclass
class _Progress:
    """How far one set of criteria (apart from the radius) has been read."""

    covered: float = 0.0  # miles: every venue this close has been seen
    candidates: list[tuple[str, Reach]] = field(default_factory=list)
    read: int = 0  # candidates whose facts have been checked
    fits: list[Listing] = field(default_factory=list)


class Gatherer:
    def __init__(self, loader: Loader, local_authority: str | None) -> None:
        self._loader = loader
        self._local_authority = local_authority
        self._progress: dict[Criteria, _Progress] = {}
        self._sparse = False  # a rung read its whole radius and found too few

    def fits(self, criteria: Criteria, enough: int) -> list[Listing]:
        """Listings passing ``criteria``: the nearest ``enough`` or more (all, if fewer), then any
        online ones allowed."""
        progress = self._progress.setdefault(replace(criteria, radius=0.0, online=False), _Progress())
        seen = {sid for sid, _ in progress.candidates}
        while True:
            self._check(progress, criteria, enough)
            if len(progress.fits) >= enough or criteria.origin is None:
                break
            if progress.covered >= criteria.radius:
                self._sparse = True
                break
            first = criteria.radius if self._sparse else FIRST_RING_MILES
            outer = min(max(progress.covered * 2, first), criteria.radius)
            ring = self._loader.near(criteria, progress.covered, outer)
            progress.candidates += [(sid, reach) for sid, reach in ring.items() if sid not in seen]
            seen |= ring.keys()
            progress.covered = outer
        fits = [item for item in progress.fits if passes(item, criteria)]
        if criteria.online:
            fits += self._online(criteria, seen)
        return fits

    def _check(self, progress: _Progress, criteria: Criteria, enough: int) -> None:
        while progress.read < len(progress.candidates) and len(progress.fits) < enough:
            batch = dict(progress.candidates[progress.read : progress.read + BATCH])
            progress.read += len(batch)
            progress.fits += [item for item in self._loader.listings(batch) if passes(item, criteria)]

    def _online(self, criteria: Criteria, near: set[str]) -> list[Listing]:
        online = [sid for sid in self._loader.online(criteria, self._local_authority) if sid not in near]
        return [item for item in self._loader.listings({}, online) if passes(item, criteria)]
