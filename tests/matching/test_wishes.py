"""Wishes that guide rather than exclude: a carer's break, and "weekends or evenings"."""

from __future__ import annotations

from sqlalchemy import Engine

from assistant.engine.slots import PartOfDay, WhoFor
from assistant.engine.state import PlaceValue, Profile
from assistant.matching.criteria import TimeWindow, criteria_for
from assistant.matching.filters import opens_when
from assistant.matching.matcher import Matcher
from tests.matching.gold import TODAY, _place
from tests.matching.listings import listing, sitting

HOME = PlaceValue(label="Sandy", latitude=52.13, longitude=-0.29, local_authority="Central Bedfordshire")
BREAK = "activity-carers-support"


def test_a_carers_break_for_someone_cared_for_does_not_filter() -> None:
    asked = Profile(who_for=WhoFor.SOMEONE, interests=(BREAK,), needs=("need-dementia",), place=HOME)
    criteria = criteria_for(asked)
    assert criteria.interests == frozenset() and criteria.needs == {"need-dementia"}


def test_a_break_beside_another_interest_keeps_only_that_interest() -> None:
    asked = Profile(interests=("activity-music", BREAK), place=HOME)
    assert criteria_for(asked).interests == {"activity-music"}


def test_a_carer_asking_support_for_themself_still_gets_carers_support() -> None:
    asked = Profile(who_for=WhoFor.SELF, interests=(BREAK,), place=HOME)
    assert criteria_for(asked).interests == {BREAK}


def test_weekends_or_evenings_takes_a_weekday_evening_or_a_weekend_morning() -> None:
    either = TimeWindow(days=frozenset({"SA", "SU"}), parts=frozenset({PartOfDay.EVENING}), either=True)
    both = TimeWindow(days=frozenset({"SA", "SU"}), parts=frozenset({PartOfDay.EVENING}))
    tuesday_evening = listing(sittings=(sitting("TU", "18:00", "20:00"),))
    saturday_morning = listing(sittings=(sitting("SA", "10:00", "12:00"),))
    tuesday_morning = listing(sittings=(sitting("TU", "10:00", "12:00"),))
    assert opens_when(tuesday_evening, either) and opens_when(saturday_morning, either)
    assert not opens_when(tuesday_morning, either)
    assert not opens_when(tuesday_evening, both) and not opens_when(saturday_morning, both)


def test_weekends_or_evenings_finds_a_weekday_evening_through_the_real_search(sample_engine: Engine) -> None:
    asked = Profile(
        interests=("activity-cookery",),
        needs=("need-learning-disability",),
        place=_place("B37"),
        days=frozenset({"SA", "SU"}),
        parts_of_day=frozenset({PartOfDay.EVENING}),
        when_either=True,
    )
    found = Matcher(sample_engine, today=lambda: TODAY).search(asked, 0, 5)
    assert "Evening Cookery for Independent Living" in [c.name for c in found.cards]
    assert not found.widened  # each result fits "weekends or evenings" as asked


def test_the_persons_own_words_come_first_even_from_further_away(sample_engine: Engine) -> None:
    """A lunch club a few miles off is what "a lunch club near Olton" means, not the social group
    next door; listings in the category follow."""
    asked = Profile(
        interests=("activity-social-club",), keywords=("lunch club",), narrow_words=("lunch club",), place=_place("B92")
    )
    names = [c.name for c in Matcher(sample_engine, today=lambda: TODAY).search(asked, 0, 5).cards]
    assert "Lunch Club" in names[0]


def test_words_that_only_name_the_category_filter_nothing() -> None:
    from assistant.engine.understand import read_message

    u = read_message("evening social club for autistic adults")
    assert u.keywords == ["social club"] and u.narrow_words == []
    assert read_message("a lunch club").narrow_words == ["lunch club"]


def test_the_cared_for_persons_condition_does_not_filter_a_carers_group() -> None:
    asked = Profile(
        who_for=WhoFor.SOMEONE,
        interests=(BREAK,),
        keywords=("carers support group",),
        needs=("need-physical-disability",),
    )
    assert criteria_for(asked).interests == {BREAK} and criteria_for(asked).needs == frozenset()


def test_when_nothing_within_twenty_miles_meets_the_must_haves_the_nearest_farther_away_is_shown(
    sample_engine: Engine,
) -> None:
    asked = Profile(needs=("need-sensory-impairment",), must_haves=frozenset({"access-bsl"}), place=_place("BH22"))
    found = Matcher(sample_engine, today=lambda: TODAY).search(asked, 0, 5)
    assert found.cards and all(c.distance_miles is not None and c.distance_miles > 20 for c in found.cards)
