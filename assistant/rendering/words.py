"""Small wordings shared by replies and cards: days, times, money, lists, distances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.content import text

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
ALL_DAYS = (*WEEKDAYS, "SA", "SU")


_OWN_FILES = frozenset({"places"})  # "places.outside" is "outside" in content/places.toml


def say(key: str, mode: str, **params: object) -> str:
    file, _, rest = key.partition(".")
    if file in _OWN_FILES:
        return text(file, rest, mode, **params)
    return text("chat", key, mode, **params)


def card_word(key: str, mode: str, **params: object) -> str:
    return text("cards", key, mode, **params)


def join(items: Sequence[str], mode: str) -> str:
    """ "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return say("summary.and", mode, first=", ".join(items[:-1]), last=items[-1])


def clock(value: dt.time) -> str:
    """10:00 -> 10am, 13:30 -> 1:30pm, 12:00 -> 12pm."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def days(codes: Sequence[str], mode: str) -> str:
    chosen = [d for d in ALL_DAYS if d in set(codes)]
    if chosen == list(ALL_DAYS):
        return card_word("every_day", mode)
    if chosen == list(WEEKDAYS):
        return card_word("weekdays", mode)
    return join([say(f"word.{d}", mode) for d in chosen], mode)


def money(amount: float) -> str:
    return f"{amount:.0f}" if float(amount).is_integer() else f"{amount:.2f}"


def miles(distance: float, mode: str) -> str:
    if distance < 0.5:
        return card_word("distance_near", mode)
    rounded = round(distance, 1) if distance < 10 else round(distance)
    if rounded == 1:
        return card_word("distance_one", mode)
    return card_word("distance", mode, miles=f"{rounded:g}")
