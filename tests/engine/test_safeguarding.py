"""Safeguarding: ≥40 phrasings that must trigger and ≥40 harmless look-alikes that must not."""

from __future__ import annotations

import pytest

from assistant.engine.safeguarding import Concern, concerns

RISK = [
    "I want to end it all",
    "i just want to end it all tonight",
    "I can't go on",
    "i cant go on like this",
    "I cannot go on anymore",
    "I want to kill myself",
    "thinking of killing myself",
    "i want to die",
    "I wish I was dead",
    "everyone would be better off without me",
    "I'd be better off dead",
    "I feel suicidal",
    "sucidal again today",
    "I've been thinking about suicide",
    "I want to take my own life",
    "there's no reason to live",
    "I have nothing to live for",
    "life is not worth living",
    "I don't want to live any more",
    "dont want to be here anymore",
    "I keep hurting myself",
    "I want to harm myself",
    "I self harm",
    "I've been cutting myself",
    "I'm going to take an overdose",
    "thinking about an overdoze",
    "I can't carry on",
    "I can't do this anymore",
    "I want to end my life",
    "my son says he wants to kill himself and I want to kill myself too",
]
ABUSE = [
    "my carer hits me",
    "My carer hits me when I'm slow",
    "they take my money",
    "my nephew takes my money",
    "someone stole my money",
    "she keeps taking my money",
    "he takes my pension every week",
    "they lock me in my room",
    "staff locked me in",
    "they won't let me out of the house",
    "my son beats me",
    "he slaps me",
    "the worker pushes me",
    "my husband hurts me",
    "I'm scared of my carer",
    "I'm frightened of my carer",
    "they don't feed me",
    "he doesnt feed me",
    "I think I'm being abused",
    "I am being neglected",
    "she threatens me",
]
HARMLESS = [
    "end of the day",
    "at the end of the week",
    "killing time before the bus",
    "hit the shops",
    "let's hit the road",
    "I'm dying to try pottery",
    "my feet are killing me",
    "I could die for a cup of tea",
    "the film was to die for",
    "we could end up in Luton",
    "it ends at 3pm",
    "does it end before 4",
    "I love a good murder mystery",
    "drama club did a play about a hanging basket competition",
    "my mum takes my dog for walks",
    "he takes the bus on Mondays",
    "can you take money at the door",
    "is it cash or card, they take money?",
    "swimming every day",
    "I can go on Tuesdays",
    "we can carry on next week",
    "can I carry on with knitting",
    "my husband loves carpentry",
    "my carer helps me with shopping",
    "my carer takes me swimming",
    "my son brings me",
    "I'm scared of dogs",
    "I'm afraid of heights",
    "he's frightened of loud noises",
    "quiet space please",
    "no stairs",
    "neglected gardens need volunteers",
    "I want to live near Dunstable",
    "life drawing class",
    "Dorset Cereals",
    "the cut off is 5pm",
    "cut and paste class",
    "I need help with personal care",
    "help with my money management",
    "the hit parade music quiz",
    "fight club? no, boxercise",
    "self help group",
    "harm reduction talk",
    "can't go on Mondays",
    "I can't go on Saturdays",
]


@pytest.mark.parametrize("text", RISK)
def test_risk_to_life_triggers(text: str) -> None:
    assert Concern.RISK in concerns(text)


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_or_neglect_triggers(text: str) -> None:
    assert Concern.ABUSE in concerns(text)


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_look_alikes_do_not_trigger(text: str) -> None:
    assert concerns(text) == []


def test_there_are_enough_cases() -> None:
    assert len(RISK) + len(ABUSE) >= 40 and len(HARMLESS) >= 40
