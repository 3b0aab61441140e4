"""Benchmark: chat turns per second and latency through ``POST /api/chat``, next to a no-op endpoint.

    .venv/bin/python bench/web.py [--clients 20] [--seconds 10] [--warmup 1.5] [--workers 1] [--database-url URL]

Two servers are started in turn, each as ``dayfinder serve`` runs one (uvicorn with
:func:`~assistant.cli.serve.server_options`, ``--workers`` processes) in a child process on a
free loopback port: a no-op FastAPI app whose one sync route returns a constant, then Dayfinder
itself over the sample directory, in a fresh SQLite file or, with ``--database-url``, in a fresh
schema of that PostgreSQL database (dropped afterwards). The same load generator drives both:
``--clients`` keep-alive connections, each sending its next request as soon as the last answer
arrives, for ``--seconds`` after a short warm-up (and never more than MAX_REQUESTS). Chat clients
hold real conversations (greeting, questions, results, "more", details), a new session each time
round, each about a place and an interest picked at random (see PLACES). The rate limits are
lifted for the run: they exist to stop floods, and this is one. When the machine has a core to
spare beyond one a worker, the load generator is pinned to it and the servers to the rest (printed).

Prints requests a second, p50/p99 latency and the server's CPU time a request (with PostgreSQL's,
on PostgreSQL: less noisy than rates on a shared machine) for each, and the chat rate as a share of
the no-op rate (aim: at least 40%, with p99 at most 100 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"  # loopback only
WARMUP_SECONDS = 1.5  # --warmup: a longer one lets a server that loads lazily reach its steady state
MAX_REQUESTS = 500_000
CORES = sorted(os.sched_getaffinity(0))  # the cores this benchmark may use, before any pinning
SERVER_CORES: list[int] = []  # set by pin_generator: where started() runs the servers
SCRIPT = ("hello", "for me near {place}", "{interest}", "skip", "any time", "skip", "no", "more", "1")
# Each conversation picks a place and an interest at random, so searches vary as people's do
# (about 600 pairs): a repeated search is served from memory, and a bench where everyone asked
# the same would measure little else.
PLACES = (
    "B36", "B37", "B90", "B91", "B92", "B93", "BH16", "BH19", "BH20", "BH21", "BH22", "BH31", "DT1", "DT2", "DT3",
    "DT4", "DT6", "DT9", "E10", "E11", "E17", "E4", "L20", "L21", "L22", "L23", "L30", "L31", "L37", "L38", "LU5",
    "LU6", "LU7", "MK45", "PR8", "PR9", "SG15", "SG16", "SG17", "SG18", "SG19", "SP7", "SP8", "Biggleswade",
    "Dunstable", "Leighton Buzzard", "Solihull", "Southport", "Dorchester", "Walthamstow",
)  # fmt: skip
INTERESTS = (
    "swimming",
    "art",
    "walking",
    "music",
    "knitting",
    "gardening",
    "cooking",
    "dancing",
    "singing",
    "lunch club",
    "yoga",
    "skip",
)


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    started: float = 0.0
    ended: float = 0.0
    server_cpu: float = 0.0  # CPU seconds the server's processes used while measured
    postgres_cpu: float = 0.0  # and PostgreSQL's processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def request(method: str, path: str, port: int, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Length: {len(body)}\r\n"
    if body:
        head += "Content-Type: application/json\r\n"
    return (head + "\r\n").encode() + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes) -> tuple[int, bytes]:
    writer.write(data)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(h.split(":", 1)[1]) for h in lines if h.lower().startswith("content-length:"))
    return int(lines[0].split()[1]), await reader.readexactly(length)


async def client(port: int, chat: bool, run: Run, measure_from: float, until: float, seed: int = 0) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    session: str | None = None
    turn = 0
    rng = random.Random(seed)
    words = {"place": rng.choice(PLACES), "interest": rng.choice(INTERESTS)}
    try:
        while (now := time.perf_counter()) < until and len(run.latencies) < MAX_REQUESTS:
            if chat:
                if turn % len(SCRIPT) == 0:
                    words = {"place": rng.choice(PLACES), "interest": rng.choice(INTERESTS)}
                payload = {"session": session, "text": SCRIPT[turn % len(SCRIPT)].format(**words), "mode": None}
                data = request("POST", "/api/chat", port, json.dumps(payload).encode())
            else:
                data = request("GET", "/noop", port)
            status, body = await exchange(reader, writer, data)
            done = time.perf_counter()
            if chat:
                turn += 1
                session = json.loads(body).get("session") if turn % len(SCRIPT) else None
            if now >= measure_from:
                run.latencies.append(done - now)
                run.errors += status != 200
    finally:
        writer.close()


async def load(
    port: int, chat: bool, clients: int, seconds: float, server: int | None = None, warmup: float = WARMUP_SECONDS
) -> Run:
    run = Run()
    start = time.perf_counter()
    run.started, run.ended = start + warmup, start + warmup + seconds

    async def meter() -> None:  # the server's CPU time over the measured window
        if server is None:
            return
        await asyncio.sleep(warmup)
        before = cpu_seconds(server)
        await asyncio.sleep(seconds)
        after = cpu_seconds(server)
        run.server_cpu, run.postgres_cpu = after[0] - before[0], after[1] - before[1]

    await asyncio.gather(meter(), *(client(port, chat, run, run.started, run.ended, seed) for seed in range(clients)))
    return run


def cpu_seconds(server: int) -> tuple[float, float]:
    """CPU seconds so far of a process with its descendants, and of PostgreSQL's processes (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    table: dict[int, tuple[int, str, float]] = {}
    for entry in Path("/proc").iterdir():
        try:
            head, tail = (entry / "stat").read_text().rsplit(")", 1) if entry.name.isdigit() else ("", "")
        except OSError:
            continue
        if tail:
            fields = tail.split()
            table[int(entry.name)] = (
                int(fields[1]),
                head.split("(", 1)[1],
                (int(fields[11]) + int(fields[12])) / ticks,
            )
    family, grew = {server}, True
    while grew:
        more = {pid for pid, (parent, _, _) in table.items() if parent in family} - family
        family |= more
        grew = bool(more)
    postgres = sum(cpu for _, name, cpu in table.values() if name.startswith("postgres"))
    return sum(table[pid][2] for pid in family if pid in table), postgres


