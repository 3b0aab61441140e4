"""Offline geography: postcodes, place names from the bundled data, and distances."""

from __future__ import annotations

import math
import random

import pytest

from assistant.directory.gazetteer import Gazetteer, Match, load_gazetteer
from assistant.directory.geo import bounding_box, miles_between
from assistant.directory.places import PlaceKind
from assistant.directory.postcodes import Postcode, find_postcode, parse_postcode


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def labels(gazetteer: Gazetteer, text: str) -> list[str]:
    return [place.label for place in gazetteer.locate(text).candidates]


# Postcodes


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        ("b911aa", "B91 1AA"),
        ("B91 1AA", "B91 1AA"),
        (" b91 ", "B91"),
        ("b91", "B91"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("EC1A1BB", "EC1A 1BB"),
        ("w11aa", "W1 1AA"),
    ],
)
def test_postcode_is_normalised_whatever_its_case_and_spacing(text: str, formatted: str) -> None:
    parsed = parse_postcode(text)
    assert parsed is not None and parsed.formatted == formatted


def test_postcode_splits_into_outcode_and_incode() -> None:
    assert parse_postcode("lu72ab") == Postcode("LU7", "2AB")


@pytest.mark.parametrize("text", ["hello", "B9111AAA", "", "12345", "B91 1CA", "QA1 1AA", "near B91"])
def test_text_that_is_not_a_postcode_is_rejected(text: str) -> None:
    assert parse_postcode(text) is None


def test_outcode_is_found_inside_a_sentence(gazetteer: Gazetteer) -> None:
    assert gazetteer.find_postcode("a lunch club near B91 on Saturday") == Postcode("B91")


def test_full_postcode_is_found_inside_a_sentence_even_after_an_outcode() -> None:
    assert find_postcode("my son (21) in M1, well LU7 2AB really", {"M1"}) == Postcode("LU7", "2AB")


def test_word_shaped_like_an_outcode_is_ignored_unless_the_table_knows_it() -> None:
    assert find_postcode("can you take me1 there", {"B91"}) is None
    assert find_postcode("can you take me1 there", {"ME1"}) == Postcode("ME1")


def test_outcode_glued_to_other_letters_is_not_a_postcode(gazetteer: Gazetteer) -> None:
    assert gazetteer.find_postcode("see you l8r, thanks b91x") is None


# Gazetteer: postcodes and outcodes


def test_outcode_lookup_ignores_case_and_spaces(gazetteer: Gazetteer) -> None:
    place = gazetteer.outcode(" b91 ")
    assert place is not None and (place.outcode, place.local_authority) == ("B91", "Solihull")


