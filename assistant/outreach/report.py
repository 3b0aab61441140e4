"""Take-up for the commissioners' report: how many follow-up answers said they tried what they
were shown, by activity, need and area.

The answers hold no key, address or listing (see ``models.FollowUpAnswer``), and the published
rows go through the gaps report's small-number suppression (``reports.export``): a row of fewer
than five answers is left out and any smaller count in a row is written "<5". An answer counts
once under each of its listing's activities and each need the person gave, as searches do in the
gaps report, so rows can add up to more than the number of answers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.outreach.models import FollowUpAnswer

BY = ("activity", "need", "area")  # the published breakdowns, in order
WEEK = dt.timedelta(days=6)  # an answer's week runs Monday to Sunday


@dataclass(frozen=True, slots=True)
class TakeUpRow:
    by: str  # "activity", "need" or "area"
    value: str  # an activity-* or need-* id, or an area; "" when not said
    answers: int
    tried: int

    @property
    def not_tried(self) -> int:
        return self.answers - self.tried


def load_answers(engine: Engine, start: dt.date, end: dt.date) -> list[FollowUpAnswer]:
    """The answers given in weeks overlapping ``start`` to ``end``."""
    with Session(engine) as session:
        query = select(FollowUpAnswer).where(col(FollowUpAnswer.week) >= start - WEEK, col(FollowUpAnswer.week) <= end)
        return list(session.exec(query.order_by(col(FollowUpAnswer.id))).all())


def take_up(answers: Iterable[FollowUpAnswer], start: dt.date, end: dt.date) -> list[TakeUpRow]:
    """Exact counts (suppression is applied when published), biggest first within each breakdown."""
    counts: Counter[tuple[str, str]] = Counter()
    tried: Counter[tuple[str, str]] = Counter()
    for answer in answers:
        if not (start - WEEK <= answer.week <= end):
            continue
        values = {"activity": _codes(answer.activities), "need": _codes(answer.needs), "area": [answer.area.strip()]}
        cells = [(by, value) for by in BY for value in values[by]]
        counts.update(cells)
        if answer.answer == "yes":
            tried.update(cells)
    rows = [TakeUpRow(by, value, n, tried[by, value]) for (by, value), n in counts.items()]
    return sorted(rows, key=lambda r: (BY.index(r.by), -r.answers, r.value))


def _codes(value: str) -> list[str]:
    return [code for code in value.split(",") if code] or [""]
