"""Fold what one message said into the profile: new answers add, corrections replace."""

from __future__ import annotations

from assistant.engine.slots import Slot, Understanding
from assistant.engine.state import PlaceValue, Profile


def given_slots(u: Understanding) -> set[Slot]:
    """The questions this message answered."""
    given = set()
    if u.who_for is not None or u.age is not None:
        given.add(Slot.WHO)  # "he's 84" answers who it is for
    if u.interests or u.avoid_interests or u.anything:
        given.add(Slot.INTERESTS)  # "anything" answers what they enjoy
    if u.needs:
        given.add(Slot.NEEDS)
    if u.place is not None or u.online_ok is True:
        given.add(Slot.PLACE)
    if u.days or u.avoid_days or u.parts_of_day or u.after or u.before:
        given.add(Slot.WHEN)
    if u.budget is not None:
        given.add(Slot.BUDGET)
    if u.must_haves or u.online_ok is not None:
        given.add(Slot.MUST_HAVES)
    return given


def _join(old: tuple[str, ...], new: list[str], replace: bool) -> tuple[str, ...]:
    if replace:
        return tuple(dict.fromkeys(new))
    return tuple(dict.fromkeys([*old, *new]))


def merge(profile: Profile, u: Understanding, place: PlaceValue | None) -> Profile:
    """The profile with ``u`` folded in. Interests and needs add up unless correcting; days and
    times replace what was there (people restate when they are free), each only if named: "make
    that afternoons" keeps the days, and a late "not on Mondays" only adds the day to avoid."""
    replace = u.correcting
    changes: dict[str, object] = {}
    if u.who_for is not None:
        changes["who_for"] = u.who_for
    if u.age is not None:
        changes["age"] = u.age
    if u.interests or u.avoid_interests:
        interests = _join(profile.interests, u.interests, replace and bool(u.interests))
        changes["interests"] = tuple(i for i in interests if i not in u.avoid_interests)
        changes["avoid_interests"] = _join(profile.avoid_interests, u.avoid_interests, replace)
        changes["keywords"] = _join(profile.keywords, u.keywords, replace and bool(u.interests))
        changes["narrow_words"] = _join(profile.narrow_words, u.narrow_words, replace and bool(u.interests))
    if u.needs:
        changes["needs"] = _join(profile.needs, u.needs, replace)
    if place is not None:
        changes["place"] = place
    if u.online_ok is not None:
        changes["online_ok"] = u.online_ok
        changes["online_only"] = u.online_only
    if u.days:
        changes.update(days=frozenset(u.days), avoid_days=frozenset(u.avoid_days))
    elif u.avoid_days:
        changes.update(days=profile.days - u.avoid_days, avoid_days=profile.avoid_days | u.avoid_days)
    if u.parts_of_day or u.after or u.before:
        changes.update(parts_of_day=frozenset(u.parts_of_day), after=u.after, before=u.before)
    if u.days or u.avoid_days or u.parts_of_day or u.after or u.before:
        changes["when_either"] = u.either
    if u.budget is not None:
        changes["budget"] = u.budget
    if u.must_haves:
        changes["must_haves"] = frozenset(u.must_haves) if replace else profile.must_haves | u.must_haves
    return profile.model_copy(update=changes)


def clear(profile: Profile, slot: Slot) -> Profile:
    """Forget one answer, so its question is asked again ("change the day")."""
    fields: dict[Slot, dict[str, object]] = {
        Slot.WHO: {"who_for": None, "age": None},
        Slot.INTERESTS: {"interests": (), "avoid_interests": (), "keywords": (), "narrow_words": ()},
        Slot.NEEDS: {"needs": ()},
        Slot.PLACE: {"place": None, "online_ok": None, "online_only": False},
        Slot.WHEN: {
            "days": frozenset(),
            "avoid_days": frozenset(),
            "parts_of_day": frozenset(),
            "after": None,
            "before": None,
            "when_either": False,
        },
        Slot.BUDGET: {"budget": None},
        Slot.MUST_HAVES: {"must_haves": frozenset()},
    }
    return profile.model_copy(update=fields[slot])
