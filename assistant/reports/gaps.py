"""The commissioners' gaps report: unmet demand, counted from the anonymous search events.

Everything here is pure: a list of events and a summary of what the directory offers go in, a
report of exact counts comes out. Reading the database lives in ``reports.sources`` and
presentation (CSV, charts, the page) applies small-number suppression on the way out, so the
tests can check every figure against the events before anything is hidden.

How a search is counted: it counts once in every cell it asked for. A search for autism support
on Tuesdays and Saturdays in the morning counts under (autism, weekday, morning) and (autism,
weekend, morning), so cells can add up to more than the number of searches. A slot the person did
not give is counted as "any" (time) or "" (need or area not said).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

from assistant.matching.events import SearchEvent
from assistant.outreach.models import FollowUpAnswer
from assistant.outreach.report import TakeUpRow, take_up

# Cells with fewer searches than this are hidden in the CSV, charts and page, so that a rare
# combination (one person's need, area and day) cannot point back to that person.
SUPPRESS_BELOW = 5
# An activity with at most this many listings in an area counts as one the directory lacks there.
FEW_LISTINGS = 2
WEEKDAYS = frozenset({"MO", "TU", "WE", "TH", "FR"})
WEEKEND = frozenset({"SA", "SU"})
WEEK_PARTS = ("weekday", "weekend", "any")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "any")
ANY = "any"
ONLINE = "online"
# A full postcode ("LU7 1AA"): events should never hold one, but if one slips in it is cut back.
_FULL_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}$")


def coarse_area(area: str) -> str:
    """The area no finer than a postcode district: a full postcode is cut to its outcode."""
    cleaned = area.strip()
    match = _FULL_POSTCODE.match(cleaned.upper())
    return match.group(1) if match else cleaned


def area_key(area: str) -> str:
    """How areas are compared between events and listings (council names differ only in case)."""
    return coarse_area(area).casefold()


def is_small(count: int) -> bool:
    """A count that is shown as "fewer than 5" rather than itself (zero reveals nobody)."""
    return 0 < count < SUPPRESS_BELOW


@dataclass(frozen=True, slots=True)
class Supply:
    """How many active listings offer each activity in each area: ``(activity id, area_key) → count``."""

    listings: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def count(self, activity: str, area: str) -> int:
        return self.listings.get((activity, area_key(area)), 0)


@dataclass(frozen=True, slots=True)
class DemandCell:
    need: str
    area: str
    week: str
    part: str
    searches: int


@dataclass(frozen=True, slots=True)
class UnmetRow:
    """Searches for one need in one area, and how many found nothing or needed the search widened."""

    need: str
    area: str
    searches: int
    no_results: int
    relaxed: int
    unmet: int  # no results, or relaxed, or both


@dataclass(frozen=True, slots=True)
class MissingRow:
    """An activity asked for in an area where few or no listings offer it."""

    activity: str
    area: str
    searches: int
    no_results: int
    listings: int


@dataclass(frozen=True, slots=True)
class Summary:
    start: dt.date
    end: dt.date
    searches: int
    no_results: int
    relaxed: int
    unmet: int
    by_step: dict[str, int]
    by_channel: dict[str, int]


@dataclass(frozen=True, slots=True)
class GapsReport:
    summary: Summary
    demand: list[DemandCell]
    time_of_week: dict[tuple[str, str], int]
    unmet: list[UnmetRow]
    by_need: list[UnmetRow]  # the same counts over every area (area "")
    missing: list[MissingRow]
    take_up: list[TakeUpRow] = field(default_factory=list)  # follow-up answers: tried it, or not

    @property
    def empty(self) -> bool:
        return self.summary.searches == 0


def _codes(value: str) -> list[str]:
    return [code for code in value.split(",") if code]


def week_parts(days: str) -> tuple[str, ...]:
    asked = set(_codes(days))
    parts = tuple(name for name, group in (("weekday", WEEKDAYS), ("weekend", WEEKEND)) if asked & group)
    return parts or (ANY,)


def day_parts(parts_of_day: str) -> tuple[str, ...]:
    asked = set(_codes(parts_of_day))
    return tuple(p for p in PARTS_OF_DAY if p in asked) or (ANY,)


def in_period(events: Iterable[SearchEvent], start: dt.date, end: dt.date) -> list[SearchEvent]:
    return [e for e in events if start <= e.created_on <= end]


def _unmet_rows(counts: Mapping[tuple[str, str], Counter[str]]) -> list[UnmetRow]:
    rows = [
        UnmetRow(need, area, c["searches"], c["no_results"], c["relaxed"], c["unmet"])
        for (need, area), c in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.unmet, -r.searches, r.need, r.area))


def build_report(
    events: Sequence[SearchEvent],
    supply: Supply,
    start: dt.date,
    end: dt.date,
    answers: Sequence[FollowUpAnswer] = (),
) -> GapsReport:
    """Count the events from ``start`` to ``end`` (both included) into the report's tables, and
    the follow-up ``answers`` into take-up (``outreach.report``)."""
    chosen = in_period(events, start, end)
    demand: Counter[tuple[str, str, str, str]] = Counter()
    time_of_week: Counter[tuple[str, str]] = Counter()
    unmet: dict[tuple[str, str], Counter[str]] = {}
    by_need: dict[tuple[str, str], Counter[str]] = {}
    wanted: dict[tuple[str, str], Counter[str]] = {}
    steps: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for event in chosen:
        area = coarse_area(event.area)
        needs = _codes(event.needs) or [""]
        flags = {"searches": 1, "no_results": int(event.result_count == 0), "relaxed": int(bool(event.relaxed))}
        flags["unmet"] = int(flags["no_results"] or flags["relaxed"])
        totals.update(flags)
        steps.update(_codes(event.relaxed))
        channels[event.channel] += 1
        for week, part in product(week_parts(event.days), day_parts(event.parts_of_day)):
            time_of_week[week, part] += 1
            demand.update((need, area, week, part) for need in needs)
        for need in needs:
            unmet.setdefault((need, area), Counter()).update(flags)
            by_need.setdefault((need, ""), Counter()).update(flags)
        if area:
            for activity in _codes(event.interests):
                wanted.setdefault((activity, area), Counter()).update(flags)
    missing = [
        MissingRow(activity, area, c["searches"], c["no_results"], supply.count(activity, area))
        for (activity, area), c in wanted.items()
        if supply.count(activity, area) <= FEW_LISTINGS
    ]
    summary = Summary(
        start=start,
        end=end,
        searches=totals["searches"],
        no_results=totals["no_results"],
        relaxed=totals["relaxed"],
        unmet=totals["unmet"],
        by_step=dict(sorted(steps.items())),
        by_channel=dict(sorted(channels.items())),
    )
    return GapsReport(
        summary=summary,
        demand=sorted(
            (DemandCell(*key, searches=n) for key, n in demand.items()),
            key=lambda c: (-c.searches, c.need, c.area, WEEK_PARTS.index(c.week), PARTS_OF_DAY.index(c.part)),
        ),
        time_of_week=dict(time_of_week),
        unmet=_unmet_rows(unmet),
        by_need=_unmet_rows(by_need),
        missing=sorted(missing, key=lambda r: (-r.searches, r.listings, r.activity, r.area)),
        take_up=take_up(answers, start, end),
    )
