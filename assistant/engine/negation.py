"""Which recognised words are negated: "not Mondays", "anything but swimming", "no lunch clubs".

A negation reaches forward over the rest of its clause, a few words at most, and stops at a
comma or full stop or at a turn such as "but" or "I like" ("not swimming but I like knitting").
Phrases that merely contain "no" or "not" ("no stairs", "not too noisy", "not sure") were already
matched whole as lexicon phrases, so they never act as negations here.
"""

from __future__ import annotations

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind

MAX_REACH = 6  # words after the cue, fillers aside: "not on Mondays or Tuesdays", not a paragraph


def negated_items(items: list[Item]) -> set[int]:
    """Indexes of the items a negation applies to."""
    negated: set[int] = set()
    for index, cue in enumerate(items):
        if not cue.has(Kind.NEGATION) or cue.used:
            continue
        reach = 0
        for after in range(index + 1, len(items)):
            item = items[after]
            if item.clause != cue.clause or item.has(Kind.BREAK) or reach >= MAX_REACH:
                break
            if not item.has(Kind.FILLER):  # "doesn't want to go to an old people's day centre"
                reach += len(item.words)
            negated.add(after)
    return negated
