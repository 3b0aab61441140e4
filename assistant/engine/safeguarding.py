"""Spot messages that suggest risk to life, or abuse or neglect, before anything else happens.

Phrases live in ``content/safeguarding.toml``. A phrase matches whole words in order; each of
its words longer than four letters may be misspelt by one letter ("sucidal", "overdoze"). Single
common words ("kill", "hit", "end") never match alone, which keeps "killing time" and "hit the
shops" quiet. A false alarm costs a kind message; a miss could cost much more, so the lists lean
towards catching.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from assistant.content import content_file

_WORD = re.compile(r"[a-z0-9']+")
FUZZY_MIN_LENGTH = 5


class Concern(StrEnum):
    RISK = "risk"
    ABUSE = "abuse"


@dataclass(frozen=True, slots=True)
class _Phrases:
    by_concern: dict[Concern, tuple[tuple[str, ...], ...]]
    not_followed_by: dict[Concern, frozenset[str]]


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    return _WORD.findall(folded)


@lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    with content_file("safeguarding").open("rb") as fh:
        data = tomllib.load(fh)
    return _Phrases(
        {c: tuple(tuple(_words(p)) for p in data[c.value]["phrases"]) for c in Concern},
        {c: frozenset(data[c.value].get("not_followed_by", [])) for c in Concern},
    )


def _same(word: str, wanted: str) -> bool:
    if word == wanted:
        return True
    return len(wanted) >= FUZZY_MIN_LENGTH and Levenshtein.distance(word, wanted, score_cutoff=1) <= 1


def _contains(words: list[str], phrase: tuple[str, ...], not_followed_by: frozenset[str]) -> bool:
    size = len(phrase)
    for i in range(len(words) - size + 1):
        if all(_same(words[i + k], phrase[k]) for k in range(size)):
            following = words[i + size] if i + size < len(words) else ""
            if following not in not_followed_by:
                return True
    return False


def concerns(text: str) -> list[Concern]:
    """Which concerns ``text`` raises (risk first), if any."""
    words = _words(text[:2000])
    table = _phrases()
    found = [
        concern
        for concern, phrases in table.by_concern.items()
        if any(_contains(words, p, table.not_followed_by[concern]) for p in phrases)
    ]
    return sorted(found, key=list(Concern).index)
