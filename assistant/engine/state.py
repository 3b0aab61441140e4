"""The conversation's state: a small, versioned, serialisable value (never the transcript)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from assistant.engine.slots import Budget, PartOfDay, Slot, WhoFor

STATE_VERSION = 1
HISTORY_LIMIT = 10


class PlaceValue(BaseModel):
    """A resolved place to search near."""

    model_config = ConfigDict(frozen=True)

    label: str
    latitude: float
    longitude: float
    outcode: str | None = None
    local_authority: str | None = None
    area_wide: bool = False  # the whole council area ("anywhere in Sefton"), not near a point


class Profile(BaseModel):
    """Everything the person has told us that matters for the search."""

    model_config = ConfigDict(frozen=True)

    who_for: WhoFor | None = None
    age: int | None = None
    interests: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()  # the person's own words for them, to rank within a category
    narrow_words: tuple[str, ...] = ()  # those narrower than a category ("lunch club", not "social")
    avoid_interests: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    place: PlaceValue | None = None
    online_ok: bool | None = None
    online_only: bool = False  # "music online": only online listings, though a place was given
    days: frozenset[str] = frozenset()
    avoid_days: frozenset[str] = frozenset()
    parts_of_day: frozenset[PartOfDay] = frozenset()
    when_either: bool = False  # "weekends or evenings": the days or the times, either will do
    after: dt.time | None = None
    before: dt.time | None = None
    budget: Budget | None = None
    must_haves: frozenset[str] = frozenset()

    def has(self, slot: Slot) -> bool:
        """Whether ``slot`` holds an answer (a skipped question holds none)."""
        return {
            Slot.WHO: self.who_for is not None,
            Slot.INTERESTS: bool(self.interests or self.avoid_interests),
            Slot.NEEDS: bool(self.needs),
            Slot.PLACE: self.place is not None or self.online_ok is True,
            Slot.WHEN: bool(self.days or self.avoid_days or self.parts_of_day or self.after or self.before),
            Slot.BUDGET: self.budget is not None,
            Slot.MUST_HAVES: bool(self.must_haves) or self.online_ok is not None,
        }[slot]


class State(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: int = STATE_VERSION
    mode: str = "plain"  # or "easy"
    profile: Profile = Profile()
    settled: frozenset[Slot] = frozenset()  # answered or skipped: never asked again
    awaiting: Slot | None = None  # the question last asked
    place_choices: tuple[PlaceValue, ...] = ()  # an ambiguous place name's candidates
    eager: bool = False  # the ambiguous place came out of turn: search once it is chosen
    offered: tuple[str, ...] = ()  # what each numbered option last shown sends: "2" picks offered[1]
    shown: tuple[str, ...] = ()  # service ids of the results page on screen, in order
    page: int = 0
    searched: bool = False
    misunderstood: int = 0  # in a row
    reporting: str | None = None  # a service id: the next message says what is wrong with it
    history: tuple[Profile, ...] = Field(default=(), max_length=HISTORY_LIMIT)
    # Reminders and the follow-up (assistant/outreach): service ids, never an address.
    detailed: str | None = None  # the listing whose details were shown last: "remind me" is about it
    reminding: str | None = None  # asked "when?" for a reminder about this listing
    consent_asked: bool = False  # the follow-up is offered once a conversation, never again
    consenting: str | None = None  # offered a follow-up about this listing: YES or NO answers it
    follow_up: str | None = None  # the follow-up "did you try it?" was sent about this listing
    started: dt.datetime | None = None

    def to_json(self) -> str:
        return self.model_dump_json(exclude_defaults=True)

    @classmethod
    def from_json(cls, raw: str | None) -> State:
        """Read a stored state; anything unreadable or from another version starts afresh."""
        if not raw:
            return cls()
        try:
            state = cls.model_validate_json(raw)
        except ValueError:
            return cls()
        return state if state.version == STATE_VERSION else cls(mode=state.mode)
