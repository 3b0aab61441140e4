"""Patterns over words, not characters: linear-time matching for safeguarding phrases.

A pattern is a line of elements separated by spaces (``content/safeguarding.toml``):

- ``word``: that word (a word of five letters or more also matches with one letter wrong);
- ``{set}``: any entry of a named word set; an entry may be several words ("support worker");
- a trailing ``?`` makes an element optional (``really?``, ``{adverb}?``);
- ``..N``: up to N words of anything (N at most 3).

Each message is split into words once; each word is looked up once (exactly, then through an
index of one-letter deletions for near misses), and only the patterns that can start with one
of its readings are tried there. With no regular expression over user text and every gap
bounded, the work grows linearly with the message.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"[a-z0-9']+")  # one character class, one quantifier: no backtracking
FUZZY_MIN_LENGTH = 5
MAX_GAP = 3
CACHE_SIZE = 4096  # words remembered between messages


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, apostrophes dropped ("Can't" and "cant" are one word)."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    return tuple(w.replace("'", "") for w in _WORD.findall(folded) if w.strip("'"))


@dataclass(frozen=True, slots=True)
class Element:
    choices: tuple[tuple[str, ...], ...]  # each a run of words; empty for a gap
    optional: bool = False
    gap: int = 0
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for choice in self.choices:
            grouped[choice[0]].append(choice[1:])
        self.by_first.update({first: tuple(rests) for first, rests in grouped.items()})


Pattern = tuple[Element, ...]


def compile_pattern(line: str, sets: Mapping[str, Iterable[str]]) -> Pattern:
    out: list[Element] = []
    for part in line.split():
        if part.startswith(".."):
            out.append(Element((), gap=min(int(part[2:]), MAX_GAP)))
            continue
        optional = part.endswith("?")
        name = part.rstrip("?")
        if name.startswith("{") and name.endswith("}"):
            choices = tuple(words(entry) for entry in sets[name[1:-1]])
        else:
            choices = (words(name),)
        out.append(Element(tuple(c for c in choices if c), optional))
    return tuple(out)


class Matcher:
    """Many patterns, matched together over one message's words."""

    def __init__(self, patterns: Iterable[Pattern], unless_followed_by: Iterable[str] = ()) -> None:
        self._patterns = tuple(patterns)
        self._unless = frozenset(words(" ".join(unless_followed_by)))
        vocabulary = {w for p in self._patterns for e in p for c in e.choices for w in c}
        self._near = _deletion_index(w for w in vocabulary if len(w) >= FUZZY_MIN_LENGTH)
        self._vocabulary = frozenset(vocabulary)
        self._by_first: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in self._patterns:
            for word in _first_words(pattern):
                self._by_first[word].append(pattern)
        self._cache: dict[str, frozenset[str]] = {}

    def readings(self, token: str) -> frozenset[str]:
        """The pattern words ``token`` may be: itself, or one letter away from a long one."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        found = {token} & self._vocabulary
        if len(token) >= FUZZY_MIN_LENGTH - 1:
            near = set(self._near.get(token, ()))
            for i in range(len(token)):
                near |= self._near.get(token[:i] + token[i + 1 :], set())
            found |= {w for w in near if Levenshtein.distance(token, w, score_cutoff=1) <= 1}
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = result = frozenset(found)
        return result

    def search(self, text_words: tuple[str, ...]) -> bool:
        readings = [self.readings(t) for t in text_words]
        present = frozenset().union(*readings)
        viable: dict[int, bool] = {}  # a pattern needing a word the message lacks is never tried
        for start, here in enumerate(readings):
            tried: set[int] = set()
            for word in here:
                for pattern in self._by_first.get(word, ()):
                    key = id(pattern)
                    if key in tried:
                        continue
                    tried.add(key)
                    if key not in viable:
                        viable[key] = all(e.optional or e.gap or not present.isdisjoint(e.by_first) for e in pattern)
                    if viable[key] and self._matches(pattern, 0, start, readings, text_words):
                        return True
        return False

    def _matches(
        self, pattern: Pattern, index: int, at: int, readings: list[frozenset[str]], said: tuple[str, ...]
    ) -> bool:
        if index == len(pattern):
            return at >= len(said) or said[at] not in self._unless
        element = pattern[index]
        if element.gap:
            return any(
                self._matches(pattern, index + 1, at + skip, readings, said)
                for skip in range(element.gap + 1)
                if at + skip <= len(readings)
            )
        if at < len(readings):
            for first in readings[at]:
                for rest in element.by_first.get(first, ()):
                    end = at + 1 + len(rest)
                    fits = end <= len(readings) and all(w in readings[at + 1 + k] for k, w in enumerate(rest))
                    if fits and self._matches(pattern, index + 1, end, readings, said):
                        return True
        return element.optional and self._matches(pattern, index + 1, at, readings, said)


def _first_words(pattern: Pattern) -> set[str]:
    """Words a match of ``pattern`` can begin with (a leading gap or optional looks further)."""
    first: set[str] = set()
    for element in pattern:
        first |= {c[0] for c in element.choices}
        if not (element.optional or element.gap):
            break
    return first


def _deletion_index(vocabulary: Iterable[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for word in vocabulary:
        index[word].add(word)
        for i in range(len(word)):
            index[word[:i] + word[i + 1 :]].add(word)
    return index
