"""Word who a group is for, when it is for a particular need: "for adults with a learning
disability", "for older people with dementia and their carers".

A group listed for more than two conditions is open to many people, so a card says nothing
rather than a long list; "older people" and "carers" describe who, not a condition.
"""

from __future__ import annotations

from assistant.content import MissingContentError
from assistant.matching.results import Card
from assistant.rendering.words import card_word, join

OLDER = "need-older-people"
CARERS = "need-carers"
ADULT_AGE = 18
MAX_CONDITIONS = 2


def audience(card: Card, mode: str) -> str:
    """ "for adults with autism or a learning disability", or "" when it is for anyone."""
    conditions = [n for n in card.needs if n not in (OLDER, CARERS)]
    if len(conditions) > MAX_CONDITIONS:
        return ""
    if OLDER in card.needs:
        who = card_word("who.older", mode)
    elif card.minimum_age is not None and card.minimum_age >= ADULT_AGE:
        who = card_word("who.adults", mode)
    elif card.maximum_age is not None and card.maximum_age < ADULT_AGE:
        who = card_word("who.young", mode)
    else:
        who = card_word("who.people", mode)
    if conditions:
        try:
            names = [card_word(f"condition.{n.removeprefix('need-')}", mode) for n in conditions]
        except MissingContentError:
            return ""  # a need from a feed's own list, with no wording: say nothing rather than guess
        who = card_word("with", mode, who=who, conditions=_either(names, mode))
    elif OLDER not in card.needs:
        return card_word("for", mode, who=card_word("who.carers", mode)) if CARERS in card.needs else ""
    if CARERS in card.needs:
        who = card_word("and_carers", mode, who=who)
    return card_word("for", mode, who=who)


def _either(items: list[str], mode: str) -> str:
    if len(items) <= 1:
        return join(items, mode)
    return card_word("either", mode, first=", ".join(items[:-1]), last=items[-1])
