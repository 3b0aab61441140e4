"""Word a turn's rendered replies as text messages for a basic phone.

Each message aims at two segments at most (306 GSM-7 characters, 134 when UCS-2 cannot be
avoided): longer texts arrive out of order or in pieces on many handsets, and every segment is
paid for. Replies are packed together while they fit and split at lines, then sentences, then
words when they do not. A phone has no buttons, so options become numbers ("Reply 1, 2 or 3")
where the conversation reads a bare number as that option; otherwise the words to send are
listed, unless the reply already says them. Results are shortened to when, where, cost and
phone: a basic phone shows a long list badly, and "details" gives the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.channels import split
from assistant.channels.gsm import gsm_safe, segments
from assistant.content import text
from assistant.matching.results import Card
from assistant.rendering.audience import audience
from assistant.rendering.cards import cost, when, where
from assistant.rendering.text import Rendered, RenderedOption
from assistant.rendering.words import card_word

MAX_SEGMENTS = 2
# Replies whose bare numbers mean something else: "5" to the budget question is £5 beyond its
# options, and under a results list a number picks a result.
NUMBERS_ARE_ANSWERS = frozenset({"ask.budget", "results", "results.refine"})


def sms_texts(replies: Sequence[Rendered], mode: str) -> list[str]:
    """The messages to send for one turn, in order, each GSM-7 safe and within two segments."""
    return pack([gsm_safe(block(reply, mode)) for reply in replies])


def block(reply: Rendered, mode: str) -> str:
    body = compact_results(reply, mode) if reply.key == "results" and reply.cards else reply.text
    return "\n".join([body, *option_lines(reply.key, reply.options, body, mode)])


def compact_results(reply: Rendered, mode: str) -> str:
    """The results text with each card's line swapped for a shorter one.

    The renderer writes notes (or an intro), one line a card, then the next steps; anything
    else is left as it is.
    """
    lines = reply.text.split("\n")
    head = len(lines) - len(reply.cards) - 1
    if head < 1:
        return reply.text
    cards = [compact_card(card, number, mode, reply.today) for number, card in enumerate(reply.cards, 1)]
    return "\n".join([*lines[:head], *cards, lines[-1]])


def compact_card(card: Card, number: int, mode: str, today: dt.date | None) -> str:
    """A result in a few words: who for, when (with the next date of a monthly group), where, cost, phone."""
    facts = [audience(card, mode), when(card, mode, today), where(card, mode), cost(card, mode)]
    if card.phone:
        facts.append(card_word("phone", mode, phone=card.phone))
    head = card_word("line", mode, number=number, name=card.name)
    return head + ": " + ", ".join(f for f in facts if f) + "."


def option_lines(key: str, options: Sequence[RenderedOption], body: str, mode: str) -> list[str]:
    if len(options) >= 2 and key not in NUMBERS_ARE_ANSWERS:
        lines = [_say("option", mode, number=n, label=o.label) for n, o in enumerate(options, 1)]
        numbers = either([str(n) for n in range(1, len(options) + 1)], mode)
        return [*lines, _say("reply_numbers", mode, numbers=numbers)]
    missing = [o.value for o in options if o.value.lower() not in body.lower()]
    return [_say("reply_words", mode, words=either(missing, mode))] if missing else []


def either(items: Sequence[str], mode: str) -> str:
    """ "1, 2 or 3"."""
    if len(items) <= 1:
        return "".join(items)
    return _say("or", mode, first=", ".join(items[:-1]), last=items[-1])


def _say(key: str, mode: str, **params: object) -> str:
    return text("channels", f"sms.{key}", mode, **params)


def fits(message: str) -> bool:
    return segments(message) <= MAX_SEGMENTS


def pack(blocks: Sequence[str]) -> list[str]:
    """Blocks joined into as few messages of two segments as fit, split where too long."""
    return split.pack(blocks, fits)
