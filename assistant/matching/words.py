"""The person's own words for what they want, found in a listing's name and description.

Activity categories are broad: "swimming" and "boccia" are both sport, "tea dance" and "chair
yoga" both movement. The words someone used ("swimming", "tea dance", "lunch club") say which
listing in a category they mean, so a listing that names them ranks higher. Each word is
stemmed (Snowball English), and counts when a word in the listing starts with that stem:
"swimming" finds "swim" and "swimmers", "dancing" finds "dance".

A search asks the same listing the same question more than once (the words-first rungs filter by
the words, the score weighs them): :class:`Words` remembers the answers for one search.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z]+")
SHORTEST_STEM = 3  # "art" is a word worth finding; "a" and "go" are not


@lru_cache(maxsize=4096)
def stems(phrase: str) -> tuple[str, ...]:
    """The stems of a phrase's words, long enough to mean something: "lunch clubs" → ("lunch", "club")."""
    words = _WORD.findall(phrase.lower())
    return tuple(s for s in _STEMMER.stemWords(words) if len(s) >= SHORTEST_STEM)


@lru_cache(maxsize=4096)
def _starting(stem: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(stem)}")


def _has(text: str, stem: str) -> bool:
    return _starting(stem).search(text) is not None


def words_fit(text: str, phrases: tuple[str, ...]) -> float:
    """0..1: the share of the person's phrases whose every word the listing's text contains."""
    wanted = [s for s in (stems(p) for p in phrases) if s]
    if not wanted:
        return 0.0
    lowered = text.lower()
    return sum(all(_has(lowered, stem) for stem in phrase) for phrase in wanted) / len(wanted)


class Words:
    """:func:`words_fit` for one search, each answer worked out once. Make one a search: it holds the
    texts of the listings that search read, and nothing from any other."""

    def __init__(self) -> None:
        self._fits: dict[tuple[str, tuple[str, ...]], float] = {}

    def fit(self, text: str, phrases: tuple[str, ...]) -> float:
        key = (text, phrases)
        found = self._fits.get(key)
        if found is None:
            found = self._fits[key] = words_fit(text, phrases)
        return found

    def __len__(self) -> int:
        """How many answers are held."""
        return len(self._fits)
