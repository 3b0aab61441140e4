"""Replies worded for WhatsApp: Unicode kept, options numbered, names in bold, within Twilio's 1,600."""

from __future__ import annotations

from assistant.channels.whatsapp_format import MAX_LENGTH, whatsapp_length, whatsapp_texts
from assistant.content import text
from assistant.engine.replies import Reply
from assistant.matching.results import ResultsPage
from assistant.rendering.text import Rendered, RenderedOption, render
from tests.rendering.cards import TODAY, card


def test_unicode_is_sent_as_it_is() -> None:
    words = "Knit and Natter \u2013 2pm\u2026 \u201cbring needles\u201d \U0001f9f6 Caf\u00e9 \u0633\u0644\u0627\u0645"
    assert whatsapp_texts([Rendered("x", words)], "plain") == [words]


def test_options_are_numbered_and_replies_are_paragraphs() -> None:
    replies = [
        Rendered("greeting", "Hello."),
        Rendered("ask.who", "Who is it for?", [RenderedOption("For me", "for me"), RenderedOption("Someone", "x")]),
    ]
    assert whatsapp_texts(replies, "plain") == ["Hello.\n\nWho is it for?\n1 For me\n2 Someone\nReply 1 or 2."]


def test_result_names_are_bold_in_a_list() -> None:
    page = ResultsPage([card(), card(id="svc-2", name="Sew *Social*")], total=2, page=0, page_size=5)
    rendered = render(Reply("results"), "plain", today=TODAY, page=page)
    (message,) = whatsapp_texts([rendered], "plain")
    lines = message.split("\n")
    assert lines[1].startswith("1. *Knit and Natter*: Knit and natter. ")
    assert lines[2].startswith("2. Sew *Social*: ")  # a name with the mark in it is left as it is
    assert rendered.text.replace("1. Knit and Natter:", "1. *Knit and Natter*:") == message


def test_the_name_heading_details_is_bold() -> None:
    details = Rendered("details", "Knit and Natter, run by a trust.\nCost: free.", cards=[card()])
    assert whatsapp_texts([details], "plain") == ["*Knit and Natter*, run by a trust.\nCost: free."]


def test_a_long_reply_is_split_under_twilios_limit_in_order() -> None:
    paragraph = "A sentence of ordinary length about a day centre and what it offers. " * 12
    body = "\n\n".join(f"{n}: {paragraph}" for n in range(10))
    messages = whatsapp_texts([Rendered("details", body)], "plain")
    assert len(messages) >= 6
    assert all(whatsapp_length(m) <= MAX_LENGTH for m in messages)
    assert "\n\n".join(messages).replace("\n\n", " ").split() == body.replace("\n\n", " ").split()


def test_emoji_count_twice_towards_the_limit() -> None:
    assert len(whatsapp_texts([Rendered("x", "\U0001f600" * 1000)], "plain")) == 2
    assert len(whatsapp_texts([Rendered("x", "a" * 1600)], "plain")) == 1


def test_privacy_says_what_whatsapp_adds_in_the_persons_wording() -> None:
    (message,) = whatsapp_texts([Rendered("privacy", text("chat", "privacy", "easy"))], "easy")
    assert message == text("chat", "privacy", "easy") + "\n" + text("channels", "whatsapp.privacy", "easy")
