"""When reminders and follow-ups go, in London time, from a listing's schedule."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.replies import RemindWhen
from assistant.matching.recurrence import parse_recurrence
from assistant.matching.results import Card, Meeting
from assistant.outreach.schedule import follow_up_time, plan_reminder, session_after, week_of

UTC = dt.UTC


def card(*meetings: Meeting) -> Card:
    return Card(
        id="svc",
        name="Knit and Natter",
        organisation="Trust",
        summary="",
        activities=(),
        sessions=meetings,
        cost_amount=None,
        cost_unit="free",
        distance_miles=None,
        online=False,
        town=None,
        postcode=None,
        phone=None,
        url=None,
        email=None,
        access=(),
        last_checked=None,
    )


def meets(byday: str, opens: dt.time | None, freq: str = "WEEKLY") -> Meeting:
    rule = parse_recurrence(freq, 1, byday)
    return Meeting((), opens, None, rule=rule)


TUESDAYS_10AM = card(meets("TU", dt.time(10)))


@pytest.mark.parametrize(
    ("now", "when", "sent", "session"),
    [
        # Monday noon, winter (GMT): 6pm tonight, or 8am tomorrow, for tomorrow's session.
        (dt.datetime(2026, 12, 7, 12, tzinfo=UTC), RemindWhen.DAY_BEFORE, dt.datetime(2026, 12, 7, 18, tzinfo=UTC), 8),
        (dt.datetime(2026, 12, 7, 12, tzinfo=UTC), RemindWhen.MORNING_OF, dt.datetime(2026, 12, 8, 8, tzinfo=UTC), 8),
        # Monday 7pm: too late for "the day before" tomorrow's, so the Tuesday after.
        (
            dt.datetime(2026, 12, 7, 19, tzinfo=UTC),
            RemindWhen.DAY_BEFORE,
            dt.datetime(2026, 12, 14, 18, tzinfo=UTC),
            15,
        ),
    ],
)
def test_the_reminder_goes_before_the_next_session_it_can(
    now: dt.datetime, when: RemindWhen, sent: dt.datetime, session: int
) -> None:
    plan = plan_reminder(TUESDAYS_10AM, when, now)
    assert plan is not None and plan.send_at == sent and plan.session == dt.date(2026, 12, session)


def test_london_summer_time_is_kept() -> None:
    plan = plan_reminder(TUESDAYS_10AM, RemindWhen.DAY_BEFORE, dt.datetime(2026, 7, 6, 9, tzinfo=UTC))
    assert plan is not None and plan.send_at == dt.datetime(2026, 7, 6, 17, tzinfo=UTC)  # 6pm BST


def test_an_early_session_is_reminded_an_hour_before_it_opens() -> None:
    early = card(meets("TU", dt.time(7, 30)))
    plan = plan_reminder(early, RemindWhen.MORNING_OF, dt.datetime(2026, 12, 7, 12, tzinfo=UTC))
    assert plan is not None and plan.send_at == dt.datetime(2026, 12, 8, 6, 30, tzinfo=UTC)


def test_the_soonest_of_several_schedules_and_a_monthly_rule() -> None:
    both = card(meets("3TU", dt.time(14), freq="MONTHLY"), meets("FR", dt.time(10)))
    plan = plan_reminder(both, RemindWhen.MORNING_OF, dt.datetime(2026, 12, 12, 12, tzinfo=UTC))  # a Saturday
    assert plan is not None and plan.session == dt.date(2026, 12, 15)  # third Tuesday, before Friday 18th


def test_no_regular_days_means_no_reminder() -> None:
    assert (
        plan_reminder(card(Meeting((), None, None)), RemindWhen.DAY_BEFORE, dt.datetime(2026, 12, 7, tzinfo=UTC))
        is None
    )
    assert plan_reminder(card(), RemindWhen.DAY_BEFORE, dt.datetime(2026, 12, 7, tzinfo=UTC)) is None


def test_the_reminder_names_the_session_it_was_set_for() -> None:
    assert session_after(TUESDAYS_10AM, dt.datetime(2026, 12, 7, 18, tzinfo=UTC)) == (dt.date(2026, 12, 8), dt.time(10))
    assert session_after(TUESDAYS_10AM, dt.datetime(2026, 12, 8, 8, tzinfo=UTC)) == (dt.date(2026, 12, 8), dt.time(10))


def test_the_follow_up_goes_at_10am_a_week_later_and_answers_are_kept_by_week() -> None:
    assert follow_up_time(dt.datetime(2026, 12, 7, 23, 30, tzinfo=UTC)) == dt.datetime(2026, 12, 14, 10, tzinfo=UTC)
    assert week_of(dt.datetime(2026, 12, 10, 9, tzinfo=UTC)) == dt.date(2026, 12, 7)
