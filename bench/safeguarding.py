"""Benchmark: how well safeguarding generalises, and how its time grows with a message.

    .venv/bin/python bench/safeguarding.py

Prints recall (per concern and together) and the false-alarm rate on the tuning split and on
the held-out split (``tests/engine/safeguarding_*.toml``; held-out is never tuned on), then the
misses and false alarms on held-out by name. Then the time per message: the median over ordinary
messages is the baseline, and each adversarial input of up to 4,096 characters (runs of spaces,
digits, punctuation, emoji, near-miss words, repeated pattern openings) is printed as a ratio
against it, with its worst case. Matching is over words, so the ratio should follow the number of
words, never explode.
"""

from __future__ import annotations

import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from assistant.engine.safeguarding import Concern, concerns

DATA = Path(__file__).resolve().parents[1] / "tests" / "engine"
LONGEST = 4096
ORDINARY = [
    "knitting near Solihull on Tuesday mornings",
    "my son has autism and likes swimming",
    "something free for my mum who has dementia",
    "I can't go on Mondays",
    "my carer takes me to the shops",
]
ADVERSARIAL: dict[str, str] = {
    "spaces": " " * LONGEST,
    "digits": "7" * LONGEST,
    "punctuation": "!?.,'-" * (LONGEST // 6),
    "emoji": "\U0001f600" * LONGEST,
    "apostrophes": "'" * LONGEST,
    "near-miss words": ("sucidel overdoze threatend " * LONGEST)[:LONGEST],
    "pattern openings": ("my son my carer i cant i wish he she they " * LONGEST)[:LONGEST],
    "pattern words mixed": ("my son he they hits took my card i cant cope wish i was not scared " * LONGEST)[:LONGEST],
    "long word": "a" * LONGEST,
    "crisis at the end": ("swimming " * 500)[: LONGEST - 20] + " I want to die",
}


def load(name: str) -> dict[str, list[str]]:
    return tomllib.loads((DATA / f"safeguarding_{name}.toml").read_text(encoding="utf-8"))


def report(name: str, split: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    missed: list[str] = []
    caught = {}
    for concern in Concern:
        texts = split[concern.value]
        hits = [concern in concerns(t) for t in texts]
        caught[concern] = (sum(hits), len(texts))
        missed += [t for t, hit in zip(texts, hits, strict=True) if not hit]
    alarms = [t for t in split["harmless"] if concerns(t)]
    total = sum(c for c, _ in caught.values()), sum(n for _, n in caught.values())
    parts = "  ".join(f"{c.value} {caught[c][0]}/{caught[c][1]}" for c in Concern)
    print(
        f"{name:9} recall {total[0] / total[1]:6.1%} ({parts})   "
        f"false alarms {len(alarms) / len(split['harmless']):5.1%} ({len(alarms)}/{len(split['harmless'])})"
    )
    return missed, alarms


def seconds(call: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    report("tuning", load("tuning"))
    missed, alarms = report("held-out", load("heldout"))
    for text in missed:
        print(f"  held-out miss:        {text}")
    for text in alarms:
        print(f"  held-out false alarm: {text}")
    for text in ORDINARY:  # warm the caches, as a running server's are
        concerns(text)
    baseline = statistics.median(seconds(lambda t=text: concerns(t), 50) for text in ORDINARY)  # type: ignore[misc]
    print(f"\nordinary message: {baseline * 1e6:.0f} µs (the baseline)")
    worst = 0.0
    for name, text in ADVERSARIAL.items():
        ratio = seconds(lambda t=text: concerns(t)) / baseline  # type: ignore[misc]
        worst = max(worst, ratio)
        print(f"  {name:20} {len(text):5} chars  {ratio:7.1f}x  {', '.join(concerns(text)) or '-'}")
    print(f"worst adversarial input: {worst:.1f}x an ordinary message")


if __name__ == "__main__":
    main()
