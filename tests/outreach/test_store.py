"""The runtime stores what the engine asked for: the address encrypted, never in clear, and
cancelled by "cancel my reminder", STOP and "delete my data"; follow-up answers with no key."""

from __future__ import annotations

import datetime as dt
import secrets

from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlmodel import Session, SQLModel, select

from assistant.channels import optouts
from assistant.conversation.runtime import Conversations
from assistant.directory.models import Schedule, Service
from assistant.engine.state import Profile, State
from assistant.matching.matcher import Matcher
from assistant.outreach.crypto import Cipher
from assistant.outreach.models import FollowUpAnswer
from assistant.outreach.turns import MAX_REMINDERS
from assistant.settings import DEVELOPMENT_REMINDER_KEY, Settings
from tests.outreach.conftest import AREA, KNIT, PHONE, SENDER, World, save_state


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC)  # SQLite gives naive UTC back


def everything_stored(world: World) -> str:
    """Every value in every table, as text."""
    with Session(world.engine) as session:
        return "\n".join(
            repr(tuple(row)) for table in SQLModel.metadata.sorted_tables for row in session.execute(table.select())
        )


def test_a_reminder_is_stored_with_the_address_encrypted_and_nowhere_in_clear(world: World) -> None:
    world.show()
    said = world.say("1", "yes", "remind me", "1")
    assert "Would you like a message in a week" in said[0][-1]
    assert said[3] == [
        "Done. I will remind you about Knit and Natter on Monday 7 December at 6pm. Say cancel my reminder to stop it."
    ]
    [reminder], [follow_up] = world.pending()
    assert (reminder.channel, reminder.service_id, reminder.attempts) == ("sms", KNIT, 0)
    assert reminder.key == world.conversations.key("sms", SENDER)
    assert utc(reminder.send_at) == dt.datetime(2026, 12, 7, 18, tzinfo=dt.UTC)
    assert utc(follow_up.send_at) == dt.datetime(2026, 12, 14, 10, tzinfo=dt.UTC)
    cipher = Cipher(DEVELOPMENT_REMINDER_KEY)
    assert cipher.open(reminder.address) == SENDER == cipher.open(follow_up.address)
    stored = everything_stored(world)
    assert SENDER not in stored and SENDER.removeprefix("+44") not in stored


def test_asking_again_moves_the_reminder_rather_than_adding_one(world: World) -> None:
    world.show()
    world.say("1", "no", "remind me the day before", "remind me the morning of")
    [reminder], [] = world.pending()
    assert utc(reminder.send_at) == dt.datetime(2026, 12, 8, 8, tzinfo=dt.UTC)


def test_the_web_cannot_reach_anyone_later_so_nothing_is_stored(world: World) -> None:
    world.show("web")
    said = world.say("1", "remind me the day before", channel="web")
    assert len(said[0]) == 1  # the details, and no follow-up offered
    assert said[1] == [
        "Reminders work by text, WhatsApp or Telegram: I have no way to reach you here later. "
        "Write down the day and time, or message Dayfinder from your phone."
    ]
    assert world.pending() == ([], [])


def test_on_whatsapp_only_a_reminder_within_its_24_hour_window_is_stored(world: World) -> None:
    world.show("whatsapp")
    said = world.say("1", "remind me the morning of", channel="whatsapp")
    assert len(said[0]) == 1  # the details: a follow-up in a week could never be sent
    assert said[1][0].startswith("Done. I will remind you about Knit and Natter on Tuesday 8 December at 8am.")
    world.clock.now += dt.timedelta(hours=7)  # Monday 7pm: the next "day before" is next Monday, too far off
    [[refused]] = world.say("remind me the day before", channel="whatsapp")
    assert "WhatsApp only lets me message you within a day" in refused and "Tuesday 15 December" in refused
    [reminder], [] = world.pending()
    assert utc(reminder.send_at) == dt.datetime(2026, 12, 8, 8, tzinfo=dt.UTC)


