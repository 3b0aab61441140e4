"""Every ward and town in the five areas Dayfinder serves resolves to its own council, whatever the
spelling, and namesakes elsewhere never come first. The expected councils come from the bundled
data itself (the ward file, and GeoNames places placed by their own ward), so the test covers every
row, not a handful of examples."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from assistant.directory.gazetteer import Gazetteer, Match, load_gazetteer
from assistant.directory.places import PlaceKind, normalise_name

GEO = Path(__file__).resolve().parents[2] / "directory_data" / "geo"
SERVED = ("Central Bedfordshire", "Waltham Forest", "Dorset", "Solihull", "Sefton")


def _rows(name: str) -> list[dict[str, str]]:
    with (GEO / name).open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["local_authority"] in SERVED]


WARDS = sorted({(r["ward_name"], r["local_authority"]) for r in _rows("wards.csv")})
PLACES = sorted({(r["place_name"], r["local_authority"]) for r in _rows("places.csv")})


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def councils(gazetteer: Gazetteer, text: str) -> list[str | None]:
    return [place.local_authority for place in gazetteer.locate(text).candidates]


def test_the_five_served_areas_are_the_ones_with_listings(gazetteer: Gazetteer) -> None:
    assert gazetteer.areas.served == frozenset(SERVED)
    assert len(WARDS) > 200 and len(PLACES) > 500


@pytest.mark.parametrize(("ward", "council"), WARDS)
def test_every_served_ward_named_as_a_ward_is_its_own_council(gazetteer: Gazetteer, ward: str, council: str) -> None:
    located = gazetteer.locate(f"{ward} ward")
    assert located.match is Match.FOUND and councils(gazetteer, f"{ward} ward")[0] == council


@pytest.mark.parametrize(("ward", "council"), WARDS)
def test_every_served_ward_name_finds_its_council_unless_it_is_an_everyday_word(
    gazetteer: Gazetteer, ward: str, council: str
) -> None:
    if normalise_name(ward) in gazetteer.everyday:
        pytest.skip("an everyday word (Park, Church, Forest): a place only as '... ward'")
    found = councils(gazetteer, ward)
    assert council in found
    others = [p for p in gazetteer.locate(ward).candidates[: found.index(council)]]
    # only a big town or city elsewhere ("Cambridge", a Sefton ward) may come before the ward
    assert all(p.population >= 50_000 or p.local_authority in SERVED for p in others), others


@pytest.mark.parametrize(("name", "council"), PLACES)
def test_every_served_place_lists_its_own_council_first_among_places_elsewhere(
    gazetteer: Gazetteer, name: str, council: str
) -> None:
    candidates = gazetteer.locate(name).candidates
    first = candidates[0]
    # GeoNames files a city's name under every district of its post town ("Birmingham" in Solihull)
    assert council in [p.local_authority for p in candidates] or first.population >= 500_000
    assert first.local_authority in SERVED or first.population >= 50_000, first


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Balsall Common", "Solihull"),  # CV7 is mostly Coventry and Warwickshire
        ("Stotfold", "Central Bedfordshire"),  # SG5 is mostly Hitchin, Hertfordshire
        ("Arlesey", "Central Bedfordshire"),
        ("Chelmsley Wood", "Solihull"),
        ("Smith's Wood", "Solihull"),
        ("smiths wood", "Solihull"),
        ("Kingshurst", "Solihull"),
        ("Fordbridge", "Solihull"),
        ("Meriden", "Solihull"),
        ("Barton-le-Clay", "Central Bedfordshire"),
        ("barton le clay", "Central Bedfordshire"),
        ("BARTON LE CLAY", "Central Bedfordshire"),
        ("Lydiate", "Sefton"),
        ("Maghull", "Sefton"),
        ("Bootle", "Sefton"),
        ("Leyton", "Waltham Forest"),
        ("Lea Bridge", "Waltham Forest"),
        ("Hale End", "Waltham Forest"),
        ("Highams Park", "Waltham Forest"),
        ("Weymouth", "Dorset"),
        ("Verwood", "Dorset"),
        ("Shirley", "Solihull"),
        ("Sandy", "Central Bedfordshire"),
    ],
)
def test_served_towns_estates_and_border_villages_are_their_own_councils(
    gazetteer: Gazetteer, text: str, council: str
) -> None:
    located = gazetteer.locate(text)
    assert located.place is not None and located.place.local_authority == council


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Chelmsly Wood", "Solihull"),
        ("Walthamstw", "Waltham Forest"),
        ("Lydiat", "Sefton"),
        ("Kingshirst", "Solihull"),
        ("Barton le Cly", "Central Bedfordshire"),
    ],
)
def test_misspelt_served_places_are_found_and_marked_corrected(gazetteer: Gazetteer, text: str, council: str) -> None:
    located = gazetteer.locate(text)
    assert located.place is not None and located.place.local_authority == council and located.corrected


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Stotfold, Bedfordshire", "Central Bedfordshire"),
        ("Stotfold Beds", "Central Bedfordshire"),
        ("Formby Merseyside", "Sefton"),
        ("Formby, Lancashire", "Sefton"),
        ("Shirley, West Midlands", "Solihull"),
        ("Shirley, London", "Croydon"),
        ("Chingford, East London", "Waltham Forest"),
        ("Horton, Dorset", "Dorset"),
        ("Horton, Bedfordshire", "Central Bedfordshire"),
        ("Luton, Devon", "East Devon"),
    ],
)
def test_a_county_or_region_after_a_name_picks_the_namesake(gazetteer: Gazetteer, text: str, council: str) -> None:
    assert councils(gazetteer, text)[0] == council


def test_a_misspelling_nearer_a_place_elsewhere_offers_the_served_place_first(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Stotfeld")  # Stotfield, Moray is one letter closer
    assert located.match is Match.AMBIGUOUS and located.corrected
    assert councils(gazetteer, "Stotfeld")[:2] == ["Central Bedfordshire", "Moray"]


def test_namesakes_in_two_served_areas_are_both_offered_served_first(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Horton")
    assert located.match is Match.AMBIGUOUS
    assert councils(gazetteer, "Horton")[:2] in (
        ["Dorset", "Central Bedfordshire"],
        ["Central Bedfordshire", "Dorset"],
    )


def test_a_famous_city_comes_before_a_served_ward_of_its_name(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Cambridge")
    assert located.match is Match.AMBIGUOUS and councils(gazetteer, "Cambridge")[:2] == ["Cambridge", "Sefton"]


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Central Bedfordshire", "Central Bedfordshire"),
        ("Central Beds", "Central Bedfordshire"),
        ("Bedfordshire", "Central Bedfordshire"),
        ("anywhere in Sefton", "Sefton"),
        ("Sefton", "Sefton"),
        ("Sefton borough", "Sefton"),
        ("Solihull borough", "Solihull"),
        ("the borough of Solihull", "Solihull"),
        ("all of Solihull", "Solihull"),
        ("Dorset", "Dorset"),
        ("anywhere in Dorset", "Dorset"),
        ("Waltham Forest", "Waltham Forest"),
        ("LBWF", "Waltham Forest"),
    ],
)
def test_a_council_area_is_a_whole_area_place(gazetteer: Gazetteer, text: str, council: str) -> None:
    place = gazetteer.locate(text).place
    assert place is not None and place.kind is PlaceKind.AREA and place.local_authority == council


def test_solihull_alone_is_the_town_not_the_borough(gazetteer: Gazetteer) -> None:
    place = gazetteer.locate("Solihull").place
    assert place is not None and place.kind is PlaceKind.PLACE


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Poole", "Bournemouth, Christchurch and Poole"),
        ("Luton", "Luton"),
        ("Manchester", "Manchester"),
        ("Bedford", "Bedford"),
        ("Hitchin", "North Hertfordshire"),
        ("Liverpool", "Liverpool"),
        ("Coventry", "Coventry"),
        ("North Hertfordshire", "North Hertfordshire"),
    ],
)
def test_places_outside_the_served_areas_keep_their_own_council(gazetteer: Gazetteer, text: str, council: str) -> None:
    place = gazetteer.locate(text).place
    assert place is not None and place.local_authority == council and not gazetteer.served(place)


@pytest.mark.parametrize(
    ("latitude", "longitude", "nearest"),
    [(50.71, -1.98, "Dorset"), (51.88, -0.42, "Central Bedfordshire"), (53.48, -2.24, "Sefton")],
)
def test_the_nearest_served_area_is_offered_for_a_place_outside(
    latitude: float, longitude: float, nearest: str
) -> None:
    assert load_gazetteer().areas.nearest_served(latitude, longitude) == nearest
