"""What a person in the corpus needs, and whether the results Dayfinder showed meet it.

Facts about each listing (area, activity and need codes, access, own price, ages, sessions) are
read from the directory database, read-only, through the same card builder the replies use.
See ``corpus_runner.py`` for the expectation keys and how they apply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.directory.models import Service, ServiceTerm
from assistant.matching.cards import load_cards
from assistant.matching.results import Card

AREAS = ("Central Bedfordshire", "Waltham Forest", "Dorset", "Solihull", "Sefton")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
DAY_WORDS = {"weekday": WEEKDAYS, "weekend": ("SA", "SU"), **{d: (d,) for d in (*WEEKDAYS, "SA", "SU")}}
PARTS = ("morning", "afternoon", "evening")
TOP = 3
Problem = tuple[str, str]  # (failure class, why)


@dataclass(frozen=True, slots=True)
class Expect:
    area: str | None = None
    interests: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    age: int | None = None
    max_price: float | None = None
    free: bool = False
    when: tuple[str, ...] = ()
    not_days: tuple[str, ...] = ()
    online: bool = False
    by_turn: int | None = None
    no_results: bool = False
    reply_contains: tuple[str, ...] = ()
    reply_absent: tuple[str, ...] = ()
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Sitting:
    """One regular session of a listing: its days and opening times."""

    days: frozenset[str]
    opens: dt.time | None
    closes: dt.time | None


@dataclass(frozen=True, slots=True)
class Listing:
    """What the checks need to know about one listing."""

    id: str
    name: str
    area: str | None
    online: bool
    activities: frozenset[str]
    needs: frozenset[str]
    access: frozenset[str]
    price: float | None
    sessions: tuple[Sitting, ...]
    min_age: int | None = None
    max_age: int | None = None


def parse_slot(slot: str) -> tuple[tuple[str, ...], str | None]:
    """``"weekday morning"`` -> (weekday codes, "morning"); either half may be missing."""
    days: tuple[str, ...] = ()
    part = None
    for word in slot.split():
        if word in DAY_WORDS:
            days = DAY_WORDS[word]
        elif word in PARTS:
            part = word
        else:
            raise ValueError(f"unknown slot word {word!r} in {slot!r}")
    return days, part


def load_listings(engine: Engine) -> dict[str, Listing]:
    """Every active listing's area, terms, price and sessions, read from the directory."""
    with Session(engine) as session:
        services = {s.id: s for s in session.exec(select(Service).where(col(Service.status) == "active"))}
        terms: dict[str, set[str]] = {sid: set() for sid in services}
        for link in session.exec(select(ServiceTerm)):
            if link.service_id in terms:
                terms[link.service_id].add(link.term_id)
        cards = load_cards(session, list(services))
    return {sid: _listing(services[sid], card, terms[sid]) for sid, card in cards.items()}


def _listing(service: Service, card: Card, terms: set[str]) -> Listing:
    return Listing(
        id=service.id,
        name=service.name,
        area=service.area,
        online=service.attendance in ("online", "both"),
        activities=frozenset(t for t in terms if t.startswith("activity-")),
        needs=frozenset(t for t in terms if t.startswith("need-")),
        access=frozenset(card.access),
        price=card.cost_amount,
        sessions=tuple(Sitting(frozenset(m.days), m.opens, m.closes) for m in card.sessions),
        min_age=service.minimum_age,
        max_age=service.maximum_age,
    )


def _in_part(session: Sitting, part: str | None) -> bool:
    if part is None:
        return True
    opens, closes = session.opens, session.closes
    if opens is None:
        return False
    end = closes or opens
    if part == "morning":
        return opens < dt.time(12)
    if part == "afternoon":
        return opens < dt.time(17) and end > dt.time(12)
    return end > dt.time(17, 30) or opens >= dt.time(17)


def meets_when(listing: Listing, slots: Sequence[str]) -> bool:
    for session in listing.sessions:
        for slot in slots:
            days, part = parse_slot(slot)
            if (not days or session.days & set(days)) and _in_part(session, part):
                return True
    return False


def avoids_days(listing: Listing, days: Sequence[str]) -> bool:
    return any(session.days - set(days) for session in listing.sessions)


def _item_problems(expect: Expect, item: Listing) -> list[Problem]:
    """Hard rules every shown result keeps: the area (unless online), the budget, the age."""
    problems: list[Problem] = []
    if expect.area and not item.online and item.area != expect.area:
        problems.append(("wrong-area", f"{item.name!r} is in {item.area}, not {expect.area}"))
    limit = 0.0 if expect.free else expect.max_price
    if limit is not None and (item.price is None or item.price > limit):
        problems.append(("price", f"{item.name!r} costs £{item.price}, over £{limit:g}"))
    if expect.age is not None and not (item.min_age or 0) <= expect.age <= (item.max_age or 200):
        problems.append(("age", f"{item.name!r} is for ages {item.min_age}-{item.max_age}, not {expect.age}"))
    return problems


def _fit_problems(expect: Expect, item: Listing) -> list[Problem]:
    """Wishes the best results keep: online, days and times, access; later ones may be widened."""
    problems: list[Problem] = []
    if expect.online and not item.online:
        problems.append(("not-online", f"{item.name!r} is not online"))
    if expect.access and not item.online and not set(expect.access) <= item.access:
        problems.append(("access", f"{item.name!r} lacks {sorted(set(expect.access) - item.access)}"))
    if expect.when and not meets_when(item, expect.when):
        problems.append(("when", f"{item.name!r} does not meet {list(expect.when)}"))
    if expect.not_days and not avoids_days(item, expect.not_days):
        problems.append(("when", f"{item.name!r} meets only on {list(expect.not_days)}"))
    return problems


def shown_problems(expect: Expect, shown: Sequence[Listing], fitting: int = TOP) -> list[Problem]:
    """What is wrong with the results shown, as (class, why) pairs; empty when they meet the need.

    Every result keeps the hard rules; the first ``min(3, fitting)`` keep online, days, times and
    access too, where ``fitting`` is how many listings in the directory could (see :func:`fitting`);
    at least one of the top 3 has one of the interests, and one serves all the needs."""
    problems = [p for item in shown for p in _item_problems(expect, item)]
    problems += [p for item in shown[: min(TOP, fitting)] for p in _fit_problems(expect, item)]
    top = shown[:TOP]
    if expect.interests and not any(item.activities & set(expect.interests) for item in top):
        problems.append(("interests", f"none of the top {TOP} is {list(expect.interests)}"))
    if expect.needs and not any(set(expect.needs) <= item.needs for item in top):
        problems.append(("needs", f"none of the top {TOP} serves {list(expect.needs)}"))
    return problems


def fitting(expect: Expect, listings: Iterable[Listing]) -> int:
    """How many listings keep the hard rules and the wishes and are one of the interests: so many
    of the first results must keep the wishes. Where none can, the assistant may widen either the
    wishes or the interests (saying so); the interests are checked on their own anyway."""
    wanted = set(expect.interests)
    return sum(
        not _item_problems(expect, i) and not _fit_problems(expect, i) and (not wanted or bool(i.activities & wanted))
        for i in listings
    )


def satisfiable(expect: Expect, listings: Iterable[Listing]) -> bool:
    """Whether one listing alone meets every result expectation, so a correct assistant can pass."""
    if expect.no_results:
        return not (expect.interests or expect.needs or expect.area)
    return any(not shown_problems(expect, [item]) for item in listings)
