"""What someone can pay: "free", "a fiver", "£3.50", "50p", "under 50 a week", "£20 a day".

An amount needs something that makes it money: a "£", a unit ("3 pounds", "10 quid", "50p"), a
limit word ("under 10", "up to 5"), a period after it ("50 a week"), or the budget question just
asked ("5"). Without a period it is per session, as day activities are usually priced. A monthly
amount is turned into a weekly one, the longest period the directory knows. "Free", "can't pay"
and "no money" mean only free things; "nothing" does too, but only on its own or as a reply to the
budget question. "Cheap", "not much money" and "a few pound" mean free or low cost: at most
:data:`LOW_COST` a session, which matches what councils call low-cost day activities. "Direct
payment" or "personal budget" answers the question with no limit.
"""

from __future__ import annotations

from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon
from assistant.engine.numbers import number_of
from assistant.engine.slots import Budget, CostPeriod, Slot

WEEKS_PER_MONTH = 52 / 12
LOW_COST = 5.0  # pounds a session: "cheap", "free or low cost"
MOST_VISITS = 7  # "three a week" in words is how often; "£3 a week" or "30 a week" is money
LIMIT_REACH = 2  # "budget of about 10": the limit word may be two items back


def _period_at(items: list[Item], index: int, lexicon: Lexicon) -> str | None:
    """The period following an amount ("a week", "per session", "daily"), marked used."""
    for offset in (1, 2, 3):
        at = index + offset
        if at >= len(items) or items[at].used:
            return None
        if (written := items[at].value(Kind.PERIOD)) is not None:
            items[at].used = True
            return written
        if items[at].text not in lexicon.period_lead:
            return None
    return None


def _period_before(items: list[Item], index: int, lexicon: Lexicon) -> str | None:
    """A period said first: "a weekly budget of £20"."""
    for item in reversed(items[max(0, index - 3) : index]):
        if not item.used and item.text in lexicon.period_before and (written := item.value(Kind.PERIOD)):
            item.used = True
            return written
    return None


def _has_limit_before(items: list[Item], index: int) -> bool:
    for item in reversed(items[max(0, index - LIMIT_REACH) : index]):
        if item.has(Kind.LIMIT):
            return True
        if not item.has(Kind.FILLER):
            return False
    return False


def _amount_at(items: list[Item], index: int, lexicon: Lexicon, expecting: Slot | None) -> tuple[float, int] | None:
    """An amount of pounds starting at ``index``, and the index of its last item."""
    item = items[index]
    if item.used:
        return None
    if (written := item.value(Kind.AMOUNT)) is not None:
        return float(written), index
    following = items[index + 1] if index + 1 < len(items) else None
    if item.has(Kind.CURRENCY) and following is not None and (value := number_of(following)) is not None:
        return value, index + 1
    if (value := number_of(item)) is None:
        return None
    if following is not None and not following.used and following.has(Kind.CURRENCY):
        return value, index + 1
    if following is not None and not following.used and following.has(Kind.PENCE):
        return value / 100, index + 1
    if _has_limit_before(items, index) or expecting is Slot.BUDGET:
        return value, index
    if item.text.isalpha() and value <= MOST_VISITS:
        return None  # "two a week", "a day or two a week": how often, not how much
    lead = index + 1
    while lead < len(items) and lead <= index + 2 and items[lead].text in lexicon.period_lead:
        lead += 1
    if lead < len(items) and lead > index + 1 and items[lead].has(Kind.PERIOD) and not items[lead].used:
        return value, index
    return None


def read_budget(items: list[Item], lexicon: Lexicon, expecting: Slot | None, negated: set[int]) -> Budget | None:
    """The most someone will pay per session, day or week, or that it must be free; None if unsaid."""
    best: tuple[float, CostPeriod] | None = None
    index = 0
    while index < len(items):
        found = _amount_at(items, index, lexicon, expecting)
        if found is None:
            index += 1
            continue
        amount, last = found
        for item in items[index : last + 1]:
            item.used = True
        written = _period_at(items, last, lexicon) or _period_before(items, index, lexicon) or "session"
        if written == "month":
            amount, period = amount / WEEKS_PER_MONTH, CostPeriod.WEEK
        else:
            period = CostPeriod(written)
        if best is None or amount > best[0]:
            best = (amount, period)
        index = last + 1
    if best is not None:
        amount, period = best
        return Budget(free=True) if amount == 0 else Budget(amount=round(amount, 2), period=period)
    if _said(items, Kind.MONEY_LOW, negated):
        return Budget(amount=LOW_COST, period=CostPeriod.SESSION, low=True)
    if _said(items, Kind.MONEY_OPEN, negated):
        return Budget()
    frees = [i for i, item in enumerate(items) if item.has(Kind.FREE) and not item.used]
    if any(i not in negated for i in frees):
        return Budget(free=True)
    if frees:
        return None
    weak = [item for item in items if item.has(Kind.FREE_IF_ASKED) and not item.used]
    alone = all(item.has(Kind.FREE_IF_ASKED) or item.has(Kind.FILLER) for item in items)
    if weak and (expecting is Slot.BUDGET or (alone and expecting is None)):
        return Budget(free=True)
    return None


def _said(items: list[Item], kind: Kind, negated: set[int]) -> bool:
    return any(item.has(kind) and not item.used and i not in negated for i, item in enumerate(items))
