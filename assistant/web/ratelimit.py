"""Per-key sliding-window rate limits, held in the process.

Each worker keeps its own counts, so with N workers a client may get up to N times the limit:
enough to stop a runaway script or a flood, which is all this is for.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from threading import Lock

WINDOW_SECONDS = 60.0
MAX_KEYS = 100_000


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = per_minute
        self._clock = clock
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = Lock()

    def allow(self, key: str) -> bool:
        """Count one hit for ``key``; False when it is over the limit for the last minute."""
        now = self._clock()
        with self._lock:
            if len(self._hits) > MAX_KEYS:
                self._hits.clear()
            hits = self._hits[key]
            while hits and hits[0] <= now - WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= self._limit:
                return False
            hits.append(now)
            return True
