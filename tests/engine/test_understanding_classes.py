"""The classes of misreading that real conversations showed, each pinned with many phrasings.

Written from how carers, people with a learning disability and staff write (the council
documents behind Dayfinder): short answers, txt-speak, everyday money and age words, small talk.
"""

from __future__ import annotations

import pytest

from assistant.engine.money import LOW_COST
from assistant.engine.slots import Budget, Command, CostPeriod, PartOfDay, Slot, WhoFor
from assistant.engine.understand import read_message

LOW = Budget(amount=LOW_COST, period=CostPeriod.SESSION, low=True)


# --- everyday money words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cheap",
        "something cheap",
        "not much money",
        "a few pound",
        "a few quid",
        "can't pay much",
        "cant afford much",
        "free or low cost",
        "free or cheap",
        "low cost",
        "she's on a tight budget",
        "money is tight",
        "he doesn't have much",
        "not a lot of money",
        "affordable please",
    ],
)
def test_everyday_cheap_means_free_or_low_cost(text: str) -> None:
    assert read_message(text).budget == LOW


@pytest.mark.parametrize("text", ["free or low cost", "low cost or free", "free or cheap"])
def test_free_or_low_cost_is_not_free_only(text: str) -> None:
    assert read_message(text).budget != Budget(free=True)


@pytest.mark.parametrize(
    "text", ["he has a direct payment", "direct payments", "she has a personal budget", "the council pays"]
)
def test_direct_payment_answers_the_budget_with_no_limit(text: str) -> None:
    assert read_message(text).budget == Budget()


@pytest.mark.parametrize("text", ["free", "must be free", "I can't pay anything", "skint", "no money"])
def test_free_still_means_free(text: str) -> None:
    assert read_message(text).budget == Budget(free=True)


# --- ages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("he's 84", 84),
        ("my mum is eighty", 80),
        ("she is in her 20s", 25),
        ("in his thirties", 35),
        ("my dad, in his eighties", 85),
        ("she's seventy", 70),
        ("aged 19", 19),
        ("nearly 90", 90),
    ],
)
def test_ages_in_everyday_words(text: str, age: int) -> None:
    assert read_message(text).age == age


@pytest.mark.parametrize("text", ["30", "he's 30", "she is 62"])
def test_an_age_alone_answers_who_it_is_for(text: str) -> None:
    assert read_message(text, Slot.WHO).age is not None


# --- short answers to the question just asked ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["me", "me, yeah", "it's me", "yeah it's me", "yes me", "just me thanks", "its for me"]
)
def test_short_answers_mean_me_when_asked_who(text: str) -> None:
    assert read_message(text, Slot.WHO).who_for is WhoFor.SELF


@pytest.mark.parametrize("text", ["he's 30", "she is", "him", "for her"])
def test_pronouns_mean_someone_else_when_asked_who(text: str) -> None:
    assert read_message(text, Slot.WHO).who_for is WhoFor.SOMEONE


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("nothing special", Slot.NEEDS),
        ("nothing really", Slot.MUST_HAVES),
        ("no, I'll drive", Slot.MUST_HAVES),
        ("nope all good", Slot.MUST_HAVES),
        ("not that I know of", Slot.NEEDS),
        ("no he doesn't", Slot.NEEDS),
        ("none needed", Slot.MUST_HAVES),
        ("nothing in particular", Slot.NEEDS),
    ],
)
def test_no_in_other_words(text: str, slot: Slot) -> None:
    assert Command.NO in read_message(text, slot).commands


# --- txt-speak, shortenings and homophones -------------------------------------------------------


@pytest.mark.parametrize("text", ["4 my bro", "4 my sis pls", "its 4 my son", "my sun", "4 him", "4 my nan"])
def test_txt_speak_who(text: str) -> None:
    assert read_message(text).who_for is WhoFor.SOMEONE


@pytest.mark.parametrize("text", ["my sun has autism", "my sun likes footy", "our sun"])
def test_sun_after_my_is_a_son_not_sunday(text: str) -> None:
    u = read_message(text)
    assert u.days == set()
    assert u.who_for is WhoFor.SOMEONE


