"""Build result cards from directory rows, a batch at a time (a few queries per page, not per card)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

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


def load_cards(
    session: Session, service_ids: Sequence[str], origin: tuple[float, float] | None = None
) -> dict[str, Card]:
    """Cards for ``service_ids``; distance is to the nearest of each service's venues from ``origin``."""
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return {}
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

    cards = {}
    for sid, service in services.items():
        venues = by_service[sid]
        physical = [v for v in venues if v.latitude is not None and v.longitude is not None]
        distance, nearest = None, physical[0] if physical else None
        if origin and physical:
            nearest = min(physical, key=lambda v: miles_between(*origin, v.latitude or 0, v.longitude or 0))
            distance = miles_between(*origin, nearest.latitude or 0, nearest.longitude or 0)
            if distance > ONLINE_BEYOND_MILES and service.attendance == "both":
                distance = None  # too far to go in person: it was found, and is shown, as online
        amount, unit = _price(costs[sid])
        transport, transport_unit = _transport(costs[sid])
        features = set().union(*(access[v.id] for v in venues)) if venues else set()
        features |= {t.id for t in terms[sid] if t.id.startswith("support-")}
        cards[sid] = Card(
            id=sid,
            name=service.name,
            organisation=orgs[service.organization_id].name,
            summary=_first_sentence(service.description),
            activities=tuple(t.name for t in terms[sid] if t.id.startswith("activity-")),
            sessions=tuple(_meeting(s) for s in sorted(schedules[sid], key=lambda s: s.id)),
            cost_amount=amount,
            cost_unit=unit,
            distance_miles=distance,
            online=service.attendance in ("online", "both"),
            town=nearest.city if nearest else None,
            postcode=nearest.postcode if nearest else None,
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
    return cards


def _first_sentence(text: str, limit: int = 140) -> str:
    head = text.strip().split("\n")[0]
    end = head.find(". ")
    sentence = head[: end + 1] if 0 < end < limit else head
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
