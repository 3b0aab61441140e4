"""Parsing the small field formats ORUK feeds use: dates, times, weekdays, costs, HTML text."""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid

from assistant.directory.models import CostUnit

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = {
    name: code
    for code, name in zip(
        DAY_CODES, ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), strict=True
    )
}
_BYDAY = re.compile(r"^(?:[+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|h\d|li|div)>|<br\s*/?>", re.I)


def parse_date(value: object) -> dt.date | None:
    """An ISO date (a datetime's date part is accepted); raises ValueError otherwise."""
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value)[:10])


def parse_time(value: object) -> dt.time | None:
    if value in (None, ""):
        return None
    match = _TIME.match(str(value).strip())
    if not match:
        raise ValueError(value)
    return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))


def parse_byday(value: object) -> str:
    """Normalise an RRULE BYDAY list (``mo, tu`` → ``MO,TU``); raises ValueError when a part is not a day."""
    if value in (None, ""):
        return ""
    parts = [p.strip().upper() for p in str(value).split(",") if p.strip()]
    if not parts or not all(_BYDAY.match(p) for p in parts):
        raise ValueError(value)
    return ",".join(parts)


def weekday_code(name: str) -> str:
    """``Monday`` → ``MO`` (ORUK 1.0 regular schedules name the weekday)."""
    key = name.strip().lower()
    if key.upper() in DAY_CODES:
        return key.upper()
    if key in WEEKDAY_NAMES:
        return WEEKDAY_NAMES[key]
    for full, code in WEEKDAY_NAMES.items():
        if len(key) >= 3 and full.startswith(key):
            return code
    raise ValueError(name)


def cost_unit(amount: float | None, *descriptions: str | None) -> CostUnit:
    """Which period a cost is for, from its amount and ORUK's free-text descriptions."""
    words = " ".join(d for d in descriptions if d).lower()
    if amount == 0 or (amount is None and "free" in words):
        return CostUnit.FREE
    for unit, cues in (
        (CostUnit.WEEK, ("week", "weekly")),
        (CostUnit.DAY, ("per day", "a day", "daily", "full day", "half day", "day rate")),
        (CostUnit.SESSION, ("session", "class", "hour", "visit", "meeting", "each time")),
    ):
        if any(cue in words for cue in cues):
            return unit
    return CostUnit.OTHER


def plain_text(value: object) -> str:
    """HTML descriptions (as council feeds send them) as plain text with paragraph breaks."""
    if not value:
        return ""
    raw = _BLOCK_END.sub("\n", str(value))
    raw = html.unescape(_TAG.sub("", raw)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    return "\n".join(line for line in lines if line)


def derived_id(*parts: str) -> str:
    """A stable id for a row a feed leaves without one (ORUK 1.0 often does)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "dayfinder:" + "/".join(parts)))
