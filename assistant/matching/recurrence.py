"""When a group meets, as the feed's RFC 5545 rule says: weekly, every other week, or on the
third Tuesday or last Friday of the month, and the next date it meets after a given day.

Cards must say "third Tuesday of the month" rather than "Tuesday", or people go on the wrong
week. The arithmetic is python-dateutil's ``rrule``; this module only turns ORUK's schedule
fields into one and back into facts a renderer can word. It never reads the clock: the caller
passes today.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateutil import rrule

from assistant.matching.listing import DAY_ORDER

FREQUENCIES: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    "DAILY": rrule.DAILY,
    "WEEKLY": rrule.WEEKLY,
    "MONTHLY": rrule.MONTHLY,
    "YEARLY": rrule.YEARLY,
}
WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
# How far back a rule with no start date is anchored: far enough that the next date is right for
# any monthly or weekly rule, recent enough that rrule steps few times to reach today.
_ANCHOR_DAYS = 366


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A schedule's rule. ``days`` pairs an ordinal with a weekday code: (0, "TU") is every
    Tuesday the rule allows, (3, "TU") the third Tuesday, (-1, "FR") the last Friday."""

    freq: str = "WEEKLY"
    interval: int = 1
    days: tuple[tuple[int, str], ...] = ()
    month_days: tuple[int, ...] = ()
    starts: dt.date | None = None  # dtstart, else valid_from
    ends: dt.date | None = None  # valid_to

    @property
    def monthly(self) -> bool:
        return self.freq == "MONTHLY"

    @property
    def every_week(self) -> bool:
        """Meets every week (or every day) on its days: the plain weekly case."""
        return self.freq in ("WEEKLY", "DAILY") and self.interval == 1 and not any(n for n, _ in self.days)


EVERY_WEEK = Recurrence()


def parse_recurrence(
    freq: str | None,
    interval: int | None,
    byday: str,
    bymonthday: str = "",
    *,
    dtstart: dt.date | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Recurrence:
    """The rule from a schedule row's fields; parts that do not parse are left out."""
    days = []
    for part in byday.upper().split(","):
        if match := _BYDAY.match(part.strip()):
            days.append((int(match[1] or 0), match[2]))
    month_days = []
    for part in bymonthday.split(","):
        try:
            value = int(part)
        except ValueError:
            continue
        if value and -31 <= value <= 31:
            month_days.append(value)
    kind = (freq or "").strip().upper()
    if any(n for n, _ in days) and kind not in ("MONTHLY", "YEARLY"):
        kind = "MONTHLY"  # an ordinal ("3TU") only means something in a month
    elif kind not in FREQUENCIES:
        kind = "MONTHLY" if month_days else "WEEKLY"
    return Recurrence(
        freq=kind,
        interval=max(1, interval or 1),
        days=tuple(days),
        month_days=tuple(month_days),
        starts=dtstart or valid_from,
        ends=valid_to,
    )


def weekdays_of(rule: Recurrence) -> tuple[str, ...]:
    """The weekday codes the rule meets on, Monday first, ordinals aside (a daily rule with no
    days given meets on all seven)."""
    if rule.freq == "DAILY" and not rule.days:
        return DAY_ORDER
    codes = {code for _, code in rule.days}
    return tuple(d for d in DAY_ORDER if d in codes)


def next_date(rule: Recurrence, today: dt.date) -> dt.date | None:
    """The first date on or after ``today`` the group meets, or None when the rule does not say
    (no day given) or has ended."""
    if not rule.days and not rule.month_days:
        return None
    if rule.ends is not None and rule.ends < today:
        return None
    if rule.interval > 1 and rule.starts is None:
        return None  # "every other week" with nothing to count from: which week is unknown
    start = rule.starts or today - dt.timedelta(days=_ANCHOR_DAYS)
    weekdays = [WEEKDAYS[DAY_ORDER.index(code)](n) if n else WEEKDAYS[DAY_ORDER.index(code)] for n, code in rule.days]
    dates = rrule.rrule(
        FREQUENCIES[rule.freq],
        dtstart=dt.datetime.combine(start, dt.time()),
        interval=rule.interval,
        byweekday=weekdays or None,
        bymonthday=list(rule.month_days) or None,
        until=dt.datetime.combine(rule.ends, dt.time()) if rule.ends else None,
    )
    found = dates.after(dt.datetime.combine(today, dt.time()), inc=True)
    return found.date() if found else None
