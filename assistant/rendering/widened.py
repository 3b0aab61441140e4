"""The one header line above results: what the search widened to find them.

One widening reads as its own sentence from ``content/matching.toml`` ("Nothing matched within
3 miles. These are within 8 miles:"). Several are said together in one sentence ("To find
enough, I have included places up to 8 miles away and similar activities:"), never as a stack
of "nothing matched" lines that seem to contradict each other.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.content import MissingContentError, text
from assistant.matching.results import Widening
from assistant.rendering.words import card_word, join, say


def header(widened: Sequence[Widening], mode: str) -> str:
    """One line: the intro when nothing was widened, else what was."""
    if not widened:
        return say("results.intro", mode)
    if len(widened) == 1:
        return note(widened[0], mode)
    try:
        clauses = [clause(w, mode) for w in widened]
    except MissingContentError:
        return note(widened[0], mode)  # a widening with no short form yet: its own sentence, alone
    return card_word("widened", mode, clauses=join(list(dict.fromkeys(clauses)), mode))


def note(widening: Widening, mode: str) -> str:
    return text("matching", widening.key, mode, **dict(widening.params))


def clause(widening: Widening, mode: str) -> str:
    """The short form of a widening, to stand in a list: "places up to 8 miles away".

    Looked up by its full key (``budget.day``), then by its ladder step (``radius_on.SA`` →
    ``radius_on``)."""
    params = dict(widening.params)
    try:
        return card_word(f"widening.{widening.key}", mode, **params)
    except MissingContentError:
        return card_word(f"widening.{widening.key.split('.')[0]}", mode, **params)
