"""Places read out of whole messages as people write them: anywhere in the sentence, with or without
"in", any case, hyphenated, misspelt or with a county after them; and everyday words that happen
to be place names left as words."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.directory.gazetteer import load_gazetteer
from assistant.engine.places import resolve_place
from assistant.engine.understand import read_message


def place_of(text: str) -> str | None:
    """The council of the place a message names, as the dialogue would resolve it."""
    mention = read_message(text).place
    if mention is None:
        return None
    outcome = resolve_place(mention.text)
    if outcome.place is not None:
        return outcome.place.local_authority
    return "outside" if any(r.key == "places.outside" for r in outcome.replies) else "unresolved"


@pytest.mark.parametrize(
    ("text", "council"),
    [
        # no cue, place at the end, start or middle
        ("computer help walthamstow", "Waltham Forest"),
        ("Formby walks", "Sefton"),
        ("Chingford. Computers. Free.", "Waltham Forest"),
        ("knit and natter kingshurst", "Solihull"),
        ("lunch club Balsall Common", "Solihull"),
        ("Chelmsley Wood memory cafe for my nan", "Solihull"),
        ("my dad is in Chelmsley Wood and likes gardening", "Solihull"),
        ("Maghull swimming for my son, he has autism", "Sefton"),
        ("singing group leyton on a tuesday", "Waltham Forest"),
        ("coffee morning highams park on tuesdays", "Waltham Forest"),
        ("cooking class Leighton Buzzard", "Central Bedfordshire"),
        ("crafts weymouth please", "Dorset"),
        ("walking group Crosby", "Sefton"),
        ("STOTFOLD DAY CENTRE", "Central Bedfordshire"),
        ("anything in hale end", "Waltham Forest"),
        ("Smith's Wood", "Solihull"),
        ("smiths wood youth club for adults", "Solihull"),
        # hyphens and words the vocabulary also knows ("clay", "wood")
        ("art classes in Barton-le-Clay", "Central Bedfordshire"),
        ("barton le clay pottery", "Central Bedfordshire"),
        ("Barton-le-Clay", "Central Bedfordshire"),
        # a county or region after the name
        ("swimming near Stotfold, Bedfordshire", "Central Bedfordshire"),
        ("Formby Merseyside", "Sefton"),
        ("shirley west midlands knitting", "Solihull"),
        # everyday words that are served places, with a cue or alone
        ("something in Sandy", "Central Bedfordshire"),
        ("music for my son he has autism, we live near sandy", "Central Bedfordshire"),
        # misspelt
        ("computer help walthamstw", "Waltham Forest"),
        ("dementia cafe chelmsly wood", "Solihull"),
        ("gardening in lydiat", "Sefton"),
        # whole areas
        ("anywhere in Sefton", "Sefton"),
        ("Central Beds", "Central Bedfordshire"),
        ("swimming in dorset", "Dorset"),
        ("Solihull borough", "Solihull"),
        ("art groups across waltham forest", "Waltham Forest"),
        # outside the areas served
        ("swimming in poole", "outside"),
        ("I live in Luton", "outside"),
        ("day centre manchester", "outside"),
        ("Poole", "outside"),
    ],
)
def test_a_place_is_read_wherever_it_stands(text: str, council: str) -> None:
    assert place_of(text) == council


@pytest.mark.parametrize(
    "text",
    [
        "I like art",
        "interested in reading",
        "help in the bath",
        "at home",
        "church groups",
        "something in the park",
        "walks in march",
        "sandy beach walks",
        "arts and crafts with clay",
        "woodwork",
        "common room",
        "my mum Shirley likes knitting",
        "she is called Victoria",
        "in the morning",
        "he likes the green",
        "heath walks",
        "hello",
        "swimming",
    ],
)
def test_ordinary_words_are_not_places(text: str) -> None:
    assert read_message(text).place is None


def test_the_place_leaves_the_rest_of_the_message_to_the_vocabulary() -> None:
    understood = read_message("Formby walks")
    assert understood.interests == ["activity-walking"]
    assert read_message("art classes in Barton-le-Clay").interests[0] == "activity-arts-crafts"
    assert read_message("barton le clay").interests == []  # clay is the village here, not pottery


def test_a_longer_name_wins_over_a_shorter_one_inside_it() -> None:
    mention = read_message("cooking class leighton buzzard").place
    assert mention is not None and mention.text == "leighton buzzard"


NEAR_WORDS = (Path(__file__).resolve().parents[2] / "directory_data" / "geo" / "near_place_words.txt").read_text()


@pytest.mark.parametrize("word", [w for w in NEAR_WORDS.split() if load_gazetteer().name_info(w) is None])
def test_english_words_spelt_like_a_served_place_are_not_misspelt_places(word: str) -> None:
    """ "unstable" is one letter from Dunstable, "honest" from Holnest, "porridge" from Dorridge."""
    assert read_message(f"my son says he is {word} today").place is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("swimming Stotfeld", "stotfeld"),
        ("formbey walks", "formbey"),
        ("kingshirst lunch club", "kingshirst"),
        ("bingo in maghul", "maghul"),
        ("computer help walthamstw", "walthamstw"),
    ],
)
def test_a_misspelt_served_place_is_read_without_a_cue(text: str, said: str) -> None:
    mention = read_message(text).place
    assert mention is not None and mention.text == said


@pytest.mark.parametrize(
    ("text", "said"),
    [("is there a group near Shirley?", "shirley"), ("day club in Walthamstow?", "walthamstow")],
)
def test_a_question_mark_after_a_place_is_not_part_of_it(text: str, said: str) -> None:
    mention = read_message(text).place
    assert mention is not None and mention.text == said
