"""The matcher end to end over the curated sample directory, on every configured database."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import Engine

from assistant.engine.slots import Budget, CostPeriod, PartOfDay
from assistant.engine.state import Profile
from assistant.matching.matcher import Matcher
from assistant.matching.results import Card, ResultsPage
from tests.matching.gold import TODAY, _place

pytestmark = pytest.mark.storage

KNIT, DAY_CENTRE = "activity-knit-natter", "activity-day-centre"
TUESDAY_KNIT, BIGGLESWADE_KNIT, BEEHIVE = "cd783c53", "fcacf70a", "5858b2d5"


def search(engine: Engine, page: int = 0, size: int = 5, **asked: object) -> ResultsPage:
    return Matcher(engine, today=lambda: TODAY).search(Profile.model_validate(asked), page, size)


def paged(engine: Engine, asked: dict[str, object], page: int, size: int = 5) -> ResultsPage:
    return Matcher(engine, today=lambda: TODAY).search(Profile.model_validate(asked), page, size)


def ids(page: ResultsPage) -> list[str]:
    return [card.id[:8] for card in page.cards]


def test_the_closest_exact_match_comes_first_and_a_thin_area_is_widened(sample_engine: Engine) -> None:
    found = search(sample_engine, place=_place("MK45"), interests=(KNIT,))
    assert ids(found) == [TUESDAY_KNIT, BIGGLESWADE_KNIT]
    assert [w.key for w in found.widened] == ["radius_more"]
    assert dict(found.widened[0].params) == {"was": "3", "now": "10"}


def test_nothing_near_climbs_the_radius_and_says_how_far(sample_engine: Engine) -> None:
    found = search(sample_engine, place=_place("DT4"), interests=("activity-memory-cafe",), needs=("need-dementia",))
    assert found.cards[0].name == "Dorchester Memory Cafe"  # the nearest ring's result first
    assert found.widened[0].key == "radius"
    assert 5 < int(dict(found.widened[0].params)["now"]) <= 20


def test_when_nothing_near_fits_online_options_are_offered_last(sample_engine: Engine) -> None:
    found = search(sample_engine, place=_place("DT7"), age=70, interests=("activity-computers-digital",))
    assert found.cards and all(card.online and card.distance_miles is None for card in found.cards)
    assert [w.key for w in found.widened] == ["online"]


def test_not_online_means_no_online_results_but_the_nearest_other_activities(sample_engine: Engine) -> None:
    found = search(
        sample_engine, place=_place("DT7"), age=70, interests=("activity-computers-digital",), online_ok=False
    )
    assert found.cards and not any(card.online and card.distance_miles is None for card in found.cards)
    assert [w.key for w in found.widened][-1] == "other"


def test_an_online_only_search_needs_no_place(sample_engine: Engine) -> None:
    found = search(
        sample_engine, online_ok=True, interests=("activity-games-quizzes",), needs=("need-learning-disability",)
    )
    assert found.total >= 5 and all(card.online for card in found.cards)


def test_every_result_meets_the_hard_filters(sample_engine: Engine) -> None:
    found = search(
        sample_engine,
        size=20,
        place=_place("E17"),
        needs=("need-learning-disability",),
        days=frozenset({"SA"}),
        budget=Budget(amount=5.0, period=CostPeriod.SESSION),
        must_haves=frozenset({"access-step-free"}),
    )
    assert found.cards and not found.widened
    for card in found.cards:
        assert any("SA" in meeting.days for meeting in card.sessions), card.name
        assert card.cost_unit == "free" or (card.cost_amount or 0) <= 5.0, card.name
        assert "access-step-free" in card.access, card.name
        assert card.distance_miles is not None and card.distance_miles <= 3.0, card.name


def test_evening_means_starting_at_five_or_later(sample_engine: Engine) -> None:
    found = search(sample_engine, size=20, place=_place("E10"), parts_of_day=frozenset({PartOfDay.EVENING}))
    assert found.cards
    for card in found.cards:
        assert any(m.opens is not None and m.opens.hour >= 17 for m in card.sessions), card.name


def test_a_day_centres_card_shows_its_day_rate_not_the_transport_charge(sample_engine: Engine) -> None:
    found = search(sample_engine, place=_place("MK45"), interests=(DAY_CENTRE,), needs=("need-dementia",))
    beehive = next(card for card in found.cards if card.id.startswith(BEEHIVE))
    assert (beehive.cost_amount, beehive.cost_unit) == (49.5, "day")


def test_a_stale_listing_is_still_shown_with_its_last_checked_date(sample_engine: Engine) -> None:
    found = search(
        sample_engine,
        place=_place("DT5"),
        interests=("activity-wellbeing-yoga",),
        parts_of_day=frozenset({PartOfDay.EVENING}),
    )
    assert [c.name for c in found.cards] == ["Island Yoga for All"]
    assert found.cards[0].last_checked is not None and (TODAY - found.cards[0].last_checked).days > 365


def test_pages_hold_at_most_two_from_one_organisation_and_cover_every_result(sample_engine: Engine) -> None:
    asked = {"place": _place("E17"), "needs": ("need-learning-disability", "need-autism")}
    first = paged(sample_engine, asked, 0)
    seen: list[Card] = []
    for page in range(first.total // 5 + 1):
        cards = paged(sample_engine, asked, page).cards
        assert max(Counter(c.organisation for c in cards).values(), default=0) <= 2
        seen += cards
    assert len(seen) == first.total == len({c.id for c in seen})


def test_more_reads_further_out_until_the_last_page_and_never_repeats(sample_engine: Engine) -> None:
    asked = {"place": _place("E17"), "needs": ("need-mental-health",)}
    seen: list[str] = []
    for page in range(40):
        found = paged(sample_engine, asked, page, size=3)
        seen += [card.id for card in found.cards]
        if not found.has_more:
            break
    assert page > 3 and len(seen) == len(set(seen))  # several pages, no result twice
    assert paged(sample_engine, asked, page + 1, size=3).cards == []
    first = [card.id for card in paged(sample_engine, asked, 0, size=3).cards]
    assert seen[:3] == first  # reading further for later pages never reshuffles the first


def test_the_page_size_is_the_callers(sample_engine: Engine) -> None:
    asked = {"place": _place("E17"), "needs": ("need-mental-health",)}
    assert len(paged(sample_engine, asked, 0, size=3).cards) == 3
    assert len(paged(sample_engine, asked, 0, size=5).cards) == 5


def test_a_card_by_id(sample_engine: Engine) -> None:
    matcher = Matcher(sample_engine, today=lambda: TODAY)
    found = search(sample_engine, place=_place("MK45"), interests=(KNIT,))
    card = matcher.card(found.cards[0].id)
    assert card is not None and card.name == "Tuesday Knit and Natter" and card.distance_miles is None
    assert matcher.card("no-such-service") is None
