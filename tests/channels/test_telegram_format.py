"""Replies worded for Telegram: one message a turn, split under 4,096, buttons that fit 64 bytes."""

from __future__ import annotations

from assistant.channels.telegram_format import MAX_LENGTH, telegram_length, telegram_messages
from assistant.rendering.text import Rendered, RenderedOption


def test_a_turn_is_one_message_with_its_options_as_buttons() -> None:
    replies = [
        Rendered("greeting", "Hello."),
        Rendered("ask.who", "Who is it for?", [RenderedOption("For me", "for me")]),
    ]
    (message,) = telegram_messages(replies, "plain")
    assert message.text == "Hello.\n\nWho is it for?"
    assert [(b.label, b.data) for b in message.buttons] == [("For me", "for me")]


def test_a_long_reply_is_split_under_the_limit_with_buttons_on_the_last_part() -> None:
    paragraph = "A sentence of ordinary length about a day centre. " * 30
    replies = [Rendered("details", "\n\n".join([paragraph] * 8), [RenderedOption("More", "more")])]
    messages = telegram_messages(replies, "plain")
    assert len(messages) >= 2
    assert all(telegram_length(m.text) <= MAX_LENGTH for m in messages)
    assert [m.buttons for m in messages[:-1]] == [()] * (len(messages) - 1)
    assert messages[-1].buttons


def test_emoji_count_as_two_towards_the_limit() -> None:
    messages = telegram_messages([Rendered("x", "😀" * 3000)], "plain")
    assert len(messages) == 2


def test_an_option_too_long_for_callback_data_is_left_to_be_typed() -> None:
    long_value = "é" * 40  # 80 bytes
    replies = [Rendered("x", "Pick", [RenderedOption("Long", long_value), RenderedOption("Short", "short")])]
    (message,) = telegram_messages(replies, "plain")
    assert [b.data for b in message.buttons] == ["short"]
