"""A message as a sequence of items: recognised phrases, numbers and leftover words, in order.

Phrases are matched exactly on the tokens, longest first across the whole message, each token
used once: "no stairs" beats "no", and "day centre" beats "day" even where "a day" could also be
read. Tokens left over keep their shape (numbers, clock times, "50p") as meanings, and single
words may then be corrected as typos. Later readers (times, money, age, place) mark the items they
take as ``used`` so that no word counts twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.engine.lexicon import TYPO_MIN_LENGTH, Kind, Lexicon, Meaning
from assistant.engine.text import PUNCTUATION

_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm)|\d{1,2}:\d{2}")
_NUMBER = re.compile(r"\d{1,7}(?:\.\d{1,2})?")
_PENCE = re.compile(r"(\d{1,4})p")
_AGE = re.compile(r"(\d{1,3})(?:yo|yrs|yrsold|yearsold)")
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
_TYPO_KINDS = frozenset({Kind.TERM, Kind.DAYS, Kind.PART})


@dataclass(slots=True)
class Item:
    words: tuple[str, ...]
    clause: int  # punctuation starts a new clause; negation does not reach across it
    meanings: tuple[Meaning, ...] = ()
    used: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def raw(self) -> bool:
        """Nothing recognised: a word that may be a place name or noise."""
        return not self.meanings

    def has(self, kind: Kind) -> bool:
        return any(m.kind is kind for m in self.meanings)

    def value(self, kind: Kind) -> str | None:
        return next((m.value for m in self.meanings if m.kind is kind), None)

    def values(self, kind: Kind) -> list[str]:
        return [m.value for m in self.meanings if m.kind is kind]

    def only(self, *kinds: Kind) -> bool:
        """Every meaning is one of ``kinds`` (and there is at least one)."""
        return bool(self.meanings) and all(m.kind in kinds for m in self.meanings)


def _shape(token: str) -> tuple[Meaning, ...]:
    """Meanings carried by the form of a number-like token."""
    if not token[0].isdigit():
        return ()
    if _CLOCK.fullmatch(token):
        return (Meaning(Kind.CLOCK, token),)
    if _NUMBER.fullmatch(token):
        return (Meaning(Kind.NUMBER, token),)
    if m := _PENCE.fullmatch(token):
        return (Meaning(Kind.AMOUNT, str(int(m[1]) / 100)),)
    if m := _AGE.fullmatch(token):
        return (Meaning(Kind.AGE, m[1]),)
    if m := _ORDINAL.fullmatch(token):
        return (Meaning(Kind.NUMBER, m[1]),)
    return ()


def rewrite(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """Shortenings and homophones as the words they stand for, longest first, left to right:
    "4 my bro" is "for my brother", "my sun" is "my son" (but "sun" alone stays Sunday)."""
    out: list[str] = []
    position = 0
    while position < len(tokens):
        for length in lexicon.rewrite_lengths.get(tokens[position], ()):
            meant = lexicon.rewrites.get(tuple(tokens[position : position + length]))
            if meant is not None:
                out.extend(meant)
                position += length
                break
        else:
            out.append(tokens[position])
            position += 1
    return out


def read_items(tokens: list[str], lexicon: Lexicon) -> list[Item]:
    """Match lexicon phrases (longest first, each token once) and classify what is left."""
    words: list[str] = []
    clauses: list[int] = []
    clause = 0
    for token in tokens:
        if token in PUNCTUATION:
            clause += 1
            continue
        words.append(token)
        clauses.append(clause)
        if token == "?":
            clause += 1

    candidates: list[tuple[int, int]] = []
    for start, word in enumerate(words):
        for length in lexicon.lengths.get(word, ()):
            if start + length <= len(words) and tuple(words[start : start + length]) in lexicon.phrases:
                candidates.append((-length, start))
    candidates.sort()
    owner: list[int] = [-1] * len(words)  # start of the phrase holding each token
    ends: dict[int, int] = {}
    for negative_length, start in candidates:
        end = start - negative_length
        if all(o < 0 for o in owner[start:end]):
            owner[start:end] = [start] * (end - start)
            ends[start] = end

    items: list[Item] = []
    position = 0
    while position < len(words):
        end = ends.get(position, position + 1)
        phrase = tuple(words[position:end])
        meanings = lexicon.phrases[phrase] if position in ends else _shape(words[position])
        items.append(Item(phrase, clauses[position], meanings))
        position = end
    return items


def correct_typos(items: list[Item], lexicon: Lexicon) -> None:
    """Give unrecognised words the meaning of the lexicon word they mistype, when that is clear."""
    for item in items:
        if not item.raw or item.used or len(item.words[0]) < TYPO_MIN_LENGTH or not item.words[0].isalpha():
            continue
        keys = lexicon.speller.candidates(item.words[0])
        meanings = {tuple(m for m in lexicon.phrases[(key,)] if m.kind in _TYPO_KINDS) for key in keys}
        if len(meanings) == 1:
            item.meanings = meanings.pop()
            item.words = (keys[0],) if len(keys) == 1 else item.words  # "swiming" is read as "swimming"
