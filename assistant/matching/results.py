"""What a search returns: cards with the facts a reply needs, and the page they sit on.

Cards hold facts, not sentences: the renderer words them (plain or easy read, SMS or web).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from assistant.engine.state import Profile


@dataclass(frozen=True, slots=True)
class Meeting:
    """One regular session: weekday codes and times (either time may be unknown)."""

    days: tuple[str, ...]
    opens: dt.time | None
    closes: dt.time | None
    online: bool = False


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
    def search(self, profile: Profile, page: int, page_size: int) -> ResultsPage: ...

    def card(self, service_id: str) -> Card | None: ...
