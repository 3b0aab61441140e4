"""Prices: the activity's own price, and budgets compared per session, per day and per week."""

from __future__ import annotations

from assistant.engine.slots import Budget, CostPeriod
from assistant.matching.listing import UNKNOWN_PRICE, Price
from assistant.matching.prices import Option, affordable, headroom, own_price, per_visit, session_equivalent


def test_a_transport_add_on_never_stands_in_for_the_day_rate() -> None:
    options = [Option("Per day", 49.5, "day"), Option("Transport", 7.0, "day")]
    assert own_price(options) == Price(49.5, "day")


def test_a_lunch_extra_is_ignored_but_a_lunch_clubs_only_price_is_kept() -> None:
    assert own_price([Option("Session", 4.0, "session"), Option("Lunch", 3.5, "session")]) == Price(4.0, "session")
    assert own_price([Option("Lunch", 5.5, "session")]) == Price(5.5, "session")


def test_free_options_read_as_free_and_no_options_as_unknown() -> None:
    assert own_price([Option("Free", 0.0, "free")]).free
    assert own_price([]) == UNKNOWN_PRICE
    assert not UNKNOWN_PRICE.known


def test_a_weekly_price_is_shared_over_the_days_it_meets() -> None:
    assert per_visit(Price(25.0, "week"), visits_per_week=2) == 12.5
    assert per_visit(Price(49.5, "day"), visits_per_week=5) == 49.5


def test_a_session_budget_takes_a_day_as_one_visit() -> None:
    budget = Budget(amount=50.0, period=CostPeriod.SESSION)
    assert affordable(Price(49.5, "day"), 5, budget)
    assert not affordable(Price(52.0, "day"), 5, budget)


def test_a_session_budget_compares_a_weekly_course_per_session() -> None:
    assert not affordable(Price(25.0, "week"), 2, Budget(amount=10.0, period=CostPeriod.SESSION))
    assert affordable(Price(25.0, "week"), 2, Budget(amount=15.0, period=CostPeriod.SESSION))


def test_a_weekly_budget_needs_only_one_visit_a_week() -> None:
    budget = Budget(amount=10.0, period=CostPeriod.WEEK)
    assert affordable(Price(5.0, "session"), 2, budget)  # go once a week
    assert not affordable(Price(25.0, "week"), 2, budget)  # the course costs £25 a week, however often


def test_free_only_excludes_anything_paid_and_anything_unpriced() -> None:
    free = Budget(free=True)
    assert affordable(Price(0.0, "free"), 1, free)
    assert not affordable(Price(1.0, "session"), 1, free)
    assert not affordable(UNKNOWN_PRICE, 1, free)


def test_an_unpriced_listing_passes_an_amount_but_has_no_headroom() -> None:
    budget = Budget(amount=5.0, period=CostPeriod.SESSION)
    assert affordable(UNKNOWN_PRICE, 1, budget)
    assert headroom(UNKNOWN_PRICE, 1, budget, reference=10.0) == 0.0


def test_headroom_is_the_share_of_the_budget_left() -> None:
    budget = Budget(amount=10.0, period=CostPeriod.SESSION)
    assert headroom(Price(0.0, "free"), 1, budget, reference=10.0) == 1.0
    assert headroom(Price(4.0, "session"), 1, budget, reference=10.0) == 0.6
    assert headroom(Price(12.0, "session"), 1, budget, reference=10.0) == 0.0


def test_the_session_equivalent_of_a_budget() -> None:
    assert session_equivalent(None) is None
    assert session_equivalent(Budget(free=True)) == 0.0
    assert session_equivalent(Budget(amount=40.0, period=CostPeriod.DAY)) == 40.0
