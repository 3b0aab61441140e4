"""The work-saving parts of a search never change what it finds.

- Rings: where the first ring falls (it shrinks where venues are dense) and which rings a rung
  shares with another never change the listings gathered, even when a rung stops early.
- The database's flat circles: :meth:`Loader.near` returns every service with a venue in its ring,
  at its true distance, and nothing outside it.
- Online services: narrowed a chunk at a time in the order read once, the same first few as one
  query narrowing and ordering them all.
- :class:`~assistant.matching.words.Words`: the same answers as :func:`words_fit`, one search's
  answers only, and a search finds the same whatever was searched before it.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, case, select
from sqlmodel import Session, col

from assistant.directory.geo import miles_between
from assistant.directory.models import Location, Service, ServiceAtLocation
from assistant.engine.state import Profile
from assistant.matching import gather, loader
from assistant.matching.criteria import Criteria, criteria_for
from assistant.matching.gather import Gatherer
from assistant.matching.loader import Loader
from assistant.matching.matcher import ENOUGH_TO_RANK, find
from assistant.matching.narrowing import narrowing, service_narrowing
from assistant.matching.relax import ladder
from assistant.matching.words import Words, words_fit
from tests.matching.gold import TODAY, _place, load_gold
from tests.matching.test_narrowing import OUTCODES, random_profiles

pytestmark = pytest.mark.storage


def _gathered(session: Session, profile: Profile, enough: int = ENOUGH_TO_RANK) -> list[tuple[str, list[str]]]:
    """Each rung's step and the ids it gathers (stopping early, as a search does), in order."""
    gatherer = Gatherer(Loader(session), profile.place.local_authority if profile.place else None, Words())
    return [(rung.step, [item.id for item in gatherer.fits(rung.criteria, enough)]) for rung in ladder(profile)]


def _profiles() -> list[Profile]:
    return [q.profile for q in load_gold()] + random_profiles(30)


@pytest.mark.parametrize("enough", [ENOUGH_TO_RANK, 3])
def test_where_the_rings_fall_never_changes_what_is_gathered(
    sample_engine: Engine, monkeypatch: pytest.MonkeyPatch, enough: int
) -> None:
    profiles = _profiles()
    with Session(sample_engine) as session:
        usual = [_gathered(session, p, enough) for p in profiles]
        monkeypatch.setattr(gather, "RING_VENUES", 1)  # every area "dense": the smallest first ring
        thin = [_gathered(session, p, enough) for p in profiles]
    assert thin == usual
    stopped_early = sum(len(ids) >= enough for rungs in usual for _, ids in rungs)
    assert stopped_early > 0  # the batches ran on across rings, not only whole radii


def test_words_first_rungs_share_rings_and_find_the_same(sample_engine: Engine) -> None:
    """The rungs with and without the person's words read alike in the database: the second
    gatherer below reads each rung afresh, and both gather the same."""
    base = next(q.profile for q in load_gold() if q.profile.place and q.profile.interests)
    profile = base.model_copy(update={"narrow_words": ("lunch club",), "keywords": ("lunch club",)})
    with Session(sample_engine) as session:
        shared = _gathered(session, profile)
        fresh = []
        for rung in ladder(profile):
            alone = Gatherer(Loader(session), profile.place.local_authority if profile.place else None)
            fresh.append((rung.step, [item.id for item in alone.fits(rung.criteria, ENOUGH_TO_RANK)]))
    assert [step for step, _ in shared][:2] == ["exact", "radius"]
    assert "words" in [step for step, _ in shared]
    assert shared == fresh


@pytest.fixture(scope="module")
def venues(sample_engine: Engine) -> Iterator[dict[str, list[tuple[float, float]]]]:
    """Each in-person active service's venues."""
    found: dict[str, list[tuple[float, float]]] = defaultdict(list)
    link = ServiceAtLocation
    with Session(sample_engine) as session:
        for sid, lat, lon in session.execute(
            select(col(link.service_id), col(Location.latitude), col(Location.longitude))
            .join(Location, col(Location.id) == col(link.location_id))
            .join(Service, col(Service.id) == col(link.service_id))
        ):
            if lat is not None and lon is not None:
                found[sid].append((lat, lon))
    yield found


