"""Turn a place the person named (or shared) into somewhere to search near.

Three things can happen besides a plain match. A misspelt name is taken and said back ("I took
that to mean Leighton Buzzard"). A name shared by several places gives a short list, served areas
first. A place Dayfinder has no listings for (Poole, Luton) is said plainly, with the council that
covers it and where to find that council, and the nearest served area offered as an option, not
searched unasked. A whole council area ("Central Beds", "anywhere in Sefton") is searched as an
area, and the person is told they can name a town to narrow it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.directory.gazetteer import Match, load_gazetteer
from assistant.directory.geo import miles_between
from assistant.directory.places import Place, PlaceKind, normalise_name
from assistant.engine.lexicon import Kind, Meaning, load_lexicon
from assistant.engine.replies import Option, Reply
from assistant.engine.slots import Command
from assistant.engine.state import PlaceValue
from assistant.engine.text import normalise, tokenise

MAX_CHOICES = 5
FIND_COUNCIL = "https://www.gov.uk/find-local-council"
NEAREST_AREA = "anywhere in "  # the offer's value, read back as a whole-area place
_TAKE_NEAREST = frozenset({"nearest", "closest", "nearer", "closer"})
_CITY_OF = re.compile(r"^(.+), City of$")  # "Bristol, City of": Bristol City Council
# Words around a county in an answer to "which one?": "the Bedfordshire one", "I mean Dorset".
_CHOICE_FILLER = frozenset({"the", "one", "in", "i", "mean", "meant", "that", "please", "thanks", "yes", "its", "it"})


@dataclass(frozen=True, slots=True)
class PlaceOutcome:
    place: PlaceValue | None = None
    choices: tuple[PlaceValue, ...] = ()
    replies: list[Reply] = field(default_factory=list)


def _value(place: Place, label: str | None = None) -> PlaceValue:
    return PlaceValue(
        label=label or place.name,
        latitude=place.latitude,
        longitude=place.longitude,
        outcode=place.outcode,
        local_authority=place.local_authority,
        area_wide=place.kind is PlaceKind.AREA,
    )


def council_name(local_authority: str) -> str:
    """What a council is called from its area's name: "Luton Council", "Bristol City Council"."""
    if m := _CITY_OF.match(local_authority):
        return f"{m[1]} City Council"
    return local_authority if local_authority.endswith("Council") else f"{local_authority} Council"


def resolve_place(text: str, *, served_only: bool = True) -> PlaceOutcome:
    """What a named place means. ``served_only=False`` (staff signposting) searches near a place
    outside the areas served too: a Luton resident may go to a day centre in Dunstable."""
    located = load_gazetteer().locate(text)
    if located.match is Match.FOUND and located.place is not None:
        if served_only and not load_gazetteer().served(located.place) and located.place.local_authority:
            return outside(located.place)
        place = _value(located.place)
        said = [Reply("place.corrected", params=(("place", place.label),))] if located.corrected else []
        if place.area_wide:
            said.append(Reply("places.whole_area", params=(("area", place.label),)))
        return PlaceOutcome(place=place, replies=said)
    if located.match is Match.AMBIGUOUS:
        choices = tuple(_value(p, p.label) for p in located.candidates[:MAX_CHOICES])
        names = {normalise_name(p.name) for p in located.candidates}
        name = located.candidates[0].name if len(names) == 1 else _capitalised(text)
        return PlaceOutcome(choices=choices, replies=[ask_which(choices, name)])
    return PlaceOutcome(replies=[Reply("place.not_found", params=(("place", _capitalised(text)[:40]),))])


def _capitalised(text: str) -> str:
    """The person's words as a name: the reader lower-cases them ("horton" -> "Horton")."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


def ask_which(choices: tuple[PlaceValue, ...], name: str) -> Reply:
    """Ask which of several places called ``name`` was meant; each choice's number picks it."""
    options = tuple(Option("place", str(i), (("label", c.label),)) for i, c in enumerate(choices, 1))
    return Reply("place.choose", params=(("place", name),), options=options)


def outside(place: Place) -> PlaceOutcome:
    """A place in no area served: say so, name its council, and offer the nearest served area."""
    nearest = load_gazetteer().areas.nearest_served(place.latitude, place.longitude)
    council = council_name(place.local_authority or "")
    params = (("place", place.name), ("council", council), ("link", FIND_COUNCIL), ("nearest", nearest or ""))
    options = (Option("place", f"{NEAREST_AREA}{nearest}", (("label", nearest),)),) if nearest else ()
    return PlaceOutcome(replies=[Reply("places.outside", params=params, options=options)])


def nearest_offer(offered: tuple[str, ...], text: str) -> str | None:
    """The nearest served area offered after a place outside them, when it is the only option on
    screen and the answer takes it: "yes please", "ok, show me the nearest ones"."""
    if len(offered) != 1 or not offered[0].startswith(NEAREST_AREA):
        return None
    lexicon = load_lexicon()
    words = tokenise(normalise(text))
    yes = Meaning(Kind.COMMAND, Command.YES.value)
    taken = any(yes in lexicon.phrases.get((word,), ()) or word in _TAKE_NEAREST for word in words)
    return offered[0] if taken else None


def outside_choice(choice: PlaceValue) -> PlaceOutcome | None:
    """The reply for a place picked from a list that lies outside every served area, else None."""
    if choice.local_authority is None or choice.area_wide:
        return None
    gazetteer = load_gazetteer()
    if choice.local_authority in gazetteer.areas.served:
        return None
    name = choice.label.split(",")[0]
    return outside(Place(name, choice.latitude, choice.longitude, choice.outcode, choice.local_authority))


def choice_named(choices: tuple[PlaceValue, ...], text: str) -> int | None:
    """The number of the choice an answer names by county, region or council ("the Bedfordshire
    one", "Dorset", "west midlands"), when it names exactly one of them."""
    areas = load_gazetteer().areas
    said = " ".join(w for w in normalise_name(text).split() if w not in _CHOICE_FILLER)
    county = areas.county(said)
    if county is None:
        return None
    named = [
        number
        for number, choice in enumerate(choices, 1)
        if areas.in_county(Place(choice.label, 0, 0, None, choice.local_authority, _area_of(choice)), county)
    ]
    return named[0] if len(named) == 1 else None


def _area_of(choice: PlaceValue) -> str:
    """The county part of a choice's label: "Shirley, West Midlands" -> "West Midlands"."""
    return choice.label.partition(",")[2].strip()


def shared_place(latitude: float, longitude: float) -> PlaceValue:
    """A shared location, labelled with its nearest postcode district so it can be said back."""
    outcodes = load_gazetteer().outcodes
    nearest = min(outcodes.values(), key=lambda p: miles_between(latitude, longitude, p.latitude, p.longitude))
    return PlaceValue(
        label=nearest.outcode or nearest.name,
        latitude=latitude,
        longitude=longitude,
        outcode=nearest.outcode,
        local_authority=nearest.local_authority,
    )
