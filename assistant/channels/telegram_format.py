"""Word a turn's rendered replies as Telegram messages with buttons.

A turn's replies go out as one message (fewer notifications, and well inside Telegram's rate
limits), cut at paragraphs only when longer than Telegram's 4,096 characters. Options become
inline keyboard buttons on the last message, and each result gets a button that asks for its
details, as typing its number would. A button carries the text it stands for, so pressing it
is exactly like typing it; Telegram allows 64 bytes of that, and an option too long to carry
is left to be typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.channels.split import split
from assistant.rendering.text import Rendered
from assistant.rendering.words import card_word

MAX_LENGTH = 4096  # UTF-16 code units, as Telegram counts
MAX_CALLBACK_BYTES = 64


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    data: str  # sent back as if typed


@dataclass(frozen=True, slots=True)
class OutMessage:
    text: str
    buttons: tuple[Button, ...] = ()


def telegram_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fits(text: str) -> bool:
    return telegram_length(text) <= MAX_LENGTH


def telegram_messages(replies: Sequence[Rendered], mode: str) -> list[OutMessage]:
    body = "\n\n".join(r.text for r in replies if r.text)
    if not body:
        return []
    buttons = _unique(b for reply in replies for b in buttons_for(reply, mode))
    chunks = split(body, fits)
    return [OutMessage(c) for c in chunks[:-1]] + [OutMessage(chunks[-1], buttons)]


def buttons_for(reply: Rendered, mode: str) -> list[Button]:
    found: list[Button] = []
    if reply.key == "results":
        found += [
            Button(card_word("line", mode, number=n, name=card.name), str(n))
            for n, card in enumerate(reply.cards, 1)
        ]
    found += [Button(o.label, o.value) for o in reply.options]
    return [b for b in found if b.label and 0 < len(b.data.encode()) <= MAX_CALLBACK_BYTES]


def _unique(buttons: Iterable[Button]) -> tuple[Button, ...]:
    """One button per answer: a result's button and a "more" option never send the same."""
    seen: dict[str, Button] = {}
    for button in buttons:
        seen.setdefault(button.data, button)
    return tuple(seen.values())
