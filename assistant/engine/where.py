"""Where to search near: a postcode anywhere, or a place name wherever it stands in the message.

People write "computer help walthamstow", "Formby walks" and "Chingford. Computers. Free.", so a
place needs no cue. A name the gazetteer knows exactly is read before the vocabulary, so
"Barton-le-Clay" is a village, not clay modelling, and "Chelmsley Wood" not woodwork. Without a
cue ("in", "near") a name must be in an area Dayfinder serves or well known, and not made only of
everyday words: "art", "reading", "bath" or "church" stay words, but "in Sandy" is a place. Longer
names win ("Leighton Buzzard" over "Leighton"), and a county or region after the name ("Stotfold,
Bedfordshire", "Formby Merseyside") goes with it to pick between namesakes. A misspelt name is
read without a cue only when it is close to a place in a served area ("walthamstw"). Words after a
cue that the gazetteer finds only by spelling correction are read as before; common words that
happen to be hamlets ("church", "park", "march") are listed in the lexicon as never places. The
mention keeps the person's words, for the dialogue to resolve and confirm.

Gazetteer lookups of words that are not places fall through to a fuzzy search costing a few
milliseconds, so answers are remembered: people and their towns repeat.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from assistant.directory.gazetteer import Gazetteer, Match, load_gazetteer
from assistant.directory.places import normalise_name
from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon, Meaning
from assistant.engine.slots import PlaceMention

MAX_PLACE_WORDS = 4  # "newcastle upon tyne", "weston super mare", "ashby de la zouch"
MAX_NAME_WORDS = 5  # "houghton conquest and haynes", "westoning flitton and greenfield"
MAX_COUNTY_WORDS = 3  # "west midlands", "north east london"
MIN_UNCUED_LENGTH = 4  # "Ely" needs "in": three letters are too often something else
MISSPELT_CUTOFF = 88.0  # served names only: "walthamstw", "chelmsly wood", "formbey"
MIN_MISSPELT_LENGTH = 6
_PLACE = (Meaning(Kind.PLACE),)
_NAMING = frozenset({"called", "named", "name", "names"})  # "my mum Shirley", "she's called Victoria"


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
            if load_gazetteer().name_info(normalise_name(text)) is not None:
                continue  # spelt right: :func:`_named` has weighed it already ("interested in reading")
            if text not in lexicon.not_places and is_place(text):
                _take(run[:end])
                return PlaceMention(text)
    return None


def find_place(items: list[Item], normalised: str, lexicon: Lexicon) -> PlaceMention | None:
    """A postcode or known outcode anywhere, else a place name anywhere (see the module notes), else a
    misspelt place after a cue or in a served area; the words are taken."""
    return (
        _postcode(items, normalised)
        or _named(items, lexicon)
        or _after_cues(items, lexicon)
        or _misspelt(items, lexicon)
    )


_SINGLE_WORDS: dict[int, frozenset[str]] = {}


def _single_words(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's one-word phrases, worked out once per lexicon."""
    if (words := _SINGLE_WORDS.get(id(lexicon))) is None:
        words = _SINGLE_WORDS[id(lexicon)] = frozenset(p[0] for p in lexicon.phrases if len(p) == 1)
    return words


def _everyday(word: str, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    return word in gazetteer.everyday or word in lexicon.connectors or word in _single_words(lexicon)


def _cued(items: list[Item], start: int, lexicon: Lexicon) -> bool:
    before = start - 1
    while before >= 0 and items[before].text in lexicon.connectors and not items[before].has(Kind.PLACE_CUE):
        before -= 1  # "in the ..."
    return before >= 0 and items[before].has(Kind.PLACE_CUE) and items[before].clause == items[start].clause


def _accepted(items: list[Item], start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether items[start:end] name a place here (see the module notes)."""
    span = items[start:end]
    key = normalise_name(" ".join(item.text for item in span))
    if key in lexicon.not_places or span[0].text in lexicon.connectors or span[-1].text in lexicon.connectors:
        return False
    gazetteer = load_gazetteer()
    info = gazetteer.name_info(key)
    if info is None:
        return False
    words = key.split()
    if (
        any(not item.raw for item in span)
        and all(_everyday(word, gazetteer, lexicon) for word in words[:1])
        and (len(words) == 1)
    ):
        return False  # "art", "reading": a word the lexicon reads is never a place on its own
    ordinary = all(_everyday(word, gazetteer, lexicon) for word in words)
    if ordinary:
        # "in Sandy", "Barton-le-Clay", a message that is only "Hale End": but not "in reading"
        whole = start == 0 and end == len(items)
        return info.served and (_cued(items, start, lexicon) or whole or (len(words) > 1 and info.settlement))
    if _cued(items, start, lexicon):
        return True
    if len(key) < MIN_UNCUED_LENGTH:
        return False
    previous = items[start - 1] if start else None
    if previous is not None and end - start == 1 and (previous.has(Kind.WHO) or previous.text in _NAMING):
        return False
    return info.served or info.notable


def _named(items: list[Item], lexicon: Lexicon) -> PlaceMention | None:
    """The longest name the gazetteer knows exactly, anywhere in one clause, with a county after it."""
    best: tuple[int, int, int] | None = None  # words, -start, end
    for start, first in enumerate(items):
        if first.used or any(ch.isdigit() for ch in first.text):
            continue
        end, words = start, 0
        while end < len(items) and items[end].clause == first.clause and not items[end].used:
            words += len(items[end].words)
            if words > MAX_NAME_WORDS or any(ch.isdigit() for ch in items[end].text):
                break
            end += 1
            if (best is None or words > best[0]) and _accepted(items, start, end, lexicon):
                best = (words, -start, end)
    if best is None:
        return None
    start, end = -best[1], best[2]
    end = _county_after(items, end)
    _take(items[start:end])
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


def _misspelt(items: list[Item], lexicon: Lexicon) -> PlaceMention | None:
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
                _take(span)
                return PlaceMention(text)
    return None


def _misspelling(item: Item, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    word = item.text
    return (
        item.raw
        and not item.used
        and word.isalpha()
        and not _everyday(word, gazetteer, lexicon)
        and not lexicon.speller.candidates(word)
    )


@lru_cache(maxsize=8192)
def _close_to_served(text: str) -> bool:
    gazetteer = load_gazetteer()
    key = normalise_name(text)
    return process.extractOne(key, gazetteer.served_keys, scorer=fuzz.ratio, score_cutoff=MISSPELT_CUTOFF) is not None


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
    gazetteer = load_gazetteer()
    everyday = all(_everyday(word, gazetteer, lexicon) for word in normalise_name(text).split())
    if exact and everyday and len(words) < len(items):
        return None  # "interested in reading": an everyday word is a place alone, not among other words
    _take(words)
    return PlaceMention(text)
