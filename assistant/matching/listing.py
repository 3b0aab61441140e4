"""A listing as the matcher sees it: the few facts the filters and the score read, nothing more.

Loading a whole card (organisation, phones, description) for every candidate would be wasted
work: most candidates are filtered out. A :class:`Listing` is built from a handful of columns
(see :mod:`assistant.matching.loader`), and only the page that is shown becomes cards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DAY_ORDER = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Sitting:
    """One schedule row: its weekdays and times. ``weekly`` is false for "2TU"-style monthly rows
    and for every-other-week ones."""

    days: frozenset[str]
    opens: dt.time | None
    closes: dt.time | None
    weekly: bool = True


@dataclass(frozen=True, slots=True)
class Price:
    """The activity's own price: ``amount`` GBP per ``unit`` (free, session, day, week, other).

    ``amount`` is None when no price is stated; a free price has amount 0.
    """

    amount: float | None
    unit: str

    @property
    def free(self) -> bool:
        return self.unit == "free" or self.amount == 0

    @property
    def known(self) -> bool:
        return self.free or self.amount is not None


UNKNOWN_PRICE = Price(None, "other")


@dataclass(frozen=True, slots=True)
class Listing:
    id: str
    name: str
    organisation_id: str
    distance: float | None  # miles to the nearest venue within reach; None for online-only
    online: bool  # can be joined online (attendance online or both)
    in_person: bool  # has a venue (attendance in-person or both)
    minimum_age: int | None
    maximum_age: int | None
    area: str | None  # the service area: a local authority in the sample directory
    last_verified: dt.date | None
    needs: frozenset[str]  # need-* ids
    activities: frozenset[str]  # activity-* ids
    supports: frozenset[str]  # support-* ids
    access: frozenset[str]  # access-* ids at the venues within reach
    sittings: tuple[Sitting, ...]
    price: Price
    text: str = ""  # name and description, for the person's own words (see words.py)


def parse_days(byday: str, freq: str | None = None, interval: int | None = None) -> tuple[frozenset[str], bool]:
    """``"TU,TH"`` → ({TU, TH}, weekly); ``"2TU"`` or ``"-1FR"`` (monthly ordinals) → ({TU}, not weekly).

    A monthly group still meets on its weekday, so a day filter reads "3TU" as a Tuesday; only
    the count of visits a week (for weekly prices) leaves it out, as it does every other week."""
    parts = [p.strip().upper() for p in byday.split(",") if p.strip()]
    days = frozenset(p[-2:] for p in parts if p[-2:] in DAY_ORDER)
    if not parts and (freq or "").upper() == "DAILY":
        days = frozenset(DAY_ORDER)  # "every day" needs no day list
    every = (freq or "WEEKLY").upper() in ("WEEKLY", "DAILY") and (interval or 1) == 1
    weekly = all(len(p) == 2 for p in parts) and every
    return days, weekly


def visits_per_week(sittings: tuple[Sitting, ...]) -> int:
    """How many days a week it meets, counting weekly rows only (at least 1)."""
    days: set[str] = set()
    for sitting in sittings:
        if sitting.weekly:
            days |= sitting.days
    return max(1, len(days))
