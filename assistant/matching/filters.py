"""Hard filters: pure yes/no checks of one listing against one rung's criteria.

Each filter lets missing data through only where hiding the listing would be worse than showing
it (an unknown age limit, unknown opening hours on a known day); :func:`passes` is their "and".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assistant.engine.slots import PartOfDay
from assistant.matching.criteria import Criteria, TimeWindow
from assistant.matching.listing import Listing, Sitting, visits_per_week
from assistant.matching.prices import affordable
from assistant.matching.words import Words, words_fit

NOON, FIVE_PM = 12 * 60, 17 * 60
# Features of a building: an online-only session has no building, so it cannot lack them.
VENUE_FEATURES = frozenset({"access-step-free", "access-accessible-toilet", "access-changing-places", "access-parking"})


def serves(listing: Listing, needs: frozenset[str]) -> bool:
    """Set up for at least one of the person's needs (a listing naming no needs is open to all)."""
    return not needs or not listing.needs or bool(listing.needs & needs)


def fits_age(listing: Listing, age: int | None) -> bool:
    if age is None:
        return True
    too_young = listing.minimum_age is not None and age < listing.minimum_age
    too_old = listing.maximum_age is not None and age > listing.maximum_age
    return not (too_young or too_old)


def fits_interests(listing: Listing, interests: frozenset[str], avoid: frozenset[str]) -> bool:
    """Offers one of the acceptable activities (any, when none were named) and none to avoid."""
    if listing.activities & avoid:
        return False
    return not interests or bool(listing.activities & interests)


def reachable(listing: Listing, criteria: Criteria) -> bool:
    """Within the radius in person (and in the council area, for an area-wide search), or online
    when online is allowed."""
    near = listing.in_person and listing.distance is not None and listing.distance <= criteria.radius
    near = near and (criteria.area is None or (listing.area or "").casefold() == criteria.area.casefold())
    return near or (criteria.online and listing.online)


def has_must_haves(listing: Listing, must_haves: frozenset[str]) -> bool:
    """Every must-have: support from the service, access features at a venue within reach."""
    have = listing.supports | listing.access
    if not listing.in_person:
        have = have | VENUE_FEATURES
    return must_haves <= have


def affordable_for(listing: Listing, criteria: Criteria) -> bool:
    return affordable(listing.price, visits_per_week(listing.sittings), criteria.budget)


def opens_when(listing: Listing, window: TimeWindow) -> bool:
    """Some session falls on a wanted day, at a wanted time (both in the same session).

    A listing with no schedule cannot be shown to fit a day or time, so it fails any "when".
    """
    if window.any_day and window.any_hour:
        return True
    return any(_sitting_fits(s, window) for s in listing.sittings)


def _sitting_fits(sitting: Sitting, window: TimeWindow) -> bool:
    if window.either and window.days and not window.any_hour:
        on_the_days = replace(window, parts=frozenset(), after=None, before=None, either=False)
        at_the_times = replace(window, days=frozenset(), either=False)
        return _sitting_fits(sitting, on_the_days) or _sitting_fits(sitting, at_the_times)
    days = sitting.days - window.avoid_days
    if window.days:
        days &= window.days
    if not days:
        return False
    if window.any_hour or sitting.opens is None:
        return True  # the day fits and its hours are not known: do not hide it
    return _hours_fit(_minutes(sitting.opens), _minutes(sitting.closes) if sitting.closes else None, window)


def _hours_fit(opens: int, closes: int | None, window: TimeWindow) -> bool:
    slack = window.slack
    ends = closes if closes is not None else opens + 1
    if window.after is not None and opens < _minutes(window.after) - slack:
        return False
    if window.before is not None and ends > _minutes(window.before) + slack:
        return False
    return not window.parts or any(_in_part(part, opens, closes, slack) for part in window.parts)


def _in_part(part: PartOfDay, opens: int, closes: int | None, slack: int) -> bool:
    """Morning: opens before noon. Afternoon: open some time from noon to 5pm. Evening: starts at 5pm
    or later."""
    if part is PartOfDay.MORNING:
        return opens < NOON + slack
    if part is PartOfDay.EVENING:
        return opens >= FIVE_PM - slack
    ends = closes if closes is not None else opens + 1
    return opens < FIVE_PM + slack and ends > NOON - slack


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def passes(listing: Listing, criteria: Criteria, words: Words | None = None) -> bool:
    """Every hard filter at once, cheapest first; ``words`` remembers the words' answers for a search."""
    return (
        reachable(listing, criteria)
        and fits_interests(listing, criteria.interests, criteria.avoid)
        and serves(listing, criteria.needs)
        and fits_age(listing, criteria.age)
        and has_must_haves(listing, criteria.must_haves)
        and opens_when(listing, criteria.when)
        and affordable_for(listing, criteria)
        and (not criteria.words or (words.fit if words else words_fit)(listing.text, criteria.words) > 0)
    )
