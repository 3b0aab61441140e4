"""Turn a place the person named (or shared) into somewhere to search near."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.directory.gazetteer import Match, load_gazetteer
from assistant.directory.geo import miles_between
from assistant.directory.places import Place
from assistant.engine.replies import Option, Reply
from assistant.engine.state import PlaceValue

MAX_CHOICES = 5


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
    )


def resolve_place(text: str) -> PlaceOutcome:
    located = load_gazetteer().locate(text)
    if located.match is Match.FOUND and located.place is not None:
        place = _value(located.place)
        said = [Reply("place.corrected", params=(("place", place.label),))] if located.corrected else []
        return PlaceOutcome(place=place, replies=said)
    if located.match is Match.AMBIGUOUS:
        choices = tuple(_value(p, p.label) for p in located.candidates[:MAX_CHOICES])
        options = tuple(Option("place", str(i), (("label", c.label),)) for i, c in enumerate(choices, 1))
        ask = Reply("place.choose", params=(("place", text.strip()),), options=options)
        return PlaceOutcome(choices=choices, replies=[ask])
    return PlaceOutcome(replies=[Reply("place.not_found", params=(("place", text.strip()[:40]),))])


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
