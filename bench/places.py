"""What reading a place out of a message costs, beside reading the rest of it.

    .venv/bin/python bench/places.py

For realistic messages (places at the start, middle or end, misspelt, with a county, none at
all), it times the place readers (:func:`assistant.engine.where.find_place`: postcodes, names
anywhere, cued and misspelt names) against the baseline measured in the same run: tokenising and
matching the lexicon's phrases (``read_items``), the step every message takes before any reader.
Both on the same tokens, best of ``REPEATS`` runs per message. "Cold" is each message's first
reading (the fuzzy lookups of words not seen before); "warm" is a repeat, as people's towns
repeat. Prints milliseconds per message and the ratio to the baseline, and the gazetteer's load
time (once per process).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from assistant.directory.gazetteer import load_gazetteer
from assistant.engine.items import read_items
from assistant.engine.lexicon import load_lexicon
from assistant.engine.text import normalise, tokenise
from assistant.engine.where import find_place

REPEATS = 5
MESSAGES = [
    "computer help walthamstow",
    "Formby walks",
    "Chingford. Computers. Free.",
    "art classes in Barton-le-Clay on a saturday morning",
    "my dad has dementia and lives in Chelmsley Wood, something on tuesdays please",
    "swimming near Stotfold, Bedfordshire",
    "knit and natter kingshurst",
    "dementia cafe chelmsly wood",
    "swimming in poole",
    "lunch clubs anywhere in Sefton",
    "I am looking for something for my son who is 24 and has autism, he likes music and drama",
    "free activities for older people on weekday mornings near B91 1AA",
    "interested in reading and art, nothing too expensive",
    "she likes gardening and being outdoors, we live near sandy",
    "hello can you help me find a day centre",
    "walking group Crosby for my husband who uses a wheelchair",
]


def best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    started = time.perf_counter()
    load_gazetteer()
    loaded = time.perf_counter() - started
    lexicon = load_lexicon()
    tokens = [tokenise(normalise(message)) for message in MESSAGES]
    cold = []
    for message, words in zip(MESSAGES, tokens, strict=True):
        started = time.perf_counter()
        find_place(read_items(words, lexicon), normalise(message), lexicon)
        cold.append(time.perf_counter() - started)
    baseline = [best(lambda w=words: read_items(w, lexicon)) for words in tokens]
    warm = [
        best(lambda m=message, w=words: find_place(read_items(w, lexicon), normalise(m), lexicon))
        for message, words in zip(MESSAGES, tokens, strict=True)
    ]
    base = statistics.median(baseline)
    print(f"gazetteer load: {loaded * 1000:.0f} ms (once per process)")
    print(f"baseline (lexicon phrases, read_items): median {base * 1000:.3f} ms per message")
    for name, times in (("cold", cold), ("warm", warm)):
        # warm includes read_items (find_place needs fresh items), so subtract the baseline
        extra = [t - b for t, b in zip(times, baseline, strict=True)] if name == "warm" else times
        median, worst = statistics.median(extra), max(extra)
        print(
            f"places {name}: median {median * 1000:.3f} ms ({median / base:.1f}x baseline), "
            f"worst {worst * 1000:.3f} ms ({worst / base:.1f}x)"
        )


if __name__ == "__main__":
    main()
