"""Replies worded for a text message: numbered options, compact results, two segments at most."""

from __future__ import annotations

import datetime as dt

from assistant.channels.gsm import segments
from assistant.channels.sms_format import compact_card, pack, sms_texts
from assistant.matching.results import Card
from assistant.rendering.text import Rendered, RenderedOption


def test_options_are_numbered_when_a_number_picks_them() -> None:
    reply = Rendered(
        "ask.who",
        "Who is the activity for?",
        [
            RenderedOption("For me", "for me"),
            RenderedOption("For someone I care for", "for someone I care for"),
        ],
    )
    (message,) = sms_texts([reply], "plain")
    assert message == "Who is the activity for?\n1 For me\n2 For someone I care for\nReply 1 or 2."


def test_budget_options_are_words_because_a_number_there_is_money() -> None:
    reply = Rendered(
        "ask.budget", "How much? Say free.", [RenderedOption("Free", "free"), RenderedOption("Skip", "skip")]
    )
    (message,) = sms_texts([reply], "plain")
    assert message == "How much? Say free.\nYou can also reply: skip."


def test_options_the_reply_already_names_are_not_repeated() -> None:
    reply = Rendered("ask.interests", "What do they enjoy? You can say skip.", [RenderedOption("Skip", "skip")])
    assert sms_texts([reply], "plain") == ["What do they enjoy? You can say skip."]


def test_short_replies_share_a_message_and_long_ones_are_split_at_lines() -> None:
    lines = [f"{n}. A line of about forty characters here." for n in range(1, 13)]
    messages = sms_texts([Rendered("greeting", "Hello."), Rendered("x", "\n".join(lines))], "plain")
    assert messages[0].startswith("Hello.\n1. ")
    assert all(segments(m) <= 2 for m in messages)
    assert "\n".join(messages) == "Hello.\n" + "\n".join(lines)


def test_a_long_sentence_is_split_between_words() -> None:
    words = " ".join(["activity"] * 100)
    messages = pack([words])
    assert len(messages) == 3
    assert all(segments(m) <= 2 for m in messages)
    assert " ".join(messages) == words


def test_a_result_is_compact() -> None:
    card = Card(
        id="s1",
        name="Biggleswade Knit and Natter",
        organisation="Ivel Valley",
        summary="",
        description="A long description that a text message leaves out. " * 5,
        activities=("Knitting",),
        sessions=(),
        cost_unit="free",
        cost_amount=None,
        distance_miles=1.0,
        online=False,
        town="Biggleswade",
        postcode="SG18 8AA",
        phone="07700 900600",
        email=None,
        url=None,
        access=(),
        last_checked=dt.date(2025, 7, 1),
    )
    line = compact_card(card, 1, "plain", dt.date(2026, 1, 5))
    assert line == "1. Biggleswade Knit and Natter: 1 mile away, free, phone 07700 900600."
