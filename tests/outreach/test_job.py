"""``dayfinder reminders send``: due messages go out through Twilio and Telegram (local fakes on
127.0.0.1), each row is deleted once sent, failures are retried a bounded number of times, and
two jobs at once send each message once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from assistant.channels.optouts import ChannelOptOut
from assistant.cli import app as cli
from assistant.outreach.job import MAX_ATTEMPTS, RunResult
from assistant.outreach.models import FollowUpAnswer
from tests.outreach.conftest import KNIT, PHONE, SENDER, World

SIX_PM = dt.datetime(2026, 12, 7, 18, 0, tzinfo=dt.UTC)  # "the day before" Tuesday's session


def test_a_due_text_reminder_is_sent_then_its_row_deleted(world: World) -> None:
    world.remind()
    assert world.run(SIX_PM - dt.timedelta(minutes=1)) == RunResult()  # not due yet
    assert world.run(SIX_PM) == RunResult(sent=1)
    [message] = world.twilio.created
    assert message["To"] == SENDER
    assert message["Body"] == (
        f"Reminder from Dayfinder: Knit and Natter is on Tuesday 8 December at 10am. To check it is still on: {PHONE}. "
        "Reply cancel my reminder to stop reminders."
    )
    assert world.rows() == []
    assert world.run(SIX_PM + dt.timedelta(minutes=5)) == RunResult()
    assert len(world.twilio.created) == 1


def test_a_telegram_reminder_goes_through_the_bot_api(world: World) -> None:
    world.remind(sender="123456789", channel="telegram")
    assert world.run(SIX_PM) == RunResult(sent=1)
    [sent] = world.telegram.sent()
    assert int(sent.params["chat_id"]) == 123456789
    assert "Knit and Natter is on Tuesday 8 December" in sent.params["text"]
    assert world.rows() == [] and world.twilio.created == []


def test_a_failed_send_is_tried_again_next_run_then_dropped(world: World) -> None:
    world.remind()
    nowhere = world.settings.model_copy(update={"twilio_api_base_url": "http://127.0.0.1:9"})  # nothing listens
    for attempt in range(1, MAX_ATTEMPTS):
        assert world.run(SIX_PM + dt.timedelta(minutes=attempt), nowhere) == RunResult(failed=1)
        [row] = world.rows()
        assert row.attempts == attempt and row.send_at.replace(tzinfo=dt.UTC) == SIX_PM
    assert world.run(SIX_PM + dt.timedelta(minutes=10), nowhere) == RunResult(dropped=1)
    assert world.rows() == []


def test_a_reminder_too_late_to_help_is_dropped_unsent(world: World) -> None:
    world.remind()
    assert world.run(SIX_PM + dt.timedelta(hours=13)) == RunResult(dropped=1)
    assert world.twilio.created == [] and world.rows() == []


def test_a_number_that_opted_out_is_never_texted(world: World) -> None:
    world.remind()
    with Session(world.engine) as session:  # an opt-out recorded without going through opt_out()
        key = world.conversations.key("sms", SENDER)
        session.add(ChannelOptOut(channel="sms", key=key, opted_out_at=world.clock.now))
        session.commit()
    assert world.run(SIX_PM) == RunResult(dropped=1)
    assert world.twilio.created == [] and world.rows() == []


def test_a_channel_with_no_sender_set_up_leaves_its_messages_waiting(world: World) -> None:
    world.remind(channel="whatsapp")
    off = world.settings.model_copy(update={"twilio_account_sid": None})  # neither SMS nor WhatsApp can send
    assert world.run(SIX_PM, off) == RunResult(waiting=1)
    [row] = world.rows()
    assert row.attempts == 0 and row.send_at.replace(tzinfo=dt.UTC) == SIX_PM


def test_two_jobs_at_once_send_each_message_once(world: World) -> None:
    senders = [f"+4477009005{n:02d}" for n in range(24)]
    for sender in senders:
        world.remind(sender=sender)
    results: list[RunResult] = []
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        results.append(world.run(SIX_PM))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(m["To"] for m in world.twilio.created) == sorted(senders)
    assert sum(r.sent for r in results) == len(senders) and world.rows() == []


def test_the_follow_up_asks_a_week_later_and_the_answer_is_kept_without_a_key(world: World) -> None:
    world.show()
    world.say("1", "yes")
    a_week_later = dt.datetime(2026, 12, 14, 10, 0, tzinfo=dt.UTC)
    assert world.run(a_week_later - dt.timedelta(hours=1)) == RunResult()
    assert world.run(a_week_later) == RunResult(sent=1)
    assert [m["Body"] for m in world.twilio.created] == [
        "Hello from Dayfinder. Did you try Knit and Natter? Reply YES, NO or HELP."
    ]
    assert world.rows() == []
    world.clock.now = a_week_later + dt.timedelta(hours=2)
    world.say("no")
    with Session(world.engine) as session:
        [answer] = session.exec(select(FollowUpAnswer)).all()
    assert (answer.answer, answer.activities, answer.week) == ("no", "activity-crafts-knitting", dt.date(2026, 12, 14))
    assert KNIT not in repr(answer)


def test_the_command_refuses_the_public_key_outside_development(
    configured: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("DAYFINDER_ENV", "production")
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["reminders", "send"])
    assert result.exit_code == 1 and "REMINDER_KEY" in result.output
    monkeypatch.setenv("DAYFINDER_ENV", "development")
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["reminders", "send"])
    assert result.exit_code == 0 and "0 sent" in result.output
