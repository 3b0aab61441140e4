"""Word a turn's rendered replies as WhatsApp messages.

WhatsApp is read on a smartphone and is Unicode, so unlike a text message nothing is squeezed
into GSM-7 and results keep their full lines, with each name in *bold* (WhatsApp's own mark-up).
Options are numbered as on SMS (``Reply 1, 2 or 3.``): a bare number answers them in the
conversation, and a tap on a number is easier than typing the words. WhatsApp itself takes
4,096 characters a message, but Twilio refuses a body over 1,600 (its error 21617), so replies
are packed into messages of 1,600 UTF-16 code units at most (an emoji counts twice), split at
paragraphs, lines, sentences, then words. The privacy reply says what WhatsApp adds.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.channels import split
from assistant.channels.sms_format import option_lines
from assistant.content import text
from assistant.rendering.text import Rendered
from assistant.rendering.words import card_word

MAX_LENGTH = 1600  # Twilio's limit on a message body, WhatsApp's included
BOLD = "*"


def whatsapp_length(message: str) -> int:
    """Characters as Twilio counts them: UTF-16 code units."""
    return len(message.encode("utf-16-le")) // 2


def fits(message: str) -> bool:
    return whatsapp_length(message) <= MAX_LENGTH


def whatsapp_texts(replies: Sequence[Rendered], mode: str) -> list[str]:
    """The messages to send for one turn, in order, each within Twilio's limit."""
    return split.pack([block(reply, mode) for reply in replies], fits, glue="\n\n")


def block(reply: Rendered, mode: str) -> str:
    body = bold_names(reply, mode)
    if reply.key == "privacy":
        body += "\n" + text("channels", "whatsapp.privacy", mode)
    return "\n".join([body, *option_lines(reply.key, reply.options, body, mode)])


def bold_names(reply: Rendered, mode: str) -> str:
    """The reply with each result's name in bold: in a list ("1. *Knit and Natter*: ...") and
    at the head of a result's details."""
    if not reply.cards:
        return reply.text
    lines = reply.text.split("\n")
    if reply.key == "details":
        name = reply.cards[0].name
        lines[0] = lines[0].replace(name, bold(name), 1)
        return "\n".join(lines)
    heads = {
        card_word("line", mode, number=n, name=card.name): card_word("line", mode, number=n, name=bold(card.name))
        for n, card in enumerate(reply.cards, 1)
    }
    return "\n".join(_rehead(line, heads) for line in lines)


def bold(name: str) -> str:
    """``*name*``; a name that holds the mark itself is left plain rather than garbled."""
    return f"{BOLD}{name}{BOLD}" if name and BOLD not in name else name


def _rehead(line: str, heads: dict[str, str]) -> str:
    for plain, emphasised in heads.items():
        if line.startswith(plain + ":"):
            return emphasised + line[len(plain) :]
    return line
