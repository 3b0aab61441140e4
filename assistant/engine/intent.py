"""Commands, skipping and corrections: what a message asks Dayfinder to do rather than what it says.

A command counts only when it is most of the message, by words, after greetings and "please"
are set aside. "Stop" is a command; "I don't want to stop going out" is not. "Help" is; "help with
personal care" is a need. Skipping ("don't mind", "any") follows the same rule, so "any time" skips
the question but "any swimming near me?" is a search.
"""

from __future__ import annotations

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind
from assistant.engine.slots import Command, Slot

SLOT_REACH = 3  # "change the day", "can I change my postcode": the slot follows within a few items


def _weight(item: Item) -> int:
    """Words, not symbols: a "?" after a request does not make it a call for help."""
    return sum(word.isalnum() for word in item.words)


def read_commands(items: list[Item]) -> list[Command]:
    """The commands a message is mostly made of, in order, or none."""
    said = [item for item in items if item.has(Kind.COMMAND)]
    command_words = sum(_weight(item) for item in said)
    other_words = sum(_weight(i) for i in items if not (i.has(Kind.COMMAND) or i.has(Kind.FILLER)))
    if not said or (other_words and command_words <= other_words):
        return []
    return list(dict.fromkeys(Command(value) for item in said for value in item.values(Kind.COMMAND)))


def read_correction(items: list[Item]) -> tuple[bool, Slot | None]:
    """Whether the message corrects an earlier answer, and which question it names, if any."""
    correcting = False
    change: Slot | None = None
    for index, item in enumerate(items):
        if not (item.has(Kind.CORRECTION) or item.has(Kind.CHANGE)):
            continue
        correcting = True
        if change is not None or not item.has(Kind.CHANGE):
            continue
        for after in items[index + 1 : index + 1 + SLOT_REACH]:
            if (slot := after.value(Kind.SLOT)) is not None:
                change = Slot(slot)
                break
            if not after.has(Kind.FILLER):
                break
    return correcting, change
