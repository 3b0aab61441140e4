"""What a search asks of a listing: the profile turned into hard criteria that the ladder can relax.

The profile is what the person said; criteria are what one rung of the relaxation ladder
demands (a radius, a time window with some slack, a budget cap, a set of acceptable activities).
Keeping them apart lets :mod:`assistant.matching.relax` widen one thing at a time and say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assistant.engine.slots import Budget, PartOfDay, WhoFor
from assistant.engine.state import Profile

FIRST_RADIUS_MILES = 3.0
AREA_RADIUS_MILES = 50.0  # a whole council area: the largest served (Dorset) fits within this of its centre
# A carer's own wish ("a break", "something for him while I rest") is met by any activity for the
# person they care for: it ranks carers' breaks higher but never hides everything else.
CARERS_WISHES = frozenset({"activity-carers-support", "need-carers"})
# The words that ask for a break (time off while the person cared for is looked after), not for
# carers' own support: "a carers group" or "support for carers" is carers' support, always.
BREAK_WORDS = frozenset(
    {
        "respite", "respite care", "a break", "short break", "short breaks", "time off", "break from caring",
        "a rest", "some rest", "while i rest", "while i have a rest", "give me a break", "give me some time",
        "some time for me", "time for myself", "me time", "a breather", "while i work", "while im at work",
        "sitting service", "carers break", "carers breaks",
    }
)  # fmt: skip
OLDER_AGE = 65  # "Older people, usually 65 and over" (taxonomy.json): age alone says this need
OLDER_PEOPLE = "need-older-people"


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """When the person can go. Empty fields mean "any"; ``slack`` minutes widen every time bound."""

    days: frozenset[str] = frozenset()
    avoid_days: frozenset[str] = frozenset()
    parts: frozenset[PartOfDay] = frozenset()
    after: dt.time | None = None
    before: dt.time | None = None
    slack: int = 0
    either: bool = False  # the days or the hours will do ("weekends or evenings"), not both at once

    @property
    def any_day(self) -> bool:
        return not (self.days or self.avoid_days)

    @property
    def any_hour(self) -> bool:
        return not (self.parts or self.after or self.before)


@dataclass(frozen=True, slots=True)
class Criteria:
    origin: tuple[float, float] | None  # latitude, longitude; None when searching online only
    radius: float  # miles, for in-person listings
    online: bool  # online listings may be shown
    interests: frozenset[str] = frozenset()  # acceptable activity ids; empty: any activity
    avoid: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    age: int | None = None
    when: TimeWindow = field(default_factory=TimeWindow)
    budget: Budget | None = None
    must_haves: frozenset[str] = frozenset()
    area: str | None = None  # a whole council area: in-person listings must be its own, at any distance
    words: tuple[str, ...] = ()  # the person's own words, one of which the listing must use


def needs_of(profile: Profile) -> frozenset[str]:
    """The needs a listing must serve one of: those said, plus older people from an age of 65 or more
    (so an 80-year-old who names no condition sees older people's groups, not autism socials)."""
    needs = set(profile.needs)
    if profile.age is not None and profile.age >= OLDER_AGE:
        needs.add(OLDER_PEOPLE)
    return frozenset(needs)


def _for_someone_cared_for(profile: Profile) -> bool:
    """Whether a carer's wish is about the cared-for person's day rather than support for the carer:
    it is, unless the carer asks for themselves and names nothing else."""
    wishes = set(profile.interests) | set(profile.needs)
    others = wishes - CARERS_WISHES
    support = [word for word in profile.keywords if word not in BREAK_WORDS and _about_carers(word)]
    if "need-carers" in wishes or support:
        return False  # "a carers group", "for carers": support for the carer, asked for by name
    return bool(wishes & CARERS_WISHES) and (profile.who_for is WhoFor.SOMEONE or bool(others))


def _about_carers(word: str) -> bool:
    return "carer" in word or "caring" in word


def window_of(profile: Profile) -> TimeWindow:
    return TimeWindow(
        days=frozenset(profile.days),
        avoid_days=frozenset(profile.avoid_days),
        parts=frozenset(profile.parts_of_day),
        after=profile.after,
        before=profile.before,
        either=profile.when_either,
    )


def criteria_for(profile: Profile) -> Criteria:
    """The first rung: exactly what was asked, within :data:`FIRST_RADIUS_MILES`.

    Online listings join in when the person said online is fine, or gave no place to search near.
    """
    place = profile.place
    interests, needs = frozenset(profile.interests), needs_of(profile)
    if _for_someone_cared_for(profile):
        interests, needs = interests - CARERS_WISHES, needs - CARERS_WISHES
    elif interests & CARERS_WISHES:
        # A carers' group is for the carer: the cared-for person's condition ("my husband has
        # MND") says nothing about which carers' group suits, so it filters nothing.
        needs = needs & CARERS_WISHES
    if profile.online_only:
        place = None  # online rather than in person: the place only says whose listings to prefer
    return Criteria(
        origin=(place.latitude, place.longitude) if place else None,
        radius=AREA_RADIUS_MILES if place and place.area_wide else FIRST_RADIUS_MILES,
        area=place.local_authority if place and place.area_wide else None,
        online=profile.online_ok is True or (place is None and profile.online_ok is not False),
        interests=interests,
        avoid=frozenset(profile.avoid_interests),
        needs=needs,
        age=profile.age,
        when=window_of(profile),
        budget=profile.budget,
        must_haves=frozenset(profile.must_haves),
        words=tuple(w for w in profile.narrow_words if w not in BREAK_WORDS) if interests else (),
    )
