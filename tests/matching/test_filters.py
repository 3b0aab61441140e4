"""Each hard filter on its own, then all of them together."""

from __future__ import annotations

from dataclasses import replace

from assistant.engine.slots import Budget, CostPeriod, PartOfDay
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.criteria import criteria_for, needs_of
from assistant.matching.filters import (
    affordable_for,
    fits_age,
    fits_interests,
    has_must_haves,
    opens_when,
    passes,
    reachable,
    serves,
)
from assistant.matching.listing import Price, parse_days
from tests.matching.listings import at, criteria, listing, sitting, window

LD, AUTISM = "need-learning-disability", "need-autism"


def test_a_listing_serves_a_person_with_any_one_of_its_needs() -> None:
    item = listing(needs=frozenset({LD, AUTISM}))
    assert serves(item, frozenset({AUTISM, "need-dementia"}))
    assert not serves(item, frozenset({"need-dementia"}))
    assert serves(item, frozenset())


def test_a_listing_naming_no_needs_is_open_to_all() -> None:
    assert serves(listing(needs=frozenset()), frozenset({"need-dementia"}))


def test_an_age_of_65_or_more_counts_as_the_older_people_need() -> None:
    assert needs_of(Profile(age=70)) == {"need-older-people"}
    assert needs_of(Profile(age=40, needs=(AUTISM,))) == {AUTISM}


def test_age_limits_apply_only_when_the_age_is_known() -> None:
    young_adults = listing(minimum_age=18, maximum_age=25)
    assert fits_age(young_adults, 22)
    assert not fits_age(young_adults, 30)
    assert not fits_age(listing(minimum_age=65), 60)
    assert fits_age(young_adults, None)


def test_interests_need_one_match_and_no_avoided_activity() -> None:
    item = listing(activities=frozenset({"activity-arts-crafts", "activity-social-club"}))
    assert fits_interests(item, frozenset({"activity-arts-crafts", "activity-music"}), frozenset())
    assert not fits_interests(item, frozenset({"activity-music"}), frozenset())
    assert fits_interests(item, frozenset(), frozenset())
    assert not fits_interests(item, frozenset(), frozenset({"activity-social-club"}))


def test_in_person_listings_must_lie_within_the_radius() -> None:
    assert reachable(listing(distance=2.9), criteria(radius=3.0))
    assert not reachable(listing(distance=3.1), criteria(radius=3.0))


def test_online_listings_are_reachable_only_when_online_is_allowed() -> None:
    online = listing(distance=None, online=True, in_person=False)
    assert reachable(online, criteria(online=True))
    assert not reachable(online, criteria(online=False))
    both_far_away = listing(distance=40.0, online=True, in_person=True)
    assert reachable(both_far_away, criteria(online=True))


def test_every_must_have_is_required() -> None:
    item = listing(supports=frozenset({"support-transport"}), access=frozenset({"access-step-free"}))
    assert has_must_haves(item, frozenset({"support-transport", "access-step-free"}))
    assert not has_must_haves(item, frozenset({"support-transport", "access-quiet-space"}))
    assert not has_must_haves(item, frozenset({"support-personal-care"}))


def test_an_online_session_cannot_lack_a_buildings_features_but_can_lack_support() -> None:
    online = listing(distance=None, online=True, in_person=False, access=frozenset())
    assert has_must_haves(online, frozenset({"access-step-free", "access-changing-places"}))
    assert not has_must_haves(online, frozenset({"access-bsl"}))
    assert not has_must_haves(online, frozenset({"support-personal-care"}))


def test_monthly_ordinal_days_count_as_that_weekday() -> None:
    assert parse_days("2TU") == (frozenset({"TU"}), False)
    assert parse_days("-1FR") == (frozenset({"FR"}), False)
    assert parse_days("MO,WE") == (frozenset({"MO", "WE"}), True)
    assert opens_when(listing(sittings=(sitting("TU", weekly=False),)), window(days=frozenset({"TU"})))


