"""Read one message into slots: ``understand("swimming for my son near B91 on Saturdays")``.

The steps run in a fixed order because each takes the words it uses: phrases first (longest
wins), then places (a postcode anywhere, or a known place after "in"/"near"), typos, distances,
times, money, age, and finally the vocabulary, who it is for, commands and corrections. One
message can fill many slots at once. ``expecting`` is the question just asked, which settles
replies that are ambiguous alone: "5" to the budget question is £5 a session, "Biggleswde" to
the place question is a place even if misspelt, "me" to "who is it for?" is the person writing.
A message that is only a known place name ("Hull") is a place whatever was asked.

:func:`understand` never raises: a message it cannot read gives an empty Understanding and a
logged error, so one odd text never breaks a conversation. :func:`read_message` is the same
without that safety net, for tests.
"""

from __future__ import annotations

import logging

from assistant.engine.intent import read_commands, read_correction
from assistant.engine.items import Item, correct_typos, read_items, rewrite
from assistant.engine.lexicon import Kind, Lexicon, load_lexicon
from assistant.engine.money import read_budget
from assistant.engine.negation import negated_items
from assistant.engine.numbers import mark_other_units, read_age, read_bare_age, read_pick
from assistant.engine.short_answers import either_days_or_times, mark_passing_times, short_who
from assistant.engine.slots import Command, PartOfDay, Slot, Understanding, WhoFor
from assistant.engine.text import normalise, tokenise
from assistant.engine.when import read_times
from assistant.engine.where import find_place, leftover_place

_log = logging.getLogger(__name__)
# Words read from one message: the longest honest messages (a carer's whole story) run to about
# 200 words; beyond that is pasted or repeated text, and reading it would only cost time.
MAX_TOKENS = 240
REPEATS = 2
LONGEST_REPEAT = 3  # words in a repeated phrase that is collapsed
_WHO_RANK = {WhoFor.SELF: 0, WhoFor.SOMEONE: 1, WhoFor.PROFESSIONAL: 2}  # the most specific wins
ONLINE_SESSIONS = "activity-online-sessions"


def understand(text: str, expecting: Slot | None = None) -> Understanding:
    """Everything one message says, as slots; never raises."""
    try:
        return read_message(text, expecting)
    except Exception:  # a bug must not end the conversation; the empty result asks again
        _log.exception("could not read a message of %d characters", len(text))
        return Understanding()


def read_message(text: str, expecting: Slot | None = None) -> Understanding:
    """:func:`understand` without the safety net."""
    lexicon = load_lexicon()
    normalised = normalise(text)
    tokens = _without_repeats(tokenise(normalised))[:MAX_TOKENS]
    tokens = rewrite(rewrite(tokens, lexicon), lexicon)  # "4 my bro": "for my brother"
    items = read_items(tokens, lexicon)
    found = Understanding(place=find_place(items, normalised, lexicon))
    correct_typos(items, lexicon)
    mark_other_units(items, lexicon)
    mark_passing_times(items, lexicon)
    negated = negated_items(items)
    found.after, found.before, found.parts_of_day = read_times(items)
    found.either = either_days_or_times(items)
    found.budget = read_budget(items, lexicon, expecting, negated)
    found.age = read_age(items) or (read_bare_age(items) if expecting is Slot.WHO else None)
    _read_vocabulary(items, negated, found, lexicon)
    found.greeting = any(item.has(Kind.GREETING) for item in items)
    found.off_topic = any(item.has(Kind.OFF_TOPIC) for item in items)
    found.anything = any(item.has(Kind.ANYTHING) for item in items)
    found.commands = read_commands(items)
    found.skip = Command.SKIP in found.commands
    found.correcting, found.change = read_correction(items)
    if expecting is not Slot.BUDGET:
        found.number = read_pick(items, lexicon)
    if found.who_for is None and expecting is Slot.WHO:
        found.who_for = short_who(tokens, lexicon, found.age is not None)
    if found.place is None and (expecting is Slot.PLACE or found.correcting):
        # "Where?" answered with a place is taken as written, to resolve or ask about; answered with
        # something else ("he likes fishing and music"), the other words are a place only if known.
        answered_else = bool(found.interests or found.needs or found.who_for or found.days or found.budget)
        found.place = leftover_place(items, lexicon, confirm=expecting is not Slot.PLACE or answered_else)
    elif found.place is None and found.empty():
        found.place = leftover_place(items, lexicon, confirm=True, exact=True)
    return found


def _without_repeats(tokens: list[str]) -> list[str]:
    """A word or short phrase said more than twice in a row is said twice: "no no no no" is "no
    no", "£5 £5 £5 £5" is "£5 £5". No honest message repeats itself so; pasted or hostile text
    does, and reading every copy would only cost time."""
    kept: list[str] = []
    position = 0
    while position < len(tokens):
        for size in range(1, LONGEST_REPEAT + 1):
            if len(kept) >= REPEATS * size and all(
                tokens[position : position + size] == kept[len(kept) - size * k : len(kept) - size * (k - 1)]
                for k in range(1, REPEATS + 1)
            ):
                position += size
                break
        else:
            kept.append(tokens[position])
            position += 1
    return kept


def _read_vocabulary(items: list[Item], negated: set[int], found: Understanding, lexicon: Lexicon) -> None:
    """Terms, days, parts of day, who it is for and online, each kept or avoided by negation."""
    who: list[WhoFor] = []
    online: list[bool] = []
    only: list[bool] = []  # "music online": online rather than in person
    fine: list[bool] = []  # "online is fine": online as well
    for index, item in enumerate(items):
        if item.used:
            continue
        no = index in negated
        for meaning in item.meanings:
            if meaning.kind is Kind.TERM:
                _add_term(found, meaning.value, avoid=no)
                if meaning.value.startswith("activity-") and not no and item.text not in found.keywords:
                    found.keywords.append(item.text)
                    if item.text not in lexicon.broad:
                        found.narrow_words.append(item.text)
                if meaning.value == ONLINE_SESSIONS and not no:
                    online.append(True)
            elif meaning.kind is Kind.DAYS:
                (found.avoid_days if no else found.days).update(meaning.value.split())
            elif meaning.kind is Kind.PART and not no:
                found.parts_of_day.update(PartOfDay(part) for part in meaning.value.split())
            elif meaning.kind is Kind.WHO and not no:
                who.append(WhoFor(meaning.value))
            elif meaning.kind is Kind.ONLINE:
                online.append((meaning.value != "no") != no)
                only.append(meaning.value == "only" and not no)
                fine.append(meaning.value == "yes" and not no)
    # Categories are broad: "cooking but not baking" still wants cookery; a day said both ways is avoided.
    found.avoid_interests = [i for i in found.avoid_interests if i not in found.interests]
    found.days -= found.avoid_days
    found.who_for = max(who, key=_WHO_RANK.__getitem__, default=None)
    found.online_ok = True if any(online) else (False if online else None)
    found.online_only = any(only) and not any(fine)


def _add_term(found: Understanding, term: str, *, avoid: bool) -> None:
    """Activities are wanted or avoided; a negated need or must-have is simply not asked for."""
    if term.startswith("activity-"):
        bucket = found.avoid_interests if avoid else found.interests
        if term not in bucket:
            bucket.append(term)
    elif avoid:
        return
    elif term.startswith("need-"):
        if term not in found.needs:
            found.needs.append(term)
    elif term.startswith(("access-", "support-")):
        found.must_haves.add(term)
