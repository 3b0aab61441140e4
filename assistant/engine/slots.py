"""What one message says, as slots: the contract between understanding and the dialogue.

``understand(text)`` fills an :class:`Understanding`; the dialogue merges it into the
conversation's :class:`~assistant.engine.state.Profile`. Vocabulary ids are those of
``directory_data/taxonomy.json`` (``activity-sport-swimming``, ``need-autism``, ``access-step-free``,
``support-transport``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class WhoFor(StrEnum):
    SELF = "self"
    SOMEONE = "someone"  # a person I care for, a relative or friend
    PROFESSIONAL = "professional"  # a worker helping someone


class Slot(StrEnum):
    """The questions, in the order they are asked."""

    WHO = "who"
    INTERESTS = "interests"
    NEEDS = "needs"
    PLACE = "place"
    WHEN = "when"
    BUDGET = "budget"
    MUST_HAVES = "must_haves"


class Command(StrEnum):
    RESTART = "restart"  # "start again"
    BACK = "back"
    HELP = "help"
    MORE = "more"
    EASY = "easy"  # "easy read"
    PLAIN = "plain"
    PERSON = "person"  # "talk to a person"
    STOP = "stop"
    DELETE = "delete"  # "delete my data"
    SKIP = "skip"  # "skip", "don't mind", "any"
    YES = "yes"
    NO = "no"
    PRIVACY = "privacy"
    REPORT = "report"  # "report 2": a problem with result 2


class PartOfDay(StrEnum):
    MORNING = "morning"  # opens before 12:00
    AFTERNOON = "afternoon"  # 12:00-17:00
    EVENING = "evening"  # starts 17:00 or later


class CostPeriod(StrEnum):
    SESSION = "session"
    DAY = "day"
    WEEK = "week"


@dataclass(frozen=True, slots=True)
class Budget:
    """``free`` alone means only free things; otherwise at most ``amount`` (GBP) per ``period``;
    neither (``Budget()``) means any price, as with a direct payment."""

    free: bool = False
    amount: float | None = None
    period: CostPeriod | None = None
    low: bool = False  # "cheap", "a few pound": free or low cost, ``amount`` a ``period`` at most


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """Text that names where to search near (a postcode, outcode or place name), not yet resolved."""

    text: str


@dataclass(slots=True)
class Understanding:
    who_for: WhoFor | None = None
    age: int | None = None
    interests: list[str] = field(default_factory=list)  # activity-* ids, best first
    keywords: list[str] = field(default_factory=list)  # the words used for them: "tea dance", "swimming"
    narrow_words: list[str] = field(default_factory=list)  # those narrower than a category: not "sport"
    avoid_interests: list[str] = field(default_factory=list)  # "anything but swimming"
    needs: list[str] = field(default_factory=list)  # need-* ids
    place: PlaceMention | None = None
    online_ok: bool | None = None  # "online is fine" / "online only" -> True; "not online" -> False
    online_only: bool = False  # "music online", "on zoom": online rather than in person
    days: set[str] = field(default_factory=set)  # MO..SU
    avoid_days: set[str] = field(default_factory=set)  # "not Mondays"
    parts_of_day: set[PartOfDay] = field(default_factory=set)
    either: bool = False  # "weekends or evenings": the days or the times, not both at once
    after: dt.time | None = None  # "after 5" -> 17:00
    before: dt.time | None = None
    budget: Budget | None = None
    must_haves: set[str] = field(default_factory=set)  # access-* and support-* ids
    commands: list[Command] = field(default_factory=list)
    number: int | None = None  # a bare number: a result or an option to pick
    correcting: bool = False  # "actually", "no, I meant", "change ..."
    change: Slot | None = None  # "change the day" -> Slot.WHEN (with nothing else given)
    skip: bool = False  # "skip", "any", "don't mind", "no preference"
    greeting: bool = False  # "hi", "hello": answered with a greeting when nothing else is said
    off_topic: bool = False  # "what's the weather like?": not something to search for
    anything: bool = False  # "anything", "what's on": any activity will do

    def empty(self) -> bool:
        """Nothing at all was understood."""
        return not (
            self.who_for
            or self.age is not None
            or self.interests
            or self.avoid_interests
            or self.needs
            or self.place
            or self.online_ok is not None
            or self.days
            or self.avoid_days
            or self.parts_of_day
            or self.after
            or self.before
            or self.budget
            or self.must_haves
            or self.commands
            or self.number is not None
            or self.change
            or self.skip
        )