def noop_app() -> object:
    """The no-op app: one sync route returning a constant, as cheap as FastAPI gets."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/noop")
    def noop() -> dict[str, bool]:
        return {"ok": True}

    return app


def serve(kind: str, port: int, database_url: str, workers: int) -> None:
    """In the child: uvicorn serving the app (as ``dayfinder serve`` does) or the no-op."""
    import uvicorn

    from assistant.cli.serve import server_options
    from assistant.settings import Settings

    unlimited = str(10**9)
    os.environ |= {
        "DATABASE_URL": database_url,
        "CHAT_RATE_PER_MINUTE": unlimited,
        "IP_RATE_PER_MINUTE": unlimited,
        "DAYFINDER_ENV": "development",  # a local benchmark, with the public development secrets
        "LOG_LEVEL": "warning",  # no access log line for each of a flood of requests
    }
    options = server_options(Settings(), HOST, port)
    if kind == "noop":
        uvicorn.run("web:noop_app", factory=True, workers=workers, **options)
    else:
        uvicorn.run("assistant.app:create_app", factory=True, workers=workers, **options)


def started(kind: str, database_url: str, workers: int = 1) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [sys.executable, __file__, "--serve", kind, "--port", str(port), "--db", database_url]
    if SERVER_CORES:  # as taskset would: the server and its workers keep off the generator's core
        command = ["taskset", "--cpu-list", ",".join(map(str, SERVER_CORES)), *command]
    child = subprocess.Popen([*command, "--workers", str(workers)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            if workers > 1:
                time.sleep(1.0 + 0.5 * workers)  # every worker up, not just the first to bind
            return child, port
        except OSError:
            if child.poll() is not None:
                raise SystemExit(f"the {kind} server exited with {child.returncode}") from None
            time.sleep(0.1)
    stop(child)
    raise SystemExit(f"the {kind} server did not start")


def stop(child: subprocess.Popen[bytes]) -> None:
    child.terminate()
    try:
        child.wait(10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def pinning(workers: int) -> tuple[list[int], list[int]]:
    """The core for the load generator and the cores for the servers, when the machine has a core to
    spare beyond one a worker; both empty when it has not (everything then shares every core)."""
    if len(CORES) <= workers:
        return [], []
    return CORES[-1:], CORES[:-1]


def pin_generator(workers: int) -> str:
    """Pin this load generator to its own core, away from the servers it starts afterwards (which
    :func:`started` pins to the rest); say how the run was isolated."""
    generator, servers = pinning(workers)
    if not generator:
        return f"not pinned: {os.cpu_count()} cores for {workers} worker(s), the load generator and PostgreSQL"
    SERVER_CORES[:] = servers
    os.sched_setaffinity(0, generator)
    return f"load generator pinned to core {generator[0]}, servers to {','.join(map(str, servers))}"


def measure(
    kind: str, database_url: str, clients: int, seconds: float, workers: int = 1, warmup: float = WARMUP_SECONDS
) -> Run:
    child, port = started(kind, database_url, workers)
    try:
        return asyncio.run(load(port, kind == "app", clients, seconds, child.pid, warmup))
    finally:
        stop(child)


def p99_ms(run: Run) -> float:
    ms = sorted(x * 1000 for x in run.latencies)
    return ms[min(len(ms) - 1, int(len(ms) * 0.99))]


def report(name: str, run: Run, unit: str, postgresql: bool = False) -> float:
    rate = len(run.latencies) / (run.ended - run.started)
    ms = [x * 1000 for x in run.latencies]
    p99 = p99_ms(run)
    cpu = run.server_cpu * 1000 / max(len(ms), 1)
    database = f", PostgreSQL {run.postgres_cpu * 1000 / max(len(ms), 1):.2f} ms" if postgresql else ""
    print(
        f"{name:<8} {rate:8.0f} {unit}/s   p50 {statistics.median(ms):6.1f} ms   p99 {p99:6.1f} ms"
        f"   ({len(ms)} in {run.ended - run.started:.0f} s, {run.errors} not 200)"
        f"   CPU a request: server {cpu:.2f} ms{database}"
    )
    return rate


def sample_database(folder: Path) -> str:
    from assistant.directory.db import make_engine
    from assistant.directory.sample import load_sample
    from assistant.directory.schema import upgrade
    from assistant.settings import PROJECT_DIR

    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    load_sample(engine, PROJECT_DIR / "directory_data")
    engine.dispose()
    return url


@contextmanager
def database(folder: Path, postgresql: str | None) -> Iterator[str]:
    """The sample directory in a new SQLite file in ``folder``, or in a new schema of the PostgreSQL
    database ``postgresql`` names (dropped afterwards); the URL that reaches it."""
    if not postgresql:
        yield sample_database(folder)
        return
    from load import fresh_schema

    with fresh_schema(postgresql) as url:
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=WARMUP_SECONDS, help="seconds of load before measuring")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes for both servers")
    parser.add_argument("--database-url", help="a PostgreSQL database to run on (a fresh schema); SQLite otherwise")
    parser.add_argument("--serve", choices=("app", "noop"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.db, args.workers)
        return
    isolation = pin_generator(args.workers)
    with tempfile.TemporaryDirectory() as folder, database(Path(folder), args.database_url) as url:
        backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        workers = f"{args.workers} uvicorn worker{'s' if args.workers > 1 else ''}"
        print(f"{args.clients} concurrent clients, {args.seconds:g} s each, {workers}, {backend}; {isolation}")
        noop = report("no-op", measure("noop", url, args.clients, args.seconds, args.workers, args.warmup), "req")
        chat_run = measure("app", url, args.clients, args.seconds, args.workers, args.warmup)
        chat = report("chat", chat_run, "turns", backend == "PostgreSQL")
    print(f"chat is {chat / noop:.0%} of the no-op rate (aim: at least 40%)")
    print(f"chat p99 is {p99_ms(chat_run):.0f} ms (aim: at most 100 ms)")


if __name__ == "__main__":
    main()
