"""Numbers in a message that are not times or money: distances, ages, and picks from a list.

A bare number means different things by what surrounds it: "5 miles" is a distance (ignored),
"he's 19" and "72 years old" are ages, and "3" or "option 3" on its own picks a result. Times and
money are read first (see when.py and money.py), so what is left here is what they did not take.
"""

from __future__ import annotations

from itertools import pairwise

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon

YOUNGEST, OLDEST = 16, 120  # an adult service's users; anything else is not an age


def number_of(item: Item) -> float | None:
    """The value of a number word or figure ("5", "3.50", "five", "3rd"), if the item is one."""
    if item.used or (value := item.value(Kind.NUMBER)) is None:
        return None
    return float(value)


def whole_number_of(item: Item) -> int | None:
    value = number_of(item)
    return int(value) if value is not None and value.is_integer() else None


def mark_other_units(items: list[Item], lexicon: Lexicon) -> None:
    """Numbers of miles, minutes, people or weeks are taken, so they are never money or a pick."""
    for number, unit in pairwise(items):
        if number_of(number) is not None and unit.text in lexicon.other_units:
            number.used = unit.used = True


def read_age(items: list[Item]) -> int | None:
    """An age given as "aged 72", "I'm 80", "he's 19", "72 years old", "72yo" or "my dad, 80"."""
    for index, item in enumerate(items):
        if item.used:
            continue
        if (written := item.value(Kind.AGE)) is not None and YOUNGEST <= int(written) <= OLDEST:
            item.used = True
            return int(written)
        years = whole_number_of(item)
        if years is None or not YOUNGEST <= years <= OLDEST:
            continue
        before = items[index - 1] if index else None
        after = items[index + 1] if index + 1 < len(items) else None
        if before is not None and (before.has(Kind.AGE_CUE) or before.has(Kind.WHO)):  # "my dad, 80"
            item.used = True
            return years
        if after is not None and after.has(Kind.AGE_SUFFIX):
            item.used = after.used = True
            return years
    return None


def read_bare_age(items: list[Item]) -> int | None:
    """A number alone as an age, when the question was who it is for ("30", "he's 30")."""
    ages = [n for item in items if (n := whole_number_of(item)) is not None and YOUNGEST <= n <= OLDEST]
    if len(ages) != 1:
        return None
    for item in items:
        if whole_number_of(item) == ages[0]:
            item.used = True
    return ages[0]


def read_pick(items: list[Item], lexicon: Lexicon) -> int | None:
    """The number picked when a message is only a number ("3", "number 3 please", "the second one")."""
    numbers = [n for item in items if (n := whole_number_of(item)) is not None]
    if not numbers:
        return None
    for item in items:
        if whole_number_of(item) is None and not (item.text in lexicon.picks or item.has(Kind.FILLER)):
            return None
    return numbers[0]
