"""Counts of the directory by area, need and activity, for ``dayfinder directory stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from assistant.directory.models import Location, Organization, Service, ServiceTerm, TaxonomyTerm


@dataclass(frozen=True, slots=True)
class DirectoryStats:
    services: int
    organizations: int
    locations: int
    by_area: Counter[str]
    by_need: Counter[str]
    by_activity: Counter[str]


def directory_stats(engine: Engine) -> DirectoryStats:
    with Session(engine) as session:

        def count(model: type[Service] | type[Organization] | type[Location]) -> int:
            return int(session.exec(select(func.count()).select_from(model)).one())

        areas = Counter(
            {
                str(area or ""): int(n)
                for area, n in session.exec(
                    select(Service.area, func.count()).group_by(col(Service.area))
                ).all()
            }
        )
        rows = session.exec(
            select(TaxonomyTerm.id, TaxonomyTerm.name, func.count())
            .join(ServiceTerm, col(ServiceTerm.term_id) == col(TaxonomyTerm.id))
            .group_by(col(TaxonomyTerm.id), col(TaxonomyTerm.name))
        ).all()
        needs = Counter({name: int(n) for tid, name, n in rows if tid.startswith("need-")})
        activities = Counter({name: int(n) for tid, name, n in rows if tid.startswith("activity-")})
        return DirectoryStats(count(Service), count(Organization), count(Location), areas, needs, activities)


def service_count(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(Service)).one())
