"""Which slips of the thumb to forgive: "nitting", "swiming", "dementa", "alzhiemers", "swimmimg".

A similarity cutoff alone cannot tell "nitting" (a typo of knitting) from "looking" (a real word
one letter from cooking), so a word counts as a typo of a lexicon word only for the slips people
actually make on a phone keypad, and only when the word is long enough that such a slip rarely
lands on another real word:

* one letter missing or extra, in words of 6+ letters ("swiming", "dementa", "walkng");
* two neighbouring letters swapped, in words of 5+ letters ("autsim", "alzhiemers");
* one letter replaced by a key next to it, not the last letter, in words of 6+ letters
  ("swimmimg"; a different last letter is usually another word: "computed", "signed");
* two such slips, at most one of them a missing or extra letter, when both words have 9+ letters.

Everyday words that still collide ("quite" and quiet, "despite" and respite) are listed in the
lexicon as never corrected; tests run the speller over common words to keep that list honest.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA, Editop, Levenshtein

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ROW_OFFSETS = (0.0, 0.25, 0.75)
_KEY_AT = {
    ch: (row, col + offset)
    for row, (letters, offset) in enumerate(zip(_ROWS, _ROW_OFFSETS, strict=True))
    for col, ch in enumerate(letters)
}
SHORTEST_SWAP = 5
SHORTEST_SLIP = 6
LONG_WORD = 9
_CACHE_SIZE = 20_000


def _neighbours(a: str, b: str) -> bool:
    pa, pb = _KEY_AT.get(a), _KEY_AT.get(b)
    return pa is not None and pb is not None and abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1.0


def _forgiven(word: str, key: str, op: Editop) -> bool:
    """An inserted or dropped letter, or a neighbouring key that is not the word's last letter."""
    if op.tag != "replace":
        return True
    return op.src_pos != len(word) - 1 and _neighbours(word[op.src_pos], key[op.dest_pos])


def is_typo_of(word: str, key: str) -> bool:
    """Whether ``word`` is ``key`` mistyped in one of the forgiven ways (never when they are equal)."""
    if word == key or abs(len(word) - len(key)) > 2:
        return False
    ops = list(Levenshtein.editops(word, key))
    if len(ops) == 1:
        return len(word) >= SHORTEST_SLIP and _forgiven(word, key, ops[0])
    if len(ops) != 2:
        return False
    if len(word) == len(key) >= SHORTEST_SWAP and OSA.distance(word, key) == 1:
        return True
    return (
        min(len(word), len(key)) >= LONG_WORD
        and sum(op.tag != "replace" for op in ops) <= 1
        and all(_forgiven(word, key, op) for op in ops)
    )


class Speller:
    """Finds the lexicon words a typo could be, remembering answers (people repeat their typos)."""

    def __init__(self, keys: tuple[str, ...], never: frozenset[str] = frozenset()) -> None:
        self._keys = keys
        self._never = never
        self._seen: dict[str, tuple[str, ...]] = {}

    def candidates(self, word: str) -> tuple[str, ...]:
        """The closest lexicon words ``word`` is a typo of: none, one, or several equally close."""
        if (known := self._seen.get(word)) is not None:
            return known
        if word in self._never:
            return ()
        scored = process.extract(word, self._keys, scorer=Levenshtein.distance, score_cutoff=2, limit=8)
        close = [(distance, key) for key, distance, _ in scored if is_typo_of(word, key)]
        best = min((distance for distance, _ in close), default=None)
        found = tuple(key for distance, key in close if distance == best)
        if len(self._seen) >= _CACHE_SIZE:
            self._seen.clear()
        self._seen[word] = found
        return found
