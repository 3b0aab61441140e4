"""The worst time any hostile message takes, as a multiple of a normal message's, on one core.

Usage: ``.venv/bin/python bench/adversarial.py [--repeats 3] [--limit 10]``

Hostile messages are long runs of spaces, digits, punctuation and emoji, mixed runs, repeated
words the readers look at twice ("in in in", "£5 £5", "10am-", "report 2 2"), invisible and
control characters, each at 1,000 and 4,096 characters (and a few shapes with one word at each
end, which is what defeats a pattern that backtracks). Each goes through three real paths:

* ``understand``: the engine's reader, on the text as sent;
* ``engine turn``: ``assistant.engine.dialogue.handle`` (reader, safeguarding, commands, the
  dialogue) on the text as sent, from a fresh state and from states awaiting each question,
  being asked for a report and showing results;
* ``channel turn``: what a worker does for a message: ``assistant.boundary.inbound_text``, as
  every channel applies it, then ``Conversations.turn`` (lock and load the state, the engine
  turn, a search of the sample directory when one is due, render, save) on a SQLite file in a
  temporary folder, each message from a new person.

The baseline is the median time of a corpus of normal messages through the same path, measured
in the same run; a genuine message of about 900 characters is timed too, for scale (reading is
linear, so a long honest message costs what a long hostile one does). A message's time is the
best of ``--repeats`` runs (so the machine's noise is not blamed on the message). The aim: no
hostile message over ``--limit`` times a normal one, judged on the channel turns (what stalls a
worker), and none slower than the genuine long message; the engine-only rows show where time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import statistics
import tempfile
import time
from collections.abc import Callable

from assistant.boundary import inbound_text
from assistant.conversation.runtime import Conversations
from assistant.directory.db import make_engine
from assistant.directory.gazetteer import load_gazetteer
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.engine.dialogue import handle
from assistant.engine.lexicon import load_lexicon
from assistant.engine.replies import Inbound
from assistant.engine.slots import Slot
from assistant.engine.state import State
from assistant.engine.understand import understand
from assistant.matching.matcher import Matcher
from assistant.settings import PROJECT_DIR, Settings

PRIMING = ("hello", "for my mum, she likes singing and gardening", "near Biggleswade")
NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)
NORMAL = [
    "hello", "swimming for my son who has autism near B91 on Saturday mornings, under £5",
    "knitting", "for me", "my mum has dementia and likes singing", "Biggleswade", "MK40 1AA",
    "weekday mornings", "under 10 pounds a week", "wheelchair access please", "report 2",
    "the times are wrong", "more", "2", "start again", "easy read", "is there any art in Luton?",
    "not mondays, after 2pm", "delete my data", "I'd like something to do on Tuesdays",
]  # fmt: skip
# A genuine long message, for scale: hostile text should cost no more than honest text as long.
LONG = (
    "Hello, I'm writing on behalf of my mum who is 82 and lives on her own near Biggleswade since my dad "
    "died last year. She has early dementia and some arthritis in her hands and knees, so she can't walk "
    "very far and gets tired, and she doesn't like noisy places or big groups, but she used to love "
    "singing in the church choir and gardening, and she always enjoyed a cup of tea and a chat. She "
    "gets lonely during the week, especially on Tuesdays and Thursdays when I'm at work, so something "
    "in the mornings or early afternoon would be ideal, ideally with transport because she no longer "
    "drives. We can't pay much, maybe five pounds a session or a bit more if it includes lunch. Is there "
    "a lunch club, a memory cafe or a singing group for older people she could go to? Step-free access "
    "matters and a hearing loop would help too. Thank you so much for any ideas you can give me."
)
STATES = [
    State(),
    *(State(started=NOW, awaiting=slot) for slot in Slot),
    State(started=NOW, reporting="svc-1", shown=("svc-1", "svc-2")),
    State(started=NOW, shown=("svc-1", "svc-2", "svc-3")),
]


def hostile() -> dict[str, str]:
    """Named hostile messages, each at its stated length."""
    runs = {
        "spaces": " ", "digits": "7", "dots": ".", "commas": ",", "dashes": "-", "pound": "£",
        "hash": "#", "question": "?", "emoji": "\U0001f600", "flag emoji": "\U0001f1ec\U0001f1e7",
        "zero-width": "\u200b", "newlines": "\n", "tabs": "\t", "nbsp": "\u00a0", "apostrophes": "'",
        "letters": "a", "combining": "e\u0301", "arabic digits": "\u0661", "mixed": "a1 .£-?",
        "in in": "in ", "£5 £5": "£5 ", "10am-": "10am-", "report 2": "report 2 ", "no no": "no ",
        "near near": "near ", "number": "number ", "5.5.": "5.5.", "1:1:": "1:1:", "b91": "b91 ",
        "not not": "not ", "under": "under £", "after": "after 2 ", "my son": "my son ",
        "kill": "kill ", "words": "swimming knitting ", "typos": "swiming nittin ",
    }  # fmt: skip
    messages: dict[str, str] = {}
    for name, unit in runs.items():
        for size in (1000, 4096):
            messages[f"{name} x{size}"] = (unit * size)[:size]
    for size in (1000, 4096):
        gap = size - 20
        messages[f"report, spaces, x x{size}"] = "report" + " " * gap + "x"
        messages[f"report, spaces, 2! x{size}"] = "report" + " " * gap + "2!"
        messages[f"word, digits, word x{size}"] = "a" + "1" * gap + "a"
        messages[f"word, spaces, word x{size}"] = "a" + " " * gap + "a"
        messages[f"B91, spaces, 1AA x{size}"] = "B91" + " " * gap + "1AA"
        messages[f"£, spaces, 5 x{size}"] = "£" + " " * gap + "5"
    return messages


Path = Callable[[str], float]  # runs one message through a path; the seconds it took


def timed(run: Callable[[str], object]) -> Path:
    def seconds(text: str) -> float:
        start = time.perf_counter()
        run(text)
        return time.perf_counter() - start

    return seconds


def engine_turn(text: str) -> None:
    for state in STATES:
        handle(state, Inbound(text=text), NOW)


def channel_turns(folder: str) -> dict[str, Path]:
    """A message's turn as a worker takes it, on a sample directory in ``folder``: as someone's
    first message, and as a message from someone who has said what they like and where."""
    url = f"sqlite:///{folder}/bench.sqlite3"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    conversations = Conversations(engine, Matcher(engine), Settings(database_url=url))
    senders = (f"bench-{n}" for n in itertools.count())

    def first(text: str) -> float:
        return timed(lambda said: conversations.turn("web", next(senders), Inbound(text=inbound_text(said))))(text)

    def later(text: str) -> float:
        sender = next(senders)
        for said in PRIMING:
            conversations.turn("web", sender, Inbound(text=said))
        return timed(lambda said: conversations.turn("web", sender, Inbound(text=inbound_text(said))))(text)

    return {"channel turn, first message": first, "channel turn, mid-conversation": later}


def paths(folder: str) -> dict[str, Path]:
    return {
        "understand": timed(lambda text: [understand(text, expecting) for expecting in (None, *Slot)]),
        "engine turn": timed(engine_turn),
        **channel_turns(folder),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=float, default=10.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    load_lexicon()
    load_gazetteer()
    messages = hostile()
    print(f"{len(messages)} hostile messages, {len(NORMAL)} normal ones, best of {args.repeats}, one core")
    with tempfile.TemporaryDirectory() as folder:
        ratios = report(paths(folder), messages, args.repeats)
    print()
    for path, ratio in ratios.items():
        verdict = "met" if ratio <= args.limit else "NOT met"
        print(f"worst hostile / normal, {path}: {ratio:.1f} x; aim <= {args.limit:g} x: {verdict}")


def report(runs: dict[str, Path], messages: dict[str, str], repeats: int) -> dict[str, float]:
    """Print each path's five slowest hostile messages; return each channel turn's worst ratio."""
    ratios: dict[str, float] = {}
    for path, run in runs.items():
        for text in NORMAL:  # warm the caches, as a running service has them
            run(text)
        baseline = statistics.median(min(run(text) for _ in range(repeats)) for text in NORMAL)
        slowest = sorted(((min(run(t) for _ in range(repeats)), name) for name, t in messages.items()), reverse=True)
        long = min(run(LONG) for _ in range(repeats))
        print(f"\n{path}: normal message {baseline * 1000:.2f} ms (median)", end="; ")
        print(f"a genuine {len(LONG):,}-character message {long * 1000:.2f} ms ({long / baseline:.1f} x)")
        for seconds, name in slowest[:5]:
            print(f"  {seconds / baseline:8.1f} x  {seconds * 1000:9.2f} ms  {name}")
        if path.startswith("channel"):
            ratios[path] = slowest[0][0] / baseline
            print(f"  worst hostile / the genuine long message: {slowest[0][0] / long:.2f} x")
    return ratios


if __name__ == "__main__":
    main()
