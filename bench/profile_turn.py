"""Profile: where a chat turn's time goes, sampled with py-spy from a loaded ``/api/chat`` server.

    .venv/bin/python bench/profile_turn.py [--clients 20] [--seconds 10] [--warmup 1.5] [--database-url URL]

Starts Dayfinder as ``bench/web.py`` does (one uvicorn worker, rate limits lifted, the sample
directory in a fresh SQLite file, or in a fresh schema of the PostgreSQL database
``--database-url`` names) and drives it with ``bench/web.py``'s load generator three times:

1. unrecorded, for the rate and latency (py-spy slows the server a little);
2. recorded with ``py-spy record --gil``: only the thread holding the interpreter is sampled, so
   the samples are where the process's Python CPU goes. Each stack is put in one stage (the
   first of :data:`RULES` that one of its frames matches): HTTP, state load/save, understanding,
   search SQL, scoring, rendering, event recording, locks...;
3. recorded with ``py-spy record --idle``: every thread, busy or not. Of the threads running a
   turn it prints the share of the time spent running Python, in a database call, or waiting
   on a lock (the per-person turn lock, SQLite's one writer, the connection pool).

py-spy needs permission to read the server's memory (root, or ``ptrace_scope`` 0).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import web

PY_SPY = Path(sys.executable).with_name("py-spy")
RATE = 200  # samples a second

# (stage, where, pattern over one frame "function (file:line)"): the first rule that matches wins.
# py-spy shortens some files' paths ("dialogue.py"), so most rules name the function.
# where: "leaf" the innermost frame only; "db" any frame, when the stack is also in a database
# call; "any" any frame.
RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (stage, where, re.compile(pattern))
    for stage, where, pattern in (
        ("idle: event loop waiting on its sockets", "leaf", r"^(select|EpollSelector\.select) \(selectors\.py"),
        ("idle: thread pool waiting for work", "leaf", r"^WorkerThread\.run \(anyio/"),
        ("locks/waits: per-person turn lock", "leaf", r"^Conversations\.turn \(assistant/conversation/runtime\.py"),
        ("locks/waits: SQLite's one writer in this process", "leaf", r"^Conversations\._turn \(assistant/conver"),
        ("locks/waits: database pool checkout", "any", r"sqlalchemy/pool/impl\.py"),
        ("directory version check", "any", r"^(current \(.*version\.py|_Held\.refresh )"),
        ("event recording", "any", r"^record_search "),
        ("search: SQL (loader, cards)", "db", r"assistant/matching/(loader|cards)\.py"),
        ("search: scoring, ranking, relaxing", "any", r"^(Matcher\.search|Matcher\.card|find) "),
        ("state: load/save (SQL)", "any", r"assistant/conversation/store\.py"),
        ("commit (state save, event insert)", "any", r"^(session_scope|Session\.commit|Session\.close) "),
        ("state: JSON (de)serialise", "any", r"^State\.(from_json|to_json) "),
        ("understanding (dialogue engine)", "any", r"^handle \(.*dialogue\.py"),
        ("rendering", "any", r"^render \(|rendering/"),
        ("rate limiter", "any", r"assistant/web/ratelimit\.py"),
        ("session token HMAC", "any", r"assistant/web/chat_sessions\.py"),
        ("response building (chat_api)", "any", r"^(reply_out|card_out) "),
        ("other turn work (runtime)", "any", r"assistant/conversation/runtime\.py"),
        ("HTTP: validation, JSON encoding (FastAPI)", "any", r"(fastapi|pydantic|pydantic_core|orjson)/"),
        ("HTTP: server, middleware (uvicorn, starlette)", "any", r"(uvicorn|h11|httptools|starlette|anyio|asyncio)/"),
    )
)
DB_CALL = re.compile(r"(sqlite3|psycopg|sqlalchemy/engine/default\.py)")


def stage_of(frames: list[str]) -> str:
    """The stage one sampled stack (outermost frame first) belongs to."""
    in_db = any(DB_CALL.search(f) for f in frames)
    for stage, where, pattern in RULES:
        if where == "leaf":
            if pattern.search(frames[-1]):
                return stage
        elif (where == "any" or in_db) and any(pattern.search(f) for f in frames):
            return stage
    return "other"


def stacks(raw: Path) -> Iterator[tuple[list[str], int]]:
    """Each distinct sampled stack in py-spy's raw output (outermost frame first), with its count."""
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [f for f in stack.split(";") if f and not f.startswith(("process ", "thread "))]
        if frames and count.isdigit():  # py-spy's own notes have no count
            yield frames, int(count)


def breakdown(raw: Path) -> Counter[str]:
    """Samples per stage."""
    stages: Counter[str] = Counter()
    for frames, count in stacks(raw):
        stages[stage_of(frames)] += count
    return stages


def turn_threads(raw: Path) -> Counter[str]:
    """What the threads running a chat turn were doing, sampled whether busy or not: running Python,
    in a database call, or waiting on the per-person lock or the connection pool."""
    states: Counter[str] = Counter()
    for frames, count in stacks(raw):
        if not any(f.startswith("chat (assistant/web/chat_api.py") for f in frames):
            continue
        stage = stage_of(frames)
        if stage.startswith("locks/waits"):
            states[stage] += count
        elif any(DB_CALL.search(f) for f in frames[-4:]):
            states["in a database call (driver or waiting on the server)"] += count
        else:
            states["running Python (or waiting for the GIL)"] += count
    return states


def table(title: str, counts: Counter[str]) -> None:
    total = sum(counts.values())
    print(f"{title:<52} {'share':>7}")
    for name, count in counts.most_common():
        print(f"  {name:<50} {count / max(total, 1):>7.1%}")


async def recorded(pid: int, port: int, clients: int, seconds: float, raw: Path, mode: str) -> None:
    """Load the server for ``seconds`` while py-spy samples it (``mode``: --gil or --idle)."""
    duration = str(max(1, round(seconds)))
    record = ["record", "--pid", str(pid), mode, "--format", "raw", "--rate", str(RATE), "--nonblocking"]
    spy = await asyncio.create_subprocess_exec(
        str(PY_SPY), *record, "--duration", duration, "--output", str(raw),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    await web.load(port, True, clients, seconds)
    await spy.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--database-url", help="PostgreSQL to profile on (a fresh schema); SQLite otherwise")
    parser.add_argument("--warmup", type=float, default=web.WARMUP_SECONDS, help="seconds of load before measuring")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name, web.database(Path(name), args.database_url) as url:
        folder = Path(name)
        child, port = web.started("app", url)
        try:
            run = asyncio.run(web.load(port, True, args.clients, args.seconds, child.pid, args.warmup))
            asyncio.run(recorded(child.pid, port, args.clients, args.seconds, folder / "gil.txt", "--gil"))
            asyncio.run(recorded(child.pid, port, args.clients, args.seconds, folder / "all.txt", "--idle"))
        finally:
            web.stop(child)
        backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"{args.clients} clients, {args.seconds:g} s a run, one uvicorn worker, {backend}, py-spy at {RATE} Hz")
        web.report("chat", run, "turns")
        cpu = breakdown(folder / "gil.txt")
        busy = sum(cpu.values()) / (RATE * max(1, round(args.seconds)))
        table(f"Python CPU (the GIL held {busy:.0%} of the run), by stage", cpu)
        table("threads running a turn, all the time they were sampled", turn_threads(folder / "all.txt"))


if __name__ == "__main__":
    main()
