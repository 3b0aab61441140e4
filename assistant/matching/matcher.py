"""The matcher: hard filters, a transparent score, variety, paging and the relaxation ladder.

``Matcher(engine)`` implements :class:`~assistant.matching.results.Finder`. A search climbs
:func:`~assistant.matching.relax.ladder` until something fits, scores what fits
(:mod:`assistant.matching.score`), orders it best first, and cuts the asked-for page with at most
two results from one organisation (:mod:`assistant.matching.variety`). Every search starts
afresh from the profile, so "more" pages are consistent without any state held here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from assistant.engine.state import Profile
from assistant.matching.cards import load_cards
from assistant.matching.criteria import Criteria
from assistant.matching.gather import Gatherer
from assistant.matching.listing import Listing
from assistant.matching.loader import Loader
from assistant.matching.related import related_to
from assistant.matching.relax import ENOUGH_NEARBY, ladder, widenings
from assistant.matching.results import Card, ResultsPage, Widening
from assistant.matching.score import score
from assistant.matching.variety import page_of
from assistant.matching.words import Words

# Fits to gather before reading further away. Fixed, not grown for later pages, so every page of a
# search is cut from the same ranking: "more" never repeats or skips a result.
ENOUGH_TO_RANK = 30


@dataclass(frozen=True, slots=True)
class Found:
    """Every listing that fits, best first, and what had to be widened to find them."""

    ranked: list[Listing]
    widened: list[Widening]
    steps: tuple[str, ...]  # the ladder rungs climbed, for tests and the bench


class Matcher:
    def __init__(self, engine: Engine, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._engine = engine
        self._today = today

    def card(self, service_id: str, *, session: Session | None = None) -> Card | None:
        with self._reading(session) as reading:
            return load_cards(reading, [service_id]).get(service_id)

    def search(self, profile: Profile, page: int, page_size: int, *, session: Session | None = None) -> ResultsPage:
        """One page of results. Pass ``session`` to read on it: a turn holding a locked row must
        never wait for a second pooled connection (enough such turns at once would starve the pool)."""
        with self._reading(session) as reading:
            found = find(Loader(reading), profile, self._today(), wanted=(page + 1) * page_size)
            chosen = page_of(found.ranked, lambda item: item.organisation_id, page, page_size)
            place = profile.place  # an area-wide search has no point to measure from: cards say no distance
            origin = (place.latitude, place.longitude) if place and not place.area_wide else None
            cards = load_cards(reading, [item.id for item in chosen], origin)
            return ResultsPage(
                [cards[item.id] for item in chosen if item.id in cards],
                total=len(found.ranked),
                page=page,
                page_size=page_size,
                widened=found.widened,
            )

    @contextmanager
    def _reading(self, session: Session | None) -> Iterator[Session]:
        if session is not None:
            yield session
            return
        with Session(self._engine) as own:
            yield own


def find(
    loader: Loader, profile: Profile, today: dt.date, enough: int = ENOUGH_TO_RANK, wanted: int = ENOUGH_NEARBY
) -> Found:
    """Climb the ladder until enough fits, then rank what fits.

    Each rung gathers the nearest ``enough`` listings that fit (:mod:`assistant.matching.gather`),
    so ``Found.ranked`` holds every fit only when fewer than ``enough`` fit. The radius widens
    while fewer than ``wanted`` fit (the results up to the end of the page asked for), so "more"
    reads further out before there are no more. What a nearer rung found ranks before what a
    wider one added, so a later page never reshuffles an earlier one.
    """
    asked: Criteria | None = None
    criteria: Criteria | None = None
    fits: list[Listing] = []
    tiers: list[list[Listing]] = []
    first_count = 0
    steps: list[str] = []
    local_authority = profile.place.local_authority if profile.place else None
    words = Words()  # this search's own: the filter and the score ask about the same listings
    gatherer = Gatherer(loader, local_authority, words)
    for rung in ladder(profile):
        criteria = rung.criteria
        asked = asked or criteria
        steps.append(rung.step)
        fits = gatherer.fits(criteria, max(enough, wanted))
        had = {item.id for tier in tiers for item in tier}
        tiers.append([item for item in fits if item.id not in had])
        if rung.step == "exact":
            first_count = len(fits)
        if fits and not (rung.widen_if_few and len(fits) < max(wanted, ENOUGH_NEARBY)):
            break
    if asked is None or criteria is None:
        return Found([], [], ())
    related = related_to(profile.interests)
    final = criteria

    def order(item: Listing) -> tuple[float, float, str, str]:
        fit = score(
            item,
            final,
            interests=profile.interests,
            related=related,
            local_authority=local_authority,
            today=today,
            keywords=profile.keywords,
            words=words,
        )
        miles = item.distance if item.distance is not None else math.inf
        return (-round(fit.total, 9), miles, item.name, item.id)

    ranked = [item for tier in tiers for item in sorted(tier, key=order)]
    return Found(ranked, widenings(profile, asked, ranked, first_count), tuple(steps))
