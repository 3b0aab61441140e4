"""Small builders for listings and criteria, so each test says only what it is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from assistant.matching.criteria import Criteria, TimeWindow
from assistant.matching.listing import Listing, Price, Sitting

HOME = (51.9109, -0.6616)  # Leighton Buzzard
TODAY = dt.date(2026, 11, 25)


def at(hhmm: str) -> dt.time:
    return dt.time.fromisoformat(hhmm)


def sitting(days: str, opens: str | None = "10:00", closes: str | None = "12:00", weekly: bool = True) -> Sitting:
    return Sitting(frozenset(days.split(",")), at(opens) if opens else None, at(closes) if closes else None, weekly)


def listing(**changes: Any) -> Listing:
    """A weekly Tuesday morning art group for people with a learning disability, a mile away."""
    base = Listing(
        id="svc-1",
        name="Art Group",
        organisation_id="org-1",
        distance=1.0,
        online=False,
        in_person=True,
        minimum_age=18,
        maximum_age=None,
        area="Central Bedfordshire",
        last_verified=TODAY - dt.timedelta(days=30),
        needs=frozenset({"need-learning-disability"}),
        activities=frozenset({"activity-arts-crafts"}),
        supports=frozenset(),
        access=frozenset({"access-step-free", "access-accessible-toilet"}),
        sittings=(sitting("TU"),),
        price=Price(3.0, "session"),
    )
    return replace(base, **changes)


def criteria(**changes: Any) -> Criteria:
    """Anything within 3 miles of home."""
    return replace(Criteria(origin=HOME, radius=3.0, online=False), **changes)


def window(**changes: Any) -> TimeWindow:
    return replace(TimeWindow(), **changes)