def test_full_postcode_locates_at_its_district_centre(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("b91 1aa")
    assert located.place is not None
    assert (located.place.name, located.place.outcode, located.place.kind) == (
        "B91 1AA",
        "B91",
        PlaceKind.POSTCODE,
    )
    assert located.place.latitude == pytest.approx(52.41, abs=0.05)


def test_postcode_with_an_unknown_district_is_not_found_but_recognised(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("AA1 1AA")
    assert (located.match, located.postcode) == (Match.NOT_FOUND, Postcode("AA1", "1AA"))


def test_outcode_mentioned_in_a_sentence_locates(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("near B91 on Saturday")
    assert located.place is not None and located.place.outcode == "B91"


def test_split_central_london_district_resolves_under_its_old_name(gazetteer: Gazetteer) -> None:
    place = gazetteer.outcode("SW1")
    assert place is not None and place.local_authority == "Westminster"


# Gazetteer: place names


def test_exact_name_matches_regardless_of_case(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("walthamstow")
    assert located.place is not None and (located.place.name, located.place.outcode) == ("Walthamstow", "E17")
    assert not located.corrected


def test_misspelt_town_resolves_to_biggleswade(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Biggleswde")
    assert located.place is not None and located.place.name == "Biggleswade" and located.corrected


def test_misspelt_town_resolves_to_leighton_buzzard(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Leighton Buzard")
    assert located.place is not None and located.place.outcode == "LU7" and located.corrected


def test_misspelt_shirley_is_the_solihull_one_said_back(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Shirly")
    assert located.place is not None and located.place.local_authority == "Solihull" and located.corrected
    assert "Shirley, Greater London" in labels(gazetteer, "Shirly")


def test_newport_is_ambiguous_with_candidates_labelled_by_area(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Newport")
    assert located.match is Match.AMBIGUOUS and located.place is None
    assert {"Newport, Wales", "Newport, Isle of Wight", "Newport, Shropshire"} <= set(labels(gazetteer, "Newport"))


def test_candidate_labels_never_repeat(gazetteer: Gazetteer) -> None:
    for name in ("Newport", "Newtown", "Sutton", "Preston"):
        names = labels(gazetteer, name)
        assert len(names) == len(set(names)), name


def test_rows_of_one_town_across_districts_collapse_into_one_place(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("London")
    assert located.match is Match.FOUND and len(located.candidates) == 1


def test_city_split_by_a_county_boundary_is_still_one_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.locate("Bristol").match is Match.FOUND


def test_post_town_wins_over_a_village_of_the_same_name(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Leeds")
    assert located.match is Match.FOUND and labels(gazetteer, "Leeds") == [
        "Leeds, West Yorkshire",
        "Leeds, Kent",
    ]


def test_post_town_from_the_outcode_table_resolves(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Solihull")
    assert located.place is not None and located.place.local_authority == "Solihull"


def test_post_town_unknown_to_geonames_resolves_from_its_outcodes(gazetteer: Gazetteer) -> None:
    located = gazetteer.locate("Bracknell")
    assert located.place is not None and located.place.local_authority == "Bracknell Forest"


def test_short_form_of_a_town_name_finds_the_town(gazetteer: Gazetteer) -> None:
    assert "Newcastle upon Tyne, Tyne and Wear" in labels(gazetteer, "Newcastle")


def test_punctuation_and_saint_do_not_matter(gazetteer: Gazetteer) -> None:
    assert gazetteer.locate("saint albans").place == gazetteer.locate("St. Albans").place is not None


@pytest.mark.parametrize("text", ["asdfgh", "home", "", "   "])
def test_nonsense_is_not_found(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.locate(text).match is Match.NOT_FOUND


def test_gazetteer_is_loaded_once_per_data_folder() -> None:
    assert load_gazetteer() is load_gazetteer()


# Distances


def test_one_degree_of_longitude_at_the_equator_is_69_miles() -> None:
    assert miles_between(0, 0, 0, 1) == pytest.approx(2 * math.pi * 3958.8 / 360)


def test_london_to_manchester_is_about_163_miles() -> None:
    assert miles_between(51.5074, -0.1278, 53.4808, -2.2426) == pytest.approx(163, abs=1)


def test_leighton_buzzard_to_dunstable_is_six_to_eight_miles(gazetteer: Gazetteer) -> None:
    a, b = gazetteer.locate("Leighton Buzzard").place, gazetteer.locate("Dunstable").place
    assert a is not None and b is not None
    assert 6 <= miles_between(a.latitude, a.longitude, b.latitude, b.longitude) <= 8


def test_bounding_box_holds_every_point_within_the_radius() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        lat, lon, miles = rng.uniform(49.9, 58.7), rng.uniform(-6.4, 1.8), rng.uniform(0.5, 60)
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, miles)
        # a point at the full radius, in a random direction: the hardest case for the box
        bearing, angle = rng.uniform(0, 2 * math.pi), miles / 3958.8
        phi = math.asin(
            math.sin(math.radians(lat)) * math.cos(angle)
            + math.cos(math.radians(lat)) * math.sin(angle) * math.cos(bearing)
        )
        dlon = math.atan2(
            math.sin(bearing) * math.sin(angle) * math.cos(math.radians(lat)),
            math.cos(angle) - math.sin(math.radians(lat)) * math.sin(phi),
        )
        p_lat, p_lon = math.degrees(phi), lon + math.degrees(dlon)
        assert min_lat - 1e-9 <= p_lat <= max_lat + 1e-9 and min_lon - 1e-9 <= p_lon <= max_lon + 1e-9


def test_bounding_box_is_wider_in_longitude_further_north() -> None:
    south, north = bounding_box(50.0, -1.0, 10), bounding_box(55.0, -1.0, 10)
    assert north[3] - north[2] > south[3] - south[2]
    assert north[1] - north[0] == pytest.approx(south[1] - south[0])


def test_bounding_box_rejects_a_negative_radius() -> None:
    with pytest.raises(ValueError):
        bounding_box(52.0, -1.0, -1)
