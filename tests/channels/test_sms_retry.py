"""A Twilio retry that gives up waiting for the first copy's answer never answers the message again.

The first copy of a message is held in the middle of its turn (just after reading the person's
state) for longer than a retry waits; the retry must then answer nothing rather than run the
turn a second time, and the conversation moves on exactly once. Over the real webhook.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from assistant.channels import sms
from tests.channels.sms_helpers import post_sms, say, texts, twilio_form

HOLD_SECONDS = 5.0


@pytest.fixture
def first_copy_held(client: TestClient) -> Iterator[tuple[threading.Event, threading.Event]]:
    """(held, release): ``held`` is set once the first turn is stopped mid-way; setting
    ``release`` lets it go on (it goes on by itself after HOLD_SECONDS)."""
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    held, release = threading.Event(), threading.Event()

    def hold(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "FROM conversation_state" in statement and not held.is_set():
            held.set()
            release.wait(HOLD_SECONDS)

    event.listen(engine, "after_cursor_execute", hold)
    try:
        yield held, release
    finally:
        event.remove(engine, "after_cursor_execute", hold)


def test_a_retry_that_times_out_waiting_does_not_answer_the_message_again(
    client: TestClient, sender: str, first_copy_held: tuple[threading.Event, threading.Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sms, "RETRY_WAIT_SECONDS", 0.3)
    say(client, sender, "hi")
    assert "enjoy" in say(client, sender, "for me")[-1]
    held, release = first_copy_held
    form = twilio_form(sender, "knitting")
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(lambda: texts(post_sms(client, form)))
        assert held.wait(HOLD_SECONDS)
        retried = texts(post_sms(client, form))  # waits 0.3 s for the first copy, which is still held
        release.set()
        answered = first.result(timeout=30)
    assert retried == []
    assert "condition or need" in answered[-1]
    assert texts(post_sms(client, form)) == answered  # a later retry gets the first copy's answer
    # Moved on once: the needs question is still the one being asked, so "skip" skips just it.
    assert "Where should I look" in say(client, sender, "skip")[-1]
