"""The relaxation ladder, and the exact words for what it widened.

When too little fits, the search climbs one rung at a time, each keeping the rungs below:

0. when the person used words of their own for the activity ("lunch club", "tea dance"), first
   the listings that use them, out to the widest radius, then any in the activity's category;
1. the radius: 3 → 5 → 10 → 20 miles (climbed while fewer than a page fit, so a rural search
   is not left with one result when more lie just beyond, and "more" reads further out before
   it says there are no more);
2. related activities (:mod:`assistant.matching.related`);
3. online options, unless the person said not online;
4. the nearest other activities that suit, at the times asked for;
5. neighbouring times: the day either side of each day asked for, and an hour's slack on times;
6. any time at all;
7. as far as :data:`FARTHEST_MILES`, when nothing nearer meets the needs, budget and must-haves.

When someone is free matters more than what they do there (carers work, buses stop), so times
are bent late; a search never dead-ends while anything within reach fits the person's needs,
age, budget and must-haves.

Rungs 2 to 6 are climbed only when nothing at all fits: a wish is bent only when nothing
meets it. Needs, age, must-haves, the budget and
things to avoid are never relaxed: a budget is a limit, widened only when the person says so.
:func:`widenings` then compares what was found with what was asked, so each note names a
relaxation that at least one shown result actually needed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from assistant.engine.slots import Budget, CostPeriod
from assistant.engine.state import Profile
from assistant.matching.criteria import Criteria, TimeWindow, criteria_for
from assistant.matching.filters import affordable_for, fits_interests, opens_when
from assistant.matching.listing import DAY_ORDER, Listing
from assistant.matching.related import related_to
from assistant.matching.results import Widening

RADII = (3.0, 5.0, 10.0, 20.0)
FARTHEST_MILES = 40.0  # the last resort: a BSL group 30 miles off beats "I couldn't find anything"
ENOUGH_NEARBY = 3  # one SMS page
HOUR_SLACK_MINUTES = 60
BUDGET_STEP = 1.5
FREE_STEP_POUNDS = 5.0
STEPS = ("radius", "days", "hours", "budget", "related", "online", "other", "any_time", "far")


@dataclass(frozen=True, slots=True)
class Rung:
    step: str  # "exact" or one of STEPS
    criteria: Criteria
    widen_if_few: bool  # a nearer rung with fewer than a page of results still climbs the radius


def ladder(profile: Profile) -> Iterator[Rung]:
    """The rungs for ``profile``, from exactly what was asked to the widest search."""
    current = criteria_for(profile)
    has_place = current.origin is not None
    by_radius = has_place and current.area is None  # an area-wide search already reaches the whole area
    if current.words:  # first the listings that use the person's own words: "lunch club", "tea dance"
        yield Rung("exact", current, widen_if_few=True)
        for radius in RADII[1:] if by_radius else ():
            yield Rung("radius", replace(current, radius=radius), widen_if_few=True)
        current = replace(current, words=())
        yield Rung("words", current, widen_if_few=by_radius)
    else:
        yield Rung("exact", current, widen_if_few=by_radius)
    if by_radius:
        for radius in RADII[1:]:
            current = replace(current, radius=radius)
            yield Rung("radius", current, widen_if_few=radius < RADII[-1])
    if current.interests:
        current = replace(current, interests=current.interests | related_to(current.interests))
        yield Rung("related", current, widen_if_few=False)
    if has_place and not current.online and profile.online_ok is not False:
        current = replace(current, online=True)
        yield Rung("online", current, widen_if_few=False)
    if current.interests:
        current = replace(current, interests=frozenset())
        yield Rung("other", current, widen_if_few=False)
    if not (current.when.any_day and current.when.any_hour):
        current = replace(current, when=_neighbouring(current.when))
        yield Rung("times", current, widen_if_few=False)
        current = replace(current, when=TimeWindow(avoid_days=current.when.avoid_days))
        yield Rung("any_time", current, widen_if_few=False)
    if by_radius:  # still nothing: the nearest that meet the needs, budget and must-haves, however far
        yield Rung("far", replace(current, radius=FARTHEST_MILES), widen_if_few=False)


def _neighbouring(when: TimeWindow) -> TimeWindow:
    """The day either side of each day asked for, and an hour's slack on the times."""
    days = when.days
    if days:
        days = (days | {_next(d, step) for d in days for step in (-1, 1)}) - when.avoid_days
    return replace(when, days=days, slack=0 if when.any_hour else HOUR_SLACK_MINUTES)


