"""An interim finder: plain filters and nearest first. The matching issue replaces it with the
real matcher (scores, explanations, relaxation) behind the same :class:`Finder` interface.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.directory.models import Schedule, Service, ServiceAtLocation, ServiceTerm
from assistant.directory.nearby import locations_within
from assistant.engine.state import Profile
from assistant.matching.cards import load_cards
from assistant.matching.results import Card, ResultsPage

RADIUS_MILES = 10.0


class SimpleFinder:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def card(self, service_id: str) -> Card | None:
        with Session(self._engine) as session:
            return load_cards(session, [service_id]).get(service_id)

    def search(self, profile: Profile, page: int, page_size: int) -> ResultsPage:
        with Session(self._engine) as session:
            distances = self._candidates(session, profile)
            ids = self._filter(session, profile, list(distances))
            ranked = sorted(ids, key=lambda sid: (distances[sid] is None, distances[sid] or 0.0, sid))
            chosen = ranked[page * page_size : (page + 1) * page_size]
            origin = (profile.place.latitude, profile.place.longitude) if profile.place else None
            cards = load_cards(session, chosen, origin)
            return ResultsPage(
                [cards[sid] for sid in chosen], total=len(ranked), page=page, page_size=page_size
            )

    @staticmethod
    def _candidates(session: Session, profile: Profile) -> dict[str, float | None]:
        found: dict[str, float | None] = {}
        if profile.place is not None:
            near = locations_within(session, profile.place.latitude, profile.place.longitude, RADIUS_MILES)
            miles = {loc.id: d for loc, d in near}
            if miles:
                for link in session.exec(
                    select(ServiceAtLocation).where(col(ServiceAtLocation.location_id).in_(list(miles)))
                ):
                    current = found.get(link.service_id)
                    distance = miles[link.location_id]
                    found[link.service_id] = distance if current is None else min(current, distance)
        if profile.online_ok or profile.place is None:
            for sid in session.exec(
                select(Service.id).where(col(Service.attendance).in_(["online", "both"]))
            ):
                found.setdefault(sid, None)
        return found

    @staticmethod
    def _filter(session: Session, profile: Profile, ids: list[str]) -> list[str]:
        if not ids:
            return []
        terms: dict[str, set[str]] = {}
        for sid, term in session.exec(
            select(ServiceTerm.service_id, ServiceTerm.term_id).where(col(ServiceTerm.service_id).in_(ids))
        ):
            terms.setdefault(sid, set()).add(term)
        days: dict[str, set[str]] = {}
        for sid, byday in session.exec(
            select(Schedule.service_id, Schedule.byday).where(col(Schedule.service_id).in_(ids))
        ):
            days.setdefault(sid, set()).update(part[-2:] for part in byday.split(",") if part)
        wanted_days = set(profile.days) - set(profile.avoid_days)
        kept = []
        for sid in ids:
            has = terms.get(sid, set())
            if profile.interests and not has & set(profile.interests):
                continue
            if has & set(profile.avoid_interests):
                continue
            if profile.needs and not has & set(profile.needs):
                continue
            if wanted_days and not days.get(sid, set()) & wanted_days:
                continue
            kept.append(sid)
        return kept
