"""Say back briefly what was understood: "Got it: swimming, for someone you care for, near B91"."""

from __future__ import annotations

from assistant.directory.vocabulary import load_vocabulary
from assistant.engine.state import Profile
from assistant.rendering.words import ALL_DAYS, clock, days, join, money, say


def term_names(ids: tuple[str, ...] | frozenset[str], mode: str) -> list[str]:
    vocabulary = load_vocabulary()
    names = []
    for term_id in sorted(ids) if isinstance(ids, frozenset) else ids:
        term = vocabulary.get(term_id)
        names.append(term.name.lower() if term else term_id)
    return names


def describe(profile: Profile, mode: str) -> str:
    parts: list[str] = []
    if profile.interests:
        parts.append(join(term_names(profile.interests, mode), mode))
    if profile.avoid_interests:
        parts.append(say("summary.avoid", mode, items=join(term_names(profile.avoid_interests, mode), mode)))
    if profile.who_for is not None:
        parts.append(say(f"summary.who_{profile.who_for.value}", mode))
    if profile.age is not None:
        parts.append(say("summary.age", mode, age=profile.age))
    if profile.needs:
        parts.append(say("summary.needs", mode, items=join(term_names(profile.needs, mode), mode)))
    if profile.place is not None:
        parts.append(say("summary.place", mode, place=profile.place.label))
    if profile.online_ok is not None:
        parts.append(say("summary.online" if profile.online_ok else "summary.online_no", mode))
    parts.append(_when(profile, mode))
    if profile.budget is not None:
        parts.append(_budget(profile, mode))
    if profile.must_haves:
        parts.append(say("summary.must", mode, items=join(term_names(profile.must_haves, mode), mode)))
    return ", ".join(p for p in parts if p)


def _when(profile: Profile, mode: str) -> str:
    """Days, then times; "or" between them when either will do ("on Saturdays and Sundays or evenings")."""
    on_days: list[str] = []
    if len(profile.days) == len(ALL_DAYS):
        on_days.append(say("summary.any_day", mode))
    elif profile.days:
        on_days.append(say("summary.days", mode, items=days(sorted(profile.days), mode)))
    if profile.avoid_days:
        on_days.append(say("summary.avoid_days", mode, items=days(sorted(profile.avoid_days), mode)))
    at_times = [say(f"word.{part.value}", mode) for part in sorted(profile.parts_of_day)]
    if profile.after is not None:
        at_times.append(say("summary.after", mode, time=clock(profile.after)))
    if profile.before is not None:
        at_times.append(say("summary.before", mode, time=clock(profile.before)))
    if profile.when_either and on_days and at_times:
        return say("summary.either", mode, days=", ".join(on_days), times=", ".join(at_times))
    return ", ".join(on_days + at_times)


def _budget(profile: Profile, mode: str) -> str:
    budget = profile.budget
    if budget is None:
        return ""
    if budget.free or budget.amount == 0:
        return say("summary.free", mode)
    if budget.amount is None:
        return say("summary.any_price", mode)
    if budget.low and budget.period is not None:
        period = say(f"word.{budget.period.value}", mode)
        return say("summary.low_cost", mode, amount=money(budget.amount), period=period)
    if budget.period is None:
        return say("summary.budget_any", mode, amount=money(budget.amount))
    period = say(f"word.{budget.period.value}", mode)
    return say("summary.budget", mode, amount=money(budget.amount), period=period)
