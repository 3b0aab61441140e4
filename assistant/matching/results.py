"""What a search returns: cards with the facts a reply needs, and the page they sit on.

Cards hold facts, not sentences: the renderer words them (plain or easy read, SMS or web).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import Session

from assistant.engine.state import Profile
from assistant.matching.recurrence import EVERY_WEEK, Recurrence


@dataclass(frozen=True, slots=True)
class Meeting:
    """One regular session: weekday codes and times (either time may be unknown), and the rule
    they follow (weekly, every other week, the third Tuesday of the month, ...)."""

    days: tuple[str, ...]
    opens: dt.time | None
    closes: dt.time | None
    online: bool = False
    rule: Recurrence = EVERY_WEEK
    note: str | None = None  # the feed's own words for when it meets


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    name: str
    organisation: str
    summary: str
    activities: tuple[str, ...]  # activity term names
    sessions: tuple[Meeting, ...]
    cost_amount: float | None  # None: not stated
    cost_unit: str  # free, session, day, week, other
    distance_miles: float | None  # None: online, or no place given
    online: bool
    town: str | None
    postcode: str | None
    phone: str | None
    url: str | None
    email: str | None
    access: tuple[str, ...]  # access-* and support-* ids
    last_checked: dt.date | None
    description: str = ""
    needs: tuple[str, ...] = ()  # need-* ids: who the group is for
    minimum_age: int | None = None
    maximum_age: int | None = None
    transport_cost: float | None = None  # a listed transport charge, per transport_unit
    transport_unit: str = "other"


@dataclass(frozen=True, slots=True)
class Widening:
    """What a search relaxed to find something, as a key in ``content/matching.toml`` with params."""

    key: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ResultsPage:
    cards: list[Card]
    total: int
    page: int
    page_size: int
    widened: list[Widening] = field(default_factory=list)  # what was relaxed, in order

    @property
    def has_more(self) -> bool:
        return (self.page + 1) * self.page_size < self.total


class Finder(Protocol):
    """Searches and cards. ``session``: read on the caller's open session (a conversation turn
    passes the one holding its locked state row) instead of taking another pooled connection."""

    def search(self, profile: Profile, page: int, page_size: int, *, session: Session | None = None) -> ResultsPage: ...

    def card(self, service_id: str, *, session: Session | None = None) -> Card | None: ...
