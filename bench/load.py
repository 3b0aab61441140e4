"""Benchmark: ``dayfinder serve`` under load on PostgreSQL, with one, two and four workers (issues 8, 16).

    .venv/bin/python bench/load.py [--people 240] [--concurrency 32] [--workers 1,2,4] [--database URL]

A fresh PostgreSQL schema is made (the sample directory loaded into it, dropped at the end) and
``dayfinder serve --workers N`` is started on it as a child process on a free 127.0.0.1 port,
with the rate limits lifted and SMS switched on (Twilio's REST API pointed at a closed local
port: only inbound webhooks are used, and replies come back in the webhook's answer). Each run
simulates ``--people`` people, half in the web chat (``POST /api/chat``) and half texting
(``POST /sms/twilio``, signed as Twilio signs), ``--concurrency`` at a time. Each person holds a
short scripted conversation of 4-6 turns, each sent only once the last was answered. About 10%
of SMS turns are delivered twice with the same ``MessageSid``, as Twilio does when it retries:
half of them both at once, half the second after the first was answered.

Every answer is checked against the script. Printed for each run: turns a second, p50/p99
latency of a request, and counts that must all be 0:

- lost: a turn whose reply (or the reply to one of its deliveries) was missing: an error, a
  time-out or an empty answer. Twilio keeps the answer of the delivery it is still waiting for,
  so each copy of a message must carry the reply;
- duplicated: a message delivered twice that moved the conversation on twice (its copies were
  answered differently, or the next question shows a step was taken twice);
- out of order: a reply that is not the script's next question or results.

Each run also prints the CPU time a turn took in the server's processes and in this load
generator, and the machine's load: on a small machine the generator and PostgreSQL share the
cores the workers need. Where the machine has a core to spare beyond one a worker, this load
generator is pinned to it and the server (with its workers) to the others, with ``taskset``;
how each run was isolated is printed. Runs with each number of workers take turns
(``--rounds``, default 2) so that other work on the machine weighs on all alike; each rate is
then given as a multiple of the one-worker rate, the best run of each (aim: at least 1.6x for
two workers). Runs are bounded
(``--people`` and a time limit each); everything stays on the loopback interface. The exit
status is 1 when any count is not 0.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import httpx
from sqlalchemy import Engine, text
from twilio.request_validator import RequestValidator
from web import CORES, pinning

from assistant.channels.gsm import gsm_safe
from assistant.content import text as say
from assistant.directory.db import make_engine
from assistant.directory.sample import load_sample
from assistant.directory.schema import upgrade
from assistant.settings import PROJECT_DIR

HOST = "127.0.0.1"  # loopback only
DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PUBLIC_URL = "https://bench.dayfinder.invalid"  # what Twilio "called"; the bench signs against it
AUTH_TOKEN = "bench-twilio-auth-token"
ACCOUNT_SID = "AC" + "b" * 32
FROM_NUMBER = "+441632960999"
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens, nothing is ever sent
DUPLICATE_SHARE = 0.10
START_SECONDS = 60.0
RUN_SECONDS = 120.0  # a run stops starting conversations after this
REQUEST_SECONDS = 30.0
WARMUP_PEOPLE = 16
PERSON_TABLES = ("conversation_state", "channel_message", "channel_opt_out")

WHO, INTERESTS, NEEDS, PLACE = ("ask.who",), ("ask.interests",), ("ask.needs",), ("ask.place",)
WHEN, BUDGET, MUST_HAVES = ("ask.when",), ("ask.budget",), ("ask.must_haves",)
RESULTS = ("results.intro", "results.next_steps", "results.none", "results.listed")
LISTED = "\n1. "  # "results.listed": a numbered result, however the results were introduced (widened...)
EVERYTHING = "swimming for my son who has autism near B91 on Saturday mornings, under £5"


@dataclass(frozen=True, slots=True)
class Step:
    say: str
    expect: tuple[str, ...]  # content keys; the reply must show one of them


SCRIPTS: tuple[tuple[Step, ...], ...] = (
    (
        Step("hi", WHO),
        Step("for me", INTERESTS),
        Step("knitting", NEEDS),
        Step("skip", PLACE),
        Step("Biggleswade", RESULTS),  # the place was the last thing needed: searched
    ),
    (
        Step("hello", WHO),
        Step("for my mum", INTERESTS),
        Step("swimming", NEEDS),
        Step("dementia", PLACE),
        Step("LU7 1AA", RESULTS),
        Step("any time", RESULTS),
    ),
    (Step("hi", WHO), Step("I'm a support worker", INTERESTS), Step("music", NEEDS), Step("autism", PLACE)),
    (
        Step("hi", WHO),
        Step(EVERYTHING, RESULTS),  # everything said at once: searched straight away
        Step("start again", ("restart_done",)),
        Step("for me", INTERESTS),
    ),
    (
        Step("hello", WHO),
        Step("for my dad", INTERESTS),
        Step("gardening", NEEDS),
        Step("skip", PLACE),
        Step("Dunstable", RESULTS),
        Step("weekday mornings", RESULTS),
    ),
)


def marker(key: str) -> str:
    """The first sentence of a content key's plain wording: enough to recognise the reply."""
    first = re.split(r"(?<=[?.:!])\s", say("chat", key))[0]
    return first.rstrip(":")


MARKERS = {
    key: LISTED if key == "results.listed" else marker(key)
    for script in SCRIPTS
    for step in script
    for key in step.expect
}


@dataclass
class Person:
    name: str
    channel: str  # "web" or "sms"
    sender: str  # the web session (the server issues it on the first turn), or the phone number
    script: tuple[Step, ...]
    duplicates: dict[int, str]  # turn index -> "together" or "retry" (SMS only)


@dataclass
class Tally:
    turns: int = 0
    requests: int = 0
    latencies: list[float] = field(default_factory=list)
    lost: int = 0
    lost_copies: int = 0  # of which: a duplicate delivery answered with nothing
    duplicated: int = 0
    out_of_order: int = 0
    unstarted: int = 0
    examples: list[str] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0
    server_cpu: float = 0.0  # CPU seconds the server's processes used during the run
    client_cpu: float = 0.0  # this load generator
    postgres_cpu: float = 0.0  # and PostgreSQL (its processes that lived through the run)
    restarts: int = 0  # workers uvicorn found unresponsive, killed and replaced during the run
    server_said: list[str] = field(default_factory=list)  # anything but INFO lines

    def note(self, what: str) -> None:
        if len(self.examples) < 5:
            self.examples.append(what)


_numbers = itertools.count(7700100000)  # a new phone number for every simulated texter


def people(count: int, run: str, seed: int) -> list[Person]:
    rng = random.Random(seed)
    crowd = []
    for i in range(count):
        script = SCRIPTS[i % len(SCRIPTS)]
        if i % 2:
            duplicates = {
                t: rng.choice(("together", "retry")) for t in range(len(script)) if rng.random() < DUPLICATE_SHARE
            }
            crowd.append(Person(f"{run}-{i}", "sms", f"+44{next(_numbers)}", script, duplicates))
        else:
            crowd.append(Person(f"{run}-{i}", "web", "", script, {}))
    return crowd


def sms_form(person: Person, body: str, sid: str) -> dict[str, str]:
    return {
        "ToCountry": "GB",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "SmsSid": sid,
        "SmsStatus": "received",
        "Body": body,
        "FromCountry": "GB",
        "To": FROM_NUMBER,
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": person.sender,
        "ApiVersion": "2010-04-01",
    }


async def timed_post(
    client: httpx.AsyncClient,
    tally: Tally,
    path: str,
    json: dict[str, str] | None = None,
    data: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response | None:
    start = time.perf_counter()
    try:
        response = await client.post(path, json=json, data=data, headers=headers)
    except httpx.HTTPError:
        response = None
    tally.latencies.append(time.perf_counter() - start)
    tally.requests += 1
    return response


async def web_turn(client: httpx.AsyncClient, tally: Tally, person: Person, step: Step) -> list[str | None]:
    session = person.sender or None  # sessions are the server's to issue: none on the first turn
    response = await timed_post(client, tally, "/api/chat", json={"session": session, "text": step.say})
    if response is None or response.status_code != 200:
        return [None]
    body = response.json()
    person.sender = person.sender or str(body.get("session") or "")
    if body.get("session") != person.sender or not body.get("replies"):
        return [None]
    return ["\n".join(r["text"] for r in body["replies"])]


async def sms_turn(
    client: httpx.AsyncClient, tally: Tally, validator: RequestValidator, person: Person, step: Step, twice: str | None
) -> list[str | None]:
    form = sms_form(person, step.say, f"SM{uuid.uuid4().hex}")
    headers = {"X-Twilio-Signature": validator.compute_signature(PUBLIC_URL + "/sms/twilio", form)}

    async def deliver() -> str | None:
        response = await timed_post(client, tally, "/sms/twilio", data=form, headers=headers)
        if response is None or response.status_code != 200:
            return None
        messages = [m.text or "" for m in ElementTree.fromstring(response.text).findall("Message")]
        return "\n".join(messages) if any(m.strip() for m in messages) else None

    if twice == "together":
        return list(await asyncio.gather(deliver(), deliver()))
    first = await deliver()
    return [first, await deliver()] if twice == "retry" else [first]


def shows(reply: str, keys: Sequence[str], channel: str) -> bool:
    reply = re.sub(r"\byou\b", "they", reply)  # the questions say "you" to someone looking for themselves
    wanted = [MARKERS[k] for k in keys]
    if channel == "sms":
        wanted = [gsm_safe(w) for w in wanted]
    return any(w in reply for w in wanted)


async def converse(
    client: httpx.AsyncClient, tally: Tally, validator: RequestValidator, person: Person, deadline: float
) -> None:
    if time.perf_counter() > deadline:
        tally.unstarted += 1
        return
    doubled = False  # a message of this conversation was delivered twice
    for index, step in enumerate(person.script):
        twice = person.duplicates.get(index)
        if person.channel == "web":
            copies = await web_turn(client, tally, person, step)
        else:
            copies = await sms_turn(client, tally, validator, person, step, twice)
        tally.turns += 1
        answered = [c for c in copies if c is not None]
        where = f"{person.channel} {person.name} turn {index + 1} ({step.say!r})"
        if len(answered) < len(copies):
            tally.lost += 1
            tally.lost_copies += bool(answered)
            tally.note(f"lost: {where}: {len(copies) - len(answered)} of {len(copies)} deliveries got no reply")
            if not answered:
                return  # where this conversation stands is unknown: the rest of it cannot be judged
        if len(set(answered)) > 1:
            tally.duplicated += 1
            tally.note(f"duplicated: {where}: its two deliveries were answered differently")
            return  # the conversation is off its script from here
        if not shows(answered[0], step.expect, person.channel):
            if doubled:
                tally.duplicated += 1
                tally.note(f"duplicated: {where}: after a double delivery, got {answered[0][:120]!r}")
            else:
                tally.out_of_order += 1
                tally.note(f"out of order: {where}: got {answered[0][:120]!r}")
            return
        doubled = doubled or twice is not None


async def load(port: int, crowd: list[Person], concurrency: int, tally: Tally, seconds: float) -> None:
    validator = RequestValidator(AUTH_TOKEN)
    limits = httpx.Limits(max_connections=2 * concurrency, max_keepalive_connections=0)
    timeout = httpx.Timeout(REQUEST_SECONDS)
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits, timeout=timeout) as client:
        queue: asyncio.Queue[Person] = asyncio.Queue()
        for person in crowd:
            queue.put_nowait(person)
        tally.started = time.perf_counter()
        deadline = tally.started + seconds

        async def worker() -> None:
            while not queue.empty():
                await converse(client, tally, validator, queue.get_nowait(), deadline)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        tally.ended = time.perf_counter()


@dataclass(frozen=True, slots=True)
class Proc:
    parent: int
    name: str
    cpu: float  # seconds of user and system time so far


