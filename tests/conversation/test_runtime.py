"""The conversation runtime on each database: state kept by HMAC key, expiry, deletion."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.conversation.runtime import Conversations, purge_idle
from assistant.conversation.store import ConversationState
from assistant.engine.replies import Inbound
from assistant.matching.matcher import Matcher
from assistant.settings import Settings

START = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


def runtime(engine: Engine, clock: Clock) -> Conversations:
    return Conversations(engine, Matcher(engine), Settings(conversation_days=30), clock=clock)


def rows(engine: Engine) -> list[ConversationState]:
    with Session(engine) as session:
        return list(session.exec(select(ConversationState)))


def test_state_is_kept_under_an_hmac_never_the_sender_id(engine: Engine) -> None:
    conversations = runtime(engine, Clock())
    conversations.turn("sms", "+447700900123", Inbound("hi"))
    [row] = rows(engine)
    assert "447700900123" not in row.key + row.state
    assert row.key == conversations.key("sms", "+447700900123") and len(row.key) == 64


def test_the_conversation_carries_on_between_turns(engine: Engine) -> None:
    conversations = runtime(engine, Clock())
    conversations.turn("web", "abc", Inbound("hi"))
    second = conversations.turn("web", "abc", Inbound("for me"))
    assert [r.key for r in second.replies] == ["understood", "ask.interests"]


def test_message_text_is_never_stored(engine: Engine) -> None:
    conversations = runtime(engine, Clock())
    conversations.turn("web", "abc", Inbound("hi"))
    conversations.turn("web", "abc", Inbound("for me, I love knitting and zebras"))
    assert "zebras" not in rows(engine)[0].state


def test_delete_my_data_removes_the_state_and_confirms(engine: Engine) -> None:
    conversations = runtime(engine, Clock())
    conversations.turn("web", "abc", Inbound("hi"))
    result = conversations.turn("web", "abc", Inbound("delete my data"))
    assert result.deleted and result.replies[-1].key == "delete_done"
    assert rows(engine) == []


def test_idle_state_expires_after_thirty_days_and_purge_removes_it(engine: Engine) -> None:
    clock = Clock()
    conversations = runtime(engine, clock)
    conversations.turn("web", "abc", Inbound("hi"))
    conversations.turn("web", "def", Inbound("hi"))
    clock.now = START + dt.timedelta(days=29)
    conversations.turn("web", "def", Inbound("for me"))
    clock.now = START + dt.timedelta(days=30, minutes=1)
    assert purge_idle(engine, clock) == 1
    assert [r.key for r in rows(engine)] == [conversations.key("web", "def")]


def test_an_expired_conversation_starts_afresh(engine: Engine) -> None:
    clock = Clock()
    conversations = runtime(engine, clock)
    conversations.turn("web", "abc", Inbound("hi"))
    clock.now = START + dt.timedelta(days=31)
    result = conversations.turn("web", "abc", Inbound("hello"))
    assert result.replies[0].key == "greeting"
