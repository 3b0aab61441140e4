"""The words Dayfinder recognises (``content/lexicon.toml``), compiled once into lookup tables.

Recognised words are data so that people who know how service users write can extend them
without touching code. Each phrase becomes a tuple of tokens (normalised exactly as a message is)
mapped to every :class:`Meaning` it has; the context decides between them later. Section names
and keys are checked at load, so a mistyped day code or command fails at start-up, not mid-chat.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.content import content_file
from assistant.engine.slots import Command, CostPeriod, PartOfDay, Slot, WhoFor
from assistant.engine.text import words_of
from assistant.engine.typos import Speller

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Single words of this length or more are also matched with a typo (see typos.py).
TYPO_MIN_LENGTH = 4


class Kind(StrEnum):
    TERM = "term"  # value: a taxonomy id
    WHO = "who"  # value: a WhoFor
    COMMAND = "command"  # value: a Command
    DAYS = "days"  # value: day codes, space separated
    PART = "part"  # value: parts of day, space separated
    NEGATION = "negation"
    CORRECTION = "correction"
    CHANGE = "change"  # a correction that may name the question: "change the day"
    BREAK = "break"  # ends a negation's reach
    ONLINE = "online"  # value: "yes" or "no"
    FREE = "free"
    FREE_IF_ASKED = "free_if_asked"
    MONEY_VAGUE = "money_vague"
    MONEY_LOW = "money_low"  # "cheap", "a few pound": free or low cost
    MONEY_OPEN = "money_open"  # "direct payment": any price
    GREETING = "greeting"
    OFF_TOPIC = "off_topic"  # "what's the weather like": not something Dayfinder can help with
    PASSING = "passing"  # "it's a lovely", "I work": the day or time after is said in passing
    ANYTHING = "anything"  # "anything", "what's on": any activity will do
    MEANWHILE = "meanwhile"  # "so I can": what follows is what the carer will do, not a wish
    LIMIT = "limit"
    CURRENCY = "currency"
    PENCE = "pence"
    AMOUNT = "amount"  # value: pounds
    PERIOD = "period"  # value: a CostPeriod or "month"
    AFTER = "after"
    BEFORE = "before"
    RANGE_START = "range_start"
    RANGE_JOIN = "range_join"
    NAMED_TIME = "named_time"  # value: "HH:MM"
    AGE_CUE = "age_cue"
    AGE_SUFFIX = "age_suffix"
    NUMBER = "number"  # value: the number as written
    CLOCK = "clock"  # value: a clock time as written ("10am", "17:30")
    AGE = "age"  # value: years ("72yo")
    PLACE_CUE = "place_cue"
    PLACE = "place"  # a postcode or place name, found in the message
    SLOT = "slot"  # value: a Slot
    FILLER = "filler"


@dataclass(frozen=True, slots=True)
class Meaning:
    kind: Kind
    value: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    phrases: Mapping[tuple[str, ...], tuple[Meaning, ...]]
    lengths: Mapping[str, tuple[int, ...]]  # phrase lengths by first word, longest first
    speller: Speller  # corrects typos to single lexicon words
    self_when_asked: frozenset[str]  # whole replies meaning "me" to "who is it for?"
    not_places: frozenset[str]
    connectors: frozenset[str]
    picks: frozenset[str]
    period_lead: frozenset[str]
    period_before: frozenset[str]
    other_units: frozenset[str]
    passing_between: frozenset[str]
    broad: frozenset[str]  # words that only name a category: "social club", "sport", "art"
    rewrites: Mapping[tuple[str, ...], tuple[str, ...]]  # shortenings and homophones, by tokens
    rewrite_lengths: Mapping[str, tuple[int, ...]]  # rewrite lengths by first token, longest first


def _check_days(key: str) -> str:
    if not key.split() or any(code not in DAY_CODES for code in key.split()):
        raise ValueError(f"lexicon [days]: {key!r} is not day codes")
    return key


def _check_parts(key: str) -> str:
    for part in key.split():
        PartOfDay(part)
    return key


def _check_period(key: str) -> str:
    return key if key == "month" else CostPeriod(key).value


def _check_number(key: str) -> str:
    float(key)
    return key


def _check_time(key: str) -> str:
    hours, minutes = key.split(":")
    if not (0 <= int(hours) < 24 and 0 <= int(minutes) < 60):
        raise ValueError(f"lexicon [time.named]: {key!r} is not a time")
    return key


def _check_term(key: str) -> str:
    if not key.startswith(("need-", "activity-", "support-", "access-", "attendance-")):
        raise ValueError(f"lexicon [terms]: {key!r} is not a vocabulary id")
    return key


# Tables keyed by meaning: (section path, kind, check for the keys of a table, or None for a list).
_KEYED: list[tuple[tuple[str, ...], Kind, Callable[[str], str]]] = [
    (("who_for",), Kind.WHO, lambda k: WhoFor(k).value),
    (("commands",), Kind.COMMAND, lambda k: Command(k).value),
    (("days",), Kind.DAYS, _check_days),
    (("parts_of_day",), Kind.PART, _check_parts),
    (("time", "named"), Kind.NAMED_TIME, _check_time),
    (("money", "amounts"), Kind.AMOUNT, _check_number),
    (("money", "periods"), Kind.PERIOD, _check_period),
    (("numbers",), Kind.NUMBER, _check_number),
    (("online",), Kind.ONLINE, lambda k: {"yes": "yes", "no": "no", "only": "only"}[k]),
    (("slots",), Kind.SLOT, lambda k: Slot(k).value),
    (("age", "decades"), Kind.AGE, _check_number),
]
_LISTS: list[tuple[tuple[str, ...], Kind]] = [
    (("time", "after"), Kind.AFTER),
    (("time", "before"), Kind.BEFORE),
    (("time", "range_start"), Kind.RANGE_START),
    (("time", "range_join"), Kind.RANGE_JOIN),
    (("money", "free"), Kind.FREE),
    (("money", "free_if_asked"), Kind.FREE_IF_ASKED),
    (("money", "vague"), Kind.MONEY_VAGUE),
    (("money", "low"), Kind.MONEY_LOW),
    (("money", "open"), Kind.MONEY_OPEN),
    (("greetings", "words"), Kind.GREETING),
    (("off_topic", "words"), Kind.OFF_TOPIC),
    (("passing", "cues"), Kind.PASSING),
    (("anything", "words"), Kind.ANYTHING),
    (("meanwhile", "cues"), Kind.MEANWHILE),
    (("money", "limit"), Kind.LIMIT),
    (("money", "currency"), Kind.CURRENCY),
    (("money", "pence"), Kind.PENCE),
    (("age", "cues"), Kind.AGE_CUE),
    (("age", "suffixes"), Kind.AGE_SUFFIX),
    (("negation", "cues"), Kind.NEGATION),
    (("correction", "cues"), Kind.CORRECTION),
    (("correction", "change"), Kind.CHANGE),
    (("clause_breaks", "words"), Kind.BREAK),
    (("place", "cues"), Kind.PLACE_CUE),
    (("fillers", "words"), Kind.FILLER),
]
_TYPO_KINDS = frozenset({Kind.TERM, Kind.DAYS, Kind.PART})


def _at(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for part in path:
        node = node[part]
    return node


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"lexicon {where}: expected a list of strings")
    return value


def _words(data: Mapping[str, Any], path: tuple[str, ...]) -> frozenset[str]:
    return frozenset(" ".join(words_of(p)) for p in _strings(_at(data, path), ".".join(path)))


def compile_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """Build the lookup tables from the parsed TOML (raises ValueError or KeyError if malformed)."""
    found: dict[tuple[str, ...], dict[Meaning, None]] = {}

    def add(phrases: Iterable[str], meaning: Meaning) -> None:
        for phrase in phrases:
            if words := words_of(phrase):
                found.setdefault(words, {})[meaning] = None

    for term_id, entry in data["terms"].items():
        add(_strings(entry["phrases"], f"terms.{term_id}"), Meaning(Kind.TERM, _check_term(term_id)))
    for path, kind, check in _KEYED:
        for key, phrases in _at(data, path).items():
            if isinstance(phrases, list) and key != "self_when_asked":
                add(_strings(phrases, f"{path}.{key}"), Meaning(kind, check(key)))
    for path, kind in _LISTS:
        add(_strings(_at(data, path), ".".join(path)), Meaning(kind))

    rewrites: dict[tuple[str, ...], tuple[str, ...]] = {}
    for meant, written in data["rewrites"].items():
        for phrase in _strings(written, f"rewrites.{meant}"):
            rewrites[words_of(phrase)] = words_of(meant)
    phrases = {words: tuple(meanings) for words, meanings in found.items()}
    never = _words(data, ("fuzzy", "never"))
    typo_keys = tuple(
        words[0]
        for words, meanings in phrases.items()
        if len(words) == 1
        and len(words[0]) >= TYPO_MIN_LENGTH
        and words[0].isalpha()
        and any(m.kind in _TYPO_KINDS for m in meanings)
    )
    return Lexicon(
        phrases=phrases,
        lengths=_lengths(phrases),
        speller=Speller(typo_keys, never),
        self_when_asked=_words(data, ("who_for", "self_when_asked")),
        not_places=_words(data, ("place", "not_places")),
        connectors=_words(data, ("place", "connectors")),
        picks=_words(data, ("picks", "words")),
        period_lead=_words(data, ("money", "period_lead")),
        period_before=_words(data, ("money", "period_before")),
        other_units=_words(data, ("money", "other_units")),
        passing_between=_words(data, ("passing", "between")),
        broad=_words(data, ("broad", "words")),
        rewrites=rewrites,
        rewrite_lengths=_lengths(rewrites),
    )


def _lengths(table: Mapping[tuple[str, ...], object]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for words in table:
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at ``path`` (by default ``content/lexicon.toml``), read and compiled once."""
    return _load(path or content_file("lexicon"))


@lru_cache(maxsize=4)
def _load(path: Path) -> Lexicon:
    with path.open("rb") as fh:
        return compile_lexicon(tomllib.load(fh))
