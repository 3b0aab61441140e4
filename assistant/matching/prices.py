"""What an activity costs, and whether that fits what someone said they can pay.

Listings price by the session, the day or the week, and people budget the same three ways, so
both sides are normalised: a day counts as one visit, a weekly price spread over the days it
meets gives a price per visit, and the least anyone can spend in a week is one visit. A price
that is not stated fails "free only" (we cannot promise it is free) but passes an amount, ranked
below listings known to fit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.engine.slots import Budget, CostPeriod
from assistant.matching.listing import UNKNOWN_PRICE, Price

UNIT_ORDER = ("free", "session", "day", "week", "other")
# Option names that are an add-on to the activity rather than its price ("Transport", "Lunch").
EXTRA = re.compile(r"\b(transport|travel|minibus|taxi|escort|lunch|meals?|food|refreshments|parking)\b", re.I)
PENNY = 0.005  # budgets compare in pounds; allow for float rounding


@dataclass(frozen=True, slots=True)
class Option:
    """A cost option row: the provider's name for it, amount and normalised unit."""

    name: str | None
    amount: float | None
    unit: str


def own_price(options: Sequence[Option]) -> Price:
    """The activity's own price among its cost options.

    An option named for an extra (transport, lunch) is left out when another option is not, so a
    day centre's "Transport £7 a day" never stands in for its day rate, while a lunch club whose
    only option is "Lunch" keeps it. Of the rest, the cheapest in the most common unit wins.
    """
    if not options:
        return UNKNOWN_PRICE
    own = [o for o in options if not (o.name and EXTRA.search(o.name))] or list(options)
    best = min(own, key=lambda o: (_unit_rank(o), o.amount if o.amount is not None else float("inf")))
    if best.unit == "free" or best.amount == 0:
        return Price(0.0, "free")
    return Price(best.amount, best.unit)


def _unit_rank(option: Option) -> int:
    return UNIT_ORDER.index(option.unit) if option.unit in UNIT_ORDER else len(UNIT_ORDER)


def per_visit(price: Price, visits_per_week: int) -> float | None:
    """Pounds for one visit: a session or a day as priced, a week's price shared over its days."""
    if price.free:
        return 0.0
    if price.amount is None:
        return None
    if price.unit == CostPeriod.WEEK:
        return price.amount / max(1, visits_per_week)
    return price.amount


def per_week(price: Price) -> float | None:
    """The least a week can cost: the weekly price, or one visit."""
    if price.free:
        return 0.0
    return price.amount


def spend(price: Price, visits_per_week: int, period: CostPeriod | None) -> float | None:
    """What the listing costs in the budget's own period."""
    return per_week(price) if period == CostPeriod.WEEK else per_visit(price, visits_per_week)


def affordable(price: Price, visits_per_week: int, budget: Budget | None) -> bool:
    if budget is None:
        return True
    if budget.free:
        return price.free
    if budget.amount is None:
        return True
    cost = spend(price, visits_per_week, budget.period)
    return cost is None or cost <= budget.amount + PENNY


def headroom(price: Price, visits_per_week: int, budget: Budget | None, reference: float) -> float:
    """0..1: how comfortably it fits the budget (1 when free; 0 when the price is unknown).

    With no budget, ``reference`` pounds a visit stands in for one, so cheaper still ranks a
    little higher.
    """
    if price.free:
        return 1.0
    if budget is not None and budget.free:
        return 0.0
    period = budget.period if budget is not None and budget.amount else None
    cap = budget.amount if budget is not None and budget.amount else reference
    cost = spend(price, visits_per_week, period)
    if cost is None or cap <= 0:
        return 0.0
    return max(0.0, min(1.0, (cap - cost) / cap))


def session_equivalent(budget: Budget | None) -> float | None:
    """The most one visit may cost under ``budget`` (0 for free; None when no amount was given)."""
    if budget is None:
        return None
    if budget.free:
        return 0.0
    return budget.amount
