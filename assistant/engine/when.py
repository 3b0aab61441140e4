"""Clock times: "after 5", "before 2pm", "from 10 till 2", "between 9 and 12", "before lunch", "10am".

People give hours without am or pm. Day activities run in the day, so an hour from 1 to 7 is read
as afternoon or evening ("after 5" is 17:00, "before 2" is 14:00) and 8 to 12 as morning to noon.
A time with no "after" or "before" ("Saturday at 10am") says which part of the day suits.
Days and named parts of the day ("weekday mornings") are plain lexicon meanings, read with the
rest of the vocabulary in understand.py.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind
from assistant.engine.slots import PartOfDay

LAST_PM_GUESS = 7  # "after 7" is 19:00, "after 8" is 08:00
NOON, EVENING_FROM = 12, 17
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(am|pm)?")


def _clock(written: str, *, guess_pm: bool) -> dt.time | None:
    """A time written "5", "5.30", "5:30pm" or "17:00"; bare hours 1-7 are pm when ``guess_pm``."""
    match = _CLOCK.fullmatch(written)
    if match is None:
        return None
    hour, minute, suffix = int(match[1]), int(match[2] or 0), match[3]
    if minute >= 60 or hour > 23 or (suffix and not 1 <= hour <= 12):
        return None
    if suffix == "pm" and hour < NOON:
        hour += 12
    elif suffix == "am" and hour == NOON:
        hour = 0
    elif not suffix and guess_pm and 1 <= hour <= LAST_PM_GUESS:
        hour += 12
    return dt.time(hour, minute)


def time_of(item: Item) -> dt.time | None:
    """The time an item gives after "after", "before" and the like, if it is one."""
    if item.used:
        return None
    for kind in (Kind.CLOCK, Kind.NUMBER, Kind.NAMED_TIME):
        if (written := item.value(kind)) is not None:
            return _clock(written, guess_pm=kind is not Kind.NAMED_TIME)
    return None


def part_of_day(time: dt.time) -> PartOfDay:
    if time.hour < NOON:
        return PartOfDay.MORNING
    return PartOfDay.AFTERNOON if time.hour < EVENING_FROM else PartOfDay.EVENING


def _value_after(items: list[Item], index: int) -> int | None:
    """The index of the time right after a cue, allowing one small word ("after about 5")."""
    for offset in (1, 2):
        if index + offset >= len(items):
            return None
        item = items[index + offset]
        if time_of(item) is not None:
            following = items[index + offset + 1] if index + offset + 1 < len(items) else None
            if following is not None and following.has(Kind.CURRENCY):
                return None  # "up to 5 pounds" is money
            return index + offset
        if offset == 2 or not (item.has(Kind.FILLER) or item.has(Kind.PLACE_CUE)):
            return None
    return None


def read_times(items: list[Item]) -> tuple[dt.time | None, dt.time | None, set[PartOfDay]]:
    """The earliest start and latest finish asked for, and parts of day from bare clock times."""
    after: dt.time | None = None
    before: dt.time | None = None
    for index, item in enumerate(items):
        starts = item.has(Kind.AFTER) or item.has(Kind.RANGE_START)
        # "up to 5pm": a money limit word before a clock time is a finishing time
        until_clock = item.has(Kind.LIMIT) and index + 1 < len(items) and items[index + 1].has(Kind.CLOCK)
        if item.used or not (starts or item.has(Kind.BEFORE) or until_clock):
            continue
        if (at := _value_after(items, index)) is None or (time := time_of(items[at])) is None:
            continue
        item.used = items[at].used = True
        if not starts:
            before = time
            continue
        after = time
        join = at + 1
        if (
            join + 1 < len(items)
            and items[join].has(Kind.RANGE_JOIN)
            and (until := time_of(items[join + 1])) is not None
        ):
            before = until if until > time or until.hour >= NOON else until.replace(hour=until.hour + 12)
            items[join].used = items[join + 1].used = True
    parts: set[PartOfDay] = set()
    for item in items:
        written = item.value(Kind.CLOCK)
        if written is not None and not item.used and (time := _clock(written, guess_pm=False)) is not None:
            parts.add(part_of_day(time))
            item.used = True
    return after, before, parts