@pytest.mark.parametrize("text", ["sun", "on sun", "sat or sun"])
def test_sun_alone_is_still_sunday(text: str) -> None:
    assert "SU" in read_message(text).days


@pytest.mark.parametrize("text", ["footy", "he likes footy", "footie", "swimmin"])
def test_sport_shortenings(text: str) -> None:
    assert read_message(text).interests == ["activity-sport-swimming"]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("learnin disabilty", "need-learning-disability"),
        ("autisum", "need-autism"),
        ("demenshia", "need-dementia"),
        ("mental helth", "need-mental-health"),
        ("learning dificulties", "need-learning-disability"),
        ("alzimers", "need-dementia"),
    ],
)
def test_misspelt_conditions(text: str, need: str) -> None:
    assert read_message(text).needs == [need]


# --- greetings, commands Dayfinder suggests, off-topic -----------------------------------------


@pytest.mark.parametrize("text", ["hi", "hello", "Hiya", "hey there", "good morning"])
def test_greetings_are_greetings_and_nothing_else(text: str) -> None:
    u = read_message(text, Slot.WHO)
    assert u.greeting
    assert u.who_for is None and not u.interests and not u.days and u.place is None


@pytest.mark.parametrize("text", ["person", "a person", "talk to a person", "speak to somebody"])
def test_person_is_the_talk_to_a_person_command(text: str) -> None:
    assert read_message(text).commands == [Command.PERSON]


@pytest.mark.parametrize(
    "text",
    [
        "what's the weather like tomorrow",
        "tell me a joke",
        "are you a robot?",
        "who won the football",
        "can you book me a taxi",
    ],
)
def test_off_topic_questions_are_flagged(text: str) -> None:
    assert read_message(text).off_topic


# --- words said in passing are not wishes ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lovely day today",
        "I'm at home",
        "she uses a walking stick",
        "he has hearing aids",
        "he uses a zimmer frame",
        "I'm on benefits",
        "he's unemployed",
        "she's retired now",
        "he plays in a league",
        "he supports a team",
        "I'll drive",
        "we have a car",
    ],
)
def test_passing_words_are_not_wishes(text: str) -> None:
    u = read_message(text)
    assert not (u.days or u.parts_of_day or u.interests or u.needs or u.must_haves), u


# --- "or" between days and times ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["weekends or evenings", "evenings or weekends", "saturdays or after 5"])
def test_or_between_days_and_times_means_either(text: str) -> None:
    assert read_message(text).either


@pytest.mark.parametrize(
    "text", ["weekend evenings", "saturday mornings", "mondays and evenings", "Tuesday or Thursday mornings"]
)
def test_days_with_times_mean_both(text: str) -> None:
    assert not read_message(text).either


def test_make_that_afternoons_corrects() -> None:
    u = read_message("make that afternoons")
    assert u.correcting and u.parts_of_day == {PartOfDay.AFTERNOON}


# --- pasted and repeated text costs no more than a sentence ---------------------------------------


def test_a_word_or_phrase_repeated_many_times_reads_as_said_twice() -> None:
    assert read_message("no " * 400) == read_message("no no")
    assert read_message("£5 " * 300).budget == Budget(amount=5.0, period=CostPeriod.SESSION)
    assert read_message("swimming in Sandy " * 100).interests == ["activity-sport-swimming"]


def test_a_town_named_beside_a_council_area_is_where_to_look() -> None:
    said = "I'm a social worker in Sefton, looking for a day service in the Southport area"
    assert read_message(said).place is not None and read_message(said).place.text == "southport"


@pytest.mark.parametrize("text", ["we don't drive", "he can't drive", "no car"])
def test_not_driving_is_said_in_passing_not_a_must_have(text: str) -> None:
    assert read_message(text).must_haves == set()


@pytest.mark.parametrize("text", ["bootel", "sothport", "wimbourne", "kngshurst", "bigglesade"])
def test_a_served_place_with_one_slip_of_the_thumb_is_found(text: str) -> None:
    from assistant.directory.gazetteer import Match, load_gazetteer

    located = load_gazetteer().locate(text)
    assert located.match is Match.FOUND and located.corrected
