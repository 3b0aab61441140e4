"""When a reminder or follow-up is sent, in Europe/London time, from a listing's schedule.

"The day before" goes at 6pm the evening before the next session; "the morning of" at 8am, or an
hour before a session that opens earlier. The next session is the first one, by any of the
listing's schedules (``matching.recurrence``), whose reminder time is still ahead: at 7pm on a
Monday a "day before" reminder for a Tuesday group is for the Tuesday after. A listing with no
regular days has no next session, and so no reminder: the conversation says so and offers the
contact instead. Pure: ``now`` is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from assistant.engine.replies import RemindWhen
from assistant.matching.recurrence import Recurrence, next_date
from assistant.matching.results import Card

LONDON = ZoneInfo("Europe/London")
DAY_BEFORE_AT = dt.time(18, 0)
MORNING_OF_AT = dt.time(8, 0)
EARLY_LEAD = dt.timedelta(hours=1)  # before a session opening before 8am
FOLLOW_UP_AFTER = dt.timedelta(days=7)
FOLLOW_UP_AT = dt.time(10, 0)
LAST_MINUTE = dt.time(23, 59)
SESSIONS_AHEAD = 8  # sessions of one schedule looked at for one whose reminder time is ahead


@dataclass(frozen=True, slots=True)
class Planned:
    """A reminder's send time (UTC) and the session it is for (local date and opening time)."""

    send_at: dt.datetime
    session: dt.date
    opens: dt.time | None


def send_time(session: dt.date, opens: dt.time | None, when: RemindWhen) -> dt.datetime:
    """The moment (aware, UTC) to remind about a session on ``session`` opening at ``opens``."""
    if when is RemindWhen.DAY_BEFORE:
        local = dt.datetime.combine(session - dt.timedelta(days=1), DAY_BEFORE_AT, LONDON)
    else:
        local = dt.datetime.combine(session, MORNING_OF_AT, LONDON)
        if opens is not None and opens <= MORNING_OF_AT:
            local = dt.datetime.combine(session, opens, LONDON) - EARLY_LEAD
    return local.astimezone(dt.UTC)


def upcoming(rule: Recurrence, day: dt.date) -> Iterator[dt.date]:
    """The next few dates the rule meets on, from ``day`` on."""
    for _ in range(SESSIONS_AHEAD):
        session = next_date(rule, day)
        if session is None:
            return
        yield session
        day = session + dt.timedelta(days=1)


def plan_reminder(card: Card, when: RemindWhen, now: dt.datetime) -> Planned | None:
    """The soonest session of ``card`` still far enough ahead to be reminded of, or None when its
    schedule names no days (or has ended)."""
    today = now.astimezone(LONDON).date()
    found = [
        next(
            (
                p
                for s in upcoming(m.rule, today)
                if (p := Planned(send_time(s, m.opens, when), s, m.opens)).send_at > now
            ),
            None,
        )
        for m in card.sessions
    ]
    return min((p for p in found if p is not None), key=lambda p: p.send_at, default=None)


def follow_up_time(now: dt.datetime) -> dt.datetime:
    """10am, a week from today (London time), in UTC."""
    day = now.astimezone(LONDON).date() + FOLLOW_UP_AFTER
    return dt.datetime.combine(day, FOLLOW_UP_AT, LONDON).astimezone(dt.UTC)


def week_of(moment: dt.datetime) -> dt.date:
    """The Monday of the week ``moment`` falls in, London time: follow-up answers are kept by week."""
    day = moment.astimezone(LONDON).date()
    return day - dt.timedelta(days=day.weekday())


def local_day(moment: dt.datetime) -> str:
    """ "Monday 14 December", as London sees it."""
    return day_words(moment.astimezone(LONDON).date())


def day_words(day: dt.date) -> str:
    """ "Monday 14 December"."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


def session_after(card: Card, moment: dt.datetime) -> tuple[dt.date, dt.time | None] | None:
    """The first session of ``card`` starting after ``moment`` (a session with no opening time
    counts until the end of its day): what a reminder sent at ``moment`` is about."""
    local = moment.astimezone(LONDON)

    def starts(session: dt.date, opens: dt.time | None) -> dt.datetime:
        return dt.datetime.combine(session, opens or LAST_MINUTE, LONDON)

    found = [
        next(
            ((starts(s, m.opens), s, m.opens) for s in upcoming(m.rule, local.date()) if starts(s, m.opens) > local),
            None,
        )
        for m in card.sessions
    ]
    first = min((f for f in found if f is not None), key=lambda f: f[0], default=None)
    return (first[1], first[2]) if first else None
