"""Word when a group meets: "Tuesdays 10am to 12pm", "third Tuesday of the month, 10am to 12pm,
next on 15 December", "every other Friday, next on 11 December".

A weekly group needs no date: its day says it. Any other rule does, or people go on the wrong
week, so the next date is worked out from ``today``, which the caller passes in.
"""

from __future__ import annotations

import datetime as dt

from assistant.matching.recurrence import Recurrence, next_date
from assistant.matching.results import Meeting
from assistant.rendering.words import card_word, clock, days, join

ORDINAL_KEYS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last", -2: "second_last"}


def meeting(item: Meeting, mode: str, today: dt.date | None) -> str:
    """One session, its rule, its times and (unless it is every week) the next date it meets.
    With no ``today`` the rule is said without dates."""
    rule = item.rule
    on = days(item.days, mode) if rule.every_week else rule_words(rule, mode)
    head = (" " if rule.every_week else ", ").join(p for p in (on, _times(item, mode)) if p)
    if not head:
        return item.note or ""  # no days or times to word: the feed's own words ("by appointment")
    extra = []
    if today is None:
        return head
    if rule.starts is not None and rule.starts > today:
        extra.append(card_word("starts_on", mode, date=day_month(rule.starts)))
    elif not rule.every_week and (upcoming := next_date(rule, today)) is not None:
        extra.append(card_word("next_on", mode, date=day_month(upcoming)))
    if rule.ends is not None and rule.ends < today:
        extra.append(card_word("ended_on", mode, date=day_month(rule.ends)))
    return ", ".join(p for p in (head, *extra) if p)


def rule_words(rule: Recurrence, mode: str) -> str:
    """ "third Tuesday of the month", "first and third Wednesday of the month", "the 15th of the
    month", "every other Friday", "once a month"."""
    if rule.monthly:
        if rule.month_days:
            nth = join([_month_day(d, mode) for d in rule.month_days], mode)
            return card_word("month_days", mode, days=nth)
        by_day: dict[str, list[int]] = {}
        for n, code in rule.days:
            by_day.setdefault(code, []).append(n)
        phrases = [_nth_weekday(code, ns, mode) for code, ns in by_day.items()]
        if not phrases:
            return card_word("once_a_month", mode)
        every = card_word("every_month", mode)
        if rule.interval > 1:
            every = card_word("every_n_months", mode, n=rule.interval)
        return card_word("monthly", mode, which=join(phrases, mode), every=every)
    names = join([card_word(f"day.{code}", mode) for _, code in rule.days], mode)
    if rule.freq == "WEEKLY" and rule.interval == 2:
        return card_word("every_other", mode, days=names)
    if rule.freq == "WEEKLY" and rule.interval > 2:
        return card_word("every_n_weeks", mode, days=names, n=rule.interval)
    if rule.freq == "YEARLY":
        return card_word("once_a_year", mode)
    return days([code for _, code in rule.days], mode)


def day_month(date: dt.date) -> str:
    """15 December."""
    return f"{date.day} {date.strftime('%B')}"


def _nth_weekday(code: str, ordinals: list[int], mode: str) -> str:
    """ "third Tuesday", "first and third Tuesday", "Tuesday" (every Tuesday of the month)."""
    day = card_word(f"day.{code}", mode)
    if 0 in ordinals or not all(n in ORDINAL_KEYS for n in ordinals):
        return card_word("every_weekday_of_month", mode, day=day)
    which = join([card_word(f"ordinal.{ORDINAL_KEYS[n]}", mode) for n in sorted(ordinals, key=_ordinal_order)], mode)
    return f"{which} {day}"


def _ordinal_order(n: int) -> int:
    return n if n > 0 else 10 - n


def _month_day(day: int, mode: str) -> str:
    if day == -1:
        return card_word("last_day", mode)
    if day < 0:
        return card_word("days_before_end", mode, n=-day - 1)
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _times(item: Meeting, mode: str) -> str:
    if item.opens and item.closes:
        return card_word("times", mode, opens=clock(item.opens), closes=clock(item.closes))
    if item.opens:
        return card_word("from_time", mode, opens=clock(item.opens))
    return ""
