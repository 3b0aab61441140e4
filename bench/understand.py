"""How many messages per second ``understand`` reads, on one core, against a trivial baseline.

Usage: ``.venv/bin/python bench/understand.py [--messages 2000] [--passes 5] [--seed 7]``

Builds a reproducible corpus of realistic messages (activities, needs, places and postcodes,
days and times, budgets, typos, commands, corrections, chit-chat), loads the lexicon and the
gazetteer first (start-up, not per message), then times:

* the baseline: ``text.lower().split()`` over the same corpus, the least any reader must do;
* the first pass of ``understand``, with its caches of typos and place look-ups empty;
* later passes, with those caches warm, as in a running service where towns and typos repeat.

The aim is at least 2,000 messages a second.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable, Sequence

from assistant.directory.gazetteer import load_gazetteer
from assistant.engine.lexicon import load_lexicon
from assistant.engine.slots import Slot
from assistant.engine.understand import understand

ACTIVITIES = [
    "swimming", "swiming", "knitting", "knit and natter", "nitting", "crochet", "gardening", "allotment",
    "a day centre", "lunch club", "art", "painting", "music", "singing", "drama", "cooking", "baking",
    "walking group", "cycling", "dancing", "chair exercise", "bingo", "quiz", "memory cafe",
    "computers", "volunteering", "travel training", "yoga", "pottery", "football", "care farm",
]  # fmt: skip
NEEDS = [
    "autism", "autistic", "a learning disability", "downs syndrome", "dementia", "alzheimers",
    "dementa", "memory problems", "mental health problems", "anxiety", "a stroke", "a brain injury",
    "parkinsons", "MS", "sight loss", "hearing loss",
]  # fmt: skip
WHO = [
    "my son", "my daughter", "my mum", "my dad", "my husband", "my wife", "my nan", "me",
    "myself", "my client", "a service user", "someone I care for", "my brother",
]  # fmt: skip
TOWNS = [
    "Biggleswade", "Luton", "Bedford", "Leeds", "Sutton Coldfield", "Stoke on Trent", "Milton Keynes",
    "St Albans", "Sandy", "Leighton Buzzard", "Solihull", "Birmingham", "Bristol", "Norwich", "York",
    "Hull", "Dunstable", "Ampthill", "Flitwick", "Biggleswde", "Bedfrod", "Newport", "Reading",
]  # fmt: skip
DAYS = [
    "on Mondays", "on Saturday mornings", "weekday mornings", "at weekends", "tues and thurs",
    "wensday afternoons", "any day", "not mondays", "evenings", "after 5", "before 2", "from 10 till 2",
]  # fmt: skip
BUDGETS = [
    "under £5", "free", "a fiver", "£20 a day", "under 50 a week", "up to £3", "£3.50", "50p",
    "less than 10 quid", "cant pay much", "no money", "cheap",
]  # fmt: skip
MUSTS = ["wheelchair access", "no stairs", "transport", "quiet", "a hearing loop", "personal care", "parking"]
SHORT = [
    "yes", "no", "ok", "3", "number 2", "more", "show more", "start again", "help", "?", "stop",
    "easy read please", "talk to a person", "delete my data", "skip", "dont mind", "any", "not sure",
    "hi", "hello", "thanks", "thank you x", "change the day", "actually it's Luton", "sorry i meant tuesday",
    "I don't want to stop going out", "help with personal care", "online is fine", "from home",
]  # fmt: skip
TEMPLATES = [
    "{activity} for {who} who has {need} in {town} {day}, {budget}",
    "looking for {activity} near {postcode} for {who}",
    "{who} has {need} and likes {activity}, we live in {town}",
    "is there any {activity} in {town} {day}?",
    "{activity} {day} please, {must}",
    "hi im looking for something for {who}, aged {age}, {need}",
    "anything but {activity}",
    "{budget} {day}",
    "{town}",
    "{postcode}",
    "{activity} or {activity2}, {must} needed",
    "I'm a carer for {who} with {need}, we need {must} and {budget}",
]


def corpus(size: int, seed: int) -> list[tuple[str, Slot | None]]:
    """``size`` messages, each with the question just asked (or None), the same for a seed."""
    rng = random.Random(seed)
    outcodes = sorted(load_gazetteer().outcodes)
    messages: list[tuple[str, Slot | None]] = []
    while len(messages) < size:
        if rng.random() < 0.3:
            messages.append((rng.choice(SHORT), rng.choice([None, *Slot])))
            continue
        outcode = rng.choice(outcodes)
        postcode = (
            outcode
            if rng.random() < 0.5
            else f"{outcode} {rng.randint(1, 9)}{rng.choice('ABDEFGH')}{rng.choice('JLNPQRS')}"
        )
        text = rng.choice(TEMPLATES).format(
            activity=rng.choice(ACTIVITIES), activity2=rng.choice(ACTIVITIES), need=rng.choice(NEEDS),
            who=rng.choice(WHO), town=rng.choice(TOWNS), day=rng.choice(DAYS), budget=rng.choice(BUDGETS),
            must=rng.choice(MUSTS), age=rng.randint(18, 95), postcode=postcode,
        )  # fmt: skip
        if rng.random() < 0.3:
            text = text.lower()
        messages.append((text, rng.choice([None, None, Slot.PLACE, Slot.BUDGET, Slot.WHEN])))
    return messages


def rate(messages: Sequence[tuple[str, Slot | None]], read: Callable[[str, Slot | None], object]) -> float:
    """Messages per second for one pass of ``read`` over ``messages``."""
    start = time.perf_counter()
    for text, expecting in messages:
        read(text, expecting)
    return len(messages) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    load_lexicon()
    messages = corpus(args.messages, args.seed)  # loads the gazetteer too
    baseline = max(rate(messages, lambda text, _: text.lower().split()) for _ in range(args.passes))
    cold = rate(messages, understand)
    warm = [rate(messages, understand) for _ in range(args.passes - 1)] or [cold]
    typical = sorted(warm)[len(warm) // 2]
    print(f"corpus: {len(messages)} messages, seed {args.seed}, {args.passes} passes, one core")
    print(f"baseline lower().split(): {baseline:12,.0f} msg/s")
    print(f"understand, first pass:   {cold:12,.0f} msg/s  (caches empty)")
    print(f"understand, median warm:  {typical:12,.0f} msg/s  (best {max(warm):,.0f})")
    print(f"baseline / understand:    {baseline / typical:12,.0f} x slower than splitting")
    print(f"aim >= 2,000 msg/s:       {'met' if min(cold, typical) >= 2000 else 'NOT met'}")


if __name__ == "__main__":
    main()
