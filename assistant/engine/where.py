"""Where to search near: a postcode anywhere, or a place name after "in", "near", "around", ...

Words after a cue count as a place only if the gazetteer knows them, so "in the morning" or "at
home" never become places; common words that happen to be hamlets ("church", "park", "march")
are listed in the lexicon as never places. A place may run to a few words ("sutton coldfield",
"stoke on trent"); the longest run the gazetteer knows wins. The mention keeps the person's own
spelling, for the dialogue to resolve and confirm.

Gazetteer lookups of words that are not places fall through to a fuzzy search costing a few
milliseconds, so answers are remembered: people and their towns repeat.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.directory.gazetteer import Match, load_gazetteer
from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon, Meaning
from assistant.engine.slots import PlaceMention

MAX_PLACE_WORDS = 4  # "newcastle upon tyne", "weston super mare", "ashby de la zouch"
_PLACE = (Meaning(Kind.PLACE),)


@lru_cache(maxsize=8192)
def _lookup(text: str) -> tuple[bool, bool]:
    located = load_gazetteer().locate(text)
    return located.match is not Match.NOT_FOUND, located.corrected


def is_place(text: str, *, exact: bool = False) -> bool:
    """Whether the gazetteer can find ``text`` (perhaps more than one place; misspelt unless ``exact``)."""
    found, corrected = _lookup(text)
    return found and not (exact and corrected)


def _take(items: list[Item]) -> None:
    for item in items:
        item.used = True
        item.meanings = _PLACE


def _postcode(items: list[Item], normalised: str) -> PlaceMention | None:
    postcode = load_gazetteer().find_postcode(normalised)
    if postcode is None:
        return None
    parts = {
        postcode.outcode.lower(),
        (postcode.incode or "").lower(),
        postcode.formatted.lower().replace(" ", ""),
    }
    _take([item for item in items if item.raw and item.text in parts])
    return PlaceMention(postcode.formatted)


def _run_after(items: list[Item], cue: int, lexicon: Lexicon) -> list[Item]:
    """The unrecognised words after a cue in its clause, with small joining words between them."""
    run: list[Item] = []
    for item in items[cue + 1 :]:
        if item.used or item.clause != items[cue].clause or len(run) >= MAX_PLACE_WORDS:
            break
        if not ((item.raw and item.text.isalnum()) or item.text in lexicon.connectors):
            break
        run.append(item)
    while run and not run[0].raw:
        run.pop(0)
    return run


def _after_cues(items: list[Item], lexicon: Lexicon) -> PlaceMention | None:
    for index, item in enumerate(items):
        if not item.has(Kind.PLACE_CUE) or item.used:
            continue
        run = _run_after(items, index, lexicon)
        for end in range(len(run), 0, -1):
            if not run[end - 1].raw:
                continue
            text = " ".join(i.text for i in run[:end])
            if text not in lexicon.not_places and is_place(text):
                _take(run[:end])
                return PlaceMention(text)
    return None


def find_place(items: list[Item], normalised: str, lexicon: Lexicon) -> PlaceMention | None:
    """A postcode or known outcode anywhere, else a known place after a cue; the words are taken."""
    return _postcode(items, normalised) or _after_cues(items, lexicon)


def leftover_place(items: list[Item], lexicon: Lexicon, *, confirm: bool, exact: bool = False) -> PlaceMention | None:
    """The unrecognised words as a place: the reply to "where?", or a correction ("actually, Luton").

    A reply to the place question is taken as it is, for the dialogue to resolve or ask about.
    Otherwise the words must be a place the gazetteer knows (``confirm``), and spelt as it knows
    them (``exact``) when nothing at all in the message hinted at a place: "Hull" alone is a place,
    but "lovely" is not the hamlet of Loveley.
    """
    wanted = [i for i, item in enumerate(items) if item.raw and not item.used and item.text not in lexicon.not_places]
    words: list[Item] = []
    for previous, index in zip([None, *wanted], wanted, strict=False):
        between = items[previous + 1 : index] if previous is not None else []
        if between and all(item.text in lexicon.connectors for item in between):
            words.extend(between)  # "stoke on trent", "weston super mare"
        words.append(items[index])
    text = " ".join(item.text for item in words[: MAX_PLACE_WORDS + 2])
    if not text or (confirm and not is_place(text, exact=exact)):
        return None
    _take(words)
    return PlaceMention(text)
