"""Build result cards from directory rows, a batch at a time (a few queries per page, not per card)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session, col, select

from assistant.directory import cache
from assistant.directory.geo import miles_between
from assistant.directory.models import (
    Accessibility,
    CostOption,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    TaxonomyTerm,
)
from assistant.matching.prices import Option, own_price
from assistant.matching.recurrence import parse_recurrence, weekdays_of
from assistant.matching.results import Card, Meeting

TRANSPORT = re.compile(r"\b(transport|travel|minibus|taxi)\b", re.I)

ONLINE_BEYOND_MILES = 25.0  # beyond the usual search radius: a venue this far is reached online


def _meeting(s: Schedule) -> Meeting:
    rule = parse_recurrence(
        s.freq, s.interval, s.byday, s.bymonthday, dtstart=s.dtstart, valid_from=s.valid_from, valid_to=s.valid_to
    )
    online = "online" in (s.attending_type or "").lower()
    return Meeting(weekdays_of(rule), s.opens_at, s.closes_at, online=online, rule=rule, note=s.description)


def _price(costs: list[CostOption]) -> tuple[float | None, str]:
    """The activity's own price (never a transport or lunch add-on): see :func:`own_price`."""
    price = own_price([Option(c.option, c.amount, c.unit) for c in costs])
    return price.amount, price.unit


def _transport(costs: list[CostOption]) -> tuple[float | None, str]:
    """A transport charge listed beside the price ("Transport", £7 a day), the cheapest if several."""
    charges = [c for c in costs if c.option and TRANSPORT.search(c.option) and c.amount]
    if not charges:
        return None, "other"
    cheapest = min(charges, key=lambda c: c.amount or 0.0)
    return cheapest.amount, cheapest.unit


@dataclass(frozen=True, slots=True)
class _Venue:
    latitude: float
    longitude: float
    town: str | None
    postcode: str | None


@dataclass(frozen=True, slots=True)
class _Held:
    """A listing's card as far as it does not depend on where the person is, and its venues."""

    card: Card
    venues: tuple[_Venue, ...]  # those with coordinates, in the order the directory gives them
    online_too: bool  # attends in person or online: a venue too far is reached online

    def seen_from(self, origin: tuple[float, float] | None) -> Card:
        if not origin or not self.venues:
            return self.card
        nearest = min(self.venues, key=lambda v: miles_between(*origin, v.latitude, v.longitude))
        miles = miles_between(*origin, nearest.latitude, nearest.longitude)
        online = miles > ONLINE_BEYOND_MILES and self.online_too  # too far to go: found, and shown, as online
        distance = None if online else miles
        return replace(self.card, distance_miles=distance, town=nearest.town, postcode=nearest.postcode)


def load_cards(
    session: Session, service_ids: Sequence[str], origin: tuple[float, float] | None = None
) -> dict[str, Card]:
    """Cards for ``service_ids``; distance is to the nearest of each service's venues from ``origin``.

    What a card holds apart from distance is read once per directory version and process
    (:mod:`assistant.directory.cache`): a results page is mostly listings shown before.
    """
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return {}
    held: dict[str, _Held | None] = cache.memo(session).table("cards.held")
    missing = [sid for sid in ids if sid not in held]
    if missing:
        read = _read(session, missing)
        for sid in missing:
            held[sid] = read.get(sid)  # None: archived or gone, remembered too
    return {sid: found.seen_from(origin) for sid in ids if (found := held.get(sid)) is not None}


def _read(session: Session, ids: list[str]) -> dict[str, _Held]:
    # Archived (inactive) listings get no card: not in results, details, listing pages or handouts.
    active = select(Service).where(col(Service.id).in_(ids), col(Service.status) == "active")
    services = {s.id: s for s in session.exec(active)}
    orgs = {
        o.id: o
        for o in session.exec(
            select(Organization).where(col(Organization.id).in_({s.organization_id for s in services.values()}))
        )
    }
    links = session.exec(select(ServiceAtLocation).where(col(ServiceAtLocation.service_id).in_(ids))).all()
    locations = {
        loc.id: loc
        for loc in session.exec(select(Location).where(col(Location.id).in_({link.location_id for link in links})))
    }
    by_service: dict[str, list[Location]] = defaultdict(list)
    for link in links:
        by_service[link.service_id].append(locations[link.location_id])
    access: dict[str, set[str]] = defaultdict(set)
    for item in session.exec(select(Accessibility).where(col(Accessibility.location_id).in_(list(locations)))):
        if item.feature:
            access[item.location_id].add(item.feature)
    schedules, costs, phones, terms = (defaultdict(list) for _ in range(4))
    for sched in session.exec(select(Schedule).where(col(Schedule.service_id).in_(ids))):
        schedules[sched.service_id].append(sched)
    for cost in session.exec(select(CostOption).where(col(CostOption.service_id).in_(ids))):
        costs[cost.service_id].append(cost)
    for phone in session.exec(select(Phone).where(col(Phone.service_id).in_(ids)).order_by(col(Phone.id))):
        phones[phone.service_id].append(phone)
    for link_row, term in session.exec(
        select(ServiceTerm, TaxonomyTerm)
        .join(TaxonomyTerm, col(TaxonomyTerm.id) == col(ServiceTerm.term_id))
        .where(col(ServiceTerm.service_id).in_(ids))
    ):
        terms[link_row.service_id].append(term)

    found = {}
    for sid, service in services.items():
        venues = by_service[sid]
        physical = [v for v in venues if v.latitude is not None and v.longitude is not None]
        first = physical[0] if physical else None
        amount, unit = _price(costs[sid])
        transport, transport_unit = _transport(costs[sid])
        features = set().union(*(access[v.id] for v in venues)) if venues else set()
        features |= {t.id for t in terms[sid] if t.id.startswith("support-")}
        card = Card(
            id=sid,
            name=service.name,
            organisation=orgs[service.organization_id].name,
            summary=_first_sentence(service.description),
            activities=tuple(t.name for t in terms[sid] if t.id.startswith("activity-")),
            sessions=tuple(_meeting(s) for s in sorted(schedules[sid], key=lambda s: s.id)),
            cost_amount=amount,
            cost_unit=unit,
            distance_miles=None,
            online=service.attendance in ("online", "both"),
            town=first.city if first else None,
            postcode=first.postcode if first else None,
            phone=phones[sid][0].number if phones[sid] else None,
            url=service.url,
            email=service.email,
            access=tuple(sorted(features)),
            last_checked=service.last_verified,
            description=service.description,
            needs=tuple(sorted(t.id for t in terms[sid] if t.id.startswith("need-"))),
            minimum_age=service.minimum_age,
            maximum_age=service.maximum_age,
            transport_cost=transport,
            transport_unit=transport_unit,
        )
        places = tuple(_Venue(v.latitude or 0.0, v.longitude or 0.0, v.city, v.postcode) for v in physical)
        found[sid] = _Held(card, places, service.attendance == "both")
    return found


def _first_sentence(text: str, limit: int = 140) -> str:
    head = text.strip().split("\n")[0]
    end = head.find(". ")
    sentence = head[: end + 1] if 0 < end < limit else head
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