def _next(day: str, step: int) -> str:
    return DAY_ORDER[(DAY_ORDER.index(day) + step) % len(DAY_ORDER)]


def _wider_budget(budget: Budget | None) -> Budget | None:
    if budget is None:
        return None
    if budget.free:
        return Budget(amount=FREE_STEP_POUNDS, period=CostPeriod.SESSION)
    if budget.amount is None:
        return None
    return Budget(amount=round(budget.amount * BUDGET_STEP, 2), period=budget.period)


def widenings(profile: Profile, asked: Criteria, found: Sequence[Listing], first_count: int) -> list[Widening]:
    """What the results needed beyond ``asked``, in ladder order; ``first_count`` is how many
    fitted exactly (some, with more added from further away, reads differently from none)."""
    notes: list[Widening] = []
    exact = any(fits_interests(f, asked.interests, asked.avoid) for f in found)  # some are just what was asked
    beyond = [d for f in found if (d := _in_person_miles(f)) is not None and asked.radius < d]
    if asked.origin is not None and beyond:
        notes.append(_radius_note(profile, asked, max(beyond), first_count))
    any_hour = replace(asked.when, parts=frozenset(), after=None, before=None, either=False)
    any_day = replace(asked.when, days=frozenset(), avoid_days=frozenset(), either=False)
    misfits = [f for f in found if not opens_when(f, asked.when)]  # each fits "weekends or evenings" whole
    if not all(opens_when(f, _neighbouring(asked.when)) for f in misfits):
        notes.append(Widening("any_time"))
    else:
        if not asked.when.any_day and not all(opens_when(f, any_hour) for f in misfits):
            notes.append(Widening("days"))
        if not asked.when.any_hour and not all(opens_when(f, any_day) for f in misfits):
            notes.append(Widening("hours"))
    if asked.budget is not None and not all(affordable_for(f, asked) for f in found):
        notes.append(_budget_note(asked.budget))
    related = asked.interests | related_to(asked.interests)
    if asked.interests and not all(fits_interests(f, related, asked.avoid) for f in found):
        notes.append(Widening("other_more" if exact else "other"))
    elif asked.interests and not all(fits_interests(f, asked.interests, asked.avoid) for f in found):
        notes.append(Widening("related_more" if exact else "related"))
    if not asked.online and any(_in_person_miles(f) is None for f in found):
        notes.append(Widening("online"))
    return notes


def _in_person_miles(listing: Listing) -> float | None:
    """Miles to go in person, when within the widest radius (otherwise it was found online)."""
    d = listing.distance
    return d if listing.in_person and d is not None and d <= FARTHEST_MILES else None


def _radius_note(profile: Profile, asked: Criteria, furthest: float, first_count: int) -> Widening:
    params = (("was", _number(asked.radius)), ("now", str(math.ceil(furthest))))
    if first_count:
        return Widening("radius_more", params)
    one_day = next(iter(profile.days)) if len(profile.days) == 1 else None
    return Widening(f"radius_on.{one_day}" if one_day else "radius", params)


def _budget_note(budget: Budget) -> Widening:
    wider = _wider_budget(budget)
    now = _money(wider.amount if wider and wider.amount is not None else 0.0)
    if budget.free:
        return Widening("budget_free", (("now", now),))
    period = budget.period or CostPeriod.SESSION
    return Widening(f"budget.{period.value}", (("was", _money(budget.amount or 0.0)), ("now", now)))


def step_of(key: str) -> str:
    """The ladder step a widening's content key belongs to: ``radius_on.SA`` → ``radius``."""
    head = key.split(".")[0]
    return next(step for step in STEPS if head.startswith(step))


def _number(value: float) -> str:
    return f"{value:g}"


def _money(amount: float) -> str:
    return f"{amount:.0f}" if float(amount).is_integer() else f"{amount:.2f}"
