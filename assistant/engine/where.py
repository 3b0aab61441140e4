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

from assistant.directory.gazetteer import Match, load_gazetteer
from assistant.directory.places import normalise_name
from assistant.engine.items import Item
from assistant.engine.lexicon import Kind, Lexicon
from assistant.engine.place_names import is_everyday, misspelt_place, named_place, take
from assistant.engine.slots import PlaceMention

MAX_PLACE_WORDS = 4  # "newcastle upon tyne", "weston super mare", "ashby de la zouch"


@lru_cache(maxsize=8192)
def _lookup(text: str) -> tuple[bool, bool]:
    located = load_gazetteer().locate(text)
    return located.match is not Match.NOT_FOUND, located.corrected


def is_place(text: str, *, exact: bool = False) -> bool:
    """Whether the gazetteer can find ``text`` (perhaps more than one place; misspelt unless ``exact``)."""
    found, corrected = _lookup(text)
    return found and not (exact and corrected)


def _postcode(items: list[Item], normalised: str) -> PlaceMention | None:
    postcode = load_gazetteer().find_postcode(normalised)
    if postcode is None:
        return None
    parts = {
        postcode.outcode.lower(),
        (postcode.incode or "").lower(),
        postcode.formatted.lower().replace(" ", ""),
    }
    take([item for item in items if item.raw and item.text in parts])
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
                take(run[:end])
                return PlaceMention(text)
    return None


def find_place(items: list[Item], normalised: str, lexicon: Lexicon) -> PlaceMention | None:
    """A full postcode anywhere, else a place name anywhere (see the module notes), else a bare
    outcode, else a misspelt place after a cue or in a served area; the words are taken.

    A named place beats a bare outcode said with it ("near Balsall Common CV7"): the place is
    more precise, and CV7 is mostly Coventry."""
    postcode = _postcode(items, normalised)
    if postcode is not None and " " in postcode.text:
        return postcode
    return named_place(items, lexicon) or postcode or _after_cues(items, lexicon) or misspelt_place(items, lexicon)


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
    everyday = all(is_everyday(word, gazetteer, lexicon) for word in normalise_name(text).split())
    if exact and everyday and len(words) < len(items):
        return None  # "interested in reading": an everyday word is a place alone, not among other words
    take(words)
    return PlaceMention(text)