def test_with_an_approved_whatsapp_template_any_reminder_and_the_follow_up_are_offered(world: World) -> None:
    templated = world.settings.model_copy(update={"twilio_whatsapp_template": "HX" + "b" * 32})
    world.conversations = Conversations(world.engine, Matcher(world.engine), templated, clock=world.clock)
    world.show("whatsapp")
    world.clock.now += dt.timedelta(hours=7)  # Monday 7pm: the next "day before" is a week off
    said = world.say("1", "remind me the day before", channel="whatsapp")
    assert "YES or NO" in said[0][-1]  # a follow-up in a week can be sent now, so it is offered
    assert said[1][0].startswith("Done. I will remind you about Knit and Natter on Monday 14 December")
    [reminder], [] = world.pending()
    assert utc(reminder.send_at) == dt.datetime(2026, 12, 14, 18, tzinfo=dt.UTC)  # 6pm, London in winter


def test_a_listing_with_no_regular_times_offers_its_contact_instead(world: World) -> None:
    world.show()
    said = world.say("2", "no", "remind me the day before")
    assert PHONE in said[2][0] and "does not list regular times" in said[2][0]
    assert world.pending() == ([], [])


def test_cancel_stop_and_delete_my_data_each_cancel_them(world: World) -> None:
    key = world.conversations.key("sms", SENDER)
    for cancel in ("cancel my reminder", "STOP", "delete my data"):
        world.show()
        world.say("1", "yes", "remind me the day before")
        assert [len(rows) for rows in world.pending()] == [1, 1]
        if cancel == "STOP":  # the carrier keyword, as the SMS and WhatsApp webhooks record it
            optouts.opt_out(world.engine, "sms", key, world.clock.now)
            optouts.opt_in(world.engine, "sms", key)
        else:
            world.say(cancel)
        assert world.pending() == ([], []), cancel


def test_the_follow_up_answer_is_kept_with_no_key(world: World) -> None:
    asked = State(started=world.clock.now, follow_up=KNIT, profile=Profile(needs=("need-autism",)))
    save_state(world.conversations, world.engine, "sms", SENDER, asked)
    world.clock.now += dt.timedelta(days=3)  # Thursday
    [[thanks]] = world.say("YES")
    assert thanks.startswith("Thank you, that's good to hear.")
    with Session(world.engine) as session:
        [answer] = session.exec(select(FollowUpAnswer)).all()
    kept = (answer.activities, answer.needs, answer.area, answer.answer, answer.week)
    assert kept == ("activity-crafts-knitting", "need-autism", AREA, "yes", dt.date(2026, 12, 7))
    assert set(FollowUpAnswer.model_fields) == {"id", "activities", "needs", "area", "answer", "week"}


def test_outside_development_the_public_key_leaves_reminders_off(world: World) -> None:
    strong = {"identity_secret": secrets.token_urlsafe(32), "staff_session_secret": secrets.token_urlsafe(32)}
    keys = {DEVELOPMENT_REMINDER_KEY: False, "not a fernet key": False, Fernet.generate_key().decode(): True}
    for key, on in keys.items():
        settings = Settings(dayfinder_env="production", reminder_key=SecretStr(key), **strong)  # type: ignore[arg-type]
        world.conversations = Conversations(world.engine, Matcher(world.engine), settings, clock=world.clock)
        world.show()
        said = world.say("1", "remind me the day before")
        assert ("Done." in said[1][0]) is on, key


def test_one_person_can_hold_only_a_few_reminders(world: World) -> None:
    extra = [f"svc-walk-{n}" for n in range(MAX_REMINDERS + 1)]
    with Session(world.engine) as session:
        for sid in extra:
            session.add(Service(id=sid, organization_id="org-ivel", name=f"Walk {sid[-1]}", area=AREA))
            session.flush()
            session.add(Schedule(id=f"sch-{sid}", service_id=sid, freq="WEEKLY", byday="WE", opens_at=dt.time(11)))
        session.commit()
    for number, sid in enumerate(extra, start=1):
        state = State(started=world.clock.now, searched=True, shown=tuple(extra), consent_asked=True)
        save_state(world.conversations, world.engine, "sms", SENDER, state)
        [[_details], [answer]] = world.say(str(number), "remind me the day before")
        assert answer.startswith("Done.") is (number <= MAX_REMINDERS), sid
    assert answer.startswith("You already have as many reminders as I can keep.")
    assert len(world.pending()[0]) == MAX_REMINDERS
