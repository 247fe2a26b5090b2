"""A Redis cache that keeps the site up when Redis is not.

The cache holds session copies, API throttle counters and cached list counts:
all of it can be rebuilt or lived without. With Django's own Redis backend a
dead Redis turns every request that touches the cache (login, every screen,
every API call) into a 500. This backend answers from a per-process memory
cache instead, so sessions are read from the database (the cached_db engine
treats a miss as "ask the database") and throttling counts per process.

- The switch is logged once, at WARNING, and the return at INFO.
- While Redis is down each process tries it again every RETRY_AFTER seconds
  (one request pays the connect timeout, the others do not wait at all).
- Keys written or deleted while Redis was away are deleted from Redis when it
  comes back: Redis may still hold an old copy (a session since logged out),
  and it must not serve it again.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("factcheck.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ReadOnlyError, OSError)
# Beyond this many keys changed during an outage, the oldest are not
# invalidated on recovery; they expire with their own timeout.
MAX_DIRTY_KEYS = 50_000


def redis_cache(url: str, *, retry_after: int = 30) -> dict:
    """The CACHES entry for a Redis cache with the fallback (settings and tests use it)."""
    return {
        "BACKEND": "factcheck.cache.FallbackRedisCache",
        "LOCATION": url,
        "OPTIONS": {"RETRY_AFTER": retry_after},
    }


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 30))
        # Fail fast: a request must not wait long on a cache it can do without.
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        super().__init__(server, {**params, "OPTIONS": options})
        shared = {key: params[key] for key in ("TIMEOUT", "KEY_PREFIX", "VERSION") if key in params}
        self._memory = LocMemCache(f"redis-fallback-{id(self)}", shared)
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._next_try = 0.0
        self._dirty: dict[str, None] = {}  # keys (with their version) changed while down

    @property
    def is_down(self) -> bool:
        return self._down_since is not None

    # -- the switch

    def _use_redis(self) -> bool:
        if self._down_since is None:
            return True
        with self._lock:  # one request per interval tries Redis again, not all of them
            if time.monotonic() < self._next_try:
                return False
            self._next_try = time.monotonic() + self.retry_after
            return True

    def _went_down(self, exc: Exception) -> None:
        with self._lock:
            self._next_try = time.monotonic() + self.retry_after
            if self._down_since is None:
                self._down_since = time.monotonic()
                logger.warning(
                    "The cache (Redis) cannot be reached (%s): sessions are read from the "
                    "database and throttling counts per process until it is back; "
                    "trying it again every %d seconds.",
                    exc,
                    self.retry_after,
                )

    def _come_back(self) -> None:
        """Invalidate what changed during the outage, then use Redis again.

        Runs before the first command that reaches Redis again, so an old copy
        is never served; raises (keeping the keys) when Redis is still away.
        """
        dirty = list(self._dirty)
        for start in range(0, len(dirty), 500):
            self._cache.delete_many(dirty[start : start + 500])
        with self._lock:
            if self._down_since is None:
                return
            outage = time.monotonic() - self._down_since
            self._down_since = None
            for key in dirty:
                self._dirty.pop(key, None)
        self._memory.clear()
        logger.info(
            "The cache (Redis) is reachable again after %.0f seconds; %d keys changed "
            "meanwhile were invalidated.",
            outage,
            len(dirty),
        )

    def _call(self, name: str, *args, changes=(), **kwargs):
        """Run the cache method on Redis, or on the memory cache while Redis is down."""
        if self._use_redis():
            try:
                if self._down_since is not None:
                    self._come_back()
                return getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE as exc:
                self._went_down(exc)
        if changes:
            version = kwargs.get("version")
            for key in changes:
                if len(self._dirty) < MAX_DIRTY_KEYS:
                    self._dirty[self.make_and_validate_key(key, version=version)] = None
        return getattr(self._memory, name)(*args, **kwargs)

    # -- the cache API

    def add(self, key, *args, **kwargs):
        return self._call("add", key, *args, changes=(key,), **kwargs)

    def get(self, key, *args, **kwargs):
        return self._call("get", key, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        return self._call("set", key, *args, changes=(key,), **kwargs)

    def touch(self, key, *args, **kwargs):
        return self._call("touch", key, *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        return self._call("delete", key, *args, changes=(key,), **kwargs)

    def get_many(self, keys, *args, **kwargs):
        return self._call("get_many", keys, *args, **kwargs)

    def has_key(self, key, *args, **kwargs):
        return self._call("has_key", key, *args, **kwargs)

    def incr(self, key, *args, **kwargs):
        return self._call("incr", key, *args, changes=(key,), **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._call("set_many", data, *args, changes=tuple(data), **kwargs)

    def delete_many(self, keys, *args, **kwargs):
        keys = list(keys)
        return self._call("delete_many", keys, *args, changes=tuple(keys), **kwargs)

    def clear(self):
        self._memory.clear()
        return self._call("clear")