def test_a_listing_must_meet_on_a_wanted_day_and_not_only_on_avoided_ones() -> None:
    item = listing(sittings=(sitting("MO,WE"),))
    assert opens_when(item, window(days=frozenset({"WE", "SA"})))
    assert not opens_when(item, window(days=frozenset({"SA"})))
    assert opens_when(item, window(avoid_days=frozenset({"MO"})))
    assert not opens_when(listing(sittings=(sitting("MO"),)), window(avoid_days=frozenset({"MO"})))


def test_parts_of_the_day() -> None:
    morning, lunch, evening = (
        sitting("TU", "10:00", "12:00"),
        sitting("TU", "12:00", "14:00"),
        sitting("TU", "17:00", "19:00"),
    )
    day_centre = sitting("TU", "09:30", "15:30")

    def fits(s: object, part: PartOfDay) -> bool:
        return opens_when(listing(sittings=(s,)), window(parts=frozenset({part})))

    assert fits(morning, PartOfDay.MORNING) and not fits(lunch, PartOfDay.MORNING)
    assert fits(lunch, PartOfDay.AFTERNOON) and fits(day_centre, PartOfDay.AFTERNOON)
    assert not fits(morning, PartOfDay.AFTERNOON)
    assert fits(evening, PartOfDay.EVENING) and not fits(day_centre, PartOfDay.EVENING)


def test_after_and_before_bound_the_start_and_the_finish() -> None:
    item = listing(sittings=(sitting("TU", "18:30", "20:30"),))
    assert opens_when(item, window(after=at("17:00")))
    assert not opens_when(item, window(after=at("19:00")))
    assert not opens_when(item, window(before=at("20:00")))
    assert opens_when(item, window(before=at("21:00")))


def test_the_day_and_the_time_must_fit_the_same_session() -> None:
    item = listing(sittings=(sitting("TU", "10:00", "12:00"), sitting("SA", "18:00", "20:00")))
    assert not opens_when(item, window(days=frozenset({"TU"}), parts=frozenset({PartOfDay.EVENING})))
    assert opens_when(item, window(days=frozenset({"SA"}), parts=frozenset({PartOfDay.EVENING})))


def test_unknown_hours_on_a_wanted_day_still_fit_but_no_schedule_does_not() -> None:
    evening = window(days=frozenset({"TU"}), parts=frozenset({PartOfDay.EVENING}))
    assert opens_when(listing(sittings=(sitting("TU", None, None),)), evening)
    assert not opens_when(listing(sittings=()), evening)
    assert opens_when(listing(sittings=()), window())


def test_slack_widens_every_time_bound() -> None:
    item = listing(sittings=(sitting("TU", "16:15", "18:00"),))
    assert not opens_when(item, window(parts=frozenset({PartOfDay.EVENING})))
    assert opens_when(item, window(parts=frozenset({PartOfDay.EVENING}), slack=60))


def test_the_budget_filter_uses_the_listings_own_price_and_schedule() -> None:
    course = listing(price=Price(25.0, "week"), sittings=(sitting("TU,TH"),))
    assert affordable_for(course, criteria(budget=Budget(amount=15.0, period=CostPeriod.SESSION)))
    assert not affordable_for(course, criteria(budget=Budget(amount=10.0, period=CostPeriod.SESSION)))


def test_passes_is_every_filter_at_once() -> None:
    place = PlaceValue(label="LU7", latitude=51.91, longitude=-0.66)
    asked = replace(criteria_for(Profile(place=place, needs=(LD,), interests=("activity-arts-crafts",))))
    assert passes(listing(), asked)
    assert not passes(listing(distance=4.0), asked)
    assert not passes(listing(needs=frozenset({"need-dementia"})), asked)
    assert not passes(listing(activities=frozenset({"activity-music"})), asked)
