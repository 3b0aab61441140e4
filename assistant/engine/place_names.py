"""Place names read anywhere in a message, before the vocabulary takes their words.

See :mod:`assistant.engine.where` for the rules: an exact name the gazetteer knows, longest first,
accepted without a cue only when it is in an area served or well known and not made only of
everyday words; a county after it goes with it; a misspelt name only when close to a served place.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from assistant.directory.gazetteer import Gazetteer, NameInfo, load_gazetteer
from assistant.directory.places import normalise_name
from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon, Meaning
from assistant.engine.slots import PlaceMention

MAX_NAME_WORDS = 5  # "houghton conquest and haynes", "westoning flitton and greenfield"
MAX_COUNTY_WORDS = 3  # "west midlands", "north east london"
MIN_UNCUED_LENGTH = 4  # "Ely" needs "in": three letters are too often something else
MISSPELT_CUTOFF = 85.0  # served names only: "walthamstw", "chelmsly wood", "stotfeld"
MIN_MISSPELT_LENGTH = 6
_PLACE = (Meaning(Kind.PLACE),)
_NAMING = frozenset({"called", "named", "name", "names"})  # "my mum Shirley", "she's called Victoria"
# A team, not a place: "he supports Everton", "mad on Southport", "a fan of Crosby".
_TEAM = frozenset({"supports", "support", "supporting", "supporter", "fan", "fans", "mad", "follows", "watches"})
TEAM_REACH = 2


def take(items: list[Item]) -> None:
    """Mark words as the place, so no later reader counts them again."""
    for item in items:
        item.used = True
        item.meanings = _PLACE


_SINGLE_WORDS: dict[int, frozenset[str]] = {}


def _single_words(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's one-word phrases, worked out once per lexicon."""
    if (words := _SINGLE_WORDS.get(id(lexicon))) is None:
        words = _SINGLE_WORDS[id(lexicon)] = frozenset(p[0] for p in lexicon.phrases if len(p) == 1)
    return words


