"""Rate limits in memory and in Redis: they hold, they hold across workers, and floods reset nothing.

The Redis tests run when ``REDIS_TEST_URL`` names a server (CI sets ``redis://127.0.0.1:6379/15``),
as the PostgreSQL tests run when ``DATABASE_URL`` does; one that cannot reach it fails. Each test
writes under its own key prefix.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from assistant.app import create_app
from assistant.settings import Settings
from assistant.web.ratelimit import RateLimiter, limit_storage

REDIS_URL = os.environ.get("REDIS_TEST_URL", "")
REDIS = [REDIS_URL] if REDIS_URL else []
# More new keys than the old in-process limiter held before it forgot every count at once.
FLOOD = 100_001

Worker = Callable[[int], RateLimiter]  # a limiter as one worker process would build it


@pytest.fixture(params=[None, *REDIS], ids=lambda url: "redis" if url else "memory")
def worker(request: pytest.FixtureRequest) -> Worker:
    """Builds limiters that stand for separate workers: each has its own storage object."""
    prefix = f"dayfinder-test-{uuid.uuid4().hex}"
    return lambda per_minute: RateLimiter(per_minute, "chat-ip", limit_storage(request.param, prefix))


@pytest.fixture(params=REDIS)
def redis_url(request: pytest.FixtureRequest) -> str:
    url: str = request.param
    return url


def test_a_key_over_its_limit_is_refused_and_others_are_not(worker: Worker) -> None:
    limiter = worker(3)
    assert [limiter.allow("ip:203.0.113.9") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("ip:203.0.113.10")


def test_limiters_with_different_names_count_apart() -> None:
    storage = limit_storage(None)
    chat, login = RateLimiter(1, "chat", storage), RateLimiter(1, "login", storage)
    assert chat.allow("ip:203.0.113.9") and login.allow("ip:203.0.113.9")
    assert not chat.allow("ip:203.0.113.9")


def test_with_redis_the_limit_holds_across_workers(redis_url: str) -> None:
    prefix = f"dayfinder-test-{uuid.uuid4().hex}"
    first, second = (RateLimiter(4, "chat-ip", limit_storage(redis_url, prefix)) for _ in range(2))
    hits = [limiter.allow("ip:203.0.113.9") for limiter in (first, second, first, second, first, second)]
    assert hits == [True, True, True, True, False, False]


def test_a_flood_of_new_keys_never_resets_an_existing_count() -> None:
    limiter = RateLimiter(2, "chat-ip")
    assert limiter.allow("ip:203.0.113.9") and limiter.allow("ip:203.0.113.9")
    for number in range(FLOOD):
        limiter.allow(f"ip:flood-{number}")
    assert not limiter.allow("ip:203.0.113.9")


def test_an_unreachable_redis_lets_the_chat_carry_on() -> None:
    limiter = RateLimiter(1, "chat-ip", limit_storage("redis://127.0.0.1:1/0"))
    assert limiter.allow("ip:203.0.113.9") and limiter.allow("ip:203.0.113.9")


def test_two_app_workers_sharing_redis_share_a_session_limit(settings: Settings, redis_url: str) -> None:
    shared = settings.model_copy(update={"redis_url": redis_url, "chat_rate_per_minute": 3})
    with TestClient(create_app(shared)) as one, TestClient(create_app(shared)) as two:
        session = one.post("/api/chat", json={"session": None, "text": "hi"}).json()["session"]
        codes = [
            client.post("/api/chat", json={"session": session, "text": "for me"}).status_code
            for client in (two, one, two)
        ]
    assert codes == [200, 200, 429]
