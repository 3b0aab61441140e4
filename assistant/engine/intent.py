"""Commands, skipping and corrections: what a message asks Dayfinder to do rather than what it says.

A command counts only when it is most of the message, by words, after greetings and "please"
are set aside. "Stop" is a command; "I don't want to stop going out" is not. "Help" is; "help with
personal care" is a need. Skipping ("don't mind", "any") follows the same rule, so "any time" skips
the question but "any swimming near me?" is a search.
"""

from __future__ import annotations

import re

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind
from assistant.engine.replies import RemindWhen
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


# Reminders and the follow-up (assistant/outreach). Read from the words themselves, before the
# slots: "remind me the day before" names no slot, and the lexicon never sees these phrases.
REMIND_WORDS = 10  # "can you send me a reminder the day before please": longer is not a request
_REMIND = re.compile(r"\b(remind|reminder|reminders|reminding)\b")
_CANCEL = re.compile(r"\b(cancel|stop|delete|remove|no more|don'?t want)\b.*\b(remind\w*|follow[ -]?ups?)\b")
_DAY_BEFORE = re.compile(r"\b(day|night|evening|afternoon) before\b")
_MORNING_OF = re.compile(r"\b(morning of|on the (day|morning)|same day|that morning|in the morning)\b")
_YES = re.compile(r"^(yes|yeah|yep|yup|y|i did|we did|did|ok|okay|sure)\b")
_NO = re.compile(r"^(no|nope|n|not yet|didn'?t|i didn'?t|we didn'?t|no thanks)\b")


def _words(said: str) -> str:
    return " ".join(re.sub(r"[^\w' -]", " ", said.casefold().replace("\u2019", "'")).split())


def remind_when(said: str) -> RemindWhen | None:
    """ "the day before" or "the morning of" (a number is read against the options first)."""
    words = _words(said)
    if _DAY_BEFORE.search(words):
        return RemindWhen.DAY_BEFORE
    if _MORNING_OF.search(words) or words in ("morning", "the morning"):
        return RemindWhen.MORNING_OF
    return None


def remind_asked(said: str) -> bool:
    """ "remind me", "can you remind me", "send me a reminder": a short message asking for one."""
    words = _words(said)
    return bool(_REMIND.search(words)) and not _CANCEL.search(words) and len(words.split()) <= REMIND_WORDS


def cancel_asked(said: str) -> bool:
    """ "cancel my reminder", "stop the follow-up", "I don't want reminders"."""
    words = _words(said)
    return bool(_CANCEL.search(words)) and len(words.split()) <= REMIND_WORDS


def yes_or_no(said: str) -> bool | None:
    """YES (True), NO (False) or neither (None), as a reply to a yes-or-no question."""
    words = _words(said)
    if _NO.match(words):
        return False
    if _YES.match(words):
        return True
    return None
