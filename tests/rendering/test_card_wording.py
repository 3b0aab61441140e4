"""What a card says: monthly groups as monthly with their next date, who a group is for, and a
transport charge beside the price."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.matching.results import Meeting
from assistant.rendering.cards import card_details, card_lines, cost, when
from tests.rendering.cards import TODAY, card, meets


def test_a_third_tuesday_group_says_so_and_when_it_next_meets() -> None:
    said = when(card(sessions=(meets("3TU", "MONTHLY"),)), "plain", TODAY)
    assert said == "third Tuesday of the month, 10am to 12pm, next on 15 December"


def test_a_last_friday_group_is_never_shown_as_every_friday() -> None:
    line = card_lines(card(sessions=(meets("-1FR", "MONTHLY"),)), 1, "plain", TODAY)
    assert "Last Friday of the month" in line
    assert "next on 25 December" in line
    assert "Fridays" not in line


def test_easy_read_says_each_month() -> None:
    said = when(card(sessions=(meets("1WE", "MONTHLY"),)), "easy", TODAY)
    assert said == "first Wednesday of each month, 10am to 12pm, next one on 6 January"


def test_two_ordinals_of_one_weekday_read_as_one_phrase() -> None:
    said = when(card(sessions=(meets("1WE,3WE", "MONTHLY"),)), "plain", TODAY)
    assert said.startswith("first and third Wednesday of the month")


def test_every_other_week_says_so_with_the_next_date() -> None:
    fortnightly = meets("FR", interval=2, valid_from=dt.date(2026, 9, 4))
    assert (
        when(card(sessions=(fortnightly,)), "plain", TODAY) == "every other Friday, 10am to 12pm, next on 11 December"
    )


def test_a_weekly_group_needs_no_date() -> None:
    assert when(card(), "plain", TODAY) == "Tuesdays 10am to 12pm"


def test_a_group_that_has_not_started_says_when_it_starts() -> None:
    later = meets("MO", valid_from=dt.date(2027, 1, 4))
    assert when(card(sessions=(later,)), "plain", TODAY) == "Mondays 10am to 12pm, starts 4 January"


def test_without_a_date_the_rule_is_still_said() -> None:
    assert when(card(sessions=(meets("3TU", "MONTHLY"),)), "plain", None) == "third Tuesday of the month, 10am to 12pm"


def test_the_next_date_moves_with_the_day_passed_in() -> None:
    monthly = card(sessions=(meets("3TU", "MONTHLY"),))
    assert "next on 19 January" in when(monthly, "plain", dt.date(2026, 12, 16))


@pytest.mark.parametrize(
    ("needs", "minimum_age", "expected"),
    [
        (("need-learning-disability",), 18, "For adults with a learning disability."),
        (("need-carers", "need-dementia"), None, "For people with dementia and their carers."),
        (("need-carers", "need-dementia", "need-older-people"), 18, "For older people with dementia and their carers."),
        (("need-autism", "need-learning-disability"), 18, "For adults with autism or a learning disability."),
        (("need-carers",), 18, "For carers."),
    ],
)
def test_a_card_says_who_a_group_is_for(needs: tuple[str, ...], minimum_age: int | None, expected: str) -> None:
    line = card_lines(card(needs=needs, minimum_age=minimum_age), 1, "plain", TODAY)
    assert line.startswith(f"1. Knit and Natter: {expected}")


def test_a_group_for_many_needs_is_not_given_a_long_list() -> None:
    many = ("need-autism", "need-learning-disability", "need-mental-health", "need-physical-disability")
    assert ": For " not in card_lines(card(needs=many, minimum_age=18), 1, "plain", TODAY)


def test_a_group_for_anyone_says_nothing_about_who() -> None:
    assert card_lines(card(), 1, "plain", TODAY) == (
        "1. Knit and Natter: Knit and natter. Tuesdays 10am to 12pm. 1 mile away. £2 a session. Phone 01632 960000."
    )


def test_details_say_who_the_group_is_for() -> None:
    lines = card_details(card(needs=("need-learning-disability",), minimum_age=18), "easy", TODAY)
    assert "This group is for adults with a learning disability." in lines


def test_a_transport_charge_is_said_beside_the_price() -> None:
    day_centre = card(cost_amount=49.5, cost_unit="day", transport_cost=7.0, transport_unit="day")
    assert cost(day_centre, "plain") == "£49.50 a day, transport £7 a day"
    assert "transport £7 each day" in card_lines(day_centre, 1, "easy", TODAY)


def test_no_transport_charge_no_transport_words() -> None:
    assert "transport" not in cost(card(), "plain").lower()


def test_a_long_card_drops_activity_names_and_extra_sessions_before_facts_needed_to_go() -> None:
    crowded = card(
        name="Beehive Day Centre",
        activities=("Day centre", "Social and lunch clubs"),
        needs=("need-dementia", "need-older-people", "need-carers"),
        sessions=(meets("3TU", "MONTHLY"), meets("-1FR", "MONTHLY")),
        cost_amount=49.5,
        cost_unit="day",
        transport_cost=7.0,
        transport_unit="day",
    )
    line = card_lines(crowded, 5, "easy", TODAY)  # over 200 characters even so: see the sample test
    for fact in ("older people with dementia", "Third Tuesday", "next one on 15 December", "£49.50", "01632 960000"):
        assert fact in line
    assert "lunch clubs" not in line
    assert "last Friday" not in line and "other times" in line  # "details" gives every session


def test_a_schedule_with_no_days_or_times_says_the_feeds_own_words() -> None:
    by_appointment = Meeting((), None, None, note="By appointment, weekday mornings")
    assert when(card(sessions=(by_appointment,)), "plain", TODAY) == "By appointment, weekday mornings"


def test_a_daily_rule_with_no_days_is_every_day() -> None:
    assert when(card(sessions=(meets("", "DAILY"),)), "plain", TODAY) == "every day 10am to 12pm"