def is_everyday(word: str, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    return word in gazetteer.everyday or word in lexicon.connectors or word in _single_words(lexicon)


def _cued(items: list[Item], start: int, lexicon: Lexicon) -> bool:
    before = start - 1
    while before >= 0 and items[before].text in lexicon.connectors and not items[before].has(Kind.PLACE_CUE):
        before -= 1  # "in the ..."
    return before >= 0 and items[before].has(Kind.PLACE_CUE) and items[before].clause == items[start].clause


def _accepted(items: list[Item], start: int, end: int, lexicon: Lexicon, info: NameInfo) -> bool:
    """Whether items[start:end], a name the gazetteer knows as ``info``, name a place here (see
    the module notes)."""
    span = items[start:end]
    key = _name(items, start, end)
    if key in lexicon.not_places or span[0].text in lexicon.connectors or span[-1].text in lexicon.connectors:
        return False
    gazetteer = load_gazetteer()
    words = key.split()
    if len(words) == 1 and not span[0].raw and is_everyday(words[0], gazetteer, lexicon):
        return False  # "art", "clay": a word the lexicon reads is never a place on its own
    ordinary = all(is_everyday(word, gazetteer, lexicon) for word in words)
    if ordinary:
        # "in Sandy", "Barton-le-Clay", a message that is only "Hale End": but not "in reading"
        whole = start == 0 and end == len(items)
        alone = whole or _own_clause(items, start, end)
        return info.served and (_cued(items, start, lexicon) or alone or (len(words) > 1 and info.settlement))
    if _cued(items, start, lexicon):
        return True
    if len(key) < MIN_UNCUED_LENGTH:
        return False
    previous = items[start - 1] if start else None
    if previous is not None and end - start == 1 and (previous.has(Kind.WHO) or previous.text in _NAMING):
        return False
    if any(item.text in _TEAM for item in items[max(0, start - TEAM_REACH) : start]):
        return False
    return info.served or info.notable


def _name(items: list[Item], start: int, end: int) -> str:
    return normalise_name(" ".join(item.text for item in items[start:end]))


def _own_clause(items: list[Item], start: int, end: int) -> bool:
    """The name is a whole clause: "Sandy. Gardening. Sundays.", "dementia, Sandy"."""
    clause = items[start].clause
    return all(item.clause != clause for item in items[:start] + items[end:])


def named_place(items: list[Item], lexicon: Lexicon) -> PlaceMention | None:
    """The longest name the gazetteer knows exactly, anywhere in one clause, with a county after it."""
    # A town before a whole council area ("I work in Sefton ... Southport area"), then the longest,
    # then one said after "in"/"near", then one Dayfinder serves, then the last said (people most
    # often end with the place: "..., Maghull").
    found: list[tuple[bool, int, bool, bool, int, int]] = []  # town, words, cued, served, start, end
    for start, first in enumerate(items):
        if first.used or not first.text.replace(" ", "").isalpha():
            continue
        end, words = start, 0
        while end < len(items) and items[end].clause == first.clause and not items[end].used:
            words += len(items[end].words)
            if words > MAX_NAME_WORDS or not items[end].text.replace(" ", "").isalpha():
                break
            end += 1
            info = load_gazetteer().name_info(_name(items, start, end))
            if info is None:
                continue  # most spans are no name at all: one cached look-up rules them out
            if _accepted(items, start, end, lexicon, info):
                found.append((not info.area, words, _cued(items, start, lexicon), info.served, start, end))
    # A name inside a longer one is that one: "Solihull" in "Solihull borough".
    whole = [f for f in found if not any(o[4] <= f[4] and f[5] <= o[5] and o[1] > f[1] for o in found)]
    best = max(whole, default=None)
    if best is None:
        return None
    start, end = best[4], best[5]
    end = _county_after(items, end)
    take(items[start:end])
    return PlaceMention(" ".join(item.text for item in items[start:end]))


def _county_after(items: list[Item], end: int) -> int:
    """Where the name ends once a county or region just after it is included."""
    areas = load_gazetteer().areas
    for size in range(MAX_COUNTY_WORDS, 0, -1):
        after = items[end : end + size]
        whole = len(after) == size and not any(i.used for i in after) and len({i.clause for i in after}) == 1
        if whole and areas.county(normalise_name(" ".join(i.text for i in after))) is not None:
            return end + size
    return end


def misspelt_place(items: list[Item], lexicon: Lexicon) -> PlaceMention | None:
    """Unrecognised words close in spelling to a place in a served area: "computer help walthamstw"."""
    gazetteer = load_gazetteer()
    for size in (3, 2, 1):
        for start in range(len(items) - size + 1):
            span = items[start : start + size]
            if len({i.clause for i in span}) > 1 or not _misspelling(span[0], gazetteer, lexicon):
                continue
            if not all(_misspelling(i, gazetteer, lexicon) or (i.text.isalpha() and not i.used) for i in span):
                continue  # "chelmsly wood": a misspelt word, then perhaps a word the lexicon knows
            text = " ".join(i.text for i in span)
            if gazetteer.name_info(normalise_name(text)) is not None:
                continue  # an exact name not read as a place was left alone on purpose ("my mum Shirley")
            if len(text) >= MIN_MISSPELT_LENGTH and _close_to_served(text):
                take(span)
                return PlaceMention(text)
    return None


def _misspelling(item: Item, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    word = item.text
    return (
        item.raw
        and not item.used
        and word.isalpha()
        and not is_everyday(word, gazetteer, lexicon)
        and word not in gazetteer.near_words
        and not lexicon.speller.candidates(word)
    )


@lru_cache(maxsize=8192)
def _close_to_served(text: str) -> bool:
    gazetteer = load_gazetteer()
    key = normalise_name(text)
    return process.extractOne(key, gazetteer.served_keys, scorer=fuzz.ratio, score_cutoff=MISSPELT_CUTOFF) is not None
