"""Word a result card: one short line-set for a list, or in full for "details".

A card in a list fits a phone screen: about 200 characters. It keeps what a person needs to
decide and to go (who it is for, when, where, what it costs, a phone number) and drops the
activity names first, since the name usually says them.
"""

from __future__ import annotations

import datetime as dt

from assistant.matching.results import Card
from assistant.rendering.audience import audience
from assistant.rendering.schedule import meeting
from assistant.rendering.summary import term_names
from assistant.rendering.words import card_word, join, miles, money, say

STALE_AFTER_DAYS = 365
CARD_LIMIT = 200  # characters for a card in a list: one phone screen holds a few


def when(card: Card, mode: str, today: dt.date | None) -> str:
    """Every session: "Tuesdays 10am to 12pm and third Saturday of the month, next on 19 December"."""
    return join([meeting(m, mode, today) for m in card.sessions], mode)


def cost(card: Card, mode: str) -> str:
    """The price, and a listed transport charge beside it: "£25 a day, transport £7 a day"."""
    return ", ".join(p for p in (_price(card, mode), transport(card, mode)) if p)


def _price(card: Card, mode: str) -> str:
    if card.cost_unit == "free":
        return card_word("free", mode)
    if card.cost_amount is None:
        return card_word("cost_unknown", mode)
    if card.cost_unit in ("session", "day", "week"):
        period = say(f"word.{card.cost_unit}", mode)
        return card_word("cost", mode, amount=money(card.cost_amount), period=period)
    return card_word("cost_other", mode, amount=money(card.cost_amount))


def transport(card: Card, mode: str) -> str:
    if card.transport_cost is None:
        return ""
    amount = money(card.transport_cost)
    if card.transport_unit in ("session", "day", "week"):
        return card_word("transport", mode, amount=amount, period=say(f"word.{card.transport_unit}", mode))
    return card_word("transport_other", mode, amount=amount)


def where(card: Card, mode: str) -> str:
    if card.distance_miles is not None:
        return miles(card.distance_miles, mode)
    if card.online:
        return card_word("online", mode)
    return card.town or ""


def checked(card: Card, mode: str, today: dt.date) -> str:
    """ "last checked March 2025", only when the listing is over a year old."""
    if card.last_checked is None or (today - card.last_checked).days <= STALE_AFTER_DAYS:
        return ""
    return card_word("last_checked", mode, month=card.last_checked.strftime("%B %Y"))


def card_lines(card: Card, number: int, mode: str, today: dt.date) -> str:
    """A result in a list: name, who for, when, where, cost, phone; about 200 characters at most.

    The activity names go first when space is short, then the other sessions after the first
    (the person can ask for details), then the "last checked" note.
    """
    head = card_word("line", mode, number=number, name=card.name)
    what = ", ".join(a.lower() for a in card.activities[:2])
    phone = card_word("phone", mode, phone=card.phone) if card.phone else ""
    sessions = [meeting(m, mode, today) for m in card.sessions]
    trims = [
        (what, join(sessions, mode), checked(card, mode, today)),
        ("", join(sessions, mode), checked(card, mode, today)),
        ("", _first_and_more(sessions, mode), checked(card, mode, today)),
        ("", _first_and_more(sessions, mode), ""),
    ]
    line = ""
    for what_part, when_part, stale in trims:
        facts = [audience(card, mode), what_part, when_part, where(card, mode), cost(card, mode), phone, stale]
        line = head + ": " + ". ".join(f[0].upper() + f[1:] for f in facts if f) + "."
        if len(line) <= CARD_LIMIT:
            break
    return line


def _first_and_more(sessions: list[str], mode: str) -> str:
    if len(sessions) <= 1:
        return "".join(sessions)
    return card_word("more_times", mode, first=sessions[0])


def card_details(card: Card, mode: str, today: dt.date) -> list[str]:
    """A result in full, one fact a line."""
    lines = [card_word("details_heading", mode, name=card.name, organisation=card.organisation)]
    if for_whom := audience(card, mode):
        lines.append(card_word("details_for", mode, who=for_whom))
    if card.description:
        lines.append(card.description)
    place = ", ".join(dict.fromkeys(p for p in (where(card, mode), card.town, card.postcode) if p))
    if place:
        lines.append(card_word("details_where", mode, place=place))
    if card.sessions:
        lines.append(card_word("details_when", mode, when=when(card, mode, today)))
    lines.append(card_word("details_cost", mode, cost=cost(card, mode)))
    if card.access:
        lines.append(card_word("details_access", mode, items=join(term_names(card.access, mode), mode)))
    contact = ", ".join(c for c in (card.phone, card.email, card.url) if c)
    if contact:
        lines.append(card_word("details_contact", mode, contact=contact))
    if stale := checked(card, mode, today):
        lines.append(stale[0].upper() + stale[1:] + ".")
    return lines
