"""More turns at once than pooled connections: every one is answered, none fails with a 500.

A turn holds its locked state row on one connection for the whole turn, so the search it runs
must read on that same connection: were it to take a second one, enough turns at once would
each hold one connection and wait for another until the pool timed out. A pool that does run
dry (a connection held elsewhere) gets the friendly "try again", never a 500. SQLite and
PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from functools import partial
from typing import TypeVar

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.exc import TimeoutError as PoolTimeout

from assistant.app import create_app
from assistant.conversation.runtime import Conversations
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.engine.replies import Inbound
from assistant.matching.matcher import Matcher
from assistant.settings import PROJECT_DIR, Settings

T = TypeVar("T")
# Enough for a search; "skip" answers any question still asked until results are shown, after
# which "more" searches again (for the next page).
ASKED = "for me near B91 1AA, anything"
TURNS = 6


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        start.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def test_more_searching_turns_at_once_than_pooled_connections_all_get_results(
    engine: Engine, database_url: str
) -> None:
    load_sample(engine, PROJECT_DIR / "directory_data")
    one_connection = make_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=30)
    try:
        conversations = Conversations(one_connection, Matcher(one_connection), Settings())
        senders = [f"web-pool-{n}" for n in range(TURNS)]
        for sender in senders:
            said = ASKED
            while "results" not in [r.key for r in conversations.turn("web", sender, Inbound(said)).replies]:
                said = "skip"
        results = at_once([partial(conversations.turn, "web", s, Inbound("more")) for s in senders])
    finally:
        one_connection.dispose()
    assert not any(r.failed for r in results)
    assert all(r.replies[0].key == "results" and r.replies[0].cards for r in results)


def chat(client: TestClient, session: str | None, said: str) -> tuple[int, dict[str, object]]:
    response = client.post("/api/chat", json={"session": session, "text": said})
    return response.status_code, response.json()


def test_the_web_chat_answers_every_one_of_many_searches_at_once_with_a_small_pool(
    engine: Engine, database_url: str
) -> None:
    """Three times as many searches at once as the worker has threads (and connections)."""
    load_sample(engine, PROJECT_DIR / "directory_data")
    app = create_app(Settings(database_url=database_url, worker_threads=2, database_pool_timeout=30))
    with TestClient(app) as client:
        sessions = []
        for _ in range(TURNS):
            session: str | None = None
            said = ASKED
            while True:
                status, body = chat(client, session, said)
                assert status == 200
                session, said = str(body["session"]), "skip"
                if any(reply["results"] for reply in body["replies"]):  # type: ignore[attr-defined]
                    break
            sessions.append(session)
        answers = at_once([partial(chat, client, s, "more") for s in sessions])
    assert [status for status, _ in answers] == [200] * TURNS
    assert all(body["replies"][0]["results"] for _, body in answers)  # type: ignore[index]


def test_a_pool_with_no_free_connection_asks_to_try_again(engine: Engine, database_url: str) -> None:
    load_sample(engine, PROJECT_DIR / "directory_data")
    app = create_app(Settings(database_url=database_url, worker_threads=1, database_pool_timeout=0.2))
    with TestClient(app) as client, ExitStack() as held:
        while True:  # take every connection the pool will give
            try:
                held.enter_context(app.state.engine.connect())
            except PoolTimeout:
                break
        status, body = chat(client, None, "hi")
        assert status == 503
        assert "try again" in body["replies"][0]["text"]  # type: ignore[index]
        listing = client.get("/oruk/services")
        assert listing.status_code == 503 and "try again" in listing.json()["replies"][0]["text"]
