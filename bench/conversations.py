"""How many scripted conversations end with what the person needed: the conversation corpus.

Usage: ``.venv/bin/python bench/conversations.py [--only TEXT] [--quiet]``

Runs every conversation in ``tests/conversations/corpus/`` through the real runtime (text in,
replies out) over a freshly loaded sample directory, and prints the pass rate overall and by
persona, style and area, the failure classes with counts, and one line per failure: file,
conversation, turn, why. The baseline beside the pass rate is the share of conversations whose
needs at least one listing in the directory meets (the ceiling a correct assistant can reach).
Always exits 0: it measures, it does not gate (``tests/conversations/test_corpus.py`` does).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tomllib
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conversations.corpus_runner import (
    Outcome,
    load_corpus,
    load_listings,
    open_directory,
    run_corpus,
    satisfiable,
)


def _rate(outcomes: Sequence[Outcome]) -> str:
    passed = sum(o.passed for o in outcomes)
    return f"{passed / len(outcomes):6.1%} ({passed}/{len(outcomes)})"


def _by(outcomes: Sequence[Outcome], title: str, key: Callable[[Outcome], str]) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[key(outcome)].append(outcome)
    print(f"\nby {title}:")
    for name in sorted(groups):
        print(f"  {name:<28} {_rate(groups[name])}")


def _show(outcome: Outcome) -> None:
    print(f"\n== {outcome.script.file} {outcome.script.id}: {'PASS' if outcome.passed else 'FAIL'}")
    for number, message in enumerate(outcome.script.turns, 1):
        print(f"  {number}> {message}")
        for turn, key, text in outcome.transcript.replies:
            if turn == number:
                print(f"     [{key}] " + text.replace("\n", "\n       "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="run only conversations whose id contains this")
    parser.add_argument("--quiet", action="store_true", help="no per-failure lines")
    parser.add_argument("--show", action="store_true", help="print each conversation: messages and replies")
    args = parser.parse_args()
    try:
        scripts = [s for s in load_corpus() if args.only in s.id]
    except (ValueError, KeyError, tomllib.TOMLDecodeError) as error:  # measure, never gate: say why
        print(f"the corpus could not be read: {error}")
        return 0
    if not scripts:
        print("no conversations matched")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        try:
            engine = open_directory(Path(folder))
        except Exception:  # the sample directory would not load: show why, still exit 0
            traceback.print_exc()
            return 0
        listings = load_listings(engine).values()
        ceiling = sum(satisfiable(s.expect, listings) for s in scripts) / len(scripts)
        outcomes = run_corpus(engine, scripts)
        engine.dispose()
    print(f"conversations: {len(outcomes)}")
    print(f"pass rate:     {_rate(outcomes)}   baseline (satisfiable by the directory): {ceiling:.1%}")
    _by(outcomes, "persona", lambda o: o.script.persona)
    _by(outcomes, "style", lambda o: o.script.style)
    _by(outcomes, "area", lambda o: o.script.area)
    classes = Counter(kind for o in outcomes for kind in {k for _, k, _ in o.failures})
    print("\nfailure classes (conversations with at least one):")
    for kind, count in classes.most_common():
        print(f"  {kind:<18} {count}")
    if args.show:
        for outcome in outcomes:
            _show(outcome)
    if not args.quiet:
        print("\nfailures:")
        for outcome in outcomes:
            for turn, kind, why in outcome.failures:
                print(f"  {outcome.script.file} {outcome.script.id} turn {turn}: [{kind}] {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
