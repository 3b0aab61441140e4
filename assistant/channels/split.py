"""Cut a long text into messages that each fit a channel's limit, at the most natural place.

Paragraphs first, then lines, then sentences, then words; a single word longer than the limit
(a long web address) is cut where it must be. Pieces are joined back greedily, so a text is
sent in as few messages as fit and always in its own order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Fits = Callable[[str], bool]
_SENTENCE_END = re.compile(r"(?<=[.?!:])\s+")
_LEVELS: tuple[tuple[Callable[[str], list[str]], str], ...] = (
    (lambda s: s.split("\n\n"), "\n\n"),
    (lambda s: s.split("\n"), "\n"),
    (_SENTENCE_END.split, " "),
    (lambda s: s.split(" "), " "),
)


def split(message: str, fits: Fits) -> list[str]:
    """``message`` alone if it fits, else pieces that each do."""
    return _split(message, fits, _LEVELS)


def pack(blocks: Sequence[str], fits: Fits, glue: str = "\n") -> list[str]:
    """Join blocks into as few messages as fit, keeping their order; split any too long."""
    messages: list[str] = []
    for piece in (p for b in blocks if b for p in split(b, fits)):
        if messages and fits(joined := messages[-1] + glue + piece):
            messages[-1] = joined
        else:
            messages.append(piece)
    return messages


def _split(message: str, fits: Fits, levels: Sequence[tuple[Callable[[str], list[str]], str]]) -> list[str]:
    if fits(message):
        return [message]
    if not levels:
        return _cut(message, fits)
    (divide, glue), rest = levels[0], levels[1:]
    pieces: list[str] = []
    for part in (p for p in divide(message) if p):
        for small in _split(part, fits, rest):
            if pieces and fits(joined := pieces[-1] + glue + small):
                pieces[-1] = joined
            else:
                pieces.append(small)
    return pieces


def _cut(word: str, fits: Fits) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and not fits(current + char):
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces
