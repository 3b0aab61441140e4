"""Benchmark: chat turns per second and latency through ``POST /api/chat``, next to a no-op endpoint.

    .venv/bin/python bench/web.py [--clients 20] [--seconds 10]

Two servers are started in turn, each as ``dayfinder serve`` runs one (uvicorn, one worker) in a
child process on a free loopback port: a no-op FastAPI app whose one sync route returns a
constant, then Dayfinder itself over the sample directory in a fresh SQLite file. The same
load generator drives both: ``--clients`` keep-alive connections, each sending its next request
as soon as the last answer arrives, for ``--seconds`` after a short warm-up (and never more than
MAX_REQUESTS). Chat clients hold real conversations (greeting, questions, results, "more",
details), a new session each time round. The rate limits are lifted for the run: they exist to
stop floods, and this is one. Prints requests a second and p50/p99 latency for each, and the
chat rate as a share of the no-op rate (aim: at least 40%, with p99 at most 100 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"  # loopback only
WARMUP_SECONDS = 1.5
MAX_REQUESTS = 500_000
SCRIPT = ("hello", "for me near LU7 1AA", "skip", "skip", "any time", "skip", "no", "more", "1")


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    started: float = 0.0
    ended: float = 0.0


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


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes
) -> tuple[int, bytes]:
    writer.write(data)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(h.split(":", 1)[1]) for h in lines if h.lower().startswith("content-length:"))
    return int(lines[0].split()[1]), await reader.readexactly(length)


async def client(port: int, chat: bool, run: Run, measure_from: float, until: float) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    session: str | None = None
    turn = 0
    try:
        while (now := time.perf_counter()) < until and len(run.latencies) < MAX_REQUESTS:
            if chat:
                payload = {"session": session, "text": SCRIPT[turn % len(SCRIPT)], "mode": None}
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


async def load(port: int, chat: bool, clients: int, seconds: float) -> Run:
    run = Run()
    start = time.perf_counter()
    run.started, run.ended = start + WARMUP_SECONDS, start + WARMUP_SECONDS + seconds
    await asyncio.gather(*(client(port, chat, run, run.started, run.ended) for _ in range(clients)))
    return run


def serve(kind: str, port: int, database_url: str) -> None:
    """In the child: one uvicorn worker serving the app or the no-op."""
    import uvicorn
    from fastapi import FastAPI

    if kind == "noop":
        app = FastAPI()

        @app.get("/noop")
        def noop() -> dict[str, bool]:
            return {"ok": True}
    else:
        from assistant.app import create_app
        from assistant.settings import Settings

        unlimited = 10**9
        settings = Settings(
            database_url=database_url,
            chat_rate_per_minute=unlimited,
            ip_rate_per_minute=unlimited,
            dayfinder_env="development",  # a local benchmark, with the public development secrets
        )
        app = create_app(settings)
    uvicorn.run(app, host=HOST, port=port, workers=1, log_level="warning", access_log=False)


def started(kind: str, database_url: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [sys.executable, __file__, "--serve", kind, "--port", str(port), "--db", database_url]
    child = subprocess.Popen(command)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return child, port
        except OSError:
            if child.poll() is not None:
                raise SystemExit(f"the {kind} server exited with {child.returncode}") from None
            time.sleep(0.1)
    child.kill()
    raise SystemExit(f"the {kind} server did not start")


def measure(kind: str, database_url: str, clients: int, seconds: float) -> Run:
    child, port = started(kind, database_url)
    try:
        return asyncio.run(load(port, kind == "app", clients, seconds))
    finally:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()


def p99_ms(run: Run) -> float:
    ms = sorted(x * 1000 for x in run.latencies)
    return ms[min(len(ms) - 1, int(len(ms) * 0.99))]


def report(name: str, run: Run, unit: str) -> float:
    rate = len(run.latencies) / (run.ended - run.started)
    ms = [x * 1000 for x in run.latencies]
    p99 = p99_ms(run)
    print(
        f"{name:<8} {rate:8.0f} {unit}/s   p50 {statistics.median(ms):6.1f} ms   p99 {p99:6.1f} ms"
        f"   ({len(ms)} in {run.ended - run.started:.0f} s, {run.errors} not 200)"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--serve", choices=("app", "noop"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.db)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = sample_database(Path(folder))
        print(f"{args.clients} concurrent clients, {args.seconds:g} s each, one uvicorn worker, SQLite")
        noop = report("no-op", measure("noop", url, args.clients, args.seconds), "req")
        chat_run = measure("app", url, args.clients, args.seconds)
        chat = report("chat", chat_run, "turns")
    print(f"chat is {chat / noop:.0%} of the no-op rate (aim: at least 40%)")
    print(f"chat p99 is {p99_ms(chat_run):.0f} ms (aim: at most 100 ms)")


if __name__ == "__main__":
    main()
