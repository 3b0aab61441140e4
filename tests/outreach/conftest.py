"""Two small listings (one meeting on Tuesdays at 10am, one with no regular times), the runtime
over them with a settable clock, and a conversation already showing them as results.

Listings are written directly rather than loading the whole sample directory, so that each test
gets a fresh database of each backend quickly and knows exactly when its group meets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.conversation import store
from assistant.conversation.runtime import Conversations
from assistant.directory.models import Organization, Phone, Schedule, Service, ServiceTerm, TaxonomyTerm
from assistant.engine.replies import Inbound
from assistant.engine.state import Profile, State
from assistant.matching.matcher import Matcher
from assistant.outreach.crypto import Cipher
from assistant.outreach.job import RunResult, SendJob, channel_senders
from assistant.outreach.models import FollowUp, Reminder
from assistant.settings import DEVELOPMENT_REMINDER_KEY, Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, BOT_TOKEN, FROM_NUMBER
from tests.channels.conftest import bot_api  # noqa: F401 (the channel tests' fixture, shared)
from tests.channels.fake_telegram import FakeBotApi
from tests.channels.fake_twilio import FakeTwilio
from tests.channels.fake_twilio import serve as serve_twilio

KNIT = "svc-knit"  # Tuesdays 10am to 12pm
DROP_IN = "svc-drop-in"  # no regular times
AREA = "Central Bedfordshire"
PHONE = "01632 960001"
# Monday 7 December 2026, noon in London (GMT): the knitting group next meets tomorrow at 10am.
MONDAY_NOON = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
SENDER = "+447700900321"  # Ofcom's drama range: never a real person's


class Clock:
    def __init__(self, now: dt.datetime = MONDAY_NOON) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def add_listings(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Organization(id="org-ivel", name="Ivel Valley Friendship Trust"))
        session.add(TaxonomyTerm(id="activity-crafts-knitting", name="Knit and natter", taxonomy="dayfinder"))
        session.flush()
        session.add(Service(id=KNIT, organization_id="org-ivel", name="Knit and Natter", area=AREA))
        session.add(Service(id=DROP_IN, organization_id="org-ivel", name="Drop-in Cafe", area=AREA))
        session.flush()
        session.add(
            Schedule(
                id="sch-knit", service_id=KNIT, freq="WEEKLY", byday="TU", opens_at=dt.time(10), closes_at=dt.time(12)
            )
        )
        session.add(Phone(id="ph-knit", service_id=KNIT, number=PHONE))
        session.add(Phone(id="ph-drop", service_id=DROP_IN, number=PHONE))
        session.add(
            ServiceTerm(id="st-knit", service_id=KNIT, term_id="activity-crafts-knitting", link_type="activity")
        )
        session.commit()


@pytest.fixture
def listings(engine: Engine) -> Engine:
    add_listings(engine)
    return engine


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake_twilio() -> Iterator[tuple[FakeTwilio, str]]:
    with serve_twilio() as served:
        yield served


@pytest.fixture
def fake_telegram(bot_api: tuple[FakeBotApi, str]) -> tuple[FakeBotApi, str]:  # noqa: F811
    """The Bot API fake of the channel tests (one per module), emptied for each test."""
    bot_api[0].clear()
    return bot_api


@pytest.fixture
def settings(listings: Engine, fake_twilio: tuple[FakeTwilio, str], fake_telegram: tuple[FakeBotApi, str]) -> Settings:
    """Development settings (the public reminder key) with SMS and Telegram pointed at the fakes."""
    return Settings(
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=SecretStr(AUTH_TOKEN),
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url=fake_twilio[1],
        telegram_bot_token=SecretStr(BOT_TOKEN),
        telegram_api_base_url=fake_telegram[1],
    )


@pytest.fixture
def conversations(listings: Engine, settings: Settings, clock: Clock) -> Conversations:
    return Conversations(listings, Matcher(listings), settings, clock=clock)


def save_state(conversations: Conversations, engine: Engine, channel: str, sender: str, state: State) -> None:
    """Put the person's conversation where a test needs it."""
    now = state.started or MONDAY_NOON
    with Session(engine) as session:
        store.save(session, conversations.key(channel, sender), channel, state.to_json(), now, dt.timedelta(days=30))
        session.commit()


def showing_results(conversations: Conversations, engine: Engine, channel: str, sender: str, now: dt.datetime) -> None:
    """Put the person where a search has just shown both listings, needing autism support."""
    state = State(started=now, searched=True, shown=(KNIT, DROP_IN), profile=Profile(needs=("need-autism",)))
    save_state(conversations, engine, channel, sender, state)


@dataclass
class World:
    """The runtime over the listings, its clock, the fake Twilio and Telegram, and what is pending."""

    conversations: Conversations
    engine: Engine
    settings: Settings
    clock: Clock
    twilio: FakeTwilio
    telegram: FakeBotApi

    def show(self, channel: str = "sms", sender: str = SENDER) -> None:
        showing_results(self.conversations, self.engine, channel, sender, self.clock.now)

    def say(self, *messages: str, channel: str = "sms", sender: str = SENDER) -> list[list[str]]:
        """The replies' texts, a list a message."""
        turn = self.conversations.turn
        return [[r.text for r in turn(channel, sender, Inbound(m)).replies] for m in messages]

    def remind(self, sender: str = SENDER, channel: str = "sms") -> None:
        """Ask for a reminder the day before the knitting group (Tuesdays at 10am)."""
        self.show(channel, sender)
        self.say("1", "no", "remind me the day before", channel=channel, sender=sender)

    def run(self, now: dt.datetime, settings: Settings | None = None) -> RunResult:
        """One run of the send job at ``now``."""
        senders = channel_senders(settings or self.settings, self.engine)
        return SendJob(self.engine, Cipher(DEVELOPMENT_REMINDER_KEY), senders).run(now)

    def pending(self) -> tuple[list[Reminder], list[FollowUp]]:
        with Session(self.engine) as session:
            return list(session.exec(select(Reminder)).all()), list(session.exec(select(FollowUp)).all())

    def rows(self) -> list[Reminder | FollowUp]:
        reminders, follow_ups = self.pending()
        return [*reminders, *follow_ups]


@pytest.fixture
def world(
    conversations: Conversations,
    listings: Engine,
    settings: Settings,
    clock: Clock,
    fake_twilio: tuple[FakeTwilio, str],
    fake_telegram: tuple[FakeBotApi, str],
) -> World:
    return World(conversations, listings, settings, clock, fake_twilio[0], fake_telegram[0])
