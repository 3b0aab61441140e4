"""A seeded month of search events whose every count is known, and a directory supply to match.

Each row of ``SPEC`` makes ``searches`` events; the first ``no_results`` find nothing and the first
``relaxed`` were widened, so in a row the two overlap by the smaller of them. The expected
figures in the tests are worked out by hand from this table, not by re-running the counting.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from assistant.matching.events import SearchEvent
from assistant.reports.gaps import Supply

START, END = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
AUTISM, DEMENTIA, LD, CARERS = "need-autism", "need-dementia", "need-learning-disability", "need-carers"
MUSIC, GARDENING, ARTS = "activity-music", "activity-gardening", "activity-arts-crafts"


class Row(NamedTuple):
    needs: str
    area: str
    days: str
    parts: str
    interests: str
    searches: int
    no_results: int
    relaxed: int
    step: str = "radius"
    channel: str = "web"


SPEC = (
    Row(AUTISM, "LU7", "MO,TU", "morning", MUSIC, 40, 10, 6),
    Row(AUTISM, "LU7", "SA", "afternoon", MUSIC, 20, 0, 4),
    Row(DEMENTIA, "MK1", "WE", "morning", GARDENING, 30, 5, 5),
    Row(DEMENTIA, "MK1", "SU", "evening", GARDENING, 25, 15, 0),
    Row(f"{AUTISM},{DEMENTIA}", "LU7", "TU,SA", "morning,evening", ARTS, 10, 2, 3),
    Row("", "Central Bedfordshire", "", "", "", 45, 0, 0, channel="sms"),
    Row(LD, "LU7", "FR", "afternoon", MUSIC, 3, 3, 0),
    Row(AUTISM, "online", "", "evening", MUSIC, 27, 0, 27, step="hours,radius"),
)
# Just outside the period on both sides: they must never be counted.
OUTSIDE = (dt.date(2026, 2, 28), dt.date(2026, 4, 1))

SUPPLY = Supply({(MUSIC, "lu7"): 5, (GARDENING, "mk1"): 1, (MUSIC, "online"): 2})


def events() -> list[SearchEvent]:
    """The 200 events of ``SPEC`` spread over March, plus 10 for carers on the days either side."""
    made: list[SearchEvent] = []
    for row in SPEC:
        for k in range(row.searches):
            made.append(
                SearchEvent(
                    created_on=START + dt.timedelta(days=len(made) % 31),
                    channel=row.channel,
                    interests=row.interests,
                    needs=row.needs,
                    area=row.area,
                    days=row.days,
                    parts_of_day=row.parts,
                    result_count=0 if k < row.no_results else 3,
                    relaxed=row.step if k < row.relaxed else "",
                )
            )
    for day in OUTSIDE:
        made += [SearchEvent(created_on=day, channel="web", needs=CARERS, area="LU7", result_count=0) for _ in range(5)]
    return made