@pytest.mark.parametrize(("inner", "outer"), [(0.0, 1.5), (1.5, 3.0), (3.0, 10.0), (10.0, 40.0), (0.0, 50.0)])
def test_near_reads_its_whole_ring_and_nothing_beyond(
    sample_engine: Engine, venues: dict[str, list[tuple[float, float]]], inner: float, outer: float
) -> None:
    rng = random.Random(int(inner * 10 + outer))
    origins = [(p.latitude, p.longitude) for p in (_place(code) for code in OUTCODES)]
    origins += [(rng.uniform(50.5, 55.0), rng.uniform(-4.5, 1.0)) for _ in range(10)]
    found_any = 0
    with Session(sample_engine) as session:
        loader = Loader(session)
        for origin in origins:
            ring = loader.near(Criteria(origin=origin, radius=outer, online=False), inner, outer)
            for sid, reach in ring.items():
                assert (inner < reach.miles or inner == 0) and reach.miles <= outer, (origin, sid)
            for sid, places in venues.items():
                distances = [miles_between(*origin, lat, lon) for lat, lon in places]
                if min(distances) > inner and min(distances) <= outer:  # wholly beyond the inner circle
                    assert sid in ring, (origin, sid)
                    assert ring[sid].miles == pytest.approx(min(distances)), (origin, sid)
                    found_any += 1
    assert found_any > 0


def _online_in_one_query(session: Session, criteria: Criteria, local_authority: str | None, limit: int) -> list[str]:
    """The first ``limit`` online services the narrowing lets through, as one query orders them."""
    local = case((col(Service.area) == (local_authority or ""), 0), else_=1)
    statement = (
        select(col(Service.id))
        .where(
            col(Service.attendance).in_(["online", "both"]),
            *service_narrowing(criteria),
            *narrowing(col(Service.id), criteria, in_person=False),
        )
        .order_by(local, col(Service.last_verified).desc().nulls_last(), col(Service.id))
        .limit(limit)
    )
    return list(session.execute(statement).scalars())


def test_online_services_are_the_first_that_pass_in_order(
    sample_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "ONLINE_POOL", 4)  # the sample has a few dozen online services:
    monkeypatch.setattr(loader, "ONLINE_CHUNK", 3)  # small numbers make it cut and chunk
    compared = cut = 0
    with Session(sample_engine) as session:
        for profile in _profiles():
            criteria = criteria_for(profile)
            for authority in (None, "Dorset", "Luton", "Sefton", "Nowhere"):
                wanted = _online_in_one_query(session, criteria, authority, 4)
                assert Loader(session).online(criteria, authority) == wanted, (profile, authority)
                compared += 1
                cut += len(wanted) == 4
    assert cut > 20  # many had more than enough to choose from, so the order and the cut count


def test_words_answers_as_words_fit_does_once_a_search() -> None:
    texts = ["Marston Green Tea Dance", "Swimmers club at the leisure centre", "Chair yoga", "Lunch club, Tuesdays"]
    phrases = [("tea dance",), ("swimming",), ("tea dance", "music"), ("lunch clubs",), ()]
    words = Words()
    for text in texts:
        for asked in phrases:
            assert words.fit(text, asked) == words_fit(text, asked)
            assert words.fit(text, asked) == words_fit(text, asked)  # the second answer is the one held
    assert len(words) == len(texts) * len(phrases)
    assert len(Words()) == 0  # a new search starts with nothing held


def test_a_search_finds_the_same_whatever_was_searched_before(sample_engine: Engine) -> None:
    gold = [q.profile for q in load_gold() if q.profile.place and q.profile.interests][:6]
    words = ("lunch club", "swimming", "tea dance", "choir", "allotment", "chair yoga")
    worded = [p.model_copy(update={"keywords": (w,), "narrow_words": (w,)}) for p, w in zip(gold, words, strict=True)]
    with Session(sample_engine) as session:
        alone = [_ranked(session, p) for p in worded]
    with Session(sample_engine) as session:
        loader = Loader(session)  # one loader for all: only the words' answers are a search's own
        after_others = [[item.id for item in find(loader, p, TODAY).ranked] for p in reversed(worded)]
    assert list(reversed(after_others)) == alone
    assert any(alone)


def _ranked(session: Session, profile: Profile) -> list[str]:
    return [item.id for item in find(Loader(session), profile, TODAY).ranked]


def test_search_statements_are_built_once_and_compiled_once() -> None:
    """Every search's statements come from a cache, and SQLAlchemy can cache their compiled form
    (a construct without a cache key would have them compiled at every query)."""
    for profile in _profiles():
        for rung in ladder(profile):
            filters = loader._filters_only(rung.criteria)
            for statement in (loader._near_statement(filters, True), loader._online_statement(filters)):
                assert statement._generate_cache_key() is not None, (profile, rung.step)
            assert loader._near_statement(filters, False) is loader._near_statement(filters, False)
