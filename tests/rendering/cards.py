"""A result card built in one line, so each test says only what it is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from assistant.matching.recurrence import parse_recurrence, weekdays_of
from assistant.matching.results import Card, Meeting

TODAY = dt.date(2026, 12, 7)  # a Monday


def meets(byday: str, freq: str = "WEEKLY", interval: int = 1, valid_from: dt.date | None = None) -> Meeting:
    rule = parse_recurrence(freq, interval, byday, valid_from=valid_from)
    return Meeting(weekdays_of(rule), dt.time(10), dt.time(12), rule=rule)


def card(**changes: Any) -> Card:
    """A weekly Tuesday group, open to anyone, a mile away, £2 a session."""
    base = Card(
        id="svc-1",
        name="Knit and Natter",
        organisation="Leighton Knitters",
        summary="",
        activities=("Knit and natter",),
        sessions=(meets("TU"),),
        cost_amount=2.0,
        cost_unit="session",
        distance_miles=1.0,
        online=False,
        town="Leighton Buzzard",
        postcode="LU7 1AA",
        phone="01632 960000",
        url=None,
        email=None,
        access=(),
        last_checked=TODAY,
    )
    return replace(base, **changes)
