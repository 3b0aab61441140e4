"""Word a result card: one short line-set for a list, or in full for "details"."""

from __future__ import annotations

import datetime as dt

from assistant.matching.results import Card, Meeting
from assistant.rendering.summary import term_names
from assistant.rendering.words import card_word, clock, days, join, miles, money, say

STALE_AFTER_DAYS = 365


def when(card: Card, mode: str) -> str:
    return join([_meeting(m, mode) for m in card.sessions], mode)


def _meeting(meeting: Meeting, mode: str) -> str:
    on = days(meeting.days, mode)
    if meeting.opens and meeting.closes:
        times = card_word("times", mode, opens=clock(meeting.opens), closes=clock(meeting.closes))
    elif meeting.opens:
        times = card_word("from_time", mode, opens=clock(meeting.opens))
    else:
        times = ""
    return " ".join(p for p in (on, times) if p)


def cost(card: Card, mode: str) -> str:
    if card.cost_unit == "free":
        return card_word("free", mode)
    if card.cost_amount is None:
        return card_word("cost_unknown", mode)
    if card.cost_unit in ("session", "day", "week"):
        period = say(f"word.{card.cost_unit}", mode)
        return card_word("cost", mode, amount=money(card.cost_amount), period=period)
    return card_word("cost_other", mode, amount=money(card.cost_amount))


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
    """A result in a list: name, what, when, where, cost, phone; short enough for a text message."""
    head = card_word("line", mode, number=number, name=card.name)
    what = ", ".join(a.lower() for a in card.activities[:2])
    facts = [what, when(card, mode), where(card, mode), cost(card, mode)]
    if card.phone:
        facts.append(card_word("phone", mode, phone=card.phone))
    facts.append(checked(card, mode, today))
    return head + ": " + ". ".join(f[0].upper() + f[1:] for f in facts if f) + "."


def card_details(card: Card, mode: str, today: dt.date) -> list[str]:
    """A result in full, one fact a line."""
    lines = [card_word("details_heading", mode, name=card.name, organisation=card.organisation)]
    if card.description:
        lines.append(card.description)
    place = ", ".join(dict.fromkeys(p for p in (where(card, mode), card.town, card.postcode) if p))
    if place:
        lines.append(card_word("details_where", mode, place=place))
    if card.sessions:
        lines.append(card_word("details_when", mode, when=when(card, mode)))
    lines.append(card_word("details_cost", mode, cost=cost(card, mode)))
    if card.access:
        lines.append(card_word("details_access", mode, items=join(term_names(card.access, mode), mode)))
    contact = ", ".join(c for c in (card.phone, card.email, card.url) if c)
    if contact:
        lines.append(card_word("details_contact", mode, contact=contact))
    if stale := checked(card, mode, today):
        lines.append(stale[0].upper() + stale[1:] + ".")
    return lines
