"""A person's text as every channel hands it on: capped, tidied and safe to store, in one place.

Whatever arrives (a web form, a JSON chat turn, a Twilio webhook, a Telegram update, a terminal
line) passes through :func:`inbound_text` before the conversation sees it, so no channel can
send the engine more than ``MAX_CHANNEL_TEXT`` characters, a NUL byte, a lone surrogate (which
PostgreSQL and UTF-8 refuse) or a thousand spaces in a row. Every step is one pass over at most
``MAX_RAW`` characters: the cost of a message never grows faster than its length.

:func:`unsafe` is the check the web app applies to every path, query and form before any
handler runs (``assistant.web.unsafe_input``); :func:`storable` cleans an id a signed webhook
sent, which is answered rather than refused.
"""

from __future__ import annotations

import re

MAX_TEXT = 1000  # what the web chat accepts; a basic phone's longest text is well under this
# What a channel hands on: a whole Telegram message (4,096 characters), so that the crisis check
# sees a worry said at the end of a long message. Understanding reads only its first 1,000
# characters (``engine.text.MAX_CHARS``) and 240 words, so this costs nothing there.
MAX_CHANNEL_TEXT = 4096
# Work on more than this is never done: a 4,096-character Telegram message is read, a pasted
# essay is cut first.
MAX_RAW = 8 * 1024
# NUL and the other control characters (newline and tab aside), and surrogate code points,
# which only ever arrive alone in a ``str`` (a JSON "\ud800") and cannot be encoded or stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def unsafe(text: str) -> bool:
    """Whether ``text`` holds a NUL or a surrogate: something no database column should be sent."""
    return _UNSAFE.search(text) is not None


def storable(text: str) -> str:
    """``text`` without NULs and surrogates: an id a platform sent, safe to use as a key."""
    return _UNSAFE.sub("", text)


def inbound_text(raw: str) -> str:
    """``raw`` cut to ``MAX_CHANNEL_TEXT`` characters after controls and surrogates become spaces, each run
    of spaces becomes one and blank lines go; the lines themselves are kept ("report 2" then a
    description on the next line reads as a person wrote it)."""
    text = _CONTROL.sub(" ", raw[:MAX_RAW])
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:MAX_CHANNEL_TEXT]