def processes() -> dict[int, Proc]:
    """Every process on the machine (Linux ``/proc``)."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            head, tail = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = tail.split()
        found[int(entry.name)] = Proc(
            int(fields[1]), head.split("(", 1)[1], (int(fields[11]) + int(fields[12])) / ticks
        )
    return found


def cpu_seconds(server: int) -> tuple[float, float]:
    """CPU time so far of a process with all its descendants, and of PostgreSQL's processes."""
    table = processes()
    family, grew = {server}, True
    while grew:
        more = {pid for pid, p in table.items() if p.parent in family} - family
        family |= more
        grew = bool(more)
    postgres = sum(p.cpu for p in table.values() if p.name.startswith("postgres"))
    return sum(table[pid].cpu for pid in family if pid in table), postgres


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def fresh_schema(admin_url: str) -> Iterator[str]:
    """A new schema holding the sample directory; the URL that uses it. Dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = make_engine(admin_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{admin_url}{'&' if '?' in admin_url else '?'}options=-csearch_path%3D{schema}"
    try:
        engine = make_engine(url)
        upgrade(engine)
        load_sample(engine, PROJECT_DIR / "directory_data")
        engine.dispose()
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def forget_everyone(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in PERSON_TABLES:
            conn.execute(text(f"DELETE FROM {table}"))


def dayfinder_command() -> list[str]:
    script = Path(sys.executable).with_name("dayfinder")
    if script.exists():
        return [str(script)]
    found = shutil.which("dayfinder")
    return [found] if found else [sys.executable, "-c", "from assistant.cli import main; main()"]


@contextmanager
def server(database_url: str, workers: int) -> Iterator[tuple[int, int, list[str]]]:
    """``dayfinder serve --workers N`` on a free loopback port, once every worker has started."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "TELEGRAM_", "DATABASE_"))}
    unlimited = str(10**9)
    env |= {
        "DATABASE_URL": database_url,
        "IDENTITY_SECRET": uuid.uuid4().hex,
        "STAFF_SESSION_SECRET": uuid.uuid4().hex + uuid.uuid4().hex,  # required outside development too
        "PUBLIC_BASE_URL": PUBLIC_URL,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_BASE_URL": UNREACHABLE,
        "CHAT_RATE_PER_MINUTE": unlimited,
        "IP_RATE_PER_MINUTE": unlimited,
        "LOG_LEVEL": "info",  # uvicorn says when each worker is up (access lines go to /dev/null)
    }
    command = [*dayfinder_command(), "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]
    _generator, servers = pinning(workers)
    if servers:  # the server and its workers keep off the load generator's core
        command = ["taskset", "--cpu-list", ",".join(map(str, servers)), *command]
    with tempfile.TemporaryDirectory() as cwd:  # no stray .env file is read
        child = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        assert child.stderr is not None
        lines: list[str] = []
        up = threading.Semaphore(0)

        def read(stream: Iterator[str]) -> None:
            for line in stream:
                lines.append(line)
                if "Application startup complete" in line:
                    up.release()

        threading.Thread(target=read, args=(child.stderr,), daemon=True).start()
        try:
            deadline = time.monotonic() + START_SECONDS
            for _ in range(workers):
                if not up.acquire(timeout=max(0.0, deadline - time.monotonic())):
                    raise SystemExit(f"the server did not start:\n{''.join(lines[-20:])}")
            yield port, child.pid, lines
        finally:
            child.terminate()
            try:
                child.wait(15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def isolate(workers: int) -> str:
    """Pin this load generator to its own core when the machine has one to spare beyond one a worker,
    else let it run on every core; say which."""
    generator, servers = pinning(workers)
    os.sched_setaffinity(0, generator or CORES)
    if not generator:
        return f"not isolated: {len(CORES)} cores for {workers} worker(s), this load generator and PostgreSQL"
    return f"load generator pinned to core {generator[0]}, server to {','.join(map(str, servers))} with taskset"


def measure(database_url: str, workers: int, count: int, concurrency: int, seconds: float) -> Tally:
    engine = make_engine(database_url)
    forget_everyone(engine)
    try:
        with server(database_url, workers) as (port, pid, said):
            warmup = Tally()
            asyncio.run(load(port, people(WARMUP_PEOPLE, f"warm{workers}", 1), concurrency, warmup, seconds))
            before = len(said)
            tally = Tally()
            (server_cpu, postgres_cpu), client_cpu = cpu_seconds(pid), own_cpu_seconds()
            asyncio.run(load(port, people(count, f"w{workers}", 2), concurrency, tally, seconds))
            tally.client_cpu = own_cpu_seconds() - client_cpu
            server_after, postgres_after = cpu_seconds(pid)
            tally.server_cpu, tally.postgres_cpu = server_after - server_cpu, postgres_after - postgres_cpu
            tally.server_said = [line.strip() for line in said[before:] if not line.startswith("INFO")]
            tally.restarts = sum("died" in line for line in said[before:])
    finally:
        forget_everyone(engine)
        engine.dispose()
    return tally


def rate(tally: Tally) -> float:
    return tally.turns / max(tally.ended - tally.started, 1e-9)


def report(workers: int, tally: Tally) -> None:
    ms = sorted(x * 1000 for x in tally.latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else float("nan")
    p50 = statistics.median(ms) if ms else float("nan")
    print(
        f"{workers:>7}  {rate(tally):7.1f}  {p50:7.1f}  {p99:7.1f}  {tally.turns:>5}  {tally.requests:>8}"
        f"  {tally.lost:>5}  {tally.duplicated:>10}  {tally.out_of_order:>12}  {tally.ended - tally.started:6.1f} s"
    )
    per_turn = 1000 / max(tally.turns, 1)
    cpu = [("server", tally.server_cpu), ("PostgreSQL", tally.postgres_cpu), ("this load generator", tally.client_cpu)]
    shares = ", ".join(f"{name} {seconds * per_turn:.1f} ms" for name, seconds in cpu)
    print(f"         CPU a turn: {shares} ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    if tally.lost_copies:
        print(
            f"         {tally.lost_copies} of the lost: one of two copies sent together was answered with an"
            " empty <Response/> while the other was being answered"
        )
    if tally.unstarted:
        print(f"         {tally.unstarted} people were not started within the time limit")
    for example in tally.examples:
        print(f"         e.g. {example}")
    if tally.restarts:
        print(f"         uvicorn killed and replaced {tally.restarts} unresponsive worker(s) during the run")
    for line in tally.server_said[:5]:
        print(f"         server: {line[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--people", type=int, default=240, help="people simulated in each run (at least 200)")
    parser.add_argument("--concurrency", type=int, default=32, help="people talking at the same time")
    parser.add_argument("--seconds", type=float, default=RUN_SECONDS, help="time limit of each run")
    parser.add_argument("--rounds", type=int, default=2, help="runs with each number of workers, alternating")
    parser.add_argument("--workers", default="1,2,4", help="numbers of workers to run, the first the baseline")
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    args = parser.parse_args()
    if not args.database.startswith("postgresql"):
        raise SystemExit("bench/load.py needs PostgreSQL (--database postgresql+psycopg://...)")
    crowd = people(args.people, "plan", 2)
    sms = [p for p in crowd if p.channel == "sms"]
    doubled = sum(len(p.duplicates) for p in sms)
    print(
        f"PostgreSQL, {args.people} people ({len(crowd) - len(sms)} web, {len(sms)} SMS), {args.concurrency} at a"
        f" time, {sum(len(p.script) for p in crowd)} turns a run; {doubled} of"
        f" {sum(len(p.script) for p in sms)} SMS turns delivered twice"
    )
    counts = [int(n) for n in args.workers.split(",")]
    print("workers  turns/s   p50 ms   p99 ms  turns  requests   lost  duplicated  out of order   time")
    runs: list[tuple[int, Tally]] = []
    with fresh_schema(args.database) as url:
        for _ in range(args.rounds):  # taking turns, so that a burst of other work on the machine hits all alike
            for workers in counts:
                isolation = isolate(workers)
                runs.append((workers, measure(url, workers, args.people, args.concurrency, args.seconds)))
                report(*runs[-1])
                print(f"         {isolation}")
    best = {w: max(rate(t) for n, t in runs if n == w) for w in counts}
    for workers in counts[1:]:
        aim = " (aim: at least 1.6x)" if workers == 2 else ""
        ratio = best[workers] / max(best[counts[0]], 1e-9)
        print(f"{workers} workers / {counts[0]}: {ratio:.2f}x the best turns a second{aim}")
    wrong = sum(t.lost + t.duplicated + t.out_of_order + t.unstarted for _, t in runs)
    print("lost, duplicated and out-of-order replies: " + ("none" if wrong == 0 else f"{wrong} (must be 0)"))
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
