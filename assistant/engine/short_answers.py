"""Short replies read by the question just asked, and "or" between days and times.

"me, yeah", "it's me" and "yes me" answer "who is it for?" as the person writing; "he's 30" or
"she is" answers it as someone else. "Weekends or evenings" wants either (any weekend session,
or an evening on any day), where "weekend evenings" wants both at once.
"""

from __future__ import annotations

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon
from assistant.engine.slots import WhoFor
from assistant.engine.text import PUNCTUATION

# Words around a short answer that do not change it: "yeah it's me thanks".
_AROUND = frozenset(
    {
        "yeah", "yes", "yep", "yup", "yh", "ya", "ok", "okay", "its", "it", "is", "just", "please",
        "thanks", "ta", "that", "thats", "hi", "hello", "hey", "for", "erm", "um", "well", "oh", "x",
        "xx", "only", "the", "one", "so",
    }
)  # fmt: skip
_SOMEONE_ELSE = frozenset(["he", "hes", "him", "his", "she", "shes", "her", "they", "theyre", "them"])
PASSING_REACH = 5  # items after a passing cue that may hold its days: "it's a lovely sunny Monday"
CARERS_BREAK = "activity-carers-support"
_DAY_JOINS = frozenset({"and", "to", "till", "until"})  # "I work Mondays and Tuesdays"
_DAY_KINDS = (Kind.DAYS,)
_TIME_KINDS = (Kind.PART, Kind.AFTER, Kind.BEFORE, Kind.CLOCK, Kind.NAMED_TIME)


def mark_passing_times(items: list[Item], lexicon: Lexicon) -> None:
    """Days and times said in passing are not when they are free: "it's a lovely Monday morning",
    "I work Monday to Friday", "I rang last Tuesday". They are taken, so nothing reads them."""
    for index, item in enumerate(items):
        if item.has(Kind.MEANWHILE):
            _meanwhile(items, index)
        if not item.has(Kind.PASSING):
            continue
        marked = False  # the first days or times after the cue, and no further: "I work in the week so weekends"
        for later in items[index + 1 : index + 1 + PASSING_REACH]:
            if later.clause != item.clause:
                break
            if later.has(Kind.DAYS) or later.has(Kind.PART) or later.has(Kind.NAMED_TIME):
                later.used = marked = True
            elif marked and later.text in _DAY_JOINS:
                continue
            elif marked or (later.text not in lexicon.passing_between and not later.has(Kind.FILLER)):
                break


def _meanwhile(items: list[Item], cue: int) -> None:
    """"So I can do the shopping": the rest of the clause is the carer's plan, not a wish; only a
    break for the carer ("so I can have a rest") still counts."""
    for later in items[cue + 1 :]:
        if later.clause != items[cue].clause:
            return
        if later.value(Kind.TERM) != CARERS_BREAK:
            later.used = True


def short_who(tokens: list[str], lexicon: Lexicon, aged: bool) -> WhoFor | None:
    """Who a short reply to "who is it for?" means, or None if it does not say."""
    words = [t for t in tokens if t not in PUNCTUATION and t != "?"]
    kept = " ".join(w for w in words if w not in _AROUND)
    if kept in lexicon.self_when_asked or " ".join(words) in lexicon.self_when_asked:
        return WhoFor.SELF
    if any(w in _SOMEONE_ELSE for w in words) and (aged or len(words) <= 4):
        return WhoFor.SOMEONE
    return None


def _is(item: Item, kinds: tuple[Kind, ...]) -> bool:
    return any(item.has(kind) for kind in kinds)


def either_days_or_times(items: list[Item]) -> bool:
    """Whether "or" joins days on one side and times of day on the other, in one clause."""
    for index, item in enumerate(items):
        if item.text != "or":
            continue
        before = _neighbour(items, index, -1)
        after = _neighbour(items, index, 1)
        if before is None or after is None:
            continue
        days_first = _is(before, _DAY_KINDS) and _is(after, _TIME_KINDS)
        times_first = _is(before, _TIME_KINDS) and _is(after, _DAY_KINDS)
        if days_first or times_first:  # "Tuesday or Thursday mornings" joins two days: not either
            return True
    return False


def _neighbour(items: list[Item], index: int, step: int) -> Item | None:
    """The nearest word either side of "or" in its clause that is not a filler ("weekends or in the evenings")."""
    at = index + step
    while 0 <= at < len(items) and items[at].clause == items[index].clause:
        if not items[at].has(Kind.FILLER) or items[at].has(Kind.DAYS) or items[at].has(Kind.PART):
            return items[at]
        at += step
    return None
