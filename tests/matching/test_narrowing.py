"""Narrowing in SQL and gathering in rings never change the answer, only the work.

For every rung of every gold profile, and for random profiles, the listings the matcher gathers
(with no early stop) are exactly those a brute-force pass finds: every listing in the directory,
its distance measured in Python, put through the filters.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from assistant.directory.geo import miles_between
from assistant.directory.models import Location, Service, ServiceAtLocation
from assistant.engine.slots import Budget, CostPeriod, PartOfDay
from assistant.engine.state import Profile
from assistant.matching.criteria import Criteria
from assistant.matching.filters import passes
from assistant.matching.gather import Gatherer
from assistant.matching.loader import Loader, Reach
from assistant.matching.relax import ladder
from tests.matching.gold import _place, load_gold

pytestmark = pytest.mark.storage

EVERYTHING = 10_000
OUTCODES = (
    "LU5",
    "LU7",
    "MK45",
    "SG18",
    "SG19",
    "DT1",
    "DT4",
    "DT6",
    "BH21",
    "L20",
    "L23",
    "PR8",
    "B37",
    "B90",
    "B91",
    "E4",
    "E10",
    "E17",
)


class BruteForce:
    """Every listing, read once; distances and filters applied in Python."""

    def __init__(self, session: Session) -> None:
        link = ServiceAtLocation
        self.venues = [
            (sid, loc, lat, lon)
            for sid, loc, lat, lon in session.execute(
                select(col(link.service_id), col(Location.id), col(Location.latitude), col(Location.longitude)).join(
                    Location, col(Location.id) == col(link.location_id)
                )
            )
            if lat is not None and lon is not None
        ]
        self.online = list(
            session.execute(select(col(Service.id)).where(col(Service.attendance).in_(["online", "both"]))).scalars()
        )
        self.loader = Loader(session)

    def fits(self, criteria: Criteria) -> set[str]:
        reach: dict[str, Reach] = {}
        if criteria.origin is not None:
            for sid, loc, lat, lon in self.venues:
                distance = miles_between(*criteria.origin, lat, lon)
                if distance <= criteria.radius:
                    old = reach.get(sid)
                    reach[sid] = (
                        Reach(min(distance, old.miles), old.locations | {loc})
                        if old
                        else Reach(distance, frozenset({loc}))
                    )
        online = [sid for sid in self.online if sid not in reach] if criteria.online else []
        return {item.id for item in self.loader.listings(reach, online) if passes(item, criteria)}


@pytest.fixture(scope="module")
def brute(sample_engine: Engine) -> Iterator[BruteForce]:
    with Session(sample_engine) as session:
        yield BruteForce(session)


def random_profiles(count: int) -> list[Profile]:
    rng = random.Random(5)
    activities = [
        "activity-" + a
        for a in ("social-club", "music", "gardening", "walking", "day-centre", "games-quizzes", "arts-crafts")
    ]
    needs = [
        "need-" + n for n in ("learning-disability", "autism", "dementia", "mental-health", "older-people", "carers")
    ]
    musts = [
        "access-step-free",
        "access-quiet-space",
        "access-hearing-loop",
        "support-transport",
        "support-personal-care",
    ]
    out = []
    for _ in range(count):
        out.append(
            Profile(
                place=_place(rng.choice(OUTCODES)),
                age=rng.choice([None, 20, 45, 70]),
                interests=tuple(rng.sample(activities, rng.randint(0, 2))),
                needs=tuple(rng.sample(needs, rng.randint(0, 2))),
                days=frozenset(rng.sample(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], rng.randint(0, 2))),
                avoid_days=frozenset(rng.sample(["MO", "FR"], rng.randint(0, 1))),
                parts_of_day=frozenset(rng.sample(list(PartOfDay), rng.randint(0, 1))),
                budget=rng.choice(
                    [
                        None,
                        Budget(free=True),
                        Budget(amount=5.0, period=CostPeriod.SESSION),
                        Budget(amount=20.0, period=CostPeriod.WEEK),
                    ]
                ),
                must_haves=frozenset(rng.sample(musts, rng.randint(0, 1))),
                online_ok=rng.choice([None, True, False]),
            )
        )
    return out


@pytest.mark.parametrize("source", ["gold", "random"])
def test_gathering_finds_exactly_what_brute_force_finds(sample_engine: Engine, brute: BruteForce, source: str) -> None:
    profiles = [q.profile for q in load_gold()] if source == "gold" else random_profiles(40)
    checked = 0
    with Session(sample_engine) as session:
        for profile in profiles:
            gatherer = Gatherer(Loader(session), profile.place.local_authority if profile.place else None)
            for rung in ladder(profile):
                found = {item.id for item in gatherer.fits(rung.criteria, EVERYTHING)}
                assert found == brute.fits(rung.criteria), (profile, rung.step)
                checked += 1
    assert checked > len(profiles)
