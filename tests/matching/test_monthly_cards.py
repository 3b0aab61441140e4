"""A monthly group stays monthly from the directory to the card: its ordinal ("3TU", "-1FR") is
kept, a day filter still reads it as that weekday, and the next date it meets is worked out
from the date the caller passes in."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.directory.models import Schedule
from assistant.matching.cards import load_cards
from assistant.matching.filters import opens_when
from assistant.matching.listing import parse_days
from assistant.matching.loader import Loader
from assistant.matching.recurrence import next_date, parse_recurrence, weekdays_of
from tests.matching.listings import window

MONDAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("byday", "today", "expected"),
    [
        ("3TU", MONDAY, dt.date(2026, 12, 15)),
        ("3TU", dt.date(2026, 12, 15), dt.date(2026, 12, 15)),  # today counts
        ("3TU", dt.date(2026, 12, 16), dt.date(2027, 1, 19)),  # missed it: next month's, over the year end
        ("-1FR", MONDAY, dt.date(2026, 12, 25)),
        ("1WE", MONDAY, dt.date(2027, 1, 6)),  # this month's first Wednesday has passed
        ("1WE,3WE", MONDAY, dt.date(2026, 12, 16)),
        ("2SA", dt.date(2027, 1, 1), dt.date(2027, 1, 9)),
    ],
)
def test_next_date_of_a_monthly_group_falls_on_its_ordinal_weekday(
    byday: str, today: dt.date, expected: dt.date
) -> None:
    assert next_date(parse_recurrence("MONTHLY", 1, byday), today) == expected


def test_every_other_week_counts_from_its_start_date() -> None:
    rule = parse_recurrence("WEEKLY", 2, "FR", valid_from=dt.date(2026, 9, 4))
    assert next_date(rule, MONDAY) == dt.date(2026, 12, 11)
    assert next_date(rule, dt.date(2026, 12, 12)) == dt.date(2026, 12, 25)


def test_every_other_week_with_no_start_date_gives_no_date_rather_than_a_guess() -> None:
    assert next_date(parse_recurrence("WEEKLY", 2, "FR"), MONDAY) is None


def test_month_days_give_the_next_date_including_the_last_day_of_the_month() -> None:
    assert next_date(parse_recurrence("MONTHLY", 1, "", "15"), MONDAY) == dt.date(2026, 12, 15)
    assert next_date(parse_recurrence("MONTHLY", 1, "", "-1"), dt.date(2027, 2, 3)) == dt.date(2027, 2, 28)


def test_a_schedule_that_has_ended_has_no_next_date() -> None:
    rule = parse_recurrence("MONTHLY", 1, "3TU", valid_to=dt.date(2026, 11, 30))
    assert next_date(rule, MONDAY) is None


def test_a_schedule_ending_before_its_next_meeting_has_no_next_date() -> None:
    rule = parse_recurrence("MONTHLY", 1, "3TU", valid_to=dt.date(2026, 12, 10))
    assert next_date(rule, MONDAY) is None


def test_an_ordinal_makes_a_rule_monthly_even_when_the_feed_says_weekly() -> None:
    rule = parse_recurrence("WEEKLY", 1, "2TU")
    assert rule.monthly and not rule.every_week
    assert weekdays_of(rule) == ("TU",)


def test_plain_weekdays_are_every_week() -> None:
    rule = parse_recurrence("WEEKLY", 1, "TU,TH")
    assert rule.every_week
    assert weekdays_of(rule) == ("TU", "TH")


@pytest.mark.parametrize(
    ("byday", "freq", "interval", "weekly"),
    [
        ("TU,TH", "WEEKLY", 1, True),
        ("3TU", "MONTHLY", 1, False),
        ("-1FR", None, None, False),
        ("FR", "WEEKLY", 2, False),
    ],
)
def test_only_every_week_rows_count_as_weekly_visits(
    byday: str, freq: str | None, interval: int | None, weekly: bool
) -> None:
    days, is_weekly = parse_days(byday, freq, interval)
    assert days == {p[-2:] for p in byday.split(",")}
    assert is_weekly is weekly


def test_a_daily_row_with_no_days_meets_every_day() -> None:
    assert parse_days("", "DAILY") == (frozenset({"MO", "TU", "WE", "TH", "FR", "SA", "SU"}), True)


def _monthly_rows(engine: Engine) -> list[Schedule]:
    with Session(engine) as session:
        rows = session.exec(select(Schedule).where(col(Schedule.freq) == "MONTHLY")).all()
    return sorted(rows, key=lambda s: s.id)


def test_sample_monthly_schedules_keep_their_ordinals_in_storage(sample_engine: Engine) -> None:
    rows = _monthly_rows(sample_engine)
    assert len(rows) >= 40
    assert {"1WE", "-1FR", "3TU"} <= {r.byday for r in rows}
    assert all(r.byday[0] in "-123456789" for r in rows)


def test_cards_of_monthly_groups_carry_the_ordinal_rule(sample_engine: Engine) -> None:
    rows = _monthly_rows(sample_engine)
    with Session(sample_engine) as session:
        cards = load_cards(session, [r.service_id for r in rows])
    for row in rows:
        (meeting,) = [m for m in cards[row.service_id].sessions if m.rule.monthly]
        ordinal, code = meeting.rule.days[0]
        assert f"{ordinal}{code}" == row.byday
        assert meeting.days == (code,)
        assert next_date(meeting.rule, MONDAY) is not None


def test_a_day_filter_reads_a_monthly_group_as_its_weekday(sample_engine: Engine) -> None:
    rows = [r for r in _monthly_rows(sample_engine) if r.byday in ("3TU", "-1FR")]
    with Session(sample_engine) as session:
        listings = {item.id: item for item in Loader(session).listings({}, online=[r.service_id for r in rows])}
    assert listings
    for row in rows:
        item = listings[row.service_id]
        day = row.byday[-2:]
        other = "WE" if day != "WE" else "TH"
        assert opens_when(item, window(days=frozenset({day})))
        assert not opens_when(item, window(days=frozenset({other})))
        assert not any(s.weekly for s in item.sittings)  # counted as monthly, not as a weekly visit
