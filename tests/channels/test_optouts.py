"""Opt-outs and answered-message claims, on every configured database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from assistant.channels import optouts
from assistant.channels.optouts import ChannelMessage, Seen

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
KEY = "a" * 64

pytestmark = pytest.mark.storage


def test_a_message_is_claimed_once_and_a_retry_gets_the_recorded_answer(engine: Engine) -> None:
    assert optouts.claim(engine, "sms", "SM1", KEY, NOW) is None
    assert optouts.claim(engine, "sms", "SM1", KEY, NOW) == Seen(None)  # still being answered
    optouts.record(engine, "sms", "SM1", KEY, "<Response/>", NOW)
    assert optouts.claim(engine, "sms", "SM1", KEY, NOW) == Seen("<Response/>")
    assert optouts.claim(engine, "telegram", "SM1", KEY, NOW) is None  # ids are per channel


def test_a_released_claim_can_be_claimed_again(engine: Engine) -> None:
    assert optouts.claim(engine, "sms", "SM2", KEY, NOW) is None
    optouts.release(engine, "sms", "SM2")
    assert optouts.claim(engine, "sms", "SM2", KEY, NOW) is None


def test_answers_expire_after_a_day(engine: Engine) -> None:
    optouts.claim(engine, "sms", "SM3", KEY, NOW)
    optouts.claim(engine, "sms", "SM4", KEY, NOW + dt.timedelta(days=1, seconds=1))
    with Session(engine) as session:
        assert [r.message_id for r in session.exec(select(ChannelMessage)).all()] == ["SM4"]


def test_forgetting_a_person_drops_their_answers_only(engine: Engine) -> None:
    optouts.claim(engine, "sms", "SM5", KEY, NOW)
    optouts.claim(engine, "sms", "SM6", "b" * 64, NOW)
    optouts.forget_answers(engine, KEY)
    with Session(engine) as session:
        assert [r.key for r in session.exec(select(ChannelMessage)).all()] == ["b" * 64]


def test_opting_out_and_back_in(engine: Engine) -> None:
    assert not optouts.is_opted_out(engine, "sms", KEY)
    optouts.opt_out(engine, "sms", KEY, NOW)
    optouts.opt_out(engine, "sms", KEY, NOW)  # twice is harmless
    assert optouts.is_opted_out(engine, "sms", KEY)
    assert not optouts.is_opted_out(engine, "telegram", KEY)
    optouts.opt_in(engine, "sms", KEY)
    assert not optouts.is_opted_out(engine, "sms", KEY)
