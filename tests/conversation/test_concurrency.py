"""Two (or eight) messages from one person at the same moment: no update is ever lost (issue 8).

Each message names a different interest, sent from its own thread once the person has been
asked what they enjoy; interests add up, so afterwards the stored profile must hold every one
of them. One runtime (one process) serialises a person's turns itself; runtimes on separate
engines stand for separate worker processes, where only the database can keep turns apart (a
row lock on PostgreSQL). Duplicate webhook deliveries arriving together (the same Twilio
``MessageSid`` or Telegram ``update_id`` from several threads at once) move the conversation on
exactly once, and every copy of an SMS gets the same answer. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine, event
from sqlmodel import Session

from assistant.app import create_app
from assistant.conversation.runtime import Conversations, TurnResult
from assistant.conversation.store import ConversationState
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.engine.replies import Inbound
from assistant.engine.slots import Slot
from assistant.engine.state import State
from assistant.engine.understand import understand
from assistant.matching.matcher import Matcher
from assistant.settings import PROJECT_DIR, Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, BOT_TOKEN, FROM_NUMBER, PUBLIC_URL, WEBHOOK_SECRET
from tests.channels.fake_telegram import FakeBotApi, serve
from tests.channels.sms_helpers import new_sid, signature, texts, twilio_form
from tests.channels.telegram_helpers import text_update

INTERESTS = ("knitting", "swimming", "music", "gardening", "cooking", "dancing", "walking", "cycling")
HOLD_SECONDS = 2.0
T = TypeVar("T")


@pytest.fixture
def directory(engine: Engine) -> Engine:
    """The migrated database of each backend, holding the sample directory."""
    load_sample(engine, PROJECT_DIR / "directory_data")
    return engine


class Worker(Conversations):
    """A runtime that remembers its engine (one worker process's pool)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine, Matcher(engine), Settings())
        self.engine = engine


def runtime(engine: Engine) -> Worker:
    return Worker(engine)


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Run every call in its own thread, all released together."""
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        start.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def stored_state(engine: Engine, conversations: Conversations, channel: str, sender: str) -> State:
    with Session(engine) as session:
        row = session.get(ConversationState, conversations.key(channel, sender))
        assert row is not None
        return State.from_json(row.state)


def interest_ids(words: tuple[str, ...]) -> set[str]:
    ids = {i for w in words for i in understand(w, expecting=Slot.INTERESTS).interests}
    assert len(ids) == len(words), "each word should be a different interest"
    return ids


def asked_interests(conversations: Conversations, channel: str, sender: str) -> None:
    conversations.turn(channel, sender, Inbound("hi"))
    result = conversations.turn(channel, sender, Inbound("for me"))
    assert [r.key for r in result.replies] == ["understood", "ask.interests"]


def test_messages_from_one_person_at_the_same_moment_all_reach_the_profile(directory: Engine) -> None:
    conversations = runtime(directory)
    for count in (2, 8):
        sender = f"+4477009002{count:02d}"
        asked_interests(conversations, "sms", sender)
        words = INTERESTS[:count]
        results = at_once([partial(conversations.turn, "sms", sender, Inbound(w)) for w in words])
        assert not any(r.failed for r in results)
        assert all(r.replies and r.replies[0].key == "understood" for r in results)
        profile = stored_state(directory, conversations, "sms", sender).profile
        assert set(profile.interests) == interest_ids(words), f"{count} at once"


def on_separate_workers(database_url: str, sender: str, words: tuple[str, ...]) -> list[TurnResult]:
    """Send each word at the same moment to its own worker: a runtime on its own engine, as each
    worker process has, so only the database can keep the turns apart.

    Each time a worker reads the person's state, it is held there until every worker has read it
    as often: the moment at which, with nothing keeping them apart, each would write back its own
    update over the others'. A worker that cannot read until another has written is being kept
    apart as it should; the hold then gives up after HOLD_SECONDS and lets everyone go on.
    """
    workers = [runtime(make_engine(database_url)) for _ in words]
    rounds: dict[int, threading.Barrier] = {}
    reads: dict[int, int] = {}
    guard = threading.Lock()

    def hold(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not (statement.lstrip().upper().startswith("SELECT") and "FROM conversation_state" in statement):
            return
        with guard:
            reads[threading.get_ident()] = reads.get(threading.get_ident(), 0) + 1
            everyone = rounds.setdefault(reads[threading.get_ident()], threading.Barrier(len(workers)))
        with contextlib.suppress(threading.BrokenBarrierError):
            everyone.wait(HOLD_SECONDS)

    for worker in workers:
        worker.engine.connect().close()  # connected beforehand, so that they really start together
        event.listen(worker.engine, "after_cursor_execute", hold)
    try:
        return at_once([partial(c.turn, "sms", sender, Inbound(w)) for c, w in zip(workers, words, strict=True)])
    finally:
        for worker in workers:
            worker.engine.dispose()


def assert_never_silently_lost(engine: Engine, sender: str, words: tuple[str, ...], results: list[TurnResult]) -> None:
    """Every message is kept, or its sender is told to try again (and then it was not kept)."""
    landed = set(stored_state(engine, runtime(engine), "sms", sender).profile.interests)
    asked_again = interest_ids(tuple(w for w, r in zip(words, results, strict=True) if r.failed))
    assert landed | asked_again == interest_ids(words), "a message was neither kept nor answered 'try again'"
    assert landed.isdisjoint(asked_again)


def test_messages_reaching_separate_workers_at_once_are_never_silently_lost(
    directory: Engine, database_url: str
) -> None:
    """Eight workers each take one message from the same person at the same moment.

    PostgreSQL's row lock puts them one after the other, so all eight are kept. SQLite is for one
    worker; even so a clash there may only end in "try again", never in a message quietly dropped.
    """
    sender = "+447700900301"
    asked_interests(runtime(directory), "sms", sender)
    results = on_separate_workers(database_url, sender, INTERESTS)
    assert_never_silently_lost(directory, sender, INTERESTS, results)
    if directory.dialect.name == "postgresql":
        assert not any(r.failed for r in results)


def test_a_new_persons_first_messages_at_the_same_moment_are_both_kept(directory: Engine) -> None:
    conversations = runtime(directory)
    words = ("knitting", "swimming")
    results = at_once([partial(conversations.turn, "sms", "+447700900302", Inbound(w)) for w in words])
    assert not any(r.failed for r in results)
    profile = stored_state(directory, conversations, "sms", "+447700900302").profile
    assert set(profile.interests) == interest_ids(words)


def test_a_new_persons_first_messages_to_two_workers_at_once_are_never_silently_lost(
    directory: Engine, database_url: str
) -> None:
    """The first message has no row to lock yet: two workers must still keep both (PostgreSQL)."""
    words = ("knitting", "swimming")
    results = on_separate_workers(database_url, "+447700900303", words)
    assert_never_silently_lost(directory, "+447700900303", words, results)
    if directory.dialect.name == "postgresql":
        assert not any(r.failed for r in results), [r.replies[-1].key for r in results]


@pytest.fixture
def bot_api() -> Iterator[tuple[FakeBotApi, str]]:
    api = FakeBotApi()
    server, base_url = serve(api)
    yield api, base_url
    server.shutdown()
    server.server_close()


@pytest.fixture
def client(directory: Engine, database_url: str, bot_api: tuple[FakeBotApi, str]) -> Iterator[TestClient]:
    settings = Settings(
        database_url=database_url,
        public_base_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=SecretStr(AUTH_TOKEN),
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url="http://127.0.0.1:9",  # never called: replies go back as TwiML
        telegram_bot_token=SecretStr(BOT_TOKEN),
        telegram_webhook_secret=SecretStr(WEBHOOK_SECRET),
        telegram_api_base_url=bot_api[1],
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def sms(client: TestClient, form: dict[str, str]) -> list[str]:
    return texts(client.post("/sms/twilio", data=form, headers={"X-Twilio-Signature": signature(form)}))


@contextmanager
def first_copy_held_until_the_others_are_answered(engine: Engine, others: int) -> Iterator[Callable[[], None]]:
    """Hold the copy that got to the conversation, just after it read the person's state, until
    every other copy has been answered: the moment a copy must not be answered with less than the
    reply. Yields what each copy calls once answered. A copy that rightly waits for the reply
    keeps the hold from ending; it then gives up after HOLD_SECONDS.
    """
    all_answered = threading.Event()
    held: list[int] = []
    count = itertools.count(1)
    counting = threading.Lock()

    def hold(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "FROM conversation_state" in statement and not held:
            held.append(threading.get_ident())
            all_answered.wait(HOLD_SECONDS)

    def one_answered() -> None:
        with counting:
            if next(count) >= others:
                all_answered.set()

    event.listen(engine, "after_cursor_execute", hold)
    try:
        yield one_answered
    finally:
        event.remove(engine, "after_cursor_execute", hold)


@pytest.mark.parametrize("copies", [2, 6])
def test_an_sms_delivered_several_times_at_once_moves_on_once_and_every_copy_gets_the_answer(
    client: TestClient, copies: int
) -> None:
    sender = f"+4477009004{copies:02d}"
    sms(client, twilio_form(sender, "hi"))
    assert "What do you enjoy" in sms(client, twilio_form(sender, "for me"))[-1]
    form = twilio_form(sender, "knitting", sid=new_sid())
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    with first_copy_held_until_the_others_are_answered(engine, copies - 1) as answered:

        def deliver() -> list[str]:
            answer = sms(client, form)
            answered()
            return answer

        answers = at_once([deliver] * copies)
    assert answers[0] and "Is there a condition or need" in answers[0][-1], answers
    assert answers == [answers[0]] * copies
    # Moved on once: the needs question is still the one being asked, so "skip" skips it.
    assert "Where should I look" in sms(client, twilio_form(sender, "skip"))[-1]
    state = stored_state(engine, client.app.state.conversations, "sms", sender)  # type: ignore[attr-defined]
    assert state.profile.interests == ("activity-knit-natter",) and state.awaiting is Slot.PLACE


def test_a_telegram_update_delivered_several_times_at_once_is_answered_once(
    client: TestClient, bot_api: tuple[FakeBotApi, str]
) -> None:
    api, chat_id = bot_api[0], 5550020001
    secret = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    for said in ("hi", "for me"):
        assert client.post("/telegram/webhook", json=text_update(chat_id, said), headers=secret).status_code == 200
    api.clear()
    update = text_update(chat_id, "knitting")
    statuses = at_once([lambda: client.post("/telegram/webhook", json=update, headers=secret).status_code] * 6)
    assert statuses == [200] * 6
    sent = [c.params["text"] for c in api.sent()]
    assert len(sent) == 1 and "Is there a condition or need" in sent[0], sent
    client.post("/telegram/webhook", json=text_update(chat_id, "skip"), headers=secret)
    assert "Where should I look" in api.sent()[-1].params["text"]
