"""Spot messages that suggest risk to life, or abuse or neglect, before anything else happens.

The patterns live in ``content/safeguarding.toml``, built from parts rather than sentences: who
(a family member, a carer, "he"), a verb in any tense and person, and whom ("me", "my mum"), so
"my son hit me", "my carer has been hitting me" and "she hits my dad" are one pattern. Verbs are
inflected here from their base form; nouns gain plurals. Words of five letters or more may be
misspelt by one letter ("sucidal", "overdoze"). Single common words ("kill", "hit", "end") never
match alone, which keeps "killing time" and "hit the gym" quiet. A false alarm costs a kind
message; a miss could cost much more, so the patterns lean towards catching.

Matching is over words (:mod:`assistant.engine.word_patterns`): linear in the message's length,
with no regular expression run over what a person wrote.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from typing import Any

from assistant.content import content_file
from assistant.engine.word_patterns import Matcher, compile_pattern, words

MAX_CHARS = 8192  # past every channel's own cap: a crisis at the end of a long message still counts
VOWELS = frozenset("aeiou")


class Concern(StrEnum):
    RISK = "risk"
    ABUSE = "abuse"


def inflect(verb: str) -> list[str]:
    """Every form of a verb: ``"punch"`` → punch, punches, punching, punched; an irregular one
    names its past and participle, ``"beat|beat|beaten"``."""
    base, *past = verb.split("|")
    if " " in base:  # a phrase: only its first word inflects
        head, rest = base.split(" ", 1)
        return [f"{form} {rest}" for form in inflect("|".join([head, *[p.split(" ", 1)[0] for p in past]]))]
    forms = [base, _third_person(base), _present_participle(base)]
    forms += past if past else [_past(base)]
    return list(dict.fromkeys(forms))


def _third_person(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def _doubles(base: str) -> bool:
    """Short consonant-vowel-consonant verbs double their last letter: hit → hitting, grab → grabbed."""
    return (
        len(base) <= 4
        and len(base) >= 3
        and base[-1] not in VOWELS | {"w", "x", "y"}
        and base[-2] in VOWELS
        and base[-3] not in VOWELS
    )


def _present_participle(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith("ee"):
        return base[:-1] + "ing"
    return base + base[-1] + "ing" if _doubles(base) else base + "ing"


def _past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in VOWELS:
        return base[:-1] + "ied"
    return base + base[-1] + "ed" if _doubles(base) else base + "ed"


def pluralise(noun: str) -> list[str]:
    """A noun, its plural and (apostrophes being dropped) its possessive: carer, carers."""
    head, _, rest = noun.rpartition(" ")
    last = rest
    if last.endswith(("s", "sh", "ch", "x")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in VOWELS:
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return [noun, f"{head} {plural}".strip()]


def word_sets(data: dict[str, Any]) -> dict[str, list[str]]:
    """The named sets of the content file, verbs inflected and nouns pluralised."""
    sets: dict[str, list[str]] = {name: list(entries) for name, entries in data.get("words", {}).items()}
    for name, entries in data.get("nouns", {}).items():
        sets[name] = [form for entry in entries for form in pluralise(entry)]
    for name, entries in data.get("verbs", {}).items():
        sets[name] = [form for entry in entries for form in inflect(entry)]
    return sets


def build_matchers(data: dict[str, Any]) -> dict[Concern, Matcher]:
    sets = word_sets(data)

    def matcher(section: dict[str, Any]) -> Matcher:
        patterns: Iterable[str] = section["patterns"]
        return Matcher((compile_pattern(p, sets) for p in patterns), section.get("unless_followed_by", []))

    return {concern: matcher(data[concern.value]) for concern in Concern}


@lru_cache(maxsize=1)
def _matchers() -> dict[Concern, Matcher]:
    with content_file("safeguarding").open("rb") as fh:
        return build_matchers(tomllib.load(fh))


def concerns(text: str) -> list[Concern]:
    """Which concerns ``text`` raises (risk first), if any."""
    said = words(text[:MAX_CHARS])
    return [concern for concern, matcher in _matchers().items() if matcher.search(said)]
