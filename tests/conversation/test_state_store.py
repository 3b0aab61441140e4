"""The conversation state's one read and one write a turn, and turns that never wait for each other.

A turn reads its person's state in one statement (locking it on PostgreSQL) and writes it in one;
each write moves ``updated_at`` on, so a turn on SQLite can tell that another process wrote the
person's state meanwhile and start again from it. Different people's turns in one process run at
the same time, a search included; one person's still run one after the other. Runs on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session

from assistant.conversation import store
from assistant.conversation.runtime import Conversations, TurnResult
from assistant.directory.db import make_engine, session_scope
from assistant.directory.sample import load_sample
from assistant.engine.replies import Inbound
from assistant.engine.slots import Slot
from assistant.engine.state import Profile, State
from assistant.engine.understand import understand
from assistant.matching.matcher import Matcher
from assistant.matching.results import ResultsPage
from assistant.settings import PROJECT_DIR, Settings

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
KEEP = dt.timedelta(days=30)
WAIT = 30.0  # seconds; only reached when something is wrong


def fixed() -> dt.datetime:
    return NOW


def stored(engine: Engine, key: str) -> store.Held:
    with Session(engine) as session:
        return store.peek(session, key, NOW)


def test_a_write_then_a_read_round_trips_and_moves_updated_at_on_even_when_the_clock_stands(engine: Engine) -> None:
    held = stored(engine, "k")
    assert held == store.Held("", None)
    for text in ("one", "two"):
        with session_scope(engine) as session:
            store.write(session, "k", "web", text, NOW, KEEP, held)
        again = stored(engine, "k")
        assert again.state == text and again.updated_at is not None
        assert held.updated_at is None or again.updated_at > held.updated_at
        held = again


def test_an_expired_state_reads_as_none(engine: Engine) -> None:
    with session_scope(engine) as session:
        store.write(session, "k", "web", "old", NOW - KEEP - dt.timedelta(days=1), KEEP, store.Held("", None))
    assert stored(engine, "k").state == ""


def test_unchanged_sees_a_write_by_another_engine(engine: Engine, database_url: str) -> None:
    with session_scope(engine) as session:
        store.write(session, "k", "web", "one", NOW, KEEP, store.Held("", None))
    held = stored(engine, "k")
    other = make_engine(database_url)
    try:
        with session_scope(other) as session:
            assert store.unchanged(session, "k", held)
            store.write(session, "k", "web", "two", NOW, KEEP, held)
    finally:
        other.dispose()
    with Session(engine) as session:
        assert not store.unchanged(session, "k", held)
        assert not store.unchanged(session, "new", held)
        assert store.unchanged(session, "new", store.Held("", None))


def test_claim_creates_a_new_persons_row_and_reads_what_was_written(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("claim is PostgreSQL's locking read")
    with session_scope(engine) as session:
        held = store.claim(session, "k", NOW, "web")
        assert held.state == ""
        store.write(session, "k", "web", "one", NOW, KEEP, held)
    with session_scope(engine) as session:
        assert store.claim(session, "k", NOW, "web").state == "one"


def interests(engine: Engine, conversations: Conversations, sender: str) -> set[str]:
    with Session(engine) as session:
        return set(State.from_json(store.peek(session, conversations.key("sms", sender), NOW).state).profile.interests)


def interest(word: str) -> set[str]:
    return set(understand(word, expecting=Slot.INTERESTS).interests)


def test_a_sqlite_turn_that_clashes_with_another_process_starts_again_and_loses_nothing(
    engine: Engine, database_url: str
) -> None:
    """Between this turn's read and its write, another worker answers the same person."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's turns hold the row from their first statement")
    here = Conversations(engine, Matcher(engine), Settings(), clock=fixed)
    for text in ("hi", "for me"):
        here.turn("sms", "+447700900401", Inbound(text))
    other = make_engine(database_url)
    there = Conversations(other, Matcher(other), Settings(), clock=fixed)
    meddled = threading.Event()

    def meddle(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("SELECT conversation_state.state") and not meddled.is_set():
            meddled.set()
            there.turn("sms", "+447700900401", Inbound("swimming"))  # commits while this turn reads

    event.listen(engine, "after_cursor_execute", meddle)
    try:
        result = here.turn("sms", "+447700900401", Inbound("knitting"))
    finally:
        event.remove(engine, "after_cursor_execute", meddle)
        other.dispose()
    assert meddled.is_set() and not result.failed
    assert interests(engine, here, "+447700900401") == interest("knitting") | interest("swimming")


class Paused(Matcher):
    """The real matcher, whose first search waits for ``go`` once it has started (``searching``)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.searching, self.go = threading.Event(), threading.Event()

    def search(self, profile: Profile, page: int, page_size: int, *, session: Session | None = None) -> ResultsPage:
        if not self.searching.is_set():
            self.searching.set()
            assert self.go.wait(WAIT), "the search was never let go"
        return super().search(profile, page, page_size, session=session)


def held_search(engine: Engine) -> tuple[Paused, Conversations, ThreadPoolExecutor, Future[TurnResult]]:
    """A person's turn, in its own thread, held inside its search."""
    load_sample(engine, PROJECT_DIR / "directory_data")
    matcher = Paused(engine)
    conversations = Conversations(engine, matcher, Settings())
    for text in ("hi", "for me near LU7 1AA"):
        conversations.turn("web", "searcher", Inbound(text))
    pool = ThreadPoolExecutor(1)
    searching = pool.submit(conversations.turn, "web", "searcher", Inbound("skip"))
    assert matcher.searching.wait(WAIT)
    return matcher, conversations, pool, searching


def test_one_persons_search_never_holds_up_anyone_elses_turn(engine: Engine) -> None:
    matcher, conversations, pool, searching = held_search(engine)
    try:
        # While that search is held, someone else's turns are answered and stored.
        for text in ("hi", "for me"):
            assert not conversations.turn("web", "someone else", Inbound(text)).failed
        assert not searching.done()
    finally:
        matcher.go.set()
        pool.shutdown()
    assert searching.result().replies[0].key == "results"


def test_the_same_persons_next_message_waits_for_their_search(engine: Engine) -> None:
    matcher, conversations, first_pool, first = held_search(engine)
    second_pool = ThreadPoolExecutor(1)
    second = second_pool.submit(conversations.turn, "web", "searcher", Inbound("more"))
    try:
        threading.Event().wait(0.5)  # time enough for a second turn that did not wait to finish
        assert not second.done()
    finally:
        matcher.go.set()
        first_pool.shutdown()
        second_pool.shutdown()
    shown = first.result().replies[0]
    more = second.result().replies[0]  # the next page: "more" saw the first one
    assert shown.key == more.key == "results"
    assert not {c.id for c in shown.cards} & {c.id for c in more.cards}
