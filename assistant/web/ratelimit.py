"""Per-key moving-window rate limits, kept where every worker sees them.

With ``REDIS_URL`` set the counts live in Redis, so N workers on M machines share one limit;
without it they live in this process's memory (right for one worker; with N workers a client may
get up to N times the limit). Both are the ``limits`` library's moving window: each key's own
hits expire one by one as the minute passes, so a flood of new keys never resets anyone else's
count. Keys are hashed first, so an email address or a session id never reaches Redis in clear.
"""

from __future__ import annotations

import hashlib
import logging

from limits import RateLimitItemPerMinute
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter

KEY_PREFIX = "dayfinder"
REDIS_TIMEOUT_SECONDS = 0.5  # a slow or unreachable Redis costs a request this much at most
_log = logging.getLogger(__name__)


def limit_storage(redis_url: str | None, prefix: str = KEY_PREFIX) -> Storage:
    """Redis when a URL is given, else memory. Errors surface as ``limits``' ``StorageError``."""
    if redis_url:
        return RedisStorage(
            redis_url,
            key_prefix=prefix,
            wrap_exceptions=True,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
    return MemoryStorage(wrap_exceptions=True)


class RateLimiter:
    """At most ``per_minute`` hits a key in any 60 seconds. ``name`` keeps limiters that share a
    storage apart."""

    def __init__(self, per_minute: int, name: str = "default", storage: Storage | None = None) -> None:
        self._item = RateLimitItemPerMinute(per_minute, namespace=name)
        self._limiter = MovingWindowRateLimiter(storage or limit_storage(None))

    def allow(self, key: str) -> bool:
        """Count one hit for ``key``; False when it is over the limit for the last minute. If the
        store cannot be reached the hit is allowed (and logged): a Redis outage must not take the
        chat down with it."""
        digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
        try:
            return self._limiter.hit(self._item, digest)
        except StorageError as exc:
            _log.warning("rate limit store unavailable (%s); allowing the request", type(exc.storage_error).__name__)
            return True
