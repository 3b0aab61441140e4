"""The hard filters as SQL conditions, so the database returns few candidates, not a whole town.

These conditions only narrow: each is as strict as, or looser than, its filter in
:mod:`assistant.matching.filters`, which still decides. Anything awkward to say exactly in SQL
(a budget in pounds, "before 2pm", venue features across several venues) is said loosely or left
to Python. ``tests/matching/test_narrowing.py`` checks that narrowing never hides a listing the
filters would pass.

Each condition is an ``EXISTS`` probe through a ``service_id`` index. On SQLite, terms are read
through ``coalesce`` so that its planner does not walk the ``term_id`` index instead: without
statistics it would, and one activity code matches thousands of rows. PostgreSQL, which keeps
statistics, reads the plain column: hiding the index from it made it scan every term of every
listing for each query that checks many services at once (the online ones).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import ColumnElement, String, and_, exists, false, func, literal_column, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import col

from assistant.directory.models import (
    Accessibility,
    CostOption,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
)
from assistant.engine.slots import PartOfDay
from assistant.matching.criteria import Criteria, TimeWindow
from assistant.matching.filters import FIVE_PM, NOON, VENUE_FEATURES

ACTIVE = "active"


def service_narrowing(criteria: Criteria) -> list[ColumnElement[bool]]:
    """Conditions on the ``Service`` row itself: active, and open to the person's age."""
    clauses: list[ColumnElement[bool]] = [col(Service.status) == ACTIVE]
    if criteria.age is not None:
        clauses += [
            or_(col(Service.minimum_age).is_(None), col(Service.minimum_age) <= criteria.age),
            or_(col(Service.maximum_age).is_(None), col(Service.maximum_age) >= criteria.age),
        ]
    return clauses


def narrowing(service_id: Any, criteria: Criteria, *, in_person: bool) -> list[ColumnElement[bool]]:
    """``EXISTS`` conditions on the service ``service_id``, most selective first (SQLite tries
    them in order and stops at the first that fails).

    ``in_person`` says the candidates are reached at a venue, so venue features can be asked for.
    """
    clauses: list[ColumnElement[bool]] = []
    if criteria.interests:
        clauses.append(_has_term(service_id, criteria.interests))
    if criteria.avoid:
        clauses.append(~_has_term(service_id, criteria.avoid))
    if criteria.needs:
        any_need = exists().where(col(ServiceTerm.service_id) == service_id, _code().startswith("need-"))
        clauses.append(or_(_has_term(service_id, criteria.needs), ~any_need))
    for must in sorted(criteria.must_haves):
        if must.startswith("support-"):
            clauses.append(_has_term(service_id, {must}))
        elif in_person and must in VENUE_FEATURES:
            clauses.append(_venue_has(service_id, must))
    if (when := _when(service_id, criteria.when)) is not None:
        clauses.append(when)
    if criteria.budget is not None and criteria.budget.free:
        free = or_(col(CostOption.unit) == "free", col(CostOption.amount) == 0)
        clauses.append(exists().where(col(CostOption.service_id) == service_id, free))
    return clauses


class _TermCode(FunctionElement[str]):
    """A service term's code, as each database should read it (see the module's notes)."""

    type = String()
    inherit_cache = True


_TERM_ID = cast(ColumnElement[str], col(ServiceTerm.term_id))


@compiles(_TermCode)
def _plain_code(element: _TermCode, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(_TERM_ID, **kw)


@compiles(_TermCode, "sqlite")
def _sqlite_code(element: _TermCode, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(func.coalesce(_TERM_ID, literal_column("''")), **kw)


def _code() -> ColumnElement[str]:
    return _TermCode()


def _has_term(service_id: Any, codes: set[str] | frozenset[str]) -> ColumnElement[bool]:
    return exists().where(col(ServiceTerm.service_id) == service_id, _code().in_(sorted(codes)))


def _venue_has(service_id: Any, feature: str) -> ColumnElement[bool]:
    """Some venue of the service has ``feature`` (the filter then checks the venues within reach)."""
    link = ServiceAtLocation
    return exists().where(
        col(link.service_id) == service_id,
        col(Accessibility.location_id) == col(link.location_id),
        col(Accessibility.feature) == feature,
    )


def _when(service_id: Any, window: TimeWindow) -> ColumnElement[bool] | None:
    """A schedule row on a wanted day whose opening time could fit (unknown times could fit)."""
    conditions: list[ColumnElement[bool]] = []
    if window.days:
        days = sorted(window.days - window.avoid_days)
        conditions.append(or_(*(col(Schedule.byday).like(f"%{day}%") for day in days)) if days else false())
    opens = col(Schedule.opens_at)
    hours: list[ColumnElement[bool]] = []
    if window.parts:
        hours.append(or_(*(_part(part, window.slack) for part in sorted(window.parts))))
    if window.after is not None:
        hours.append(opens >= _clock(window.after.hour * 60 + window.after.minute - window.slack))
    if hours:
        conditions.append(or_(opens.is_(None), and_(*hours)))
    if window.either and len(conditions) == 2:  # "weekends or evenings": the day or the hours
        conditions = [or_(*conditions)]
    if window.days or window.parts or window.after or window.before or window.avoid_days:
        return exists().where(col(Schedule.service_id) == service_id, *conditions)
    return None


def _part(part: PartOfDay, slack: int) -> ColumnElement[bool]:
    opens = col(Schedule.opens_at)
    if part is PartOfDay.MORNING:
        return opens < _clock(NOON + slack)
    if part is PartOfDay.EVENING:
        return opens >= _clock(FIVE_PM - slack)
    return opens < _clock(FIVE_PM + slack)


def _clock(minutes: int) -> dt.time:
    minutes = max(0, min(minutes, 24 * 60 - 1))
    return dt.time(minutes // 60, minutes % 60)
