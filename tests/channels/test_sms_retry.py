"""A Twilio retry that gives up waiting for the first copy's answer never answers the message again.

The first copy of a message is held in the middle of its turn (just after reading the person's
state) for longer than a retry waits; the retry must then answer nothing rather than run the
turn a second time, and the conversation moves on exactly once. Over the real webhook, on SQLite
and PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine, event

from assistant.app import create_app
from assistant.channels import sms
from assistant.directory.sample import load_sample
from assistant.settings import PROJECT_DIR, Settings
from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL
from tests.channels.conftest import OFF
from tests.channels.sms_helpers import post_sms, say, texts, twilio_form

HOLD_SECONDS = 5.0


@pytest.fixture
def client(engine: Engine, database_url: str) -> Iterator[TestClient]:
    """SMS on, over the sample directory in each configured database."""
    load_sample(engine, PROJECT_DIR / "directory_data")
    sms_on = {
        "public_base_url": PUBLIC_URL,
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": SecretStr(AUTH_TOKEN),
        "twilio_from_number": FROM_NUMBER,
    }
    settings = Settings(**{**OFF, **sms_on}, database_url=database_url)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@contextmanager
def first_turn_held(engine: Engine) -> Iterator[tuple[threading.Event, threading.Event]]:
    """(held, release): ``held`` is set once the next turn is stopped as it starts; setting
    ``release`` lets it go on (it goes on by itself after HOLD_SECONDS)."""
    held, release = threading.Event(), threading.Event()

    def hold(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        # The turn's first statement: SQLite's BEGIN IMMEDIATE (taking the write lock would keep
        # the retry from even claiming the message), or PostgreSQL's insert of the state row.
        if statement.startswith(("BEGIN IMMEDIATE", "INSERT INTO conversation_state")) and not held.is_set():
            held.set()
            release.wait(HOLD_SECONDS)

    event.listen(engine, "before_cursor_execute", hold)
    try:
        yield held, release
    finally:
        event.remove(engine, "before_cursor_execute", hold)


SAID = ("hi", "for me", "knitting", "skip")  # "knitting" is the message delivered twice


def test_a_retry_that_times_out_waiting_does_not_answer_the_message_again(
    client: TestClient, sender: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sms, "RETRY_WAIT_SECONDS", 0.3)
    once = [say(client, "+447700900998", said) for said in SAID]  # the same conversation, no retry
    say(client, sender, SAID[0])
    say(client, sender, SAID[1])
    form = twilio_form(sender, SAID[2])
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    with first_turn_held(engine) as (held, release), ThreadPoolExecutor(1) as pool:
        first = pool.submit(lambda: texts(post_sms(client, form)))
        assert held.wait(HOLD_SECONDS)
        retried = texts(post_sms(client, form))  # waits 0.3 s for the first copy, which is still held
        release.set()
        answered = first.result(timeout=30)
    assert retried == []
    assert answered == once[2]
    assert texts(post_sms(client, form)) == answered  # a later retry gets the first copy's answer
    # Moved on once: the next message is answered as in the conversation without a retry.
    assert say(client, sender, SAID[3]) == once[3]
